import APIDocMarkdown
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    /// Six lines of front matter, a blank line, a heading on line 8.
    static let page = """
        ---
        title: "Create calls"
        description: 'Create a new calls object.'
        ms.prod: cloud-communications
        doc_type: apiPageType
        ---

        # Create calls

        Namespace: microsoft.graph
        """

    @Test func entriesAreReadWithTheirLines() throws {
        let document = MarkdownDocument.parse(Self.page)
        let frontMatter = try #require(document.frontMatter)
        #expect(frontMatter.entries.map { "\($0.key)=\($0.value)@\($0.line)" } == [
            "title=Create calls@2",
            "description=Create a new calls object.@3",
            "ms.prod=cloud-communications@4",
            "doc_type=apiPageType@5",
        ])
        #expect(frontMatter["title"] == "Create calls")
        #expect(frontMatter["doc_type"] == "apiPageType")
        #expect(frontMatter["author"] == nil)
    }

    @Test func lineNumbersAfterFrontMatterStayTrue() throws {
        let document = MarkdownDocument.parse(Self.page)
        let heading = try #require(document.blocks.headings.first)
        #expect(heading.text == "Create calls")
        #expect(heading.location == at(8, 1))
        #expect(document.blocks.paragraphs.map(\.location) == [at(10, 1)])
        // The document keeps every source line, front matter included.
        #expect(document.lines.count == 10)
        #expect(document.lines[7] == "# Create calls")
    }

    @Test func frontMatterMakesNoBlocks() {
        let document = MarkdownDocument.parse(Self.page)
        #expect(treeDump(document.blocks) == """
            heading 1 @8:1 "Create calls"
            paragraph @10:1-10 "Namespace: microsoft.graph"

            """)
        // In particular no thematic break and no setext heading made of the `---` lines.
        for block in document.blocks {
            if case .thematicBreak = block { Issue.record("thematic break from front matter at \(block.location)") }
        }
        #expect(document.blocks.headings.map(\.level) == [1])
    }

    @Test func frontMatterFollowedDirectlyByAHeading() throws {
        let document = MarkdownDocument.parse("---\ntitle: x\n---\n# Title\n")
        #expect(document.frontMatter?["title"] == "x")
        #expect(document.blocks.headings.map(\.location) == [at(4, 1)])
        #expect(document.blocks.count == 1)
    }

    @Test func withoutClosingLineItIsNotFrontMatter() {
        let source = """
            ---
            title: "Not closed"

            # Heading
            """
        let document = MarkdownDocument.parse(source)
        #expect(document.frontMatter == nil)
        #expect(document.blocks.headings.map { "\($0.text)@\($0.location)" } == ["Heading@4:1"])
    }

    @Test func pageWithoutFrontMatter() {
        let document = MarkdownDocument.parse("# Title\n\nText.\n")
        #expect(document.frontMatter == nil)
        #expect(document.blocks.headings.map(\.location) == [at(1, 1)])
    }

    @Test func dashesLaterInThePageAreNotFrontMatter() {
        let document = MarkdownDocument.parse("# Title\n---\ntitle: x\n---\n")
        #expect(document.frontMatter == nil)
    }

    @Test func quotesIndentedLinesAndTheDotsEnd() throws {
        let source = """
            ---
            title: "Quoted: with a colon"
            single: 'x'
            empty: ""
            mismatched: "open'
              nested: not an entry
            \tindented: not an entry
            no colon here
            :
            url: https://example.com/a:b
            unicode: "naïve — café"
            ...
            # Heading
            """
        let frontMatter = try #require(MarkdownDocument.parse(source).frontMatter)
        #expect(frontMatter.entries.map { "\($0.key)=\($0.value)@\($0.line)" } == [
            "title=Quoted: with a colon@2",
            "single=x@3",
            "empty=@4",
            "mismatched=\"open'@5",
            "url=https://example.com/a:b@10",
            "unicode=naïve — café@11",
        ])
    }
}
