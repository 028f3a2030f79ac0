@testable import APIDocExtraction
import Testing

@Suite("Page structure: title, sections, tabs, includes, permissions, headers, parameters")
struct PageStructureTests {
    static let tabbedExample = """
        # Get user

        Namespace: microsoft.graph

        [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

        Get a user.

        ## Example

        ##### Request

        # [HTTP](#tab/http)
        <!-- {
          "blockType": "request",
          "name": "get_user"
        }-->
        ```msgraph-interactive
        GET https://graph.microsoft.com/v1.0/me
        ```
        # [C#](#tab/csharp)
        [!INCLUDE [sample-code](../includes/snippets/csharp/get-user-csharp-snippets.md)]
        [!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]

        # [JavaScript](#tab/javascript)
        [!INCLUDE [sample-code](../includes/snippets/javascript/get-user-javascript-snippets.md)]
        [!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]

        ---

        ##### Response

        <!-- {
          "blockType": "response",
          "@odata.type": "microsoft.graph.user"
        } -->
        ```http
        HTTP/1.1 200 OK
        ```
        """

    @Test func tabHeadingsAreNotTheTitle() {
        let page = extract("# [HTTP](#tab/http)\n\n# Real title\n")
        #expect(page.title == "Real title")
        #expect(page.titleLocation == at(3, 1))
    }

    @Test func tabHeadingsDoNotEndTheExampleFlow() {
        let page = extract(Self.tabbedExample)
        #expect(page.title == "Get user")
        #expect(page.namespace == "microsoft.graph")
        #expect(page.examples.map(\.kind) == [.request, .response])
        #expect(page.examples.map(\.requestIndex) == [nil, 0])
        #expect(page.examples.first?.url == "https://graph.microsoft.com/v1.0/me")
        #expect(page.diagnosticLines == [])
    }

    @Test func tabHeadingsAreNotSections() {
        let page = extract("""
            # Create x

            ## Request body

            In the request body, supply a JSON representation of the [x](../resources/x.md) object.

            # [HTTP](#tab/http)

            | Property | Type | Description |
            |:---|:---|:---|
            | name | String | The name. |
            """)
        guard case .resource(let type, let rows) = page.requestBody else {
            Issue.record("request body is \(page.requestBody)")
            return
        }
        #expect(type.kind == .named("x", "../resources/x.md"))
        #expect(rows.map(\.name) == ["name"])
    }

    @Test func includeLinesArePassedOver() throws {
        let page = extract("""
            # Get user

            [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

            Namespace: microsoft.graph

            ## HTTP request

            [!INCLUDE [sample-code](../includes/snippets/http-request.md)]

            ```http
            GET /me
            ```

            ## Response

            [!INCLUDE [sdk-documentation](../includes/snippets/snippets-sdk-documentation-link.md)]

            If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.
            """)
        #expect(page.namespace == "microsoft.graph")
        #expect(page.requestLines == ["GET /me"])
        let response = try #require(page.response)
        #expect(response.status == 200)
        #expect(response.type.map(TypeShape.init) == one(.named("user", "../resources/user.md")))
        #expect(response.location == at(19, 1))
        #expect(page.diagnosticLines == [])
    }

    @Test func titleFromFrontMatterWhenThereIsNoHeading() {
        let page = extract("---\ntitle: \"From front matter\"\n---\n\nText.\n")
        #expect(page.title == "From front matter")
        #expect(page.titleLocation == at(1, 1))
    }

    @Test func namespaceSpellings() {
        #expect(extract("# x\n\nNamespace: microsoft.graph.callRecords\n").namespace == "microsoft.graph.callRecords")
        #expect(extract("# x\n\nNamespace: `microsoft.graph`\n").namespace == "microsoft.graph")
        #expect(extract("# x\n\nNamespace: microsoft.graph.\n").namespace == "microsoft.graph")
        #expect(extract("# x\n\nText.\n").namespace == nil)
    }

    /// The first word after `Namespace:` as it was read by Characters.
    static func namespaceWordByCharacters(_ text: String) -> Substring {
        text.dropFirst("namespace:".count).trimmingSpacesSubstring().split(whereSeparator: { $0 == " " || $0 == "\n" }).first ?? ""
    }

