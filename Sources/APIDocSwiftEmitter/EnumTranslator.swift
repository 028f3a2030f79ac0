import APIDocModel

/// An enum type -> an open Swift enum: a case per documented member and `undocumented(String)`
/// for anything else, so a member Graph adds later decodes and re-encodes unchanged. Equality
/// and hashing go by the raw value, so `.undocumented("x")` equals a documented `x`.
struct EnumTranslator {
    let context: EmitterContext

    static let reservedCases: Set<String> = SwiftNames.misleadingCaseNames.union(["undocumented", "rawValue", "documentedCases", "hashValue", "hash", "init", "encode"])

    func declaration(for type: TypeDefinition) -> SwiftDecl {
        let name = context.swiftName(type.name)
        var seen: Set<String> = []
        let members = type.members.filter { seen.insert($0.name).inserted }
        let caseNames = SwiftNames.uniqued(members.map { SwiftNames.memberName($0.name, reserved: EnumTranslator.reservedCases) })
        var decls: [SwiftDecl] = []
        for (member, caseName) in zip(members, caseNames) {
            var doc = Docs.lines(member.description)
            if let value = member.value { doc.append("Documented value: \(value).") }
            decls.append(.enumCase(doc: doc, name: caseName, rawValue: nil, payload: nil))
        }
        decls.append(.enumCase(doc: ["A value the docs do not list, kept as it came."], name: "undocumented", rawValue: nil, payload: "Swift.String"))
        let initCases: [SwiftStmt] = zip(members, caseNames).map { member, caseName in
            .caseLabel("case \(SwiftNames.literal(member.name)):", body: [.line("self = .\(caseName)")])
        } + [.caseLabel("default:", body: [.line("self = .undocumented(rawValue)")])]
        decls.append(.function(doc: [], signature: "\(context.access) init(rawValue: Swift.String)",
                               body: [.block(header: "switch rawValue", body: initCases, footer: "")]))
        let rawCases: [SwiftStmt] = zip(members, caseNames).map { member, caseName in
            .caseLabel("case .\(caseName):", body: [.line("return \(SwiftNames.literal(member.name))")])
        } + [.caseLabel("case .undocumented(let value):", body: [.line("return value")])]
        decls.append(.computed(doc: [], modifiers: "\(context.access) var", name: "rawValue", type: "Swift.String",
                               getter: [.block(header: "switch self", body: rawCases, footer: "")], setter: nil))
        decls.append(.variable(doc: ["The members the docs list, in their order."], modifiers: "\(context.access) static let", name: "documentedCases",
                               type: "[\(name)]", value: "[" + caseNames.map { "." + $0 }.joined(separator: ", ") + "]"))
        decls.append(.function(doc: [], signature: "\(context.access) static func == (lhs: \(name), rhs: \(name)) -> Swift.Bool",
                               body: [.line("lhs.rawValue == rhs.rawValue")]))
        decls.append(.function(doc: [], signature: "\(context.access) func hash(into hasher: inout Swift.Hasher)",
                               body: [.line("hasher.combine(rawValue)")]))
        var doc = Docs.lines(type.description)
        if !doc.isEmpty { doc.append("") }
        doc.append("OData enum `\(type.name)`" + (type.flags ? " (flags: properties of this type are `Flags<\(name)>`, several members in one comma-separated string)" : "") + ".")
        doc.append("Defined at \(type.source).")
        return .enumDecl(name: name, conformances: ["Swift.RawRepresentable", "Swift.Codable", "Swift.Hashable", "Swift.Sendable"],
                         doc: doc, members: decls)
    }
}
