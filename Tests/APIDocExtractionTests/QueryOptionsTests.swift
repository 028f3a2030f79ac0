import APIDocExtraction
import APIDocMarkdown
import Testing

/// What pages say about OData query options, request headers, raw values, references and
/// function arguments, read into the page with positions.
@Suite("Query options, headers, $value, $ref and function parameters")
struct QueryOptionsTests {
    /// A page with an HTTP request section and an "Optional query parameters" section holding `prose`.
    func page(_ prose: String, request: String = "GET /users") -> Page {
        extract("""
            # List users

            ## HTTP request

            ```http
            \(request)
            ```

            ## Optional query parameters

            \(prose)

            ## Request body

            Do not supply a request body for this method.
            """)
    }

    func supported(_ page: Page) -> [ODataQueryOption] { page.queryOptions.supported.map(\.option) }
    func unsupported(_ page: Page) -> [ODataQueryOption] { page.queryOptions.unsupported.map(\.option) }

    // MARK: Query options in prose

    @Test func namedOptionsAreSupportedInTheOrderTheyAreNamed() {
        let page = page("This method supports the `$select`, `$filter` and `$top` [OData query parameters](/graph/query-parameters) to help customize the response.")
        #expect(supported(page) == [.select, .filter, .top])
        #expect(page.queryOptions.general == nil)
        #expect(page.queryOptions.noneSupported == nil)
        #expect(page.queryOptions.supported.first?.location == at(11, 1))
    }

    @Test func optionsWithoutCodeMarksAndInAnyCase() {
        let page = page("This method supports the $filter, $orderBy, and $expand OData query parameters.")
        #expect(supported(page) == [.filter, .orderBy, .expand])
    }

    @Test func theGeneralSentenceNamesNoOption() {
        let page = page("This method supports the [OData query parameters](/graph/query-parameters) to help customize the response.")
        #expect(supported(page).isEmpty)
        #expect(page.queryOptions.general == at(11, 1))
    }

    @Test func examplesAfterIncludingAddToTheGeneralSupport() {
        let page = page("This method supports the [OData query parameters](/graph/query-parameters) to help customize the response, including `$search`, `$count`, and `$filter`.")
        #expect(page.queryOptions.general == at(11, 1))
        #expect(supported(page) == [.search, .count, .filter])
    }

    @Test func aNegativeSentenceExcludesWhatItNames() {
        let page = page("This method supports the [OData query parameters](/graph/query-parameters) to help customize the response.\n>**Note:** $filter is not supported.")
        #expect(page.queryOptions.general != nil)
        #expect(unsupported(page) == [.filter])
        #expect(supported(page).isEmpty)
    }

    @Test func noQueryParametersAtAll() {
        let none = page("This method does not support the [OData query parameters](/graph/query-parameters) to customize the response.")
        #expect(none.queryOptions.noneSupported == at(11, 1))
        #expect(none.queryOptions.general == nil)
        let bare = page("Not supported.")
        #expect(bare.queryOptions.noneSupported == at(11, 1))
    }

    @Test func onlyTheOptionNamedBeforeAGeneralRefusal() {
        let page = page("""
            You can use the [$top](/graph/query-parameters#top-parameter) query parameter to control the number of items per response.
            Maximum allowed value for `$top` is 50. The other [OData query parameters](/graph/query-parameters) are not currently supported.
            """)
        #expect(supported(page) == [.top])
        #expect(page.queryOptions.general == nil)
        #expect(page.queryOptions.noneSupported == at(12, 1), "the refusal is on the paragraph's second line")
    }

    @Test func optionsAfterExceptAreNotSupported() {
        let page = page("This method supports the OData query parameters except `$skip` and `$search`.")
        #expect(page.queryOptions.general == at(11, 1))
        #expect(supported(page).isEmpty)
        #expect(unsupported(page) == [.skip, .search])
    }

    @Test func aLinkToTheQueryArticleNamesAnOptionWithoutDollar() {
        let page = page("This method requires planId [filter](/graph/query-parameters) to be specified.")
        #expect(supported(page) == [.filter])
    }

    @Test func tableRowsNameOptions() {
        let page = page("""
            | Name | Value | Description |
            |:-----|:------|:------------|
            | `$count` | true | The total count. |
            | $search | string | Not supported for this resource. |
            | startDateTime | String | A custom parameter. |
            """)
        #expect(supported(page) == [.count])
        #expect(unsupported(page) == [.search])
        #expect(page.queryOptions.supported.first?.location == at(13, 3))
    }

