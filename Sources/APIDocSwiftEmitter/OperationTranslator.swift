import APIDocMarkdown
import APIDocModel

/// An operation -> an `async throws` method on `GraphClient` with typed path parameters
/// (percent-encoded), typed body and response. With several documented paths, a `<Name>Path`
/// enum has a case per path and a second method takes it, so every path is reachable.
///
/// The options and headers the page documents are parameters with defaults: the OData query
/// options as typed values (`select: [String]?`, `top: Int?`, ...), the headers as optional
/// strings, but for those the page calls required (`If-Match` on Planner updates), which are
/// plain strings without a default. A collection response also gets a `<name>Pages` method: a
/// `CollectionPages` sequence that fetches the first page and follows `@odata.nextLink`. Raw bytes (`$value`,
/// `content`, streams) are `Data`; a `$ref` body or item is an `ODataReference`; function
/// arguments in the path are typed from the Function parameters table and written as OData
/// literals. A path the page calls deprecated is `@available(*, deprecated, message:)` with the
/// page's note, and the method without `at:` takes the first path that is not.
struct OperationTranslator {
    let context: EmitterContext

    /// Members of `GraphClient` that an operation must not shadow.
    static let clientMembers: Set<String> = [
        "send", "url", "nextPage", "baseURL", "transport", "authorization", "init", "pages", "allItems", "reference", "retryPolicy", "middleware",
        "pipeline", "fetchPage", "isBaseOrigin",
    ]

    /// Local names of the generated method bodies, which parameters may not take.
    static let reservedParameters: Set<String> = ["body", "path", "request", "send", "self"]

    struct Rendered {
        var methods: [SwiftDecl]
        var pathEnum: SwiftDecl?
    }

    /// How a path parameter is typed and written into the path.
    struct PathValue {
        /// The `APIDocRuntime.PathComponent` function that writes a value into the path.
        enum Encoding {
            /// `escape(value)`: percent-encoded.
            case escape
            /// `quotedArgument(value)`: in single quotes, `'` doubled.
            case quotedArgument
            /// `argument(value)`: an OData literal (number, Boolean, date, GUID, ...).
            case argument
            /// `quotedArgument(value.rawValue)`: an enum member, quoted.
            case quotedRawValue
        }

        var swiftType: String
        var encoding: Encoding
        /// True when the value is written with its own quotes (or as a bare literal), so quotes
        /// around the placeholder in the template are dropped.
        var replacesQuotes: Bool

        /// The expression that writes the value named `name` into the path.
        func encode(_ name: String) -> String {
            switch encoding {
            case .escape: return SwiftNames.concat("APIDocRuntime.PathComponent.escape(", name, ")")
            case .quotedArgument: return SwiftNames.concat("APIDocRuntime.PathComponent.quotedArgument(", name, ")")
            case .argument: return SwiftNames.concat("APIDocRuntime.PathComponent.argument(", name, ")")
            case .quotedRawValue: return SwiftNames.concat("APIDocRuntime.PathComponent.quotedArgument(", name, ".rawValue)")
            }
        }
    }

    /// The Swift types of function arguments written as bare OData literals, by EDM type.
    static let literalTypes: [String: String] = [
        "Edm.Boolean": "Swift.Bool", "Edm.Int32": "Swift.Int32", "Edm.Int64": "Swift.Int64", "Edm.Int16": "Swift.Int16",
        "Edm.Byte": "Swift.UInt8", "Edm.SByte": "Swift.Int8", "Edm.Double": "Swift.Double", "Edm.Single": "Swift.Float",
        "Edm.Decimal": "Foundation.Decimal", "Edm.Date": "APIDocRuntime.DateOnly", "Edm.DateTimeOffset": "APIDocRuntime.DateTimeOffset",
        "Edm.TimeOfDay": "APIDocRuntime.TimeOfDay", "Edm.Guid": "APIDocRuntime.GUID", "Edm.Duration": "APIDocRuntime.ISODuration",
    ]

    func pathParameters(_ path: OperationPath) -> [(parameter: PathParameter, swiftName: String)] {
        // Parameters may not shadow what the method body uses.
        let names = SwiftNames.uniqued(path.parameters.map { SwiftNames.memberName($0.name, reserved: OperationTranslator.reservedParameters) })
        return Array(zip(path.parameters, names))
    }

