import APIDocMarkdown
import Testing

@Suite("Pipe tables: header, rows, cells and positions")
struct PipeTableTests {
    @Test func headerRowsAndCellText() throws {
        let source = """
            ## Properties

            | Property | Type | Description |
            |:---------|:-----|:------------|
            | id | String | The identifier. Read-only. |
            | state | callState | The state. |
            """
        let document = MarkdownDocument.parse(source)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.headerTexts == ["Property", "Type", "Description"])
        #expect(table.rowTexts == [
            ["id", "String", "The identifier. Read-only."],
            ["state", "callState", "The state."],
        ])
        #expect(table.location == at(3, 1))
        #expect(table.notes.isEmpty)
        #expect(document.notes.isEmpty)
    }

    @Test func eachCellKnowsItsLineAndColumn() throws {
        let source = """
            | Property | Type | Description |
            |:---------|:-----|:------------|
            | id | String | The identifier. |
            |state|callState|   The state.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.header.map(\.location) == [at(1, 3), at(1, 14), at(1, 21)])
        #expect(table.rowLocations == [
            [at(3, 3), at(3, 8), at(3, 17)],
            [at(4, 2), at(4, 8), at(4, 21)],
        ])
    }

    @Test func cellSourceIsTrimmedMarkdown() throws {
        let source = """
            |Property|Type|
            |:---|:---|
            |  **callRoutes**  | [callRoute](callroute.md) collection |
            """
        let cells = try #require(MarkdownDocument.parse(source).tables.first?.rows.first)
        #expect(cells.map { String($0.source) } == ["**callRoutes**", "[callRoute](callroute.md) collection"])
        #expect(cells.map(\.text) == ["callRoutes", "callRoute collection"])
    }

    @Test func tableBetweenOtherBlocks() {
        let source = """
            Text before.

            |a|b|
            |---|---|
            |1|2|

            Text after.
            """
        #expect(treeDump(MarkdownDocument.parse(source).blocks) == """
            paragraph @1:1-1 "Text before."
            table @3:1 ["a"@3:2 "b"@3:4]
              row ["1"@5:2 "2"@5:4]
            paragraph @7:1-7 "Text after."

            """)
    }

    @Test func headerOnlyTableHasNoRows() throws {
        let table = try #require(MarkdownDocument.parse("|Property|Type|Description|\n|---|---|---|\n").tables.first)
        #expect(table.headerTexts == ["Property", "Type", "Description"])
        #expect(table.rows.isEmpty)
    }

    @Test func singleColumnEnumTable() throws {
        let source = """
            |Member|
            |:---|
            |incoming|
            |outgoing|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["Member"])
        #expect(table.rowTexts == [["incoming"], ["outgoing"]])
    }

    @Test func shortRowIsPaddedWithEmptyCells() throws {
        let source = """
            |Method|Return type|Description|
            |:---|:---|:---|
            |**Call handling**|
            |[Answer](../api/call-answer.md)|None|Answer a call.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rowTexts == [["Call handling", "", ""], ["Answer", "None", "Answer a call."]])
    }

    @Test func pipesWithoutSeparatorAreNotATable() {
        let document = MarkdownDocument.parse("This | is | not a table.\nNor | this.\n")
        #expect(document.tables.isEmpty)
        #expect(document.blocks.paragraphs.count == 1)
    }

    @Test func tableInsideBlockQuote() throws {
        let source = """
            > |a|b|
            > |---|---|
            > |1|2|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["a", "b"])
        #expect(table.rowTexts == [["1", "2"]])
        #expect(table.rows.first?.map(\.location) == [at(3, 4), at(3, 6)])
    }
}
