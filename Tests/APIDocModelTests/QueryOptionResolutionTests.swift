import APIDocExtraction
import APIDocModel
import Testing

/// What operations take besides the path and body: OData query options, request headers; and
/// what `$value`, `content` and `$ref` paths and function arguments make of an operation.
@Suite("Query options, headers, raw values, references and function arguments in the model")
struct QueryOptionResolutionTests {
    static let user = resourceDoc("user", annotation: ["\"keyProperty\": \"id\""], properties: ["|id|String|The id.|", "|displayName|String|The name.|"])

    func operations(_ docs: Doc...) -> [APIDocModel.Operation] { resolve([Self.user] + docs).model.operations }

    func names(_ options: [QueryOption]) -> [String] { options.map(\.name) }

    // MARK: Query options

    @Test func generalSupportOnACollectionIsEveryOption() throws {
        let doc = apiDoc("docs/api/user-list.md", title: "List users", requests: ["GET /users"],
                         response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.",
                         trailing: "## Optional query parameters\n\nThis method supports the [OData query parameters](/graph/query-parameters) to help customize the response.\n")
        let list = try #require(operations(doc).first)
        #expect(names(list.queryOptions) == ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search"])
        #expect(list.queryOptions.allSatisfy { $0.source == doc.source(of: "This method supports") && !$0.required })
    }

    @Test func generalSupportOnOneEntityIsSelectAndExpand() throws {
        let doc = apiDoc("docs/api/user-get.md", title: "Get user", requests: ["GET /users/{id}"],
                         response: "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
                         trailing: "## Optional query parameters\n\nThe OData query parameters, such as `$select`, can be used to shape the response.\n")
        let get = try #require(operations(doc).first)
        #expect(names(get.queryOptions) == ["$select", "$expand"])
    }

    @Test func namedOptionsOnlyMinusTheRefusedOnes() throws {
        let doc = apiDoc("docs/api/user-list.md", title: "List users", requests: ["GET /users"],
                         response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.",
                         trailing: """
                         ## Optional query parameters

                         This method supports the `$top`, `$filter` and `$select` query parameters.
                         The `$filter` parameter is not supported on this collection.
                         """)
        let list = try #require(operations(doc).first)
        #expect(names(list.queryOptions) == ["$select", "$top"], "in the fixed order, not the page's")
        #expect(list.queryOptions.first?.source == doc.source(of: "This method supports"))
    }

    @Test func noOptionsWhenThePageSaysNone() throws {
        let doc = apiDoc("docs/api/user-list.md", title: "List users", requests: ["GET /users"],
                         response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.",
                         trailing: "## Optional query parameters\n\nThis method does not support the OData query parameters to customize the response.\n")
        #expect(try #require(operations(doc).first).queryOptions.isEmpty)
    }

    @Test func actionsWithoutABodyTakeNoOptions() throws {
        let doc = apiDoc("docs/api/user-delete.md", title: "Delete user", requests: ["DELETE /users/{id}"],
                         response: "If successful, this method returns a `204 No Content` response code.",
                         trailing: "## Optional query parameters\n\nThis method supports the `$select` query parameter.\n")
        #expect(try #require(operations(doc).first).queryOptions.isEmpty)
    }

    // MARK: Headers

    @Test func headersButAuthorizationContentTypeContentLengthAndJSONAccept() throws {
        let doc = apiDoc("docs/api/user-list.md", title: "List users", requests: ["GET /users"],
                         response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.",
                         trailing: """
                         ## Request headers

                         | Name | Description |
                         |:-----|:------------|
                         | Authorization | Bearer {token}. Required. |
                         | Content-Type | application/json. Required. |
                         | Content-Length | The size of the body. Required. |
                         | Accept | application/json. Required. |
                         | ConsistencyLevel | eventual. Required when `$search` is used. |
                         | Prefer: outlook.timezone | The time zone of the times in the response. Optional. |
                         | Prefer: outlook.body-content-type | `text` or `html`. Optional. |
                         | If-Match | The ETag the item must have. Required. |
                         """)
        let list = try #require(operations(doc).first)
        #expect(list.headers.map(\.name) == ["ConsistencyLevel", "Prefer", "If-Match"])
        #expect(list.headers[0].value == "eventual")
        #expect(list.headers[0].required == false)
        #expect(list.headers[0].source == doc.source(of: "| ConsistencyLevel"))
        #expect(list.headers[1].description == "`outlook.timezone`: The time zone of the times in the response. Optional. `outlook.body-content-type`: text or html. Optional.")
        #expect(list.headers[1].value == nil)
        #expect(list.headers[2].required)
    }

    @Test func anAcceptHeaderOtherThanJSONIsOffered() throws {
        let doc = apiDoc("docs/api/report-get.md", title: "Get report", requests: ["GET /reports/x"],
                         response: "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
                         trailing: "## Request headers\n\n| Name | Description |\n|:--|:--|\n| Accept | text/csv. Optional. |\n")
        let get = try #require(operations(doc).first)
        #expect(get.headers.map(\.name) == ["Accept"])
        #expect(get.headers.first?.value == "text/csv")
    }

    // MARK: $value, content and $ref

    @Test func valuePathsBesideResourcePathsAreAnOperationOfTheirOwn() throws {
        let doc = apiDoc("docs/api/user-get-photo.md", title: "Get photo", requests: ["GET /users/{id}/photo", "GET /users/{id}/photo/$value", "GET /me/photo/$value"],
                         response: "If successful, this method returns a `200 OK` response code and binary data of the requested photo.",
                         trailing: "## Optional query parameters\n\nThis method supports the [OData query parameters](/graph/query-parameters) to help customize the response.\n")
        let all = operations(doc)
        #expect(all.map(\.name) == ["getPhoto", "getPhotoContent"])
        let metadata = try #require(all.first)
        #expect(metadata.paths == ["/users/{id}/photo"])
        #expect(metadata.response?.type != TypeUse.stream, "the prose about bytes is about the other paths")
        let content = try #require(all.last)
        #expect(content.paths == ["/users/{id}/photo/$value", "/me/photo/$value"])
        #expect(content.response == ResponseSpec(status: 200, type: TypeUse.stream, collection: false))
        #expect(content.queryOptions.isEmpty, "raw bytes take no query options")
    }

