import APIDocMarkdown
import Testing

/// The table shapes that real pages use (FORMAT-SURVEY section 10).
@Suite("Pipe tables: real-page quirks")
struct PipeTableQuirkTests {
    @Test func rowsWithoutLeadingPipe() throws {
        // call.md: `transcription | ...`, `toneInfo`, `incomingContext` rows lack the leading pipe.
        let source = """
            | Property | Type | Description |
            | :------- | :--- | :---------- |
            | meetingInfo | [organizerMeetingInfo](organizermeetinginfo.md) | The meeting. |
            transcription     | [callTranscriptionInfo](calltranscriptioninfo.md) | The transcription. Read-only. |
            | myParticipantId | String | Read-only. |
            toneInfo | [toneInfo](toneinfo.md) | Read-only. |
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rows.map { $0[0].text } == ["meetingInfo", "transcription", "myParticipantId", "toneInfo"])
        #expect(table.rows[1].map(\.text) == ["transcription", "callTranscriptionInfo", "The transcription. Read-only."])
        #expect(table.rows[1].map(\.location) == [at(4, 1), at(4, 21), at(4, 73)])
        #expect(table.rows[3].map(\.text) == ["toneInfo", "toneInfo", "Read-only."])
        #expect(table.notes.isEmpty)
    }

    @Test func indentedRowWithoutLeadingPipe() throws {
        // accessreviewscheduledefinition-post.md: `  descriptionForReviewers | string | ...`.
        let source = """
            | Property | Type | Description |
            |:---|:---|:---|
            | descriptionForAdmins | string | Context for admins. Required. |
              descriptionForReviewers | string | Context for reviewers. Required. |
            | scope | [accessReviewScope](accessreviewscope.md) | The scope. |
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rowTexts.map { $0[0] } == ["descriptionForAdmins", "descriptionForReviewers", "scope"])
        #expect(table.rows[1][0].location == at(4, 3))
        #expect(table.rows[1][2].text == "Context for reviewers. Required.")
    }

    @Test func headerWithoutLeadingPipe() throws {
        // userconsentrequest.md: `Method|Return type|Description|`.
        let source = """
            Method|Return type|Description|
            |:---|:---|:---|
            |[List](../api/list.md)|[userConsentRequest](userconsentrequest.md) collection|List them.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["Method", "Return type", "Description"])
        #expect(table.header.map(\.location) == [at(1, 1), at(1, 8), at(1, 20)])
        #expect(table.rowTexts == [["List", "userConsentRequest collection", "List them."]])
    }

    @Test func separatorWithoutLeadingPipe() throws {
        // parentalcontrolsettings.md: `:---|:---|:---|`.
        let source = """
            | Property | Type | Description |
            :---|:---|:---|
            |countriesBlockedForMinors|String collection|Countries.|
            |legalAgeGroupRule|String|The rule.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["Property", "Type", "Description"])
        #expect(table.rowTexts == [
            ["countriesBlockedForMinors", "String collection", "Countries."],
            ["legalAgeGroupRule", "String", "The rule."],
        ])
        #expect(table.notes.isEmpty)
    }

    @Test func pipesInsideCodeSpansDoNotSplit() throws {
        // externalconnectors-property.md, worksheet-post-tables.md.
        let source = """
            |Property|Type|Description|
            |:---|:---|:---|
            |path|String|Use `worksheets/{id|name}/tables/` or ``a|b``.|
            |name|String|Plain.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rows[0].count == 3)
        #expect(table.rows[0][2].text == "Use worksheets/{id|name}/tables/ or a|b.")
        #expect(table.rows[0][2].inlines == [
            .text("Use "), .code("worksheets/{id|name}/tables/"), .text(" or "), .code("a|b"), .text("."),
        ])
        #expect(table.notes.isEmpty)
    }

    @Test func escapedPipeDoesNotSplit() throws {
        // invitation.md: ``Pipe (`\|`)`` inside an HTML list in a cell.
        let source = """
            |Property|Type|Description|
            |:---|:---|:---|
            |status|String|Characters: <ul><li>Pipe (`\\|`)</li><li>Bar \\| baz</li></ul>|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rows[0].count == 3)
        #expect(table.rows[0][2].source == "Characters: <ul><li>Pipe (`\\|`)</li><li>Bar \\| baz</li></ul>")
        #expect(table.notes.isEmpty)
    }

    @Test func extraCellsAreJoinedIntoTheLastOneWithANote() throws {
        // intune-deviceconfig-ioscustomconfiguration-create.md: `(*.mobileconfig | *.xml)`.
        let source = """
            |Property|Type|Description|
            |:---|:---|:---|
            |payloadFileName|String|Payload file name (mobileconfig | xml).|
            |payload|Binary|Payload.|
            """
        let document = MarkdownDocument.parse(source)
        let table = try #require(document.tables.first)
        #expect(table.rowTexts == [
            ["payloadFileName", "String", "Payload file name (mobileconfig | xml)."],
            ["payload", "Binary", "Payload."],
        ])
        #expect(table.rows[0][2].location == at(3, 25))
        #expect(table.notes.map(\.location) == [at(3, 59)])
        #expect(table.notes.first?.message.contains("4 cells") == true)
        #expect(document.notes == table.notes)
    }

    @Test func wrappedCellContinuesOnTheNextLine() throws {
        // securescorecontrolprofile.md: the row lacks its closing pipe; the next line has text and a trailing `|`.
        let source = """
            |Property|Type|Description|
            |:---|:---|:---|
            |threats|String collection|List of threats (accountBreach,dataDeletion,
            elevationOfPrivilege,spoofing).|
            |tier|String|Control tier.|
            """
        let document = MarkdownDocument.parse(source)
        let table = try #require(document.tables.first)
        #expect(table.rowTexts == [
            ["threats", "String collection", "List of threats (accountBreach,dataDeletion, elevationOfPrivilege,spoofing)."],
            ["tier", "String", "Control tier."],
        ])
        #expect(table.rows[0][2].location == at(3, 28))
        #expect(table.rows[1][0].location == at(5, 2))
        #expect(table.notes.map(\.location) == [at(4, 1)])
    }

    @Test func severalWrappedLines() throws {
        // windowsdeliveryoptimizationconfiguration-create.md: continuation lines each ending with `|`.
        let source = """
            |Property|Type|Description|
            |:---|:---|:---|
            |a|Int32|First line
            second line
            third line|
            |b|Int32|Other.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rowTexts == [["a", "Int32", "First line second line third line"], ["b", "Int32", "Other."]])
        #expect(table.notes.count == 2)
    }

    @Test func wrappedRowClosedByALoneClosingPipe() throws {
        // callrecords-session.md: the row lacks its closing pipe and the next line is just ` |`.
        let source = """
            | Method | Return Type | Description |
            |:-------|:------------|:------------|
            | [List sessions](../api/callrecords-session-list.md) | [session](callrecords-session.md) collection | Retrieve the sessions.
             |

            After.
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rowTexts == [["List sessions", "session collection", "Retrieve the sessions."]])
    }

    @Test func extraEmptyHeaderCellIsDropped() throws {
        // searchrequest.md: 4 header cells, 3-cell rows.
        let source = """
            | Property     | Type        | Description |             |
            |:-------------|:------------|:------------|:------------|
            |contentSources|String collection|Contains the connection.|
            |from|Int32|The offset.|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["Property", "Type", "Description"])
        #expect(table.rowTexts == [["contentSources", "String collection", "Contains the connection."], ["from", "Int32", "The offset."]])
    }

    @Test func separatorWiderThanHeaderIsNoted() throws {
        // authentication-list-methods.md: 2-cell header, 3-cell separator.
        let source = """
            |Permission type|Permissions acting on other users|
            |:---|:---|:---|
            |Application|UserAuthenticationMethod.Read.All|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["Permission type", "Permissions acting on other users"])
        #expect(table.rowTexts == [["Application", "UserAuthenticationMethod.Read.All"]])
        #expect(table.notes.map(\.location) == [at(2, 1)])
    }

    @Test func indentedTableInsideAListItem() throws {
        // driveitem-delta.md: tables indented 4 spaces under a `*` item, each after a bold caption.
        let source = """
            * Delta query will not return some properties:

                **OneDrive for Business**

                | Operation type | Properties omitted by delta query |
                |---------|----------|
                | Create/Modify | `ctag`, `lastModifiedBy` |
                | Delete | `ctag`, `lastModifiedBy`, `name` |
            """
        let document = MarkdownDocument.parse(source)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.location == at(5, 5))
        #expect(table.headerTexts == ["Operation type", "Properties omitted by delta query"])
        #expect(table.rowTexts == [["Create/Modify", "ctag, lastModifiedBy"], ["Delete", "ctag, lastModifiedBy, name"]])
        #expect(table.rows[0].map(\.location) == [at(7, 7), at(7, 23)])
        #expect(table.rows[1][1].inlines.codeSpans == ["ctag", "lastModifiedBy", "name"])
    }

    @Test func tableDirectlyAfterAParagraphLine() {
        let source = """
            The following table lists the members:
            |Member|Value|
            |:---|:---|
            |apps|1|
            """
        #expect(treeDump(MarkdownDocument.parse(source).blocks) == """
            paragraph @1:1-1 "The following table lists the members:"
            table @2:1 ["Member"@2:2 "Value"@2:9]
              row ["apps"@4:2 "1"@4:7]

            """)
    }

    @Test func tableDirectlyAfterAListItemLine() throws {
        let source = """
            - Item text
            |a|b|
            |---|---|
            |1|2|
            """
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.headerTexts == ["a", "b"])
        #expect(table.rowTexts == [["1", "2"]])
        #expect(table.location == at(2, 1))
    }

    @Test func twoTablesInOneParagraph() {
        let source = """
            |a|b|
            |---|---|
            |1|2|
            |c|d|e|
            |---|---|---|
            |3|4|5|
            Trailing text.
            """
        #expect(treeDump(MarkdownDocument.parse(source).blocks) == """
            table @1:1 ["a"@1:2 "b"@1:4]
              row ["1"@3:2 "2"@3:4]
            table @4:1 ["c"@4:2 "d"@4:4 "e"@4:6]
              row ["3"@6:2 "4"@6:4 "5"@6:6]
            paragraph @7:1-7 "Trailing text."

            """)
    }

    @Test func crlfLineEndings() throws {
        let source = "# Title\r\n\r\n|Property|Type|\r\n|:---|:---|\r\n|id|String|\r\n|name|String|\r\n\r\nAfter.\r\n"
        let document = MarkdownDocument.parse(source)
        #expect(treeDump(document.blocks) == """
            heading 1 @1:1 "Title"
            table @3:1 ["Property"@3:2 "Type"@3:11]
              row ["id"@5:2 "String"@5:5]
              row ["name"@6:2 "String"@6:7]
            paragraph @8:1-8 "After."

            """)
        let table = try #require(document.tables.first)
        #expect(table.rows.allSatisfy { row in row.allSatisfy { !$0.source.contains("\r") } })
        #expect(document.lines[2] == "|Property|Type|")
    }

    @Test func crlfFrontMatter() throws {
        let source = "---\r\ntitle: \"x\"\r\n---\r\n# Title\r\n"
        let document = MarkdownDocument.parse(source)
        #expect(document.frontMatter?["title"] == "x")
        #expect(document.blocks.headings.map { "\($0.text)@\($0.location)" } == ["Title@4:1"])
    }

    @Test func tabsInCells() throws {
        let source = "|Property|Type|Description|\n|:---|:---|:---|\n|tier|String|Control tier.\t|\n"
        let table = try #require(MarkdownDocument.parse(source).tables.first)
        #expect(table.rowTexts == [["tier", "String", "Control tier."]])
    }
}
