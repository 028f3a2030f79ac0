import APIDocModel

/// An entity or complex type -> a `Codable, Hashable, Sendable` struct whose properties are all
/// optional (Graph leaves out any property under `$select`), with CodingKeys naming the JSON keys,
/// `@odata.type` kept, and every unknown key kept in `additionalProperties`.
struct StructTranslator {
    let context: EmitterContext

    static let reservedMembers: Set<String> = ["additionalProperties", "knownKeys", "encode", "hash", "hashValue", "init", "odataType"]
    static let odataKey = "@odata.type"

    typealias Member = CodableStruct.Member

    func members(of type: TypeDefinition) -> [Member] {
        let properties = context.flattened[type.name] ?? []
        let boxed = context.boxed[type.name] ?? []
        var members: [Member] = []
        var hasODataType = false
        for property in properties {
            if property.name == StructTranslator.odataKey { hasODataType = true }
            let name = property.name == StructTranslator.odataKey ? "odataType" : SwiftNames.memberName(property.name, reserved: StructTranslator.reservedMembers)
            members.append(Member(
                jsonName: property.name, swiftName: name, swiftType: context.swiftType(property.type, collection: property.collection),
                doc: Docs.property(property), boxed: boxed.contains(property.name)))
        }
        // An action's parameters are no OData type: nothing names them in `@odata.type`.
        if !hasODataType && !type.isActionParameters {
            members.insert(Member(jsonName: StructTranslator.odataKey, swiftName: "odataType", swiftType: "Swift.String",
                                  doc: ["The OData type name (`@odata.type`) as sent or received."], boxed: false), at: 0)
        }
        let unique = SwiftNames.uniqued(members.map(\.swiftName))
        for index in members.indices { members[index].swiftName = unique[index] }
        return members
    }

    /// The struct of a type: its members in the order the docs list them (after `@odata.type`);
    /// `SwiftRenderer` writes the declarations (see `SwiftRenderer.codableStruct`).
    func declaration(for type: TypeDefinition) -> SwiftDecl {
        .codableStruct(CodableStruct(name: context.swiftName(type.name), doc: Docs.type(type), members: members(of: type)))
    }
}
