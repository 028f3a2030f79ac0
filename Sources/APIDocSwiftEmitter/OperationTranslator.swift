import APIDocModel

/// An operation -> an `async throws` method on `GraphClient` with typed path parameters
/// (percent-encoded), typed body and response. With several documented paths, a `<Name>Path`
/// enum has a case per path and a second method takes it, so every path is reachable.
struct OperationTranslator {
    let context: EmitterContext

    /// Members of `GraphClient` that an operation must not shadow.
    static let clientMembers: Set<String> = ["send", "url", "nextPage", "baseURL", "transport", "authorization", "init"]

    struct Rendered {
        var methods: [SwiftDecl]
        var pathEnum: SwiftDecl?
    }

    func pathParameters(_ path: OperationPath) -> [(parameter: PathParameter, swiftName: String)] {
        // Parameters may not shadow what the method body uses.
        let names = SwiftNames.uniqued(path.parameters.map { SwiftNames.memberName($0.name, reserved: ["body", "path", "request", "send", "self"]) })
        return Array(zip(path.parameters, names))
    }

    /// The Swift expression that renders a path template with its parameters.
    func pathExpression(_ path: OperationPath) -> String {
        let parameters = pathParameters(path)
        var parts: [String] = []
        var literal = ""
        var index = path.template.startIndex
        var parameterIndex = 0
        let template = path.template
        while index < template.endIndex {
            let c = template[index]
            if c == "{", let close = template[index...].firstIndex(of: "}"), parameterIndex < parameters.count {
                let (parameter, swiftName) = parameters[parameterIndex]
                parameterIndex += 1
                var after = template.index(after: close)
                if parameter.quoted, literal.hasSuffix("'"), after < template.endIndex, template[after] == "'" {
                    literal.removeLast()
                    after = template.index(after: after)
                    if !literal.isEmpty { parts.append(SwiftNames.literal(PathEncoding.encodeLiteral(literal))) }
                    parts.append("APIDocRuntime.PathComponent.quotedArgument(\(swiftName))")
                } else {
                    if !literal.isEmpty { parts.append(SwiftNames.literal(PathEncoding.encodeLiteral(literal))) }
                    parts.append("APIDocRuntime.PathComponent.escape(\(swiftName))")
                }
                literal = ""
                index = after
                continue
            }
            literal.append(c)
            index = template.index(after: index)
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(SwiftNames.literal(PathEncoding.encodeLiteral(literal))) }
        return parts.joined(separator: " + ")
    }

    func caseNames(_ paths: [OperationPath]) -> [String] {
        let literalSegments = paths.map { path in
            path.template.split(separator: "/").filter { !$0.contains("{") }.map(String.init)
        }
        let longest = literalSegments.map(\.count).max() ?? 0
        var chosen: [String] = []
        for count in 1...max(1, longest) {
            let candidates = literalSegments.map { SwiftNames.memberName($0.prefix(count).joined(separator: " "), reserved: ["init"]) }
            if Set(candidates).count == candidates.count || count == max(1, longest) { chosen = candidates; break }
        }
        return SwiftNames.uniqued(chosen)
    }

