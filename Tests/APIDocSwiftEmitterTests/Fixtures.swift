import APIDocModel

/// Small models, each for one feature of the emitter.
enum Fixtures {
    /// A complex type: documented and undocumented properties, a collection, a keyword, a dashed
    /// JSON name, a string with documented values.
    static let chatInfo = complexType("chatInfo", description: "Information about a chat.", [
        property("threadId", "Edm.String", description: "The thread."),
        property("counts", "Edm.Int32", collection: true),
        property("class", "Edm.Boolean"),
        property("user-id", "Edm.Guid", description: "Who."),
        property("status", "Edm.String", description: "The status.", possibleValues: ["a", "b"]),
    ])

    static let structModel = APIModel(types: [chatInfo], operations: [])

    static let entity = complexType("entity", kind: .entity, [property("id", "Edm.String", description: "The identifier.")])
    static let callState = enumType("callState", [
        EnumMember(name: "incoming"),
        EnumMember(name: "established", value: 1, description: "The call is up."),
        EnumMember(name: "default"),
        EnumMember(name: "undocumented"),
    ])

    /// An entity with a base type: inherited properties first.
    static let inheritanceModel = APIModel(types: [
        complexType("call", kind: .entity, base: "entity", description: "A call.", [
            property("subject", "Edm.String", description: "The subject."),
            property("state", graph("callState")),
        ]),
        callState,
        entity,
    ], operations: [])

    static let enumModel = APIModel(types: [callState], operations: [])

    static let flagsModel = APIModel(types: [
        enumType("clonableTeamParts", [EnumMember(name: "apps", value: 1), EnumMember(name: "tabs", value: 2), EnumMember(name: "settings", value: 4)],
                 flags: true, source: "docs/resources/clonableteamparts.md:6"),
        complexType("teamClone", [property("partsToClone", graph("clonableTeamParts"))]),
    ], operations: [])

    static let mediaConfig = complexType("mediaConfig", abstract: true, [property("removeFromDefaultAudioGroup", "Edm.Boolean", description: "Leave the default group.")])
    static let appHosted = complexType("appHostedMediaConfig", base: "mediaConfig", [property("blob", "Edm.String")])
    static let serviceHosted = complexType("serviceHostedMediaConfig", base: "mediaConfig", [property("preFetchMedia", "Edm.String", collection: true)])

    /// A base type with two derived types, used by a property: the `AnyMediaConfig` wrapper.
    static let wrapperModel = APIModel(types: [
        appHosted,
        complexType("call", [property("mediaConfig", graph("mediaConfig"))]),
        mediaConfig,
        serviceHosted,
    ], operations: [])

    /// A struct that contains itself, and two that contain each other.
    static let recursiveModel = APIModel(types: [
        complexType("node", [
            property("name", "Edm.String"),
            property("parent", graph("node")),
            property("children", graph("node"), collection: true),
        ]),
        complexType("person", [property("team", graph("team"))]),
        complexType("team", [property("lead", graph("person")), property("name", "Edm.String")]),
    ], operations: [])

    static let participant = complexType("participant", kind: .entity, [property("id", "Edm.String"), property("isMuted", "Edm.Boolean")])

    static func operationModel(_ operations: [APIDocModel.Operation], types: [TypeDefinition] = [participant]) -> APIModel {
        APIModel(types: types, operations: operations)
    }

    static let createParticipant = operation(
        "createParticipant", "POST",
        [OperationPath(template: "/communications/calls/{id}/participants", parameters: [parameter("id", "callId")])],
        body: TypeUse(type: graph("participant"), collection: false),
        response: ResponseSpec(status: 201, type: graph("participant"), collection: false),
        title: "Create participant", description: "Add a participant to a call.", source: "docs/api/call-post-participants.md:7")

    static let answerCall = operation(
        "answerCall", "POST",
        [OperationPath(template: "/communications/calls/{id}/answer", parameters: [parameter("id", "callId")]),
         OperationPath(template: "/app/calls/{id}/answer", parameters: [parameter("id", "callId")])],
        body: TypeUse(type: graph("participant"), collection: false),
        response: ResponseSpec(status: 202, type: nil, collection: false),
        title: "call: answer", source: "docs/api/call-answer.md:7")

    static let listParticipants = operation(
        "listParticipants", "GET",
        [OperationPath(template: "/communications/calls/{id}/participants", parameters: [parameter("id", "callId")])],
        response: ResponseSpec(status: 200, type: graph("participant"), collection: true),
        title: "List participants", source: "docs/api/call-list-participants.md:7")

    static let deleteCall = operation(
        "deleteCall", "DELETE",
        [OperationPath(template: "/communications/calls/{id}", parameters: [parameter("id", "callId")])],
        response: ResponseSpec(status: 204, type: nil, collection: false),
        title: "Delete call", source: "docs/api/call-delete.md:7")

    static let emailActivityCounts = operation(
        "getEmailActivityCounts", "GET",
        [OperationPath(template: "/reports/getEmailActivityCounts(period='{period_value}')", parameters: [parameter("period_value", "periodValue", quoted: true)])],
        response: ResponseSpec(status: 200, type: "Edm.Stream", collection: false),
        title: "reportRoot: getEmailActivityCounts", source: "docs/api/reportroot-getemailactivitycounts.md:7")

    static let listChildren = operation(
        "listChildren", "GET",
        [OperationPath(template: "/me/drive/root:/My Files:/children", parameters: [])],
        response: ResponseSpec(status: 200, type: graph("participant"), collection: true),
        title: "List children", source: "docs/api/driveitem-list-children.md:7")
}
