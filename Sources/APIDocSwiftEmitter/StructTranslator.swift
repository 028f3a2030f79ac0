import APIDocModel

/// An entity or complex type -> a `Codable, Hashable, Sendable` struct whose properties are all
/// optional (Graph leaves out any property under `$select`), with CodingKeys naming the JSON keys,
/// `@odata.type` kept, and every unknown key kept in `additionalProperties`.
struct StructTranslator {
    let context: EmitterContext

    static let reservedMembers: Set<String> = ["additionalProperties", "knownKeys", "encode", "hash", "hashValue", "init", "odataType"]
    static let odataKey = "@odata.type"

    struct Member {
        var jsonName: String
        var swiftName: String
        var swiftType: String
        var doc: [String]
        var boxed: Bool
    }

    func members(of type: TypeDefinition) -> [Member] {
        let properties = context.flattened[type.name] ?? []
        var members: [Member] = []
        var hasODataType = false
        for property in properties {
            if property.name == StructTranslator.odataKey { hasODataType = true }
            let name = property.name == StructTranslator.odataKey ? "odataType" : SwiftNames.memberName(property.name, reserved: StructTranslator.reservedMembers)
            members.append(Member(
                jsonName: property.name, swiftName: name, swiftType: context.swiftType(property.type, collection: property.collection),
                doc: Docs.property(property), boxed: context.boxed.contains(type.name + "/" + property.name)))
        }
        if !hasODataType {
            members.insert(Member(jsonName: StructTranslator.odataKey, swiftName: "odataType", swiftType: "Swift.String",
                                  doc: ["The OData type name (`@odata.type`) as sent or received."], boxed: false), at: 0)
        }
        let unique = SwiftNames.uniqued(members.map(\.swiftName))
        for index in members.indices { members[index].swiftName = unique[index] }
        return members
    }

    func declaration(for type: TypeDefinition) -> SwiftDecl {
        let name = context.swiftName(type.name)
        let members = members(of: type)
        var decls: [SwiftDecl] = []
        for member in members {
            if member.boxed {
                let storage = "_" + SwiftNames.bare(member.swiftName)
                decls.append(.computed(
                    doc: member.doc, modifiers: "\(context.access) var", name: member.swiftName, type: member.swiftType + "?",
                    getter: [.line("\(storage)?.value")], setter: [.line("\(storage) = newValue.map { APIDocRuntime.Indirect($0) }")]))
                decls.append(.variable(doc: [], modifiers: "private var", name: storage, type: "APIDocRuntime.Indirect<\(member.swiftType)>?", value: nil))
            } else {
                decls.append(.variable(doc: member.doc, modifiers: "\(context.access) var", name: member.swiftName, type: member.swiftType + "?", value: nil))
            }
        }
        decls.append(.variable(
            doc: ["Keys the docs do not list, and documented keys sent as `null`, kept as they came."],
            modifiers: "\(context.access) var", name: "additionalProperties", type: "[Swift.String: APIDocRuntime.JSONValue]", value: nil))
        decls.append(memberwiseInit(members))
        decls.append(.enumDecl(
            name: "CodingKeys", conformances: ["Swift.String", "Swift.CodingKey", "Swift.CaseIterable"], doc: [],
            members: members.map { .enumCase(doc: [], name: $0.swiftName, rawValue: SwiftNames.literal($0.jsonName), payload: nil) }))
        decls.append(.variable(
            doc: [], modifiers: "static let", name: "knownKeys", type: "Swift.Set<Swift.String>",
            value: "Swift.Set(CodingKeys.allCases.map(\\.rawValue))"))
        decls.append(decoder(members, typeName: name))
        decls.append(encoder(members))
        return .structDecl(name: name, conformances: ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"], doc: Docs.type(type), members: decls)
    }

    func memberwiseInit(_ members: [Member]) -> SwiftDecl {
        var parameters = members.map { "\($0.swiftName): \($0.swiftType)? = nil" }
        parameters.append("additionalProperties: [Swift.String: APIDocRuntime.JSONValue] = [:]")
        var body: [SwiftStmt] = members.map { member in
            member.boxed
                ? .line("self._\(SwiftNames.bare(member.swiftName)) = \(member.swiftName).map { APIDocRuntime.Indirect($0) }")
                : .line("self.\(member.swiftName) = \(member.swiftName)")
        }
        body.append(.line("self.additionalProperties = additionalProperties"))
        let signature = parameters.count <= 2
            ? "\(context.access) init(\(parameters.joined(separator: ", ")))"
            : "\(context.access) init(\n        " + parameters.joined(separator: ",\n        ") + "\n    )"
        return .function(doc: ["Creates a value; every property is optional."], signature: signature, body: body)
    }

    /// `init(from:)`: a property a line, each through `ODataTypes.decode` (one generic function,
    /// which type-checks several times faster than `decodeIfPresent` and its overloads).
    func decoder(_ members: [Member], typeName: String) -> SwiftDecl {
        var body: [SwiftStmt] = [.line("let container = try decoder.container(keyedBy: CodingKeys.self)")]
        for member in members {
            let decode = "try \(SwiftEmitter.decodeFunction)(\(member.swiftType).self, container, .\(member.swiftName))"
            body.append(member.boxed
                ? .line("self._\(SwiftNames.bare(member.swiftName)) = \(decode).map { APIDocRuntime.Indirect($0) }")
                : .line("self.\(member.swiftName) = \(decode)"))
        }
        body.append(.line("self.additionalProperties = try APIDocRuntime.AdditionalProperties.decode(from: decoder, knownKeys: \(typeName).knownKeys)"))
        return .function(doc: [], signature: "\(context.access) init(from decoder: any Swift.Decoder) throws", body: body)
    }

    /// `encode(to:)`: a property a line, each through `ODataTypes.encode` (as `decoder`).
    func encoder(_ members: [Member]) -> SwiftDecl {
        var body: [SwiftStmt] = [
            // Additional properties first, so that a typed value set by the caller wins.
            .line("try APIDocRuntime.AdditionalProperties.encode(additionalProperties, to: encoder)"),
            .line("var container = encoder.container(keyedBy: CodingKeys.self)"),
        ]
        for member in members {
            body.append(.line("try \(SwiftEmitter.encodeFunction)(self.\(member.swiftName), &container, .\(member.swiftName))"))
        }
        return .function(doc: [], signature: "\(context.access) func encode(to encoder: any Swift.Encoder) throws", body: body)
    }
}
