import APIDocMarkdown
import Testing

@Suite("Tree dump of a small page")
struct TreeDumpTests {
    @Test func smallPage() {
        let source = """
            ---
            title: "Get call"
            ---

            # Get call

            Namespace: microsoft.graph

            ## Permissions

            |Permission type|Permissions|
            |:---|:---|
            |Application|Calls.Initiate.All|

            ## HTTP request
            <!-- { "blockType": "ignored" } -->
            ```http
            GET /communications/calls/{id}
            ```

            ## Response

            * One
            * Two, with `code`

            > **Note:** Shortened.

            ---
            """
        let dump = treeDump(MarkdownDocument.parse(source).blocks)
        #expect(dump == """
            heading 1 @5:1 "Get call"
            paragraph @7:1-7 "Namespace: microsoft.graph"
            heading 2 @9:1 "Permissions"
            table @11:1 ["Permission type"@11:2 "Permissions"@11:18]
              row ["Application"@13:2 "Calls.Initiate.All"@13:14]
            heading 2 @15:1 "HTTP request"
            html @16:1 "<!-- { "blockType": "ignored" } -->\\n"
            code http @17:1 content 18:1-19 "GET /communications/calls/{id}\\n"
            heading 2 @21:1 "Response"
            list bullet @23:1
              item
                paragraph @23:3-23 "One"
              item
                paragraph @24:3-24 "Two, with code"
            quote @26:1
              paragraph @26:3-26 "Note: Shortened."
            break @28:1

            """)
    }
}