    @Test func optionsInTheRequestLineQuery() {
        let page = page("", request: "GET /me/events?$filter={property} eq '{value}'&$top=5&$skiptoken={token}")
        #expect(supported(page) == [.filter, .top])
        #expect(page.queryOptions.supported.first?.location == at(6, 1))
    }

    @Test func pagesThatSayNothing() {
        let page = extract("# x\n\n## HTTP request\n\n```http\nGET /me\n```\n")
        #expect(page.queryOptions.isEmpty)
        #expect(page.queryOptions == QueryOptionFacts())
    }

    @Test func unknownDollarWordsAreIgnored() {
        let page = page("Use `$format`, `$skiptoken` and `$deltatoken` as the links give them; `$selected` is not an option.")
        #expect(supported(page).isEmpty)
        #expect(unsupported(page).isEmpty)
    }

    // MARK: Request headers

    @Test func headerNamesLoseMarksAndQualifiers() {
        let page = extract("""
            # x

            ## Request headers

            | Name | Type | Description |
            |:-----|:-----|:------------|
            | Authorization | string | Bearer {token}. Required. |
            | _if-match_ | etag | If this request header is included and the eTag does not match, `412` is returned. |
            | Prefer: outlook.timezone | string | The time zone of the response. Optional. |
            | ConsistencyLevel | string | eventual. Required when `$search` is used. |

            ### Prefer header values

            | Name | Description |
            |:-----|:------------|
            | redeemSharingLink | A value, not a header. |
            """)
        #expect(page.requestHeaders.map(\.name) == ["Authorization", "if-match", "Prefer", "ConsistencyLevel"])
        #expect(page.requestHeaders[2].qualifier == "outlook.timezone")
        #expect(page.requestHeaders[1].location == at(8, 3))
        #expect(page.requestHeaders.map(\.documentedValue) == [nil, nil, nil, "eventual"])
        #expect(page.requestHeaders[0].isRequired)
        #expect(!page.requestHeaders[3].isRequired)
    }

    @Test func documentedValues() {
        func value(_ text: String) -> String? { HeaderRow(name: "X", value: text, location: at(1, 1)).documentedValue }
        #expect(value("eventual. This header and `$count` are required when using `$search`.") == "eventual")
        #expect(value("image/jpeg. Required.") == "image/jpeg")
        #expect(value("return=minimal. Optional.") == "return=minimal")
        #expect(value("Bearer {token}. Required.") == nil)
        #expect(value("Workbook session Id that determines if changes are persisted or not. Optional.") == nil)
        #expect(value("") == nil)
    }

    /// The value read on the bytes (ASCII text) is the one read by Characters (text beyond
    /// ASCII after the first word sends the same start down the Character path).
    @Test func documentedValuesOnBytesAsByCharacters() {
        func value(_ text: String) -> String? { HeaderRow(name: "X", value: text, location: at(1, 1)).documentedValue }
        let samples = [
            "eventual. This header and `$count` are required when using `$search`.", "image/jpeg. Required.", "return=minimal",
            "return=minimal. Optional.", "a.b.c", "v1.0 is used", "x.", "...", ". x", "odata.maxpagesize=10", "foo,", ";bar;", "Bearer {token}.",
            "  outlook.timezone  ", "text/plain;charset=utf-8.", "Required.", "none", "application/json",
        ]
        for sample in samples {
            #expect(value(sample) == value(sample + " é"), "\(sample)")
        }
        #expect(value("é") == "é")
        #expect(value("fr-ça. Optional.") == "fr-ça")
    }

    @Test func invalidHeaderNamesAreSkippedWithANote() {
        let page = extract("""
            # x

            ## Request headers

            | Header | Value |
            |:-------|:------|
            | Not a header | Something. |
            | Workbook-Session-Id | The session. Optional. |
            """)
        #expect(page.requestHeaders.map(\.name) == ["Workbook-Session-Id"])
        #expect(page.diagnosticLines.contains { $0.hasPrefix("docs/api/test.md:7:3: note:") && $0.hasSuffix("[header-name]") })
    }

    // MARK: $value, content and $ref