    func render(_ operation: Operation, functionName: String) -> Rendered {
        let bodyType = operation.requestBody.map { context.swiftType($0.type, collection: $0.collection) }
        var returnType: String?
        if let response = operation.response, let type = response.type {
            let element = context.swiftType(type, collection: false)
            returnType = response.collection ? "APIDocRuntime.CollectionPage<\(element)>" : element
        }
        let returnClause = returnType.map { " -> \($0)" } ?? ""
        let bodyParameter = bodyType.map { "_ body: \($0)" }
        var doc = Docs.lines(operation.description ?? operation.title)
        if !doc.isEmpty { doc.append("") }
        for path in operation.paths { doc.append("`\(operation.method) \(SwiftNames.docText(path))`") }
        if let status = operation.response?.status { doc.append("Documented success status: \(status).") }
        doc.append("Documented at \(operation.source).")

        func sendStatements(pathExpression: String) -> [SwiftStmt] {
            var body: [SwiftStmt] = [.line("\(bodyType == nil ? "let" : "var") request = APIDocRuntime.GraphRequest(method: \(SwiftNames.literal(operation.method)), path: \(pathExpression))")]
            if bodyType != nil { body.append(.line("try request.setJSONBody(body)")) }
            if let returnType {
                body.append(.line("return try await self.send(request, decoding: \(returnType).self)"))
            } else {
                body.append(.line("_ = try await self.send(request)"))
            }
            return body
        }

        if operation.pathDetails.count == 1 {
            let path = operation.pathDetails[0]
            let parameters = pathParameters(path).map { "\($0.swiftName): Swift.String" } + (bodyParameter.map { [$0] } ?? [])
            let signature = "\(context.access) func \(functionName)(\(parameters.joined(separator: ", "))) async throws\(returnClause)"
            return Rendered(methods: [.function(doc: doc + parameterDocs(path), signature: signature, body: sendStatements(pathExpression: pathExpression(path)))], pathEnum: nil)
        }

        // Several paths: an enum of them, a method that takes it, and a method for the first path.
        let enumName = SwiftNames.typeName(SwiftNames.bare(functionName)) + "Path"
        let cases = caseNames(operation.pathDetails)
        var enumMembers: [SwiftDecl] = []
        var renderCases: [SwiftStmt] = []
        for (path, caseName) in zip(operation.pathDetails, cases) {
            let parameters = pathParameters(path)
            let payload = parameters.isEmpty ? nil : parameters.map { "\(SwiftNames.label($0.swiftName)): Swift.String" }.joined(separator: ", ")
            enumMembers.append(.enumCase(doc: ["`\(SwiftNames.docText(path.template))`"], name: caseName, rawValue: nil, payload: payload))
            let bindings = parameters.isEmpty ? "" : "(" + parameters.map { "let \($0.swiftName)" }.joined(separator: ", ") + ")"
            renderCases.append(.caseLabel("case .\(caseName)\(bindings):", body: [.line("return \(pathExpression(path))")]))
        }
        enumMembers.append(.computed(doc: ["The path, percent-encoded, relative to the client's base URL."], modifiers: "\(context.access) var",
                                     name: "rendered", type: "Swift.String",
                                     getter: [.block(header: "switch self", body: renderCases, footer: "")], setter: nil))
        let pathEnum = SwiftDecl.enumDecl(name: enumName, conformances: ["Swift.Hashable", "Swift.Sendable"],
                                          doc: ["The documented paths of `\(SwiftNames.bare(functionName))`."], members: enumMembers)
        let generalParameters = ["at path: \(enumName)"] + (bodyParameter.map { [$0] } ?? [])
        let general = SwiftDecl.function(
            doc: doc, signature: "\(context.access) func \(functionName)(\(generalParameters.joined(separator: ", "))) async throws\(returnClause)",
            body: sendStatements(pathExpression: "path.rendered"))
        let first = operation.pathDetails[0]
        let firstParameters = pathParameters(first)
        let convenienceParameters = firstParameters.map { "\($0.swiftName): Swift.String" } + (bodyParameter.map { [$0] } ?? [])
        let arguments = firstParameters.map { "\(SwiftNames.argumentLabel($0.swiftName)): \($0.swiftName)" }.joined(separator: ", ")
        let pathValue = firstParameters.isEmpty ? ".\(cases[0])" : ".\(cases[0])(\(arguments))"
        let call = "self.\(functionName)(at: \(pathValue)\(bodyType == nil ? "" : ", body"))"
        let convenience = SwiftDecl.function(
            doc: ["`\(operation.method) \(SwiftNames.docText(first.template))`: \(SwiftNames.bare(functionName))(at:) with the first documented path."] + parameterDocs(first),
            signature: "\(context.access) func \(functionName)(\(convenienceParameters.joined(separator: ", "))) async throws\(returnClause)",
            body: [.line("\(returnType == nil ? "" : "return ")try await \(call)")])
        return Rendered(methods: [convenience, general], pathEnum: pathEnum)
    }

    func parameterDocs(_ path: OperationPath) -> [String] {
        let parameters = pathParameters(path)
        guard !parameters.isEmpty else { return [] }
        var lines = ["", "- Parameters:"]
        for (parameter, name) in parameters {
            lines.append("  - \(SwiftNames.bare(name)): The `{\(SwiftNames.docText(parameter.placeholder))}` segment\(parameter.alternatives.count > 1 ? " (one of: \(parameter.alternatives.joined(separator: ", ")))" : "").")
        }
        return lines
    }
}

enum PathEncoding {
    /// Percent-encodes what may not stand in a URL path; keeps `/` and the sub-delimiters OData uses.
    static func encodeLiteral(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/:@!$&'()*+,;=%".contains(c) {
                result.append(c)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
