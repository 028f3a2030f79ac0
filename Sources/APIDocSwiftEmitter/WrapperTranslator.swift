import APIDocModel

/// A type with derived types, where it is used -> `AnyX`, an indirect enum with a case for the
/// type itself and one per derived type, chosen by `@odata.type` when decoding. An unknown or
/// missing `@odata.type` decodes as the base type, whose `odataType` and `additionalProperties`
/// keep the JSON as it came. Encoding a derived case writes its `@odata.type` when it has none.
struct WrapperTranslator {
    let context: EmitterContext

    static let reservedCases: Set<String> = SwiftNames.misleadingCaseNames.union(["init", "encode", "hash", "hashValue", "odataType"])

    func caseNames(base: String, cases: [String]) -> [String] {
        let baseSimple = Resolver.simpleName(base)
        let raw = cases.map { name -> String in
            let simple = Resolver.simpleName(name)
            if name != base, simple.count > baseSimple.count, simple.lowercased().hasSuffix(baseSimple.lowercased()) {
                return String(simple.dropLast(baseSimple.count))
            }
            return simple
        }
        return SwiftNames.uniqued(raw.map { SwiftNames.memberName($0, reserved: WrapperTranslator.reservedCases) })
    }

    func declaration(for base: String) -> SwiftDecl {
        let wrapper = context.wrapperNames[base]!
        let cases = [base] + (context.descendants[base] ?? [])
        let names = caseNames(base: base, cases: cases)
        var decls: [SwiftDecl] = []
        for (type, caseName) in zip(cases, names) {
            let doc = type == base ? ["A `\(type)`, or a derived type this build does not know."] : ["A `\(type)`."]
            decls.append(.enumCase(doc: doc, name: caseName, rawValue: nil, payload: context.swiftName(type)))
        }
        var decode: [SwiftStmt] = [.line("let type = try APIDocRuntime.ODataType.peek(decoder) ?? \"\"")]
        for (type, caseName) in zip(cases, names).dropFirst() {
            decode.append(.block(header: "if APIDocRuntime.ODataType.matches(type, \(SwiftNames.literal(type)))", body: [
                .line("self = .\(caseName)(try \(context.swiftName(type))(from: decoder))"),
                .line("return"),
            ], footer: ""))
        }
        decode.append(.line("self = .\(names[0])(try \(context.swiftName(base))(from: decoder))"))
        decls.append(.function(doc: [], signature: "\(context.access) init(from decoder: any Swift.Decoder) throws", body: decode))
        var encodeCases: [SwiftStmt] = [.caseLabel("case .\(names[0])(let value):", body: [.line("try value.encode(to: encoder)")])]
        for (type, caseName) in zip(cases, names).dropFirst() {
            encodeCases.append(.caseLabel("case .\(caseName)(var value):", body: [
                .line("value.odataType = value.odataType ?? \(SwiftNames.literal("#" + type))"),
                .line("try value.encode(to: encoder)"),
            ]))
        }
        decls.append(.function(doc: [], signature: "\(context.access) func encode(to encoder: any Swift.Encoder) throws",
                               body: [.block(header: "switch self", body: encodeCases, footer: "")]))
        let odataCases: [SwiftStmt] = names.map { .caseLabel("case .\($0)(let value):", body: [.line("return value.odataType")]) }
        decls.append(.computed(doc: ["The `@odata.type` of the value, if it has one."], modifiers: "\(context.access) var", name: "odataType",
                               type: "Swift.String?", getter: [.block(header: "switch self", body: odataCases, footer: "")], setter: nil))
        let doc = ["`\(base)` or any type derived from it, told apart by `@odata.type`."]
        return .enumDecl(name: "indirect \(wrapper)" , conformances: ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"], doc: doc, members: decls)
    }
}
