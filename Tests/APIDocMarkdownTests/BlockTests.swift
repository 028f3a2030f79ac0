import APIDocMarkdown
import Testing

@Suite("Headings, code blocks and HTML blocks")
struct BlockTests {
    @Test func headingsHaveLevelTextAndPosition() {
        let source = """
            # call resource type

            ## Properties
            ### `callState` values
            ##### Request
            Setext title
            ------------
            """
        let headings = MarkdownDocument.parse(source).blocks.headings
        #expect(headings.map(\.level) == [1, 2, 3, 5, 2])
        #expect(headings.map(\.text) == ["call resource type", "Properties", "callState values", "Request", "Setext title"])
        #expect(headings.map(\.location) == [at(1, 1), at(3, 1), at(4, 1), at(5, 1), at(6, 1)])
    }

    @Test func headingInlinesKeepLinks() throws {
        let heading = try #require(MarkdownDocument.parse("# [C#](#tab/csharp)\n").blocks.headings.first)
        #expect(heading.inlines == [.link(destination: "#tab/csharp", children: [.text("C#")])])
        #expect(heading.text == "C#")
    }

    @Test func fencedCodeBlock() throws {
        let source = """
            Text.

            ```http
            GET /me
            GET /users/{id}
            ```
            """
        let code = try #require(MarkdownDocument.parse(source).blocks.codeBlocks.first)
        #expect(code.language == "http")
        #expect(code.literal == "GET /me\nGET /users/{id}\n")
        #expect(code.location == at(3, 1))
        #expect(code.contentLine == 4)
        #expect(code.contentColumn == 1)
        #expect(code.endLine == 6)
    }

    @Test func languageIsTheFirstInfoWordLowerCased() {
        let source = """
            ``` http
            a
            ```

            ```JSON
            {}
            ```

            ```msgraph-interactive
            GET /me
            ```

            ```json {"x": 1}
            {}
            ```

            ```
            plain
            ```

            ~~~csharp
            var x = 1;
            ~~~
            """
        let codes = MarkdownDocument.parse(source).blocks.codeBlocks
        #expect(codes.map(\.language) == ["http", "json", "msgraph-interactive", "json", "", "csharp"])
        #expect(codes.map(\.contentLine) == [2, 6, 10, 14, 18, 22])
        #expect(codes.map(\.literal) == ["a\n", "{}\n", "GET /me\n", "{}\n", "plain\n", "var x = 1;\n"])
    }

    @Test func emptyFence() throws {
        let code = try #require(MarkdownDocument.parse("```http\n```\n").blocks.codeBlocks.first)
        #expect(code.literal == "")
        #expect(code.contentLine == 2)
        #expect(code.endLine == 2)
    }

    @Test func indentedFenceInsideAListItem() throws {
        let source = """
            1. Send the request:

               ```http
               POST /me/sendMail
               ```
            """
        let document = MarkdownDocument.parse(source)
        guard case .list(let list) = try #require(document.blocks.first) else {
            Issue.record("expected a list, got \(document.blocks)")
            return
        }
        #expect(list.ordered)
        let code = try #require(list.items.first?.codeBlocks.first)
        #expect(code.location == at(3, 4))
        #expect(code.contentLine == 4)
        #expect(code.contentColumn == 4)
        #expect(code.literal == "POST /me/sendMail\n")
    }

    @Test func fenceInABlockQuoteStartsContentOnTheNextLine() throws {
        let source = "Intro.\n\n> ```http\n> GET /me\n> ```\n\n>>~~~\n>>x\n>>~~~\n"
        let document = MarkdownDocument.parse(source)
        func codes(_ blocks: [Block]) -> [CodeBlock] {
            blocks.flatMap { block -> [CodeBlock] in
                switch block {
                case .codeBlock(let code): return [code]
                case .blockQuote(let quote): return codes(quote.children)
                default: return []
                }
            }
        }
        let found = codes(document.blocks)
        #expect(found.map(\.literal) == ["GET /me\n", "x\n"])
        #expect(found.map(\.contentLine) == [4, 8])
    }

    @Test func aFenceIsReadOnItsBytesAsCmarkReadsIt() throws {
        // A combining mark after the backticks: cmark opens the fence (its info string is the mark).
        let code = try #require(MarkdownDocument.parse("```\u{301}\nx\n```\n").blocks.codeBlocks.first)
        #expect(code.literal == "x\n")
        #expect(code.contentLine == 2)
    }

    @Test func indentedCodeBlockHasNoLanguage() throws {
        let code = try #require(MarkdownDocument.parse("Text.\n\n    GET /me\n").blocks.codeBlocks.first)
        #expect(code.language == "")
        #expect(code.literal == "GET /me\n")
        #expect(code.location == at(3, 5))
        #expect(code.contentLine == 3)
    }

    @Test func htmlCommentBlock() throws {
        let source = """
            ## HTTP request
            <!-- {
              "blockType": "ignored"
            }
            -->
            ``` http
            POST /communications/calls
            ```
            """
        let blocks = MarkdownDocument.parse(source).blocks
        let html = try #require(blocks.htmlBlocks.first)
        #expect(html.literal == "<!-- {\n  \"blockType\": \"ignored\"\n}\n-->\n")
        #expect(html.location == at(2, 1))
        #expect(blocks.codeBlocks.map(\.location) == [at(6, 1)])
    }

    @Test func htmlBlockEndLine() {
        // libcmark 0.30 reports end_line - 1 for HTML blocks closed by their end condition
        // (comments); the wrapper must still give the true last line.
        let source = """
            <!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79 -->

            <!-- {
              "blockType": "ignored"
            }
            -->

            <table>
            <tr><td>a</td></tr>
            </table>
            """
        let html = MarkdownDocument.parse(source).blocks.htmlBlocks
        #expect(html.map(\.location) == [at(1, 1), at(3, 1), at(8, 1)])
        #expect(html.map(\.endLine) == [1, 6, 10])
    }

    @Test func oneLineCommentAndRawHTMLTable() {
        let source = """
            <!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79 -->

            <table>
            <tr><td>a</td></tr>
            </table>
            """
        let html = MarkdownDocument.parse(source).blocks.htmlBlocks
        #expect(html.map(\.location) == [at(1, 1), at(3, 1)])
        #expect(html.last?.literal == "<table>\n<tr><td>a</td></tr>\n</table>\n")
        #expect(html.first?.literal == "<!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79 -->\n")
    }

    @Test func blockQuoteNote() throws {
        let source = """
            > **Note:** The response object shown here might be shortened.
            """
        let blocks = MarkdownDocument.parse(source).blocks
        guard case .blockQuote(let quote) = try #require(blocks.first) else {
            Issue.record("expected a block quote, got \(blocks)")
            return
        }
        #expect(quote.location == at(1, 1))
        let paragraph = try #require(quote.children.paragraphs.first)
        #expect(paragraph.inlines.first == .strong([.text("Note:")]))
        #expect(paragraph.inlines.plainText == "Note: The response object shown here might be shortened.")
        #expect(paragraph.location == at(1, 3))
    }
}