    @Test func namespaceWordOnTheBytesAsByCharacters() {
        let texts = [
            "Namespace: microsoft.graph", "namespace:microsoft.graph", "Namespace:  \t microsoft.graph.callRecords and more",
            "Namespace: \n\tx y", "Namespace:\n\nx", "Namespace:", "Namespace:   ", "NAMESPACE: `microsoft.graph`.", "Namespace: a\tb c",
            "Namespace: é x", "Namespace: x\r\ny", "Namespace:\u{301} x", "Namespace: x \u{301}y",
        ]
        for text in texts {
            #expect(PageExtractor.namespaceWord(text) == Self.namespaceWordByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func docTypeIsTrimmed() {
        #expect(extract("---\ndoc_type: \"apiPageType\" \n---\n# x\n").docType == "apiPageType")
    }

    @Test func permissions() {
        let page = extract("""
            # x

            ## Permissions

            |Permission type|Permissions (from least to most privileged)|
            |:---|:---|
            |Delegated (work or school account)|User.Read, User.ReadWrite.All|
            |Delegated (personal Microsoft account)|Not supported.|
            |Application|User.Read.All|
            """)
        #expect(page.permissions == [
            Permission(kind: "Delegated (work or school account)", permissions: ["User.Read", "User.ReadWrite.All"]),
            Permission(kind: "Delegated (personal Microsoft account)", permissions: []),
            Permission(kind: "Application", permissions: ["User.Read.All"]),
        ])
    }

    @Test func permissionsInPrerequisitesAndSubsections() {
        let page = extract("""
            # x

            ## Prerequisites

            |Permission type|Permissions|
            |:---|:---|
            |Application|**TODO: Determine scopes **|

            ## Permissions

            ### Permissions acting on self

            |Permission type|Permissions (from least to most privileged)|
            |:---|:---|
            |Application|Not applicable.|
            """)
        #expect(page.permissions.map(\.kind) == ["Application", "Application"])
        #expect(page.permissions[0].permissions == [])
    }

    @Test func requestHeaderTables() {
        let page = extract("""
            # x

            ## Request headers

            | Header | Value |
            |:---|:---|
            | Authorization | Bearer {token}. Required. |
            | Prefer | return=minimal. Optional. |
            """)
        #expect(page.requestHeaders == [
            HeaderRow(name: "Authorization", value: "Bearer {token}. Required.", location: at(7, 3)),
            HeaderRow(name: "Prefer", value: "return=minimal. Optional.", location: at(8, 3)),
        ])
    }

    @Test func pathQueryAndFunctionParameters() {
        let page = extract("""
            # x

            ## HTTP request

            ```http
            GET /reports/getEmailActivityUserDetail(period='{period_value}')
            ```

            ### Path parameters

            |Parameter Name|Value|Description|
            |:---|:---|:---|
            |**shareIdOrEncodedSharingUrl**|`string`|Required.|

            ## Function parameters

            | Parameter | Type | Description |
            |:---|:---|:---|
            | period | string | Specifies the length of time. Required. |

            ## Optional query parameters

            | Query parameter | Type | Description |
            |:---|:---|:---|
            | $top | Int32 | The page size. |
            """)
        #expect(page.functionParameters.map(\.name) == ["period"])
        #expect(page.functionParameters.first?.required == true)
        #expect(page.queryParameters.map(\.name) == ["$top"])
        #expect(page.queryParameters.first.map { TypeShape($0.type) } == one(.primitive("Edm.Int32")))
    }

    @Test func groupLabelRowsAreSkipped() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |**Call handling**|||
            |id|String|The id.|
            """, path: "docs/resources/x.md")
        #expect(page.properties.map(\.name) == ["id"])
    }

    @Test func propertyNamesLoseDecorations() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |`id`|String|The id.|
            |**name**|String|The name.|
            |oldName (deprecated)|String|Do not use.|
            """, path: "docs/resources/x.md")
        #expect(page.properties.map(\.name) == ["id", "name", "oldName"])
    }

    @Test func propertiesInListItemsAndAfterACaption() {
        let page = extract("""
            # x resource type

            ## Properties
            The following properties are available:
            |Property|Type|Description|
            |:---|:---|:---|
            |id|String|The id.|
            """, path: "docs/resources/x.md")
        #expect(page.properties.map(\.name) == ["id"])
        #expect(page.properties.first?.location == at(7, 2))
    }

    @Test func emptyPropertyTableIsReported() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            """, path: "docs/resources/x.md")
        #expect(page.properties.isEmpty)
        #expect(page.diagnosticLines == ["docs/resources/x.md:5:1: warning: table has a header but no rows [empty-table]"])
    }

    /// Rows and tables that cannot be read as properties say so, at the row or the table; a row
    /// whose whole name is bold or italic is a label over the rows after it and stays quiet.
    @Test func unreadRowsAndTablesAreReported() {
        let page = extract("""
            # x resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |**Call handling**|||
            |id|String|The identifier.|
            |b|
            |*Media*| | |

            ## Relationships

            |Relationship|Description|
            |:---|:---|
            |rel|A related thing.|
            """, path: "docs/resources/x.md")
        #expect(page.properties.map(\.name) == ["id"])
        #expect(page.relationships.isEmpty)
        #expect(page.diagnosticLines == [
            "docs/resources/x.md:9:2: warning: row 'b' has no type and no description; it is not read as a property [unread-row]",
            "docs/resources/x.md:14:1: warning: table under 'Relationships' has no Type column; its row is not read as a property [unread-table]",
        ])
    }
}
