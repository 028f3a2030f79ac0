import APIDocExtraction
import APIDocMarkdown

extension Resolver {
    /// What the paths of one operation address.
    enum Target {
        /// The resource itself (JSON in, JSON out).
        case resource
        /// Raw bytes: `.../$value`, `.../content`.
        case value
        /// References: `.../$ref`.
        case references
    }

    /// One operation to build: its page, method, the lines it serves and its unique name.
    struct PlannedOperation: Sendable {
        var page: Int
        var method: String
        var lines: [HTTPRequestLine]
        var target: Target
        var split: Bool
        var name: String
    }

    /// The methods of an operation page in order of appearance, each with its base name and its
    /// lines grouped by target (pure: read concurrently).
    struct PageMethods: Sendable {
        var methods: [(method: String, baseName: String, groups: [(target: Target, lines: [HTTPRequestLine])])]
    }

    mutating func buildOperations() -> [Operation] {
        // Path templates are read concurrently first: pure, and a good part of the work.
        var keys: [PathKey] = []
        var seenKeys: Set<PathKey> = []
        var operationPages: [Int] = []
        // (Pages borrowed from the buffer: `pages[index]` would copy a page for each look.)
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices where pages[index].isOperation {
                operationPages.append(index)
                for line in pages[index].httpRequests {
                    let key = PathKey(template: line.path, query: line.query)
                    if seenKeys.insert(key).inserted { keys.append(key) }
                }
            }
        }
        let templates = keys
        let parsed = Parallel.map(templates.count, workers: workers) { Naming.operationPath(templates[$0].template, query: templates[$0].query) }
        operationPaths = Dictionary(uniqueKeysWithValues: zip(templates, parsed))
        // Base names and target groups, concurrently; then unique names, in page order.
        let perPage = { [self, operationPages] in
            Parallel.map(operationPages.count, workers: workers) { index in
                self.pages.withUnsafeBufferPointer { self.pageMethods($0[operationPages[index]]) }
            }
        }()
        var planned: [PlannedOperation] = []
        var usedNames: Set<String> = []
        for (pageIndex, described) in zip(operationPages, perPage) {
            let stem = pages[pageIndex].stem
            let methods = described.methods
            for (position, entry) in methods.enumerated() {
                let method = entry.method
                for (index, group) in entry.groups.enumerated() {
                    var name = entry.baseName
                    if index > 0 { name += group.target == .value ? "Content" : "References" }
                    if usedNames.contains(name) {
                        let fallback = Naming.lowerCamel(stem.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init))
                            + (methods.count > 1 && position > 0 ? Naming.upperFirst(method.lowercased()) : "")
                            + (index > 0 ? (group.target == .value ? "Content" : "References") : "")
                        name = fallback
                        var counter = 2
                        while usedNames.contains(name) { name = fallback + String(counter); counter += 1 }
                    }
                    usedNames.insert(name)
                    planned.append(PlannedOperation(page: pageIndex, method: method, lines: group.lines, target: group.target,
                                                    split: entry.groups.count > 1, name: name))
                }
            }
        }
        // Request bodies may define types and add rows to them: in order, on this thread.
        let pages = self.pages
        let bodies = pages.withUnsafeBufferPointer { pages in planned.map { requestBody(for: $0, page: pages[$0.page]) } }
        // The rest reads the resolver and changes nothing but its warnings: concurrently, each
        // operation's warnings kept with it and added in order. Responses are read once every
        // request body is defined, so each sees the types as they end up, whatever the order.
        let built = { [self, planned] in
            Parallel.map(planned.count, workers: workers) { index -> (Operation, [Diagnostic]) in
                var scratch = self
                scratch.diagnostics = []
                let operation = self.pages.withUnsafeBufferPointer { scratch.operation(planned[index], page: $0[planned[index].page], body: bodies[index]) }
                return (operation, scratch.diagnostics)
            }
        }()
        var operations: [Operation] = []
        operations.reserveCapacity(built.count)
        for index in built.indices {
            operations.append(built[index].0)
            diagnostics.append(contentsOf: built[index].1)
        }
        return operations.sorted { $0.name < $1.name }
    }

    /// A page's methods in order of appearance (lines with several methods, rare, make one
    /// operation per method), each with its base name and its lines grouped by target.
    func pageMethods(_ page: Page) -> PageMethods {
        var methods: [String] = []
        for line in page.httpRequests where !methods.contains(line.method) { methods.append(line.method) }
        let bodyType = bodyTypeName(page)
        return PageMethods(methods: methods.map { method in
            let lines = page.httpRequests.filter { $0.method == method }
            var baseName = Naming.operationName(page: page, method: method, bodyType: bodyType)
            if methods.count > 1 && method != methods[0] { baseName += Naming.upperFirst(method.lowercased()) }
            return (method, baseName, Resolver.targetGroups(lines, method: method))
        })
    }

    /// The lines of one method grouped by what they address. `GET` lines for raw bytes or for
    /// references beside lines for the resource itself (`GET /me/photo` and `GET /me/photo/$value`)
    /// answer with other bodies, so each kind is an operation of its own, the resource first.
    static func targetGroups(_ lines: [HTTPRequestLine], method: String) -> [(target: Target, lines: [HTTPRequestLine])] {
        func target(_ line: HTTPRequestLine) -> Target {
            if line.addressesReference { return .references }
            if line.addressesValue || line.addressesContent { return .value }
            return .resource
        }
        guard method == "GET" else {
            let targets = Set(lines.map(target))
            return [(targets.count == 1 ? targets.first! : .resource, lines)]
        }
        var groups: [(target: Target, lines: [HTTPRequestLine])] = []
        for kind in [Target.resource, .value, .references] {
            let matching = lines.filter { target($0) == kind }
            if !matching.isEmpty { groups.append((kind, matching)) }
        }
        return groups
    }

    /// The request body of a planned operation (only methods that carry one get one: a page may
    /// document GET and PATCH together). Defines body types: called in order, on one thread.
    mutating func requestBody(for planned: PlannedOperation, page: Page) -> TypeUse? {
        let method = planned.method
        let name = planned.name
        let target = planned.target
        var body: TypeUse?
        if ["POST", "PATCH", "PUT"].contains(method) {
            switch target {
            case .references:
                // `{"@odata.id": url}`, unless the page documents a body table of its own.
                switch page.requestBody {
                case .parameters:
                    body = requestBody(page, method: method, operationName: name)
                case .resource(_, let rows) where !rows.isEmpty:
                    body = requestBody(page, method: method, operationName: name)
                default:
                    body = TypeUse(type: TypeUse.reference, collection: false)
                }
            case .value:
                switch page.requestBody {
                case .resource, .parameters: body = requestBody(page, method: method, operationName: name)
                default: body = TypeUse(type: TypeUse.stream, collection: false)
                }
            case .resource:
                body = requestBody(page, method: method, operationName: name)
            }
        }
        return body
    }

    /// An operation from its plan and its request body; changes nothing but the warnings.
    /// `page` is the planned operation's page.
    mutating func operation(_ planned: PlannedOperation, page: Page, body: TypeUse?) -> Operation {
        let method = planned.method
        let lines = planned.lines
        let target = planned.target
        let split = planned.split
        let name = planned.name
        var paths: [OperationPath] = []
        for line in lines where !paths.contains(where: { $0.template == line.path }) {
            var path = operationPaths[PathKey(template: line.path, query: line.query)] ?? Naming.operationPath(line.path, query: line.query)
            path.deprecation = line.deprecation
            for index in path.parameters.indices {
                guard let argument = path.parameters[index].argument,
                      let row = page.functionParameters.first(where: { $0.name.lowercased() == argument.lowercased() }) else { continue }
                path.parameters[index].type = functionParameterType(row, page: page)
            }
            paths.append(path)
        }
        var response = responseSpec(page, allowStream: !split || target != .resource)
        if method == "GET" {
            switch target {
            case .value:
                response = ResponseSpec(status: response?.status ?? 200, type: TypeUse.stream, collection: false)
            case .references:
                let collection = page.response?.type?.collection ?? page.examples.first { $0.kind == .response }?.isCollection ?? true
                response = ResponseSpec(status: response?.status ?? 200, type: TypeUse.reference, collection: collection)
            case .resource:
                break
            }
        }
        var options = queryOptions(page, method: method, target: target, response: response)
        if method == "DELETE", target == .references,
           let line = lines.first(where: { $0.query?.lowercased().hasPrefix("$id=") == true || $0.query?.lowercased().contains("&$id=") == true }) {
            options.append(QueryOption(name: "$id", required: true, source: source(page, line.location)))
        }
        return Operation(
            name: name, title: page.title, description: page.description, method: method, paths: paths,
            requestBody: body, response: response, source: source(page, page.titleLocation),
            queryOptions: options, headers: headerParameters(page, streamBody: body?.type == TypeUse.stream))
    }

    /// The type of a function argument: an OData primitive or a declared enum; nil (a string
    /// written as documented) for anything else. Nothing is reported: the argument works as a string.
    func functionParameterType(_ row: PropertyRow, page: Page) -> String? {
        guard !row.type.collection else { return nil }
        switch row.type.kind {
        case .primitive(let name):
            return name
        case .named(let name, let link):
            if let primitive = TypeCellParser.primitive(name) { return primitive }
            guard let found = link.flatMap({ lookupLink($0, name: name) }) ?? lookupName(name, namespace: page.namespace) else { return nil }
            return types[found]?.kind == .enum ? found : nil
        case .oneOf, .unknown:
            return nil
        }
    }

    /// The OData query options an operation takes. Those the page names as supported, unless it
    /// names them as unsupported too; and where the page says the query options are supported in
    /// general, those that fit the response: all of them for a collection, `$select` and
    /// `$expand` for one entity. `GET` operations take them; other methods only the options the
    /// page names, and only when they answer with a body. Raw bytes take none.
    func queryOptions(_ page: Page, method: String, target: Target, response: ResponseSpec?) -> [QueryOption] {
        let facts = page.queryOptions
        guard target != .value, response?.type != TypeUse.stream else { return [] }
        let hasBody = response?.type != nil
        guard method == "GET" || hasBody else { return [] }
        let unsupported = Set(facts.unsupported.map(\.option))
        var chosen: [ODataQueryOption: SourceLocation] = [:]
        for mention in facts.supported where !unsupported.contains(mention.option) {
            chosen[mention.option] = chosen[mention.option] ?? mention.location
        }
        if method == "GET", facts.noneSupported == nil, let general = facts.general, let response, let type = response.type {
            let fitting: [ODataQueryOption]
            if response.collection {
                fitting = ODataQueryOption.allCases
            } else if !type.hasPrefix("Edm."), type != TypeUse.reference {
                fitting = [.select, .expand]
            } else {
                fitting = []
            }
            for option in fitting where !unsupported.contains(option) && chosen[option] == nil { chosen[option] = general }
        }
        return ODataQueryOption.allCases.compactMap { option in
            chosen[option].map { QueryOption(name: option.rawValue, source: source(page, $0)) }
        }
    }

    /// The request headers a caller may set: every documented header but `Authorization` (the
    /// client's), `Content-Length` (the transport's), `Content-Type` (the client's for JSON; kept
    /// for a body of raw bytes) and `Accept` when it names JSON or nothing (the client's too). Rows
    /// that name the same field (`Prefer: outlook.timezone`, `Prefer: outlook.body-content-type`)
    /// make one parameter.
    func headerParameters(_ page: Page, streamBody: Bool) -> [HeaderParameter] {
        var result: [HeaderParameter] = []
        for row in page.requestHeaders {
            let lower = row.name.lowercased()
            // The transport sets Content-Length from the body.
            if lower == "authorization" || lower == "content-length" || (lower == "content-type" && !streamBody) { continue }
            // `Accept: application/json` is what the client sends anyway; other values stay offered.
            if lower == "accept", (row.documentedValue ?? "").containsIgnoringCase("json") || (row.documentedValue ?? "").isEmpty { continue }
            let text = (row.qualifier.map { "`\($0)`: " } ?? "") + row.value
            if let index = result.firstIndex(where: { $0.name.lowercased() == lower }) {
                if !text.isEmpty { result[index].description = [result[index].description, text].compactMap { $0 }.joined(separator: " ") }
                result[index].required = result[index].required || row.isRequired
                continue
            }
            result.append(HeaderParameter(name: row.name, description: text.isEmpty ? nil : text, value: row.qualifier == nil ? row.documentedValue : nil,
                                          required: row.isRequired, source: source(page, row.location)))
        }
        return result
    }

    func bodyTypeName(_ page: Page) -> String? {
        if case .resource(let ref, _) = page.requestBody, case .named(let name, _) = ref.kind { return name }
        return nil
    }

    mutating func requestBody(_ page: Page, method: String, operationName: String) -> TypeUse? {
        switch page.requestBody {
        case .none, .unspecified:
            return nil
        case .binary:
            return TypeUse(type: TypeUse.stream, collection: false)
        case .resource(let ref, let rows):
            let context = "request body"
            // A body type whose page is missing is defined from this page's table, so nothing is lost.
            if case .named(let name, let link) = ref.kind, link.flatMap({ lookupLink($0, name: name) }) == nil,
               lookupName(name, namespace: page.namespace) == nil, !rows.isEmpty {
                let qualified = Resolver.qualify(name, namespace: page.namespace)
                warn(page, ref.location, "missing-page",
                     "request body type '\(name)' links to '\(link ?? name)', a page that is not in the input; the type is defined from this page's table")
                defineType(qualified, rows: rows, page: page, location: ref.location, description: nil)
                return TypeUse(type: qualified, collection: ref.collection)
            }
            let type = resolve(ref, page: page, context: context)
            if type != "Edm.Untyped", let definition = types[type], definition.kind != .enum {
                mergeBodyRows(rows, into: type, page: page)
            }
            return TypeUse(type: type, collection: ref.collection)
        case .parameters(let rows):
            let qualified = Resolver.qualify(operationName + "RequestBody", namespace: page.namespace)
            defineType(qualified, rows: rows, page: page, location: rows.first?.location ?? page.titleLocation,
                       description: "The parameters of `\(operationName)`" + (page.title.map { " (\($0))" } ?? "") + ", sent as its JSON body.",
                       actionParameters: true)
            return TypeUse(type: qualified, collection: false)
        }
    }

    /// Properties a request-body table lists that the body type's own page does not: kept on the type, with a note.
    mutating func mergeBodyRows(_ rows: [PropertyRow], into type: String, page: Page) {
        guard var definition = types[type] else { return }
        let inherited = Set(ancestors(type).flatMap { types[$0]?.properties.map(\.name) ?? [] })
        for row in rows where !inherited.contains(row.name) {
            let resolved = resolve(row.type, page: page, context: "property '\(row.name)'")
            warn(page, row.location, "body-property", "property '\(row.name)' of the request body is not on the page of '\(Resolver.simpleName(type))'; it is added to the type")
            definition.properties.append(property(row, page: page, type: resolved))
        }
        types[type] = definition
    }

    mutating func defineType(_ qualified: String, rows: [PropertyRow], page: Page, location: SourceLocation, description: String?,
                             actionParameters: Bool = false) {
        if canonical[qualified.lowercased()] != nil { return }
        var properties: [Property] = []
        var seen = Set<String>()
        for row in rows where seen.insert(row.name).inserted {
            properties.append(property(row, page: page, type: resolve(row.type, page: page, context: "property '\(row.name)'")))
        }
        var definition = TypeDefinition(name: qualified, kind: .complex, description: description, properties: properties, source: source(page, location))
        definition.isActionParameters = actionParameters
        register(definition, page: page, location: location)
    }

    /// The documented response. Without `allowStream`, prose that speaks of bytes is ignored
    /// (it is about the other paths of the page) and the response example names the type.
    mutating func responseSpec(_ page: Page, allowStream: Bool = true) -> ResponseSpec? {
        let example = allowStream ? page.examples.first { $0.kind == .response }
            : page.examples.first { $0.kind == .response && $0.odataType != nil } ?? page.examples.first { $0.kind == .response }
        let status = page.response?.status ?? example?.status
        var type: String?
        var collection = false
        if let ref = page.response?.type, allowStream || ref.kind != .primitive(TypeUse.stream) {
            type = resolve(ref, page: page, context: "response")
            collection = ref.collection || (example?.isCollection ?? false)
        } else if let odata = example?.odataType, status != 204 {
            if let found = lookupName(odata, namespace: page.namespace) {
                type = found
            } else if let primitive = TypeCellParser.primitive(odata) {
                type = primitive
            } else if let location = example?.annotationLocation {
                warn(page, location, "unknown-type", "response example names type '\(odata)', which no page defines; the response is read as any JSON value")
                type = "Edm.Untyped"
            }
            collection = example?.isCollection ?? false
            if !collection, let body = example?.body, body["value"]?.arrayValue != nil, type.map({ types[$0]?.properties.contains { $0.name == "value" } != true }) ?? false {
                collection = true
            }
        }
        if status == nil && type == nil { return nil }
        if status == 204 { type = nil }
        return ResponseSpec(status: status, type: type, collection: type == nil ? false : collection)
    }
}
