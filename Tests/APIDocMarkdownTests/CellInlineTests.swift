import APIDocMarkdown
import Testing

@Suite("Inline markdown inside table cells")
struct CellInlineTests {
    /// The inlines of the one body cell of a one-column table.
    func cellInlines(_ cell: String, definitions: String = "") throws -> [Inline] {
        let source = "|Column|\n|---|\n|\(cell)|\n" + (definitions.isEmpty ? "" : "\n" + definitions + "\n")
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        return try #require(table.rows.first?.first).inlines
    }

    @Test func inlineLink() throws {
        #expect(try cellInlines("[call](../resources/call.md)") == [.link(destination: "../resources/call.md", children: [.text("call")])])
        #expect(try cellInlines("[callRoute](callroute.md) collection") == [
            .link(destination: "callroute.md", children: [.text("callRoute")]), .text(" collection"),
        ])
        #expect(try cellInlines("[x](x.md \"Title\")") == [.link(destination: "x.md", children: [.text("x")])])
    }

    @Test func codeSpans() throws {
        #expect(try cellInlines("Possible values are: `incoming`, `outgoing`.") == [
            .text("Possible values are: "), .code("incoming"), .text(", "), .code("outgoing"), .text("."),
        ])
        #expect(try cellInlines("``a`b``") == [.code("a`b")])
        #expect(try cellInlines("`` `x` ``") == [.code("`x`")])
        #expect(try cellInlines("unclosed `tick") == [.text("unclosed `tick")])
        // One space comes off each end only when both ends have one and the span is not all spaces.
        #expect(try cellInlines("` a `") == [.code("a")])
        #expect(try cellInlines("`  a  `") == [.code(" a ")])
        #expect(try cellInlines("` a`") == [.code(" a")])
        #expect(try cellInlines("`   `") == [.code("   ")])
        #expect(try cellInlines("` é `") == [.code("é")])
    }

    /// Code spans keep their backticks in `docText`, with a longer fence around code that holds
    /// backticks; everything else reads as in `plainText`.
    @Test func docTextKeepsCodeSpans() throws {
        let inlines = try cellInlines("Use `https`, **not** [plain](x.md) `a``b` or `` `x` ``.<br>Done.")
        #expect(inlines.docText == "Use `https`, not plain ```a``b``` or `` `x` ``. Done.")
        #expect(inlines.plainText == "Use https, not plain a``b or `x`. Done.")
        #expect(try cellInlines("plain").docText == "plain")
    }

    @Test func plainTextRunsAroundEveryOpener() throws {
        #expect(try cellInlines("plain é text, 50% off; a_b (c) {d}") == [.text("plain é text, 50% off; a_b (c) {d}")])
        #expect(try cellInlines("a \\* b & c < d") == [.text("a * b & c < d")])
        #expect(try cellInlines("x&amp;y<br>z*w*v[l](l.md)") == [
            .text("x&y"), .html("<br>"), .text("z"), .emphasis([.text("w")]), .text("v"), .link(destination: "l.md", children: [.text("l")]),
        ])
    }

    @Test func strongAndEmphasis() throws {
        #expect(try cellInlines("**TODO: Add Description** Text") == [.strong([.text("TODO: Add Description")]), .text(" Text")])
        #expect(try cellInlines("*optional*") == [.emphasis([.text("optional")])])
        #expect(try cellInlines("**[call](call.md)**") == [.strong([.link(destination: "call.md", children: [.text("call")])])])
    }

    @Test func underscoresAreLeftAlone() throws {
        #expect(try cellInlines("period_value and _x_") == [.text("period_value and _x_")])
    }

    @Test func asterisksThatCannotOpenOrCloseEmphasisStayText() throws {
        // CommonMark: a `*` followed by a space cannot open emphasis, one preceded by a space cannot close it.
        #expect(try cellInlines("Files *.txt or *.xml").plainText == "Files *.txt or *.xml")
        #expect(try cellInlines("2 * 3 * 4").plainText == "2 * 3 * 4")
    }

    @Test func lineBreakTags() throws {
        let inlines = try cellInlines("First.<br>Second.<br/>Third.")
        #expect(inlines == [.text("First."), .html("<br>"), .text("Second."), .html("<br/>"), .text("Third.")])
        #expect(inlines.plainText == "First. Second. Third.")
    }

    @Test func htmlListTagsReadAsSpaces() throws {
        let inlines = try cellInlines("Values:<ul><li>a</li><li>b</li></ul>")
        #expect(inlines.first == .text("Values:"))
        #expect(inlines.contains(.html("<li>")))
        #expect(inlines.plainText.split(separator: " ") == ["Values:", "a", "b"])
    }

    @Test func entities() throws {
        #expect(try cellInlines("a &amp; b &lt;c&gt;").plainText == "a & b <c>")
        #expect(try cellInlines("x &#124; y").plainText == "x | y")
        #expect(try cellInlines("&unknown; stays").plainText == "&unknown; stays")
        let nbsp = try cellInlines("Description&nbsp;&nbsp;&nbsp;").plainText
        #expect(!nbsp.contains("&"))
        #expect(nbsp.trimmingSpaces() == "Description")
    }

    @Test func nonBreakingSpacesInAHeaderAreTrimmed() throws {
        // intune-shared-devicemanagement.md: `Relationship|Type|Description&nbsp;&nbsp;...`.
        let table = try #require(MarkdownDocument.parse("|Relationship|Type|Description&nbsp;&nbsp;&nbsp;|\n|---|---|---|\n").tables.first)
        #expect(table.headerTexts == ["Relationship", "Type", "Description"])
    }

    @Test func escapedPipe() throws {
        #expect(try cellInlines("a \\| b") == [.text("a | b")])
        #expect(try cellInlines("\\*not emphasis\\*") == [.text("*not emphasis*")])
    }

    @Test func escapedPipeInsideACodeSpan() throws {
        // GFM (spec example 200): a cell's `\|` is a pipe even inside a code span. invitation.md writes ``Pipe (`\|`)``.
        #expect(try cellInlines("Pipe (`\\|`)") == [.text("Pipe ("), .code("|"), .text(")")])
    }

    @Test func referenceStyleLinks() throws {
        let definitions = """
            [identitySet]: identityset.md
            [Item Reference]: ../resources/itemreference.md "Title"
            """
        #expect(try cellInlines("[identitySet][]", definitions: definitions) == [
            .link(destination: "identityset.md", children: [.text("identitySet")]),
        ])
        #expect(try cellInlines("[identityset][]", definitions: definitions) == [
            .link(destination: "identityset.md", children: [.text("identityset")]),
        ])
        #expect(try cellInlines("[itemReference][item reference]", definitions: definitions) == [
            .link(destination: "../resources/itemreference.md", children: [.text("itemReference")]),
        ])
        #expect(try cellInlines("[identitySet] collection", definitions: definitions) == [
            .link(destination: "identityset.md", children: [.text("identitySet")]), .text(" collection"),
        ])
        #expect(try cellInlines("[undefined][]", definitions: definitions).plainText == "[undefined][]")
    }

    @Test func definitionsAreCollectedFromThePageBottom() {
        let source = """
            # baseItem

            |Property|Type|
            |:---|:---|
            |createdBy|[identitySet][]|

            [identitySet]: identityset.md
            [itemReference]:  itemreference.md
            """
        let document = MarkdownDocument.parse(source)
        #expect(document.linkDefinitions == ["identityset": "identityset.md", "itemreference": "itemreference.md"])
        #expect(document.tables.first?.rows.first?[1].inlines.links.map(\.destination) == ["identityset.md"])
        // A definition makes no block.
        #expect(document.blocks.count == 2)
    }

    @Test func definitionsInsideFencesAreIgnored() {
        let source = """
            ```
            [x]: nowhere.md
            ```
            """
        #expect(MarkdownDocument.parse(source).linkDefinitions.isEmpty)
        // Tildes fence too, indented up to three spaces; two backticks do not.
        let mixed = """
               ~~~json
            [a]: a.md
               ~~~
            ``
            [b]: b.md
                [c]: indented-four.md
            [d]:  d.md "Title"
            """
        #expect(MarkdownDocument.parse(mixed).linkDefinitions == ["b": "b.md", "d": "d.md"])
    }

    @Test func inlinesOfAFragmentUseThePageDefinitions() {
        let document = MarkdownDocument.parse("Text.\n\n[call]: call.md\n")
        #expect(document.inlines("[call][] object") == [.link(destination: "call.md", children: [.text("call")]), .text(" object")])
    }

    @Test func linksAndCodeSpansHelpers() throws {
        let inlines = try cellInlines("**[A](a.md)** or *[B](b.md)*; see `x` and [`y`](y.md)")
        #expect(inlines.links.map(\.destination) == ["a.md", "b.md", "y.md"])
        #expect(inlines.links.map(\.text) == ["A", "B", "y"])
        #expect(inlines.codeSpans == ["x", "y"])
    }
}
