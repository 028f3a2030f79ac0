@testable import APIDocExtraction
import APIDocMarkdown
import Testing

/// Every form of `## HTTP request` line in FORMAT-SURVEY section 4.
@Suite("HTTP request lines")
struct HTTPRequestLineTests {
    func parse(_ line: String) -> String? {
        HTTPRequestParser.parseLine(Substring(line), location: at(1, 1)).map { "\($0.method) \($0.path)" + ($0.query.map { "?\($0)" } ?? "") }
    }

    /// A page whose HTTP request section holds `body`.
    func page(_ body: String) -> Page {
        extract("# Get x\n\n## HTTP request\n\n" + body + "\n\n## Request headers\n")
    }

    @Test func severalLinesAndFences() {
        let page = page("""
            <!-- { "blockType": "ignored" } -->
            ```http
            DELETE /me/calendars/{id}
            DELETE /users/{id | userPrincipalName}/calendars/{id}
            ```

            To delete a calendar in a calendar group:

            <!-- { "blockType": "ignored" } -->
            ```http
            DELETE /me/calendarGroups/{id}/calendars/{id}
            ```
            """)
        #expect(page.httpRequests == [
            HTTPRequestLine(method: "DELETE", path: "/me/calendars/{id}", query: nil, location: at(7, 1)),
            HTTPRequestLine(method: "DELETE", path: "/users/{id | userPrincipalName}/calendars/{id}", query: nil, location: at(8, 1)),
            HTTPRequestLine(method: "DELETE", path: "/me/calendarGroups/{id}/calendars/{id}", query: nil, location: at(15, 1)),
        ])
        // GET and DELETE pages say nothing about a body: there is none.
        #expect(page.requestBody == .none)
    }

    @Test func alternativesInsideBracesAreKept() {
        #expect(parse("GET /users/{id | userPrincipalName}/events") == "GET /users/{id | userPrincipalName}/events")
        #expect(parse("GET /users/{id|userPrincipalName}/events") == "GET /users/{id|userPrincipalName}/events")
        #expect(parse("GET /sites/{site-id}/lists/{list-id | list-title}") == "GET /sites/{site-id}/lists/{list-id | list-title}")
    }

    @Test func brokenAlternativeIsMovedInsideTheBraces() {
        // chat-get-members.md
        #expect(parse("GET /users/{user-id} | user-principal-name/chats/{chat-id}/members/{membership-id}")
            == "GET /users/{user-id | user-principal-name}/chats/{chat-id}/members/{membership-id}")
    }

    @Test func functionSegmentsWithQuotedAndUnquotedArguments() {
        // reportroot-getemailactivityuserdetail.md: both forms in one block.
        let page = page("""
            ```http
            GET /reports/getEmailActivityUserDetail(period='{period_value}')
            GET /reports/getEmailActivityUserDetail(date={date_value})
            ```
            """)
        #expect(page.requestLines == [
            "GET /reports/getEmailActivityUserDetail(period='{period_value}')",
            "GET /reports/getEmailActivityUserDetail(date={date_value})",
        ])
        #expect(parse("GET /me/calendar/getSchedule()") == "GET /me/calendar/getSchedule()")
        #expect(parse("GET /drives/{drive-id}/root/search(q='{search-text}')") == "GET /drives/{drive-id}/root/search(q='{search-text}')")
    }

    @Test func queryStringsKeepTheirSpaces() {
        // alert-list.md
        #expect(parse("GET /security/alerts?$top=1") == "GET /security/alerts?$top=1")
        #expect(parse("GET /security/alerts?$filter={property} eq '{property-value}'&$top=5")
            == "GET /security/alerts?$filter={property} eq '{property-value}'&$top=5")
        #expect(parse("GET /security/alerts?$filter={property} eq '{property-value}' and {property} eq '{property-value}'")
            == "GET /security/alerts?$filter={property} eq '{property-value}' and {property} eq '{property-value}'")
        let line = HTTPRequestParser.parseLine("GET /security/alerts?$top=1", location: at(3, 1))
        #expect(line?.path == "/security/alerts")
        #expect(line?.query == "$top=1")
    }

    @Test func pathWithoutLeadingSlash() {
        // activitybasedtimeoutpolicy-list.md
        #expect(parse("GET policies/activityBasedTimeoutPolicies") == "GET /policies/activityBasedTimeoutPolicies")
    }

    @Test func absoluteURLsLoseHostAndVersion() {
        #expect(parse("GET https://graph.microsoft.com/v1.0/me/events") == "GET /me/events")
        #expect(parse("GET https://graph.microsoft.com/beta/communications/calls/{id}") == "GET /communications/calls/{id}")
        #expect(parse("GET https://graph.microsoft.com/V1.0/me") == "GET /me")
        #expect(parse("GET /v1.0/me/drive") == "GET /me/drive")
        #expect(parse("GET /beta/me/drive") == "GET /me/drive")
        #expect(HTTPRequestParser.stripHost("https://graph.microsoft.com/v1.0/users?$top=1") == "/users?$top=1")
    }

    @Test func methodWithoutASpace() {
        // b2xidentityuserflow-delete-userflowidentityproviders.md
        #expect(parse("DELETE/identity/b2xUserFlows/{id}/identityProviders/{id}/$ref") == "DELETE /identity/b2xUserFlows/{id}/identityProviders/{id}/$ref")
    }

    @Test func msgraphInteractiveAndUnlabelledFences() {
        let page = page("""
            ```msgraph-interactive
            GET /me/messages
            ```

            ```
            PATCH /me/messages/{id}
            ```
            """)
        #expect(page.requestLines == ["GET /me/messages", "PATCH /me/messages/{id}"])
    }

    @Test func proseAfterThePathIsDropped() {
        #expect(parse("GET /me/drive/root/delta   (see the notes below)") == "GET /me/drive/root/delta")
        #expect(parse("POST /me/sendMail\t# sends the message") == "POST /me/sendMail")
    }

    @Test func angleBracketPlaceholders() {
        #expect(parse("GET /groups/<id>/members") == "GET /groups/{id}/members")
    }

    @Test func pathBasedAddressing() {
        // driveitem-put-content.md
        #expect(parse("PUT /me/drive/items/{parent-id}:/{filename}:/content") == "PUT /me/drive/items/{parent-id}:/{filename}:/content")
    }

    @Test func nonMethodLinesAreSkipped() {
        let page = page("""
            ```http
            POST /me/drive/items/{id}/workbook/worksheets/{id}/range/clear
            workbook-session-id: {session-id}

            or

            POST /me/drive/root:/book.xlsx:/workbook/worksheets/{id}/range/clear
            Getting the range
            ```
            """)
        #expect(page.requestLines == [
            "POST /me/drive/items/{id}/workbook/worksheets/{id}/range/clear",
            "POST /me/drive/root:/book.xlsx:/workbook/worksheets/{id}/range/clear",
        ])
        #expect(parse("Getting the range") == nil)
        #expect(parse("GETTER /x") == nil)
        // Letters beyond ASCII after the method's are read as Characters read them.
        #expect(parse("GETÉ /x") == nil)
        #expect(parse("GET\u{301} /x") == nil)
        #expect(parse("É /x") == nil)
        #expect(parse("GET\u{A0}/x") == nil)
        #expect(parse("get /x") == "GET /x")
        #expect(parse("POſT /x") == "POST /x")
        #expect(parse("OPTıONS /x") == "OPTIONS /x")
        #expect(parse("PATCH\t/x/{id}") == "PATCH /x/{id}")
        #expect(parse("GET") == nil)
        #expect(parse("") == nil)
    }

    @Test func csharpAndJSONFencesInTheSectionAreIgnored() {
        // shares-get.md has a csharp fence in its HTTP request section.
        let page = page("""
            ```http
            GET /shares/{shareIdOrEncodedSharingUrl}
            ```

            ```csharp
            string base64Value = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sharingUrl));
            ```
            """)
        #expect(page.requestLines == ["GET /shares/{shareIdOrEncodedSharingUrl}"])
    }

    @Test func sectionTitleSpellings() {
        let page = extract("""
            # Get x

            ## HTTP Request

            ```http
            GET /me
            ```

            ## HTTP request (to upload a new file)

            ```http
            PUT /me/drive/items/{parent-id}:/{filename}:/content
            ```
            """)
        #expect(page.requestLines == ["GET /me", "PUT /me/drive/items/{parent-id}:/{filename}:/content"])
    }

    @Test func methodLinesOutsideTheSectionAreNotRequests() {
        let page = extract("""
            # Get x

            ## Example

            ```http
            GET https://graph.microsoft.com/v1.0/me
            ```
            """)
        #expect(page.httpRequests.isEmpty)
        #expect(!page.isOperation)
    }

    @Test func lineLocationsFollowTheFence() throws {
        let page = page("""
            > ```http
            > GET /me
            > ```
            """)
        #expect(page.httpRequests.map(\.location) == [at(6, 3)])
    }

    @Test func lastSegmentComparedWithoutCaseOrCopies() {
        let paths = ["/me/photo/$value", "/me/photo/$VALUE/", "/drive/items/{id}/content", "/drive/items/{id}/Content//", "/groups/{id}/members/$ref",
                     "$ref", "/a/b$ref", "/", "", "//", "/content/x", "/x/contents", "/x/ṡcontent", "/x/$Ref", "/x/CONTENT"]
        for path in paths {
            let line = HTTPRequestLine(method: "GET", path: path, query: nil, location: SourceLocation(line: 1, column: 1))
            // The last segment as the lower-cased string it was compared as before.
            let trimmed = path.reversed().drop { $0 == "/" }.reversed()
            let last = String(String(trimmed).split(separator: "/", omittingEmptySubsequences: false).last ?? "").lowercased()
            #expect(line.addressesValue == (last == "$value"), "\(path)")
            #expect(line.addressesContent == (last == "content"), "\(path)")
            #expect(line.addressesReference == (last == "$ref"), "\(path)")
        }
    }
}
