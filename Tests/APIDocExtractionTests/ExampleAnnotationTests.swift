@testable import APIDocExtraction
import APIDocJSON
import Testing

@Suite("Request and response examples")
struct ExampleAnnotationTests {
    @Test func requestAndResponsePair() throws {
        let page = extract("""
            # Get user

            ## Example

            ### Request

            <!-- {
              "blockType": "request",
              "name": "get_user"
            }-->
            ```msgraph-interactive
            GET https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}?$select=displayName
            ```

            ### Response

            <!-- {
              "blockType": "response",
              "truncated": true,
              "@odata.type": "microsoft.graph.user"
            } -->
            ```http
            HTTP/1.1 200 OK
            Content-type: application/json

            {
              "displayName": "Adele"
            }
            ```
            """)
        #expect(page.examples.count == 2)
        let request = page.examples[0]
        #expect(request.kind == .request)
        #expect(request.name == "get_user")
        #expect(request.method == "GET")
        #expect(request.url == "https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}?$select=displayName")
        #expect(request.headers.isEmpty)
        #expect(request.bodyText == nil)
        #expect(request.annotationLocation == at(7, 6))
        let response = page.examples[1]
        #expect(response.kind == .response)
        #expect(response.status == 200)
        #expect(response.headers == [HeaderRow(name: "Content-type", value: "application/json", location: at(24, 1))])
        #expect(response.bodyLocation == at(26, 1))
        #expect(response.body?["displayName"]?.stringValue == "Adele")
        #expect(response.body?["displayName"]?.position == JSONPosition(line: 27, column: 18))
        #expect(response.requestIndex == 0)
    }

    @Test func annotationSeparatedFromItsFenceByProse() throws {
        // calendar-delete.md: annotation, then a prose line, then the fence.
        let page = extract("""
            # Delete calendar

            ## Example

            <!-- { "blockType": "request", "name": "delete_calendar" } -->
            Here is an example of the request.
            ```http
            DELETE https://graph.microsoft.com/v1.0/me/calendar
            ```
            """)
        #expect(page.examples.map(\.name) == ["delete_calendar"])
        #expect(page.examples.first?.method == "DELETE")
    }

    @Test func annotationSeparatedFromItsFenceByADeepHeading() throws {
        // governanceroleassignment-get.md: prose and a `##### Request` heading between them.
        let page = extract("""
            # Get assignment

            ## Examples

            <!-- { "blockType": "request", "name": "get_assignment" } -->
            The following request gets an assignment.

            ##### Request
            ```http
            GET https://graph.microsoft.com/beta/privilegedAccess/azureResources/roleAssignments/{id}
            ```
            """)
        #expect(page.examples.map(\.name) == ["get_assignment"])
        #expect(page.examples.first?.url == "https://graph.microsoft.com/beta/privilegedAccess/azureResources/roleAssignments/{id}")
    }

    @Test func aSectionHeadingEndsAPendingAnnotation() {
        let page = extract("""
            # Get x

            <!-- { "blockType": "request", "name": "orphan" } -->

            ## See also

            ```http
            GET /me
            ```
            """)
        #expect(page.examples.isEmpty)
    }

    @Test func lenientAnnotationJSON() throws {
        let page = extract("""
            # Get x

            ## Example

            <!-- {
              "blockType": "request",
              "name": "trailing",
            } -->
            ```http
            GET https://graph.microsoft.com/v1.0/me
            ```

            <!-- {
              "blockType": "response",
              "truncated": "true",
              isCollection: true,
              "@odata.type": "microsoft.graph.user"
            } -->
            ```http
            HTTP/1.1 200 OK
            ```
            """)
        #expect(page.examples.map(\.kind) == [.request, .response])
        #expect(page.examples[0].name == "trailing")
        #expect(page.examples[1].truncated)
        #expect(page.examples[1].isCollection)
        #expect(page.examples[1].odataType == "microsoft.graph.user")
        #expect(page.examples[1].body == nil)
        #expect(page.diagnostics.map(\.rule) == ["annotation-json", "annotation-json"])
        #expect(page.diagnostics.map(\.severity) == [.note, .note])
        #expect(page.diagnostics.map(\.line) == [7, 16])
    }

    @Test func collectionResponseAnnotations() {
        let page = extract("""
            # List x

            ## Example

            <!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.alert)" } -->
            ```http
            HTTP/1.1 200 OK
            ```

            <!-- { "blockType": "response", "@odata.type": "microsoft.graph.mailTips", "isCollection": true } -->
            ```http
            HTTP/1.1 200 OK
            ```

            <!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->
            ```http
            HTTP/1.1 200 OK
            ```

            <!-- { "blockType": "response", "@type": "collection(microsoft.graph.callRecords.session)" } -->
            ```http
            HTTP/1.1 200 OK
            ```
            """)
        #expect(page.examples.map(\.odataType) == ["microsoft.graph.alert", "microsoft.graph.mailTips", "microsoft.graph.user", "microsoft.graph.callRecords.session"])
        #expect(page.examples.map(\.isCollection) == [true, true, false, true])
    }

