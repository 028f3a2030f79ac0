import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// Enums from aggregate `### x values` tables, from single-enum pages, and from "Possible values"
/// prose on unlinked type names; the same enum written differently in two places.
@Suite("Enums")
struct EnumResolutionTests {
    let enums = Doc("docs/resources/enums.md", """
        # Enum types for the calls area

        Namespace: microsoft.graph

        ### callState values

        |Member|
        |:---|
        |incoming|
        |established|

        ### callDirection values

        |Member|Value|Description|
        |:---|:---|:---|
        |incoming|0|Coming in.|
        |outgoing|1|Going out.|
        """)

    let teamParts = Doc("docs/resources/clonableteamparts.md", """
        ---
        title: "clonableTeamParts enum type"
        doc_type: enumPageType
        ---

        # clonableTeamParts enum type

        Namespace: microsoft.graph

        ## Members

        |Member|Value|Description|
        |:---|:---|:---|
        |apps|1|Copy the apps.|
        |tabs|2|Copy the tabs.|
        |settings|4|Copy the settings.|
        |channels|8|Copy the channels.|
        """)

    @Test func enumsFromAnAggregateValuesTable() throws {
        let call = resourceDoc("call", properties: [
            "|state|[callState](enums.md#callstate-values)|The state.|",
            "|direction|callDirection|The direction.|",
        ])
        let (model, diagnostics) = resolve(call, enums)
        #expect(model.property(graph("call"), "state")?.type == graph("callState"))
        #expect(model.property(graph("call"), "direction")?.type == graph("callDirection"))
        #expect(model.type(named: graph("callState")) == TypeDefinition(
            name: graph("callState"), kind: .enum,
            members: [EnumMember(name: "incoming"), EnumMember(name: "established")],
            source: enums.source(of: "### callState values")))
        #expect(model.type(named: graph("callDirection")) == TypeDefinition(
            name: graph("callDirection"), kind: .enum,
            members: [EnumMember(name: "incoming", value: 0, description: "Coming in."),
                      EnumMember(name: "outgoing", value: 1, description: "Going out.")],
            source: enums.source(of: "### callDirection values")))
        #expect(model.types.map(\.name) == [graph("call"), graph("callDirection"), graph("callState")])
        #expect(diagnostics.lines == [])
    }

    @Test func singleEnumPageLinkedFromATypeCell() throws {
        let team = resourceDoc("teamCloneRequest", properties: [
            "|partsToClone|[clonableTeamParts](../resources/clonableteamparts.md)|What to copy.|",
            "|alsoParts|[parts to clone](ClonableTeamParts.md) collection|Other spelling.|",
        ])
        let (model, diagnostics) = resolve(team, teamParts)
        #expect(model.type(named: graph("teamCloneRequest"))?.properties.map(\.type) == [graph("clonableTeamParts"), graph("clonableTeamParts")])
        #expect(model.type(named: graph("teamCloneRequest"))?.properties.map(\.collection) == [false, true])
        #expect(model.type(named: graph("clonableTeamParts")) == TypeDefinition(
            name: graph("clonableTeamParts"), kind: .enum, flags: true,
            members: [EnumMember(name: "apps", value: 1, description: "Copy the apps."),
                      EnumMember(name: "tabs", value: 2, description: "Copy the tabs."),
                      EnumMember(name: "settings", value: 4, description: "Copy the settings."),
                      EnumMember(name: "channels", value: 8, description: "Copy the channels.")],
            source: teamParts.source(of: "## Members")))
        #expect(diagnostics.lines == [])
    }

    @Test func flagsNeedPowersOfTwoBeyondASequence() throws {
        func flags(_ values: [Int]) -> Bool? {
            var text = "# e enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n|Member|Value|Description|\n|:---|:---|:---|\n"
            for (index, value) in values.enumerated() { text += "|m\(index)|\(value)|M.|\n" }
            let (model, _) = resolve(Doc("docs/resources/e.md", text))
            return model.type(named: graph("e"))?.flags
        }
        #expect(flags([1, 2, 4, 8]) == true)
        #expect(flags([0, 1, 2, 4]) == true)
        #expect(flags([1, 2, 3]) == false)
        #expect(flags([0, 1, 2]) == false)
        #expect(flags([10, 20, 30]) == false)
    }

    @Test func enumFromProseOnAnUnlinkedName() throws {
        let call = resourceDoc("call", properties: [
            "|state|callState|The state. Possible values are: `incoming`, `ringing`, `unknownFutureValue`.|",
            "|modes|modality collection|The modes. Possible values are: `audio`, `video`.|",
            "|reason|String|Why. Possible values are: `busy`, `declined`.|",
        ])
        let (model, diagnostics) = resolve(call)
        #expect(model.type(named: graph("callState")) == TypeDefinition(
            name: graph("callState"), kind: .enum,
            members: [EnumMember(name: "incoming"), EnumMember(name: "ringing"), EnumMember(name: "unknownFutureValue")],
            source: call.source(of: "|state|")))
        #expect(model.type(named: graph("modality"))?.members.map(\.name) == ["audio", "video"])
        #expect(model.property(graph("call"), "state")?.type == graph("callState"))
        #expect(model.property(graph("call"), "state")?.possibleValues == [])
        #expect(model.property(graph("call"), "modes")?.type == graph("modality"))
        #expect(model.property(graph("call"), "modes")?.collection == true)
        // A plain string keeps its documented values on the property and defines no enum.
        #expect(model.property(graph("call"), "reason")?.type == "Edm.String")
        #expect(model.property(graph("call"), "reason")?.possibleValues == ["busy", "declined"])
        #expect(model.types.map(\.name) == [graph("call"), graph("callState"), graph("modality")])
        #expect(diagnostics.lines == [])
    }

    @Test func sameEnumInATableAndInProseWithTheSameMembersIsQuiet() throws {
        let call = resourceDoc("call", properties: [
            "|state|callState|Possible values are: `incoming`, `established`.|",
        ])
        let (model, diagnostics) = resolve(call, enums)
        #expect(model.type(named: graph("callState"))?.members.map(\.name) == ["incoming", "established"])
        #expect(model.type(named: graph("callState"))?.source == enums.source(of: "### callState values"))
        #expect(diagnostics.lines == [])
    }

    @Test func sameEnumInATableAndInProseWithDifferentMembers() throws {
        let call = resourceDoc("call", properties: [
            "|state|callState|Possible values are: `incoming`, `ringing`.|",
        ])
        let (model, diagnostics) = resolve(call, enums)
        // Every member of both places, the table's first.
        #expect(model.type(named: graph("callState"))?.members == [
            EnumMember(name: "incoming"), EnumMember(name: "established"), EnumMember(name: "ringing"),
        ])
        #expect(model.type(named: graph("callState"))?.kind == .enum)
        #expect(model.property(graph("call"), "state")?.type == graph("callState"))
        #expect(diagnostics.lines == [
            call.diagnostic(at: "state|callState",
                            "enum 'callState' is defined here with members [incoming, ringing] and at \(enums.source(of: "### callState values")) with [incoming, established]; the generated enum has all of them",
                            rule: "enum-conflict"),
        ])
    }

    /// A page is compared with the enum's first definition, not with the members other pages
    /// added since: a page that agrees with the first definition is quiet, whatever the order.
    @Test func aPageThatAgreesWithTheFirstDefinitionIsQuietAfterAnotherAddedMembers() throws {
        let call = resourceDoc("call", properties: [
            "|state|callState|Possible values are: `incoming`, `established`, `ringing`.|",
        ])
        let participant = resourceDoc("participant", properties: [
            "|state|callState|Possible values are: `incoming`, `established`.|",
        ])
        let (model, diagnostics) = resolve(call, participant, enums)
        #expect(model.type(named: graph("callState"))?.members.map(\.name) == ["incoming", "established", "ringing"])
        #expect(diagnostics.lines == [
            call.diagnostic(at: "state|callState",
                            "enum 'callState' is defined here with members [incoming, established, ringing] and at \(enums.source(of: "### callState values")) with [incoming, established]; the generated enum has all of them",
                            rule: "enum-conflict"),
        ])
    }

    @Test func sameEnumInProseOnTwoPagesWithDifferentMembers() throws {
        let post = apiDoc("docs/api/application-post-calls.md", title: "Create calls", requests: ["POST /communications/calls"],
                          body: """
                              In the request body, supply a JSON representation of the [call](../resources/call.md) object.

                              |Property|Type|Description|
                              |:---|:---|:---|
                              |direction|callDirection|Possible values are: `incoming`, `outgoing`.|
                              """)
        let call = resourceDoc("call", properties: [
            "|direction|callDirection|Possible values are: `outgoing`, `incoming`, `unknownFutureValue`.|",
        ])
        let (model, diagnostics) = resolve(call, post)
        #expect(model.type(named: graph("callDirection"))?.members.map(\.name) == ["incoming", "outgoing", "unknownFutureValue"])
        let conflicts = diagnostics.rule("enum-conflict")
        #expect(conflicts.count == 1)
        // Both places are named: the diagnostic's own file and the other one.
        #expect(conflicts.first.map { $0.file == call.path || $0.file == post.path } == true)
        #expect(conflicts.first?.message.contains(call.path) == true || conflicts.first?.message.contains(post.path) == true)
        let files = Set([conflicts.first?.file ?? ""] + [call.path, post.path].filter { conflicts.first?.message.contains($0) == true })
        #expect(files == [call.path, post.path])
    }

    @Test func enumFromProseInAParameterTable() throws {
        let action = apiDoc("docs/api/call-changescreensharingrole.md", title: "call: changeScreenSharingRole",
                            requests: ["POST /communications/calls/{id}/changeScreenSharingRole"],
                            body: """
                                In the request body, provide a JSON object with the following parameters.

                                |Parameter|Type|Description|
                                |:---|:---|:---|
                                |role|screenSharingRole|The new role. Possible values are: `viewer`, `sharer`.|
                                """)
        let (model, diagnostics) = resolve(action)
        #expect(model.type(named: graph("screenSharingRole")) == TypeDefinition(
            name: graph("screenSharingRole"), kind: .enum, members: [EnumMember(name: "viewer"), EnumMember(name: "sharer")],
            source: action.source(of: "|role|")))
        #expect(model.property(graph("changeScreenSharingRoleCallRequestBody"), "role")?.type == graph("screenSharingRole"))
        #expect(diagnostics.lines == [])
    }
}
