@testable import APIDocExtraction
import Testing

@Suite("Enum tables")
struct EnumTableTests {
    typealias Member = EnumDefinition.Member

    @Test func aggregatePage() throws {
        let page = extract("""
            ---
            title: "Enum types"
            doc_type: enumPageType
            ---

            # Enum types

            Namespace: microsoft.graph

            ### callDirection values

            |Member|
            |:---|
            |incoming|
            |outgoing|

            ### alertStatus values

            |Member|Value|Description|
            |:---|:---|:---|
            |unknown|0|Unknown.|
            |newAlert|10|New.|
            |inProgress|20|In progress.|

            ### logonType values

            Possible values for the method of user sign-in.

            |Member|Value|Description|
            |:---|:---|:---|
            |unknown|-1|Unknown.|
            |interactive|0|Interactive.|
            """, path: "docs/resources/enums.md")
        #expect(page.enums.map(\.name) == ["callDirection", "alertStatus", "logonType"])
        #expect(page.enums.map(\.location) == [at(10, 1), at(17, 1), at(25, 1)])
        #expect(page.enums.allSatisfy { !$0.fromProse })
        #expect(page.enums[0].members == [
            Member(name: "incoming", value: nil, description: "", location: at(14, 2)),
            Member(name: "outgoing", value: nil, description: "", location: at(15, 2)),
        ])
        #expect(page.enums[1].members.map(\.name) == ["unknown", "newAlert", "inProgress"])
        #expect(page.enums[1].members.map(\.value) == ["0", "10", "20"])
        #expect(page.enums[1].members.map(\.description) == ["Unknown.", "New.", "In progress."])
        #expect(page.enums[2].members.map(\.value) == ["-1", "0"])
        #expect(page.properties.isEmpty)
        #expect(page.diagnosticLines == [])
    }

    @Test func enumSectionsInsideAResourcePage() throws {
        // chat.md: `### chatType values` after the Properties table.
        let page = extract("""
            # chat resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |chatType|chatType|The type of chat.|

            ### chatType values

            |Member|Value|Description|
            |:---|:---|:---|
            |oneOnOne|0|A one-on-one chat.|
            |group|1|A group chat.|
            """, path: "docs/resources/chat.md")
        #expect(page.properties.map(\.name) == ["chatType"])
        #expect(page.enums.map(\.name) == ["chatType"])
        #expect(page.enums.first?.members.map(\.name) == ["oneOnOne", "group"])
    }

    @Test func singleEnumPage() throws {
        // clonableteamparts.md: a flags enum.
        let page = extract("""
            ---
            title: "clonableTeamParts enum type"
            doc_type: enumPageType
            ---

            # clonableTeamParts enum type

            Namespace: microsoft.graph

            Describes which parts of a team should be cloned.

            ## Members

            | Member | Value| Description |
            |:---------------|:--------|:----------|
            |apps|1|Copy the list of installed apps.|
            |tabs|2|Copy the tabs within channels.|
            |settings|4|Copy all settings.|
            |channels|8|Copy the channel structure.|
            |members|16|Copy the members.|
            """, path: "docs/resources/clonableteamparts.md")
        #expect(page.title == "clonableTeamParts enum type")
        #expect(page.enums.count == 1)
        let definition = try #require(page.enums.first)
        #expect(definition.name == "clonableTeamParts")
        #expect(definition.location == at(12, 1))
        #expect(definition.members.map(\.name) == ["apps", "tabs", "settings", "channels", "members"])
        #expect(definition.members.map(\.value) == ["1", "2", "4", "8", "16"])
        #expect(definition.members.first?.location == at(16, 2))
        #expect(page.properties.isEmpty)
    }

    @Test func valueOnlyTableWithMixedCase() throws {
        let page = extract("""
            # Enums

            ### chatMessagePolicyViolationDlpActionType values

            |Value|
            |:---|
            |none|
            |NotifySender|
            |BlockAccess|
            """, path: "docs/resources/enums.md")
        #expect(page.enums.first?.members.map(\.name) == ["none", "NotifySender", "BlockAccess"])
    }

    @Test func memberDescriptionTable() throws {
        let page = extract("""
            # Enums

            ### `teamVisibilityType` values

            |Member|Description|
            |:---|:---|
            |private|Owners must approve.|
            |public|Anyone can join.|
            """, path: "docs/resources/enums.md")
        let definition = try #require(page.enums.first)
        #expect(definition.name == "teamVisibilityType")
        #expect(definition.members.map(\.description) == ["Owners must approve.", "Anyone can join."])
        #expect(definition.members.map(\.value) == [nil, nil])
    }

    @Test func emptyEnumTableIsReported() {
        let page = extract("""
            # Enums

            ### emptyKind values

            |Member|
            |:---|
            """, path: "docs/resources/enums.md")
        #expect(page.enums.isEmpty)
        #expect(page.diagnosticLines == ["docs/resources/enums.md:5:1: warning: enum table for 'emptyKind' has no members [empty-table]"])
    }

    @Test func propertyTablesAreNotEnumTables() {
        let page = extract("""
            # Enums

            ### x values

            |Property|Type|Description|
            |:---|:---|:---|
            |a|String|Text.|
            """, path: "docs/resources/enums.md")
        #expect(page.enums.isEmpty)
    }
}