    @Test func exampleBlockTypeOnAnHTTPRequestIsARequest() {
        // application-post-calls.md examples 3-6 use `example` in place of `request`.
        let page = extract("""
            # Create call

            ## Examples

            <!-- { "blockType": "example", "@odata.type": "microsoft.graph.call", "name": "create-call" } -->
            ```http
            POST https://graph.microsoft.com/v1.0/communications/calls
            Content-Type: application/json

            { "callbackUri": "https://bot.contoso.com/callback" }
            ```

            <!-- { "blockType": "response", "@odata.type": "microsoft.graph.call", "truncated": true } -->
            ```http
            HTTP/1.1 201 Created
            ```

            <!-- { "blockType": "example", "@odata.type": "microsoft.graph.commsNotifications" } -->
            ```json
            { "value": [] }
            ```
            """)
        #expect(page.examples.map(\.kind) == [.request, .response, .example])
        #expect(page.examples[0].method == "POST")
        #expect(page.examples[0].body?["callbackUri"]?.stringValue == "https://bot.contoso.com/callback")
        #expect(page.examples[1].requestIndex == 0)
        #expect(page.examples[2].odataType == "microsoft.graph.commsNotifications")
        #expect(page.examples[2].body?["value"]?.arrayValue?.isEmpty == true)
        #expect(page.examples[2].bodyLocation == at(20, 1))
    }

    @Test func responsesPointAtTheLatestRequest() {
        let page = extract("""
            # x

            ## Examples

            <!-- { "blockType": "request", "name": "a" } -->
            ```http
            GET /a
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 204 No Content
            ```
            <!-- { "blockType": "request", "name": "b" } -->
            ```http
            GET /b
            ```
            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 200 OK
            ```
            """)
        #expect(page.examples.map(\.requestIndex) == [nil, 0, nil, 2])
        #expect(page.examples.map(\.status) == [nil, 204, nil, 200])
    }

    @Test func ignoredAndPageAnnotationsMakeNoExamples() {
        let page = extract("""
            # x

            ## HTTP request

            <!-- { "blockType": "ignored" } -->
            ```http
            GET /me
            ```

            <!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79
            2015-10-25 14:57:30 UTC -->
            <!--
            {
              "type": "#page.annotation",
              "description": "Get x",
              "section": "documentation",
              "tocPath": ""
            }-->
            """)
        #expect(page.examples.isEmpty)
        #expect(page.requestLines == ["GET /me"])
        #expect(page.diagnosticLines == [])
    }

    @Test func responseBodyThatIsNotJSON() {
        let page = extract("""
            # Get report

            ## Example

            <!-- { "blockType": "response", "truncated": true } -->
            ```http
            HTTP/1.1 200 OK
            Content-Type: application/octet-stream

            Report Refresh Date,User Principal Name
            ```
            """)
        let response = page.examples.first
        #expect(response?.status == 200)
        #expect(response?.bodyText == "Report Refresh Date,User Principal Name\n")
        #expect(response?.body == nil)
        #expect(page.diagnosticLines == [])
    }

    @Test func jsonBodyDirectlyAfterHeaders() {
        // The seed page: no blank line between the headers and the body.
        let page = extract("""
            # x

            <!-- { "blockType": "response" } -->
            ```http
            HTTP/1.1 201 Created
            Content-Type: application/json
            {
              "id": "1"
            }
            ```
            """)
        #expect(page.examples.first?.headers.map(\.name) == ["Content-Type"])
        #expect(page.examples.first?.bodyLocation == at(7, 1))
        #expect(page.examples.first?.body?["id"]?.stringValue == "1")
    }

    @Test func requestLineWithHTTPVersionAndNameList() {
        let page = extract("""
            # x

            <!-- { "blockType": "request", "name": ["get_me", "other"] } -->
            ```http
            GET https://graph.microsoft.com/v1.0/me HTTP/1.1
            Authorization: Bearer {token}
            ```
            """)
        let request = page.examples.first
        #expect(request?.name == "get_me")
        #expect(request?.url == "https://graph.microsoft.com/v1.0/me")
        #expect(request?.headers == [HeaderRow(name: "Authorization", value: "Bearer {token}", location: at(6, 1))])
    }

    @Test func statusLineWithoutHTTPVersion() {
        let page = extract("""
            # x

            <!-- { "blockType": "response" } -->
            ```http
            HTTP 201 Created
            ```
            """)
        #expect(page.examples.first?.status == 201)
    }
}