    /// The Swift type of a path parameter and how it is written: a function argument with a
    /// documented type is an OData literal of that type (strings and enum members in single
    /// quotes with `'` doubled, numbers, Booleans, dates and GUIDs bare); any other value is a
    /// string, percent-encoded, in quotes where the template quotes it.
    func pathValue(_ parameter: PathParameter) -> PathValue {
        let plain = PathValue(swiftType: "Swift.String", encoding: parameter.quoted ? .quotedArgument : .escape, replacesQuotes: parameter.quoted)
        guard parameter.argument != nil, let type = parameter.type else { return plain }
        if type == "Edm.String" {
            return PathValue(swiftType: "Swift.String", encoding: .quotedArgument, replacesQuotes: true)
        }
        if let swiftType = OperationTranslator.literalTypes[type] {
            return PathValue(swiftType: swiftType, encoding: .argument, replacesQuotes: true)
        }
        if let definition = context.types[type], definition.kind == .enum, !definition.flags, context.swiftNames[type] != nil {
            return PathValue(swiftType: context.swiftName(type), encoding: .quotedRawValue, replacesQuotes: true)
        }
        return plain
    }

    /// The Swift expression that renders a path template with its parameters.
    func pathExpression(_ path: OperationPath, _ parameters: [(parameter: PathParameter, swiftName: String)]) -> String {
        var parts: [String] = []
        var literal = ""
        var template = path.template
        // Braces are found on the template's bytes, with offsets (they are ASCII); the literal
        // text since the last parameter is taken as one slice.
        template.withUTF8 { bytes in
            func text(_ start: Int, _ end: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            var index = 0
            var literalStart = 0
            var parameterIndex = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "{"), parameterIndex < parameters.count, let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                    literal += text(literalStart, index)
                    let (parameter, swiftName) = parameters[parameterIndex]
                    let value = pathValue(parameter)
                    parameterIndex += 1
                    var after = close + 1
                    if value.replacesQuotes, literal.hasSuffix("'"), after < bytes.count, bytes[after] == UInt8(ascii: "'") {
                        literal.removeLast()
                        after += 1
                    }
                    if !literal.isEmpty { parts.append(SwiftNames.literal(PathEncoding.encodeLiteral(literal))) }
                    parts.append(value.encode(swiftName))
                    literal = ""
                    index = after
                    literalStart = after
                    continue
                }
                index += 1
            }
            literal += text(literalStart, bytes.count)
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(SwiftNames.literal(PathEncoding.encodeLiteral(literal))) }
        return SwiftNames.join(parts, separator: " + ")
    }

    /// The names of the cases of a `<Name>Path` enum: each path's first literal segments, as
    /// few as tell the paths apart.
    func caseNames(_ paths: [OperationPath]) -> [String] {
        let literalSegments = paths.map { path in
            path.template.splitASCII(where: { $0 == UInt8(ascii: "/") }).filter { !$0.utf8.contains(UInt8(ascii: "{")) }.map(String.init)
        }
        let last = max(1, literalSegments.map { $0.count }.max() ?? 0)
        // Without a space in any segment, two prefixes join to the same text exactly when their
        // segments are the same: those are compared in place, without joining.
        let spaced = literalSegments.contains { $0.contains { $0.utf8Contains(byte: UInt8(ascii: " ")) } }
        var chosen: [String] = []
        for count in 1...last {
            // Equal prefixes give equal names: those counts need no naming.
            if count < last {
                if spaced {
                    let prefixes = literalSegments.map { SwiftNames.join($0.prefix(count), separator: " ") }
                    if Set(prefixes).count < prefixes.count { continue }
                } else if OperationTranslator.hasEqualPrefixes(literalSegments, count) {
                    continue
                }
            }
            let candidates = literalSegments.map { SwiftNames.memberName(SwiftNames.join($0.prefix(count), separator: " "), reserved: OperationTranslator.reservedCaseNames) }
            if Set(candidates).count == candidates.count || count == last { chosen = candidates; break }
        }
        return SwiftNames.uniqued(chosen)
    }

    static let reservedCaseNames: Set<String> = SwiftNames.misleadingCaseNames.union(["init"])

    /// Whether two of the lists have the same first `count` elements.
    static func hasEqualPrefixes(_ lists: [[String]], _ count: Int) -> Bool {
        for i in lists.indices {
            for j in lists.index(after: i)..<lists.endIndex where lists[i].prefix(count).elementsEqual(lists[j].prefix(count)) { return true }
        }
        return false
    }

    /// A parameter after the path: the body, its content type, a query option or a header.
    struct Extra {
        /// `select: [Swift.String]? = nil`
        var declaration: String
        /// How a forwarding call passes it on: `select: select`, or `body` for the unlabeled body.
        var forward: String
        /// Lines of the `- Parameters:` list.
        var docs: [String]
        /// What it adds to the request.
        var statements: [SwiftStmt]
        /// The `ODataQuery` argument it gives (`select: select`), if it is one of its options.
        var queryArgument: String?
    }

    /// The Swift names of the parameters after the path, unique beside every path parameter.
    func extraNames(_ raw: [String], pathParameters: [[(parameter: PathParameter, swiftName: String)]]) -> [String] {
        var pathNames: [String] = []
        for parameters in pathParameters {
            for (_, name) in parameters where !pathNames.contains(SwiftNames.bare(name)) { pathNames.append(SwiftNames.bare(name)) }
        }
        let names = raw.map { SwiftNames.memberName($0, reserved: OperationTranslator.reservedParameters) }
        return Array(SwiftNames.uniqued(pathNames + names).dropFirst(pathNames.count))
    }

    /// Query options by model name: the Swift label, its type, and what the docs say about it.
    static let queryOptionParameters: [String: (label: String, type: String, doc: String)] = [
        "$select": ("select", "[Swift.String]?", "`$select`: the properties to return."),
        "$expand": ("expand", "[Swift.String]?", "`$expand`: the relationships to include."),
        "$filter": ("filter", "Swift.String?", "`$filter`: a filter expression, such as `startswith(displayName,'A')`."),
        "$orderby": ("orderBy", "[Swift.String]?", "`$orderby`: the sort keys, such as `displayName desc`."),
        "$top": ("top", "Swift.Int?", "`$top`: the number of items to return (per page)."),
        "$skip": ("skip", "Swift.Int?", "`$skip`: the number of items to skip."),
        "$count": ("count", "Swift.Bool?", "`$count`: whether the response carries the total count (`@odata.count`)."),
        "$search": ("search", "Swift.String?", "`$search`: a search expression, as Graph reads it."),
        "$id": ("reference", "APIDocRuntime.ODataReference", "`$id`: the reference to remove."),
    ]

    /// `pathParameters` holds the parameters of each of the operation's paths, named.
    func extras(_ operation: Operation, pathParameters: [[(parameter: PathParameter, swiftName: String)]]) -> [Extra] {
        let bodyType = operation.requestBody.map(bodySwiftType)
        let isStreamBody = operation.requestBody?.type == TypeUse.stream
        let contentType = isStreamBody ? operation.headers.first { $0.name.lowercased() == "content-type" } : nil
        let headers = operation.headers.filter { !isStreamBody || $0.name.lowercased() != "content-type" }
        let options = operation.queryOptions.filter { OperationTranslator.queryOptionParameters[$0.name] != nil }

        var raw: [String] = []
        if bodyType != nil { raw.append("body") }
        if isStreamBody { raw.append("contentType") }
        raw += options.map { OperationTranslator.queryOptionParameters[$0.name]!.label }
        raw += headers.map(\.name)
        var names = extraNames(raw, pathParameters: pathParameters)[...]

        var result: [Extra] = []
        if let bodyType {
            _ = names.popFirst()
            let statement: SwiftStmt = isStreamBody ? .line("request.body = body") : .line("try request.setJSONBody(body)")
            let doc = operation.requestBody?.type == TypeUse.reference
                ? ["  - body: The reference to add: `{\"@odata.id\": url}` (see `GraphClient.reference(to:)`)."]
                : isStreamBody ? ["  - body: The bytes to send."] : []
            result.append(Extra(declaration: "_ body: \(bodyType)", forward: "body", docs: doc, statements: [statement], queryArgument: nil))
        }
        if isStreamBody, let name = names.popFirst() {
            let value = contentType?.value ?? "application/octet-stream"
            var doc = "The `Content-Type` of the body."
            if let description = contentType?.description { doc += " " + SwiftNames.docText(description) }
            result.append(Extra(declaration: "\(name): Swift.String = \(SwiftNames.literal(value))", forward: "\(SwiftNames.argumentLabel(name)): \(name)",
                                docs: parameterDoc(name, doc), statements: [.line("request.setHeader(\"Content-Type\", \(name))")], queryArgument: nil))
        }
        var queryArguments: [String] = []
        for option in options {
            guard let name = names.popFirst(), let known = OperationTranslator.queryOptionParameters[option.name] else { continue }
            let forward = SwiftNames.concat(SwiftNames.argumentLabel(name), ": ", name)
            if option.name == "$id" {
                result.append(Extra(declaration: "\(name): \(known.type)", forward: forward, docs: parameterDoc(name, known.doc),
                                    statements: [.line("request.addQuery(\"$id\", \(name).id)")], queryArgument: nil))
            } else {
                let argument = SwiftNames.concat(known.label, ": ", name)
                queryArguments.append(argument)
                result.append(Extra(declaration: SwiftNames.concat(name, ": ", known.type, " = nil"), forward: forward, docs: parameterDoc(name, known.doc),
                                    statements: [], queryArgument: argument))
            }
        }
        if !queryArguments.isEmpty, let first = result.firstIndex(where: { $0.queryArgument != nil }) {
            result[first].statements = [.line(call("request.addQuery(APIDocRuntime.ODataQuery(", queryArguments, "))"))]
        }
        for header in headers {
            guard let name = names.popFirst() else { continue }
            var doc = SwiftNames.concat("The `", SwiftNames.docText(header.name), "` header.")
            if let description = header.description { doc = SwiftNames.concat(doc, " ", SwiftNames.docText(description)) }
            let forward = SwiftNames.concat(SwiftNames.argumentLabel(name), ": ", name)
            if header.required {
                result.append(Extra(declaration: "\(name): Swift.String", forward: forward, docs: parameterDoc(name, doc),
                                    statements: [.line("request.setHeader(\(SwiftNames.literal(header.name)), \(name))")], queryArgument: nil))
            } else {
                result.append(Extra(declaration: SwiftNames.concat(name, ": Swift.String? = nil"), forward: forward, docs: parameterDoc(name, doc),
                                    statements: [.block(header: SwiftNames.concat("if let value = ", name),
                                                        body: [.line(SwiftNames.concat("request.setHeader(", SwiftNames.literal(header.name), ", value)"))], footer: "")],
                                    queryArgument: nil))
            }
        }
        return result
    }

    /// `  - name: text`, wrapped, continuation lines indented under the text.
    func parameterDoc(_ name: String, _ text: String) -> [String] {
        let lines = Docs.wrap(SwiftNames.concat("- ", SwiftNames.bare(name), ": ", text), width: 96)
        return lines.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
    }

    func bodySwiftType(_ body: TypeUse) -> String {
        switch body.type {
        case TypeUse.stream: return "Foundation.Data"
        case TypeUse.reference: return "APIDocRuntime.ODataReference"
        default: return context.swiftType(body.type, collection: body.collection)
        }
    }

    /// The type of a collection's items, or of the response; nil for no body.
    func responseElementType(_ response: ResponseSpec?) -> String? {
        guard let response, let type = response.type else { return nil }
        switch type {
        case TypeUse.stream: return "Foundation.Data"
        case TypeUse.reference: return "APIDocRuntime.ODataReference"
        default: return context.swiftType(type, collection: false)
        }
    }

    /// A signature on one line, or, when it has parameters with defaults (the options and
    /// headers) and would be long, with one parameter a line.
    func signature(_ head: String, _ parameters: [String], _ tail: String) -> String {
        let single = SwiftNames.join(parameters, separator: ", ", prefix: head + "(", suffix: ")" + tail)
        // (Counting bytes first: never fewer than characters, and far cheaper to count.)
        guard single.utf8.count > 120, SwiftNames.characterCount(single) > 120, parameters.contains(where: { $0.utf8Contains(" = ") }) else { return single }
        return SwiftNames.join(parameters, separator: ",\n        ", prefix: head + "(\n        ", suffix: "\n    )" + tail)
    }

    /// A call on one line, or, when that line would be long, with one argument a line (as a
    /// statement of a method body, two levels deep).
    func call(_ head: String, _ arguments: [String], _ tail: String = ")") -> String {
        let single = SwiftNames.join(arguments, separator: ", ", prefix: head, suffix: tail)
        guard single.utf8.count > 110, SwiftNames.characterCount(single) > 110, arguments.count > 1 else { return single }
        return SwiftNames.join(arguments, separator: ",\n            ", prefix: head + "\n            ", suffix: "\n        " + tail)
    }

    func render(_ operation: Operation, functionName: String, pagesName: String? = nil) -> Rendered {
        // Each path's parameters are named once, for every use below.
        let namedParameters = operation.pathDetails.map(pathParameters)
        let extras = extras(operation, pathParameters: namedParameters)
        let element = responseElementType(operation.response)
        let isStreamResponse = operation.response?.type == TypeUse.stream
        let isCollection = operation.response?.collection == true && element != nil && !isStreamResponse
        var returnType = element
        if isCollection, let element { returnType = SwiftNames.concat("APIDocRuntime.CollectionPage<", element, ">") }
        let returnClause = returnType.map { SwiftNames.concat(" -> ", $0) } ?? ""
        let pagesFunction = isCollection ? pagesName : nil
        let pagesType = element.map { SwiftNames.concat("APIDocRuntime.CollectionPages<", $0, ">") } ?? ""
        let buildThrows = operation.requestBody.map { $0.type != TypeUse.stream } ?? false
        let pagesTail = (buildThrows ? " throws" : "") + " -> " + pagesType

        // What the operation does and what it returns, said alike by the method for any path and
        // the one for the preferred path.
        var summary = Docs.lines(operation.description ?? operation.title)
        if !summary.isEmpty { summary.append("") }
        var returnNotes: [String] = []
        if isStreamResponse { returnNotes += ["", "Returns the response body as it comes: raw bytes, not JSON."] }
        if let pagesFunction {
            returnNotes += ["", "Returns the first page; `\(SwiftNames.bare(pagesFunction))` follows `@odata.nextLink` through all of them."]
        }
        var doc = summary
        for path in operation.pathDetails { doc.append(pathDocLine(operation.method, path)) }
        if let status = operation.response?.status { doc.append("Documented success status: \(status).") }
        doc.append(SwiftNames.concat("Documented at ", operation.source, "."))
        doc += returnNotes

        func requestStatements(pathExpression: String) -> [SwiftStmt] {
            var statements: [SwiftStmt] = []
            if isStreamResponse { statements.append(.line("request.setHeader(\"Accept\", \"*/*\")")) }
            for extra in extras { statements += extra.statements }
            return [.line(SwiftNames.concat(statements.isEmpty ? "let" : "var", " request = APIDocRuntime.GraphRequest(method: ",
                                            SwiftNames.literal(operation.method), ", path: ", pathExpression, ")"))]
                + statements
        }
        func sendStatement() -> SwiftStmt {
            if isStreamResponse { return .line("return try await self.send(request).body") }
            if let returnType { return .line(SwiftNames.concat("return try await self.send(request, decoding: ", returnType, ".self)")) }
            return .line("_ = try await self.send(request)")
        }
        let pagesStatement: SwiftStmt = .line(SwiftNames.concat("return self.pages(request, of: ", element ?? "APIDocRuntime.JSONValue", ".self)"))
        let extraDeclarations = extras.map(\.declaration)
        let extraDocs = extras.flatMap(\.docs)
        let forwards = extras.map(\.forward)

        func parameterDocs(_ parameters: [(parameter: PathParameter, swiftName: String)]?) -> [String] {
            let lines = (parameters.map(pathParameterDocs) ?? []) + extraDocs
            return lines.isEmpty ? [] : ["", "- Parameters:"] + lines
        }

        if operation.pathDetails.count == 1 {
            let path = operation.pathDetails[0]
            let named = namedParameters[0]
            let parameters = named.map { SwiftNames.concat($0.swiftName, ": ", pathValue($0.parameter).swiftType) } + extraDeclarations
            let expression = pathExpression(path, named)
            let attributes = deprecationAttributes(path)
            var methods: [SwiftDecl] = [.function(
                doc: doc + parameterDocs(named),
                signature: signature(SwiftNames.concat(context.access, " func ", functionName), parameters, SwiftNames.concat(" async throws", returnClause)),
                body: requestStatements(pathExpression: expression) + [sendStatement()], attributes: attributes)]
            if let pagesFunction {
                methods.append(.function(
                    doc: pagesDocLines(functionName: functionName, operation: operation) + parameterDocs(named),
                    signature: signature("\(context.access) func \(pagesFunction)", parameters, pagesTail),
                    body: requestStatements(pathExpression: expression) + [pagesStatement], attributes: attributes))
            }
            return Rendered(methods: methods, pathEnum: nil)
        }

        // Several paths: an enum of them, a method that takes it, and a method for the preferred path.
        let enumName = SwiftNames.typeName(SwiftNames.bare(functionName)) + "Path"
        let cases = caseNames(operation.pathDetails)
        var enumMembers: [SwiftDecl] = []
        var renderCases: [SwiftStmt] = []
        for ((path, parameters), caseName) in zip(zip(operation.pathDetails, namedParameters), cases) {
            let payload = parameters.isEmpty ? nil
                : SwiftNames.join(parameters.map { SwiftNames.concat(SwiftNames.label($0.swiftName), ": ", pathValue($0.parameter).swiftType) }, separator: ", ")
            enumMembers.append(.enumCase(doc: [SwiftNames.concat("`", SwiftNames.docText(path.template), "`")], name: caseName, rawValue: nil, payload: payload,
                                         attributes: deprecationAttributes(path)))
            let bindings = parameters.isEmpty ? "" : SwiftNames.join(parameters.map { SwiftNames.concat("let ", $0.swiftName) }, separator: ", ", prefix: "(", suffix: ")")
            renderCases.append(.caseLabel(SwiftNames.concat("case .", caseName, bindings, ":"), body: [.line(SwiftNames.concat("return ", pathExpression(path, parameters)))]))
        }
        enumMembers.append(.computed(doc: ["The path, percent-encoded, relative to the client's base URL."], modifiers: "\(context.access) var",
                                     name: "rendered", type: "Swift.String",
                                     getter: [.block(header: "switch self", body: renderCases, footer: "")], setter: nil))
        let pathEnum = SwiftDecl.enumDecl(name: enumName, conformances: ["Swift.Hashable", "Swift.Sendable"],
                                          doc: ["The documented paths of `\(SwiftNames.bare(functionName))`."], members: enumMembers)
        let generalParameters = ["at path: \(enumName)"] + extraDeclarations
        // The method without `at:` takes the first path the page does not call deprecated; when
        // it calls them all deprecated, the first path, and the method is deprecated with it.
        let preferred = operation.pathDetails.firstIndex { $0.deprecation == nil } ?? 0
        let preferredPath = operation.pathDetails[preferred]
        let preferredParameters = namedParameters[preferred]
        let preferredAttributes = deprecationAttributes(preferredPath)
        let convenienceParameters = preferredParameters.map { SwiftNames.concat($0.swiftName, ": ", pathValue($0.parameter).swiftType) } + extraDeclarations
        let arguments = SwiftNames.join(preferredParameters.map { SwiftNames.concat(SwiftNames.argumentLabel($0.swiftName), ": ", $0.swiftName) }, separator: ", ")
        let preferredCase = preferredParameters.isEmpty ? ".\(cases[preferred])" : ".\(cases[preferred])(\(arguments))"
        let forwarded = ["at: \(preferredCase)"] + forwards
        let which = preferred == 0 ? "the first documented path" : "the first documented path that is not deprecated"
        let convenienceDoc = summary
            + Docs.wrap("`\(operation.method) \(SwiftNames.docText(preferredPath.template))`, \(which); `\(SwiftNames.bare(functionName))(at:)` takes any of them.")
            + returnNotes
        var methods: [SwiftDecl] = [
            .function(
                doc: convenienceDoc + parameterDocs(preferredParameters),
                signature: signature(SwiftNames.concat(context.access, " func ", functionName), convenienceParameters, SwiftNames.concat(" async throws", returnClause)),
                body: [.line(call("\(returnType == nil ? "" : "return ")try await self.\(functionName)(", forwarded))], attributes: preferredAttributes),
            .function(
                doc: doc + parameterDocs(nil),
                signature: signature(SwiftNames.concat(context.access, " func ", functionName), generalParameters, SwiftNames.concat(" async throws", returnClause)),
                body: requestStatements(pathExpression: "path.rendered") + [sendStatement()]),
        ]
        if let pagesFunction {
            methods.append(.function(
                doc: ["`\(operation.method) \(SwiftNames.docText(preferredPath.template))`: \(SwiftNames.bare(pagesFunction))(at:) with \(which)."]
                    + parameterDocs(preferredParameters),
                signature: signature("\(context.access) func \(pagesFunction)", convenienceParameters, pagesTail),
                body: [.line(call("return \(buildThrows ? "try " : "")self.\(pagesFunction)(", forwarded))], attributes: preferredAttributes))
            methods.append(.function(
                doc: pagesDocLines(functionName: functionName, operation: operation) + parameterDocs(nil),
                signature: signature("\(context.access) func \(pagesFunction)", generalParameters, pagesTail),
                body: requestStatements(pathExpression: "path.rendered") + [pagesStatement]))
        }
        return Rendered(methods: methods, pathEnum: pathEnum)
    }

    /// The doc comment of a `<name>Pages` method.
    func pagesDocLines(functionName: String, operation: Operation) -> [String] {
        var lines = [
            "The pages of `\(SwiftNames.bare(functionName))`, as an `AsyncSequence`: the first page, then each page",
            "its `@odata.nextLink` leads to. Nothing is sent until the sequence is iterated; each page is",
            "fetched when the previous one has been read, and the documented headers go with every request.",
            "`.items` yields the items of every page.",
        ]
        lines.append("")
        for path in operation.pathDetails { lines.append(pathDocLine(operation.method, path)) }
        lines.append("Documented at \(operation.source).")
        return lines
    }

    /// `` `POST /calls/{id}/answer` ``, with `(deprecated)` after a path the page calls deprecated.
    func pathDocLine(_ method: String, _ path: OperationPath) -> String {
        SwiftNames.concat("`", method, " ", SwiftNames.docText(path.template), "`", path.deprecation == nil ? "" : " (deprecated)")
    }

    /// `@available(*, deprecated, message: "<the page's note>")` for a path the page calls
    /// deprecated: a use of it warns, as the page does.
    func deprecationAttributes(_ path: OperationPath) -> [String] {
        guard let note = path.deprecation else { return [] }
        return ["@available(*, deprecated, message: \(SwiftNames.literal(note)))"]
    }

    func pathParameterDocs(_ parameters: [(parameter: PathParameter, swiftName: String)]) -> [String] {
        parameters.map { parameter, name in
            let head = SwiftNames.concat("  - ", SwiftNames.bare(name), ": ")
            if let argument = parameter.argument {
                return head + "The `\(SwiftNames.docText(argument))` argument (`{\(SwiftNames.docText(parameter.placeholder))}`)"
                    + (parameter.type.map { ", \(SwiftNames.docText($0))" } ?? "") + "."
            }
            let alternatives = parameter.alternatives.count > 1 ? " (one of: \(parameter.alternatives.joined(separator: ", ")))" : ""
            return SwiftNames.concat(head, "The `{", SwiftNames.docText(parameter.placeholder), "}` segment", alternatives, ".")
        }
    }
}

enum PathEncoding {
    /// Percent-encodes what may not stand in a URL path; keeps `/` and the sub-delimiters OData uses.
    static func encodeLiteral(_ text: String) -> String {
        // Most literals (`/communications/calls/`) need no escape: the text itself, no copy.
        if text.utf8AllSatisfy({ kept[Int($0)] }) { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if kept[Int(byte)] {
                result.append(byte)
            } else {
                result.append(UInt8(ascii: "%"))
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The bytes kept as they are: ASCII letters and digits, and `-._~/:@!$&'()*+,;=%`.
    static let kept: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        return byte.isASCIILetterOrDigit || "-._~/:@!$&'()*+,;=%".utf8.contains(byte)
    }
}
