import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// Path parameters are named after the segment before them, unique within the path.
@Suite("Path parameters")
struct PathParameterTests {
    func path(_ line: String) throws -> OperationPath {
        let doc = apiDoc("docs/api/op.md", title: "Get thing", requests: ["GET " + line])
        let operation = try #require(resolve(doc).model.operations.first)
        #expect(operation.paths == operation.pathDetails.map(\.template))
        return try #require(operation.pathDetails.first)
    }

    @Test func idsAreNamedAfterThePreviousSegment() throws {
        #expect(try path("/communications/calls/{id}/participants/{id}") == OperationPath(
            template: "/communications/calls/{id}/participants/{id}",
            parameters: [
                PathParameter(placeholder: "id", name: "callId", alternatives: ["id"], quoted: false),
                PathParameter(placeholder: "id", name: "participantId", alternatives: ["id"], quoted: false),
            ]))
    }

    @Test func pluralsAreMadeSingular() throws {
        #expect(try path("/policies/{id}").parameters.map(\.name) == ["policyId"])
        #expect(try path("/addresses/{id}").parameters.map(\.name) == ["addressId"])
        #expect(try path("/me/mailFolders/{id}/messages/{key}").parameters.map(\.name) == ["mailFolderId", "messageId"])
    }

    @Test func namedPlaceholdersKeepTheirName() throws {
        #expect(try path("/users/{user-id}/events/{event_id}") == OperationPath(
            template: "/users/{user-id}/events/{event_id}",
            parameters: [
                PathParameter(placeholder: "user-id", name: "userId", alternatives: ["user-id"], quoted: false),
                PathParameter(placeholder: "event_id", name: "eventId", alternatives: ["event_id"], quoted: false),
            ]))
    }

    @Test func alternatives() throws {
        #expect(try path("/users/{id | userPrincipalName}/calendar") == OperationPath(
            template: "/users/{id | userPrincipalName}/calendar",
            parameters: [
                PathParameter(placeholder: "id | userPrincipalName", name: "userId", alternatives: ["id", "userPrincipalName"], quoted: false),
            ]))
    }

    /// The value of a function argument is named after the argument, not after its placeholder.
    @Test func quotedFunctionArgument() throws {
        #expect(try path("/reports/getEmailActivityCounts(period='{period_value}')") == OperationPath(
            template: "/reports/getEmailActivityCounts(period='{period_value}')",
            parameters: [
                PathParameter(placeholder: "period_value", name: "period", alternatives: ["period_value"], quoted: true, argument: "period"),
            ]))
    }

    @Test func unquotedFunctionArgument() throws {
        #expect(try path("/drive/items/{id}/f(x={x})").parameters == [
            PathParameter(placeholder: "id", name: "itemId", alternatives: ["id"], quoted: false),
            PathParameter(placeholder: "x", name: "x", alternatives: ["x"], quoted: false, argument: "x"),
        ])
    }

    @Test func repeatedNamesAreNumbered() throws {
        #expect(try path("/groups/{id}/groups/{id}").parameters.map(\.name) == ["groupId", "groupId2"])
        #expect(try path("/a/{name}/b/{name}").parameters.map(\.name) == ["name", "name2"])
    }

    @Test func idWithoutAPreviousSegment() throws {
        #expect(try path("/{id}").parameters.map(\.name) == ["id"])
    }

    @Test func queryTemplateIsKept() throws {
        #expect(try path("/me/events?$filter={filter}") == OperationPath(template: "/me/events", parameters: [], query: "$filter={filter}"))
    }
}
