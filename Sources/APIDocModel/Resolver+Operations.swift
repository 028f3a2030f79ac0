import APIDocExtraction
import APIDocMarkdown

extension Resolver {
    mutating func buildOperations() -> [Operation] {
        var operations: [Operation] = []
        var usedNames: Set<String> = []
        for page in pages where page.isOperation {
            // Lines with several methods (rare) make one operation per method, in order of appearance.
            var methods: [String] = []
            for line in page.httpRequests where !methods.contains(line.method) { methods.append(line.method) }
            for method in methods {
                let lines = page.httpRequests.filter { $0.method == method }
                var name = Naming.operationName(page: page, method: method, bodyType: bodyTypeName(page))
                if methods.count > 1 && method != methods[0] { name += Naming.upperFirst(method.lowercased()) }
                if usedNames.contains(name) {
                    let fallback = Naming.lowerCamel(page.stem.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init))
                        + (methods.count > 1 && method != methods[0] ? Naming.upperFirst(method.lowercased()) : "")
                    name = fallback
                    var counter = 2
                    while usedNames.contains(name) { name = fallback + String(counter); counter += 1 }
                }
                usedNames.insert(name)
                var paths: [OperationPath] = []
                for line in lines where !paths.contains(where: { $0.template == line.path }) {
                    paths.append(Naming.operationPath(line.path, query: line.query))
                }
                // Only methods that carry a body get one (a page may document GET and PATCH together).
                let body = ["POST", "PATCH", "PUT"].contains(method) ? requestBody(page, method: method, operationName: name) : nil
                let response = responseSpec(page)
                operations.append(Operation(
                    name: name, title: page.title, description: page.description, method: method, paths: paths,
                    requestBody: body, response: response, source: source(page, page.titleLocation)))
            }
        }
        return operations.sorted { $0.name < $1.name }
    }

    func bodyTypeName(_ page: Page) -> String? {
        if case .resource(let ref, _) = page.requestBody, case .named(let name, _) = ref.kind { return name }
        return nil
    }

    mutating func requestBody(_ page: Page, method: String, operationName: String) -> TypeUse? {
        switch page.requestBody {
        case .none, .unspecified:
            return nil
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
                       description: "The body of \(page.title ?? operationName).")
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

    mutating func defineType(_ qualified: String, rows: [PropertyRow], page: Page, location: SourceLocation, description: String?) {
        if canonical[qualified.lowercased()] != nil { return }
        var properties: [Property] = []
        var seen = Set<String>()
        for row in rows where seen.insert(row.name).inserted {
            properties.append(property(row, page: page, type: resolve(row.type, page: page, context: "property '\(row.name)'")))
        }
        let kind: TypeDefinition.Kind = .complex
        register(TypeDefinition(name: qualified, kind: kind, description: description, properties: properties, source: source(page, location)),
                 page: page, location: location)
    }

    mutating func responseSpec(_ page: Page) -> ResponseSpec? {
        let example = page.examples.first { $0.kind == .response }
        let status = page.response?.status ?? example?.status
        var type: String?
        var collection = false
        if let ref = page.response?.type {
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
