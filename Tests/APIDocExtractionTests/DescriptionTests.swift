@testable import APIDocExtraction
import Testing

/// Facts read from Description cells: "Possible values are" lists, Read-only, Nullable, Inherited from.
@Suite("Description cells")
struct DescriptionTests {
    /// The one row of a Properties table with this Type and Description.
    func row(_ description: String, type: String = "String") throws -> PropertyRow {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |p|\(type)|\(description)|
            """, path: "docs/resources/x.md")
        return try #require(page.properties.first)
    }

    func values(_ description: String) throws -> [String] {
        try row(description).possibleValues
    }

    @Test func backtickedValues() throws {
        #expect(try values("The direction. Possible values are: `incoming`, `outgoing`.") == ["incoming", "outgoing"])
        #expect(try values("Possible values are `a`,`b`,`c`") == ["a", "b", "c"])
    }

    @Test func withOrAndAnd() throws {
        #expect(try values("Possible values are: `none`, `organizer`, or `everyone`.") == ["none", "organizer", "everyone"])
        #expect(try values("Possible values are `low`, `normal` and `high`.") == ["low", "normal", "high"])
        #expect(try values("Possible values are `low` or `high`.") == ["low", "high"])
    }

    @Test func listEndsWhereProseResumes() throws {
        #expect(try values("Possible values are: `a`, `b`. The default is `c`.") == ["a", "b"])
        #expect(try values("Possible values are: `a`, `b`. Read-only. Use `$select` to get it.") == ["a", "b"])
    }

    @Test func codeSpansBeforeThePhraseAreNotValues() throws {
        #expect(try values("Set `isEnabled` first. Possible values are: `on`, `off`.") == ["on", "off"])
        #expect(try values("Use `$select` to get this property.") == [])
    }

    @Test func otherPhrasings() throws {
        #expect(try values("Possible values: `week`, `month`.") == ["week", "month"])
        #expect(try values("Valid values are `d7`, `d30`.") == ["d7", "d30"])
        #expect(try values("The supported values are `a`, `b`.") == ["a", "b"])
        #expect(try values("**Possible values are:** `a`, `b`.") == ["a", "b"])
    }

    @Test func duplicatesAreListedOnce() throws {
        #expect(try values("Possible values are: `a`, `b`, `a`.") == ["a", "b"])
    }

    @Test func valuesWithLineBreaks() throws {
        #expect(try values("Possible values are:<br>`a`,<br>`b`.") == ["a", "b"])
    }

    @Test func readOnly() throws {
        #expect(try row("The id. Read-only.").readOnly)
        #expect(try row("Read-only. The id.").readOnly)
        #expect(try row("The id. Read only.").readOnly)
        #expect(try !row("The id.").readOnly)
    }

    @Test func nullable() throws {
        #expect(try row("Read-only. Nullable.").nullable == true)
        #expect(try row("The name. Not nullable.").nullable == false)
        #expect(try row("The name. Non-nullable.").nullable == false)
        #expect(try row("The name.").nullable == nil)
    }

    @Test func required() throws {
        #expect(try row("The subject. Required.").required == true)
        #expect(try row("The subject. Optional.").required == false)
        #expect(try row("The subject.").required == nil)
    }

    @Test func inheritedFrom() throws {
        let id = try row("Unique identifier. Read-only. Inherited from [entity](entity.md).")
        #expect(id.inheritedFrom == "entity.md")
        #expect(id.readOnly)
        #expect(try row("Inherited from [directoryObject](../resources/directoryobject.md)").inheritedFrom == "../resources/directoryobject.md")
        #expect(try row("See [the docs](https://docs.microsoft.com/x). Inherited from the base.").inheritedFrom == nil)
        #expect(try row("Links to [entity](entity.md).").inheritedFrom == nil)
    }

    /// Emphasis, links and tags go; code spans stay code, for the doc comments.
    @Test func descriptionIsTextWithCodeSpans() throws {
        let p = try row("**TODO: Add Description**. Possible values are: `a`.<br>See [call](call.md). When `true`, it is read-only.")
        #expect(p.description == "TODO: Add Description. Possible values are: `a`. See call. When `true`, it is read-only.")
        // What the description says is read from its plain text.
        #expect(p.readOnly)
    }

    @Test func valuesInTheTypeCell() throws {
        #expect(try row("The kind.", type: "String. Possible values are `x`, `y`.").possibleValues == ["x", "y"])
    }

    @Test func phrasesAreFoundInsideEmphasisAndLinks() throws {
        #expect(try values("See [possible values are](x.md) `a` and `b`.") == ["a", "b"])
        #expect(try values("_The value_ is `a`.") == [])
        #expect(try values("No list here; `a`, `b`.") == [])
        #expect(try values("The VALUE MUST BE ONE OF `x`, `y`") == ["x", "y"])
    }

    @Test func inheritsFromIsReadOutsideLinksOnly() {
        let plain = extract("""
            # thing resource type

            Inherits from [entity](entity.md).

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |p|String|P.|
            """, path: "docs/resources/thing.md")
        #expect(plain.inheritsFrom == "entity.md")
        let inLink = extract("""
            # thing resource type

            See [inherits from](notes.md) and [entity](entity.md).

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |p|String|P.|
            """, path: "docs/resources/thing.md")
        #expect(inLink.inheritsFrom == nil)
    }
}