    @Test func pathsThatAddressValuesContentAndReferences() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            GET /me/photo/$value
            GET /drives/{drive-id}/items/{item-id}/content
            POST /groups/{id}/members/$ref
            DELETE /groups/{id}/members/{member-id}/$ref
            GET /groups/{id}/members
            ```
            """)
        #expect(page.httpRequests.map(\.addressesValue) == [true, false, false, false, false])
        #expect(page.httpRequests.map(\.addressesContent) == [false, true, false, false, false])
        #expect(page.httpRequests.map(\.addressesReference) == [false, false, true, true, false])
    }

    @Test func binaryResponsesAndBodies() {
        let page = extract("""
            # Update photo

            ## HTTP request

            ```http
            PUT /me/photo/$value
            ```

            ## Request body

            In the request body, include the binary data of the photo.

            ## Response

            If successful, this method returns a `200 OK` response code and binary data of the requested photo.
            """)
        #expect(page.requestBody == .binary(at(11, 1)))
        #expect(page.response?.type.map(TypeShape.init) == one(.primitive("Edm.Stream")))
    }

    @Test func aRedirectToADownloadIsAStream() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            GET /reports/getEmailActivityUserDetail(period='{period_value}')
            ```

            ## Response

            If successful, this method returns a `302 Found` response that redirects to a preauthenticated download URL for the report.
            """)
        #expect(page.response?.status == 302)
        #expect(page.response?.type.map(TypeShape.init) == one(.primitive("Edm.Stream")))
    }

    @Test func aLaterSubsectionAboutBytesKeepsTheParameterTable() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            POST /me/translateExchangeIds
            ```

            ## Request body

            | Parameter | Type | Description |
            |:---|:---|:---|
            | inputIds | String collection | The identifiers. |

            ### Formats

            The binary formats are URL-safe base64.
            """)
        #expect(page.requestBodyRows.map(\.name) == ["inputIds"])
    }

    @Test func aJSONBodyIsNotBinary() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            PATCH /me/onenote/pages/{id}/content
            ```

            ## Request body

            In the request body, supply an array of JSON objects that describe the changes to the stream of content.
            """)
        #expect(page.requestBody != .binary(at(11, 1)))
    }

    // MARK: Function parameters

    @Test func functionArgumentsOfAPath() {
        let line = HTTPRequestParser.parseLine("GET /reports/getEmailActivityUserDetail(period='{period_value}',date={date_value})", location: at(1, 1))
        #expect(line?.functionArguments == [
            FunctionArgument(name: "period", placeholder: "period_value", value: "'{period_value}'", quoted: true),
            FunctionArgument(name: "date", placeholder: "date_value", value: "{date_value}", quoted: false),
        ])
        let literal = HTTPRequestParser.parseLine("GET /identityGovernance/accessReviews/definitions/filterByCurrentUser(on='reviewer')", location: at(1, 1))
        #expect(literal?.functionArguments == [FunctionArgument(name: "on", placeholder: nil, value: "'reviewer'", quoted: true)])
        let keyOnly = HTTPRequestParser.parseLine("GET /sites/{id}/lists('name')/items", location: at(1, 1))
        #expect(keyOnly?.functionArguments == [])
    }

    @Test func commasAndParenthesesInsideQuotedArguments() {
        let line = HTTPRequestParser.parseLine("GET /me/drive/root/search(q='{a, (b)}')/x(y={n})", location: at(1, 1))
        #expect(line?.functionArguments.map(\.name) == ["q", "y"])
        #expect(line?.functionArguments.first?.placeholder == "a, (b)")
    }

    @Test func spacesBetweenArgumentsDoNotEndThePath() {
        let line = HTTPRequestParser.parseLine("GET /me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={m})", location: at(1, 1))
        #expect(line?.path == "/me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n},deltaColumns={m})")
        #expect(line?.functionArguments.map(\.name) == ["deltaRows", "deltaColumns"])
        // Prose after the path still ends it, and an unclosed parenthesis does not swallow the line.
        #expect(HTTPRequestParser.parseLine("GET /me/events (deprecated)", location: at(1, 1))?.path == "/me/events")
        #expect(HTTPRequestParser.parseLine("GET /me/f(a=1 and more prose", location: at(1, 1))?.path == "/me/f(a=1")
    }

    @Test func functionParameterTableTypes() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            GET /reports/getX(period='{period_value}',top={n})
            ```

            ## Function parameters

            | Parameter | Type | Description |
            |:---|:---|:---|
            | period | String | The length of time. Required. |
            | top | Int32 | How many. |
            """)
        #expect(page.functionParameters.map(\.name) == ["period", "top"])
        #expect(page.functionParameters.map { TypeShape($0.type) } == [one(.primitive("Edm.String")), one(.primitive("Edm.Int32"))])
        #expect(page.functionParameters[1].location == at(14, 3))
        #expect(page.httpRequests.first?.functionArguments.map(\.placeholder) == ["period_value", "n"])
    }
}