    @Test func contentPathsAndStreamProseAreBytes() throws {
        let download = apiDoc("docs/api/driveitem-get-content.md", title: "Download a file", requests: ["GET /drives/{drive-id}/items/{item-id}/content"],
                              response: "Returns a `302 Found` response redirecting to a pre-authenticated download URL for the bytes of the file.")
        let report = apiDoc("docs/api/report.md", title: "Get report", requests: ["GET /reports/getReport(period='{period_value}')"],
                            response: "If successful, this method returns a `302 Found` response that redirects to a preauthenticated download URL for the report.")
        let all = operations(download, report)
        #expect(all.map { $0.response?.type } == [TypeUse.stream, TypeUse.stream])
    }

    @Test func binaryBodiesAreStreamsAndKeepTheirContentType() throws {
        let doc = apiDoc("docs/api/user-update-photo.md", title: "Update photo", requests: ["PUT /me/photo/$value"],
                         body: "In the request body, include the binary data of the photo in the request body.",
                         response: "If successful, this method returns a `200 OK` response code.",
                         trailing: "## Request headers\n\n| Header | Value |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| Content-Type | image/jpeg. Required. |\n")
        let put = try #require(operations(doc).first)
        #expect(put.requestBody == TypeUse(type: TypeUse.stream, collection: false))
        #expect(put.headers.map(\.name) == ["Content-Type"])
        #expect(put.headers.first?.value == "image/jpeg")
    }

    @Test func referencePaths() throws {
        let add = apiDoc("docs/api/group-post-members.md", title: "Add member", requests: ["POST /groups/{id}/members/$ref"],
                         body: "In the request body, supply a JSON representation of a [user](../resources/user.md) object.",
                         response: "If successful, this method returns a `204 No Content` response code.")
        let remove = apiDoc("docs/api/group-delete-acceptedsenders.md", title: "Remove accepted sender",
                            requests: ["DELETE /groups/{id}/acceptedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{user-id}"],
                            response: "If successful, this method returns a `204 No Content` response code.")
        let list = apiDoc("docs/api/group-list-members.md", title: "List members", requests: ["GET /groups/{id}/members", "GET /groups/{id}/members/$ref"],
                          response: "If successful, this method returns a `200 OK` response code and a collection of [user](../resources/user.md) objects in the response body.")
        let all = operations(add, remove, list)
        #expect(all.map(\.name) == ["addMember", "listMembers", "listMembersReferences", "removeAcceptedSender"])
        let post = try #require(all.first { $0.name == "addMember" })
        #expect(post.requestBody == TypeUse(type: TypeUse.reference, collection: false))
        let delete = try #require(all.first { $0.name == "removeAcceptedSender" })
        #expect(delete.queryOptions == [QueryOption(name: "$id", required: true, source: remove.source(of: "DELETE /groups"))])
        #expect(delete.requestBody == nil)
        let references = try #require(all.first { $0.name == "listMembersReferences" })
        #expect(references.response == ResponseSpec(status: 200, type: TypeUse.reference, collection: true))
        #expect(all.first { $0.name == "listMembers" }?.response?.type == graph("user"))
    }

    @Test func aReferencePathWithADocumentedBodyTableKeepsIt() throws {
        let doc = apiDoc("docs/api/thing-post.md", title: "Create thing", requests: ["POST /things/{id}/parts/$ref"],
                         body: "| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. |",
                         response: "If successful, this method returns a `201 Created` response code and a [user](../resources/user.md) object in the response body.")
        let post = try #require(operations(doc).first)
        #expect(post.requestBody?.type != TypeUse.reference)
        #expect(post.requestBody?.type.hasSuffix("RequestBody") == true)
    }

    // MARK: Function arguments

    @Test func functionArgumentsAreTypedFromTheFunctionParametersTable() throws {
        let enums = Doc("docs/resources/enums.md", "# Enum types\n\n### reportPeriod values\n\n| Member |\n|:---|\n| D7 |\n| D30 |\n")
        let doc = apiDoc("docs/api/report.md", title: "Get report", requests: ["GET /reports/getReport(period='{period_value}',date={date_value},top={n},kind={k},flag={f},other={o})"],
                         response: "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
                         trailing: """
                         ## Function parameters

                         | Parameter | Type | Description |
                         |:---|:---|:---|
                         | period | String | The length of time. |
                         | date | Date | The day. |
                         | top | Int32 | How many. |
                         | kind | reportPeriod | An enum. |
                         | flag | Boolean | A flag. |
                         | other | [user](../resources/user.md) | Not a literal. |
                         """)
        let operation = try #require(resolve([Self.user, enums, doc]).model.operations.first)
        let parameters = try #require(operation.pathDetails.first).parameters
        #expect(parameters.map(\.name) == ["period", "date", "top", "kind", "flag", "other"])
        #expect(parameters.map(\.argument) == ["period", "date", "top", "kind", "flag", "other"])
        #expect(parameters.map(\.type) == ["Edm.String", "Edm.Date", "Edm.Int32", graph("reportPeriod"), "Edm.Boolean", nil])
        #expect(parameters.map(\.quoted) == [true, false, false, false, false, false])
    }
}
