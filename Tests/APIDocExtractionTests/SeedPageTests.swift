@testable import APIDocExtraction
import APIDocJSON
import APIDocMarkdown
import Testing

/// The seed page, `docs/api/application-post-calls.md`, read from disk, item by item.
@Suite("Seed page: Create calls")
struct SeedPageTests {
    static let path = "docs/api/application-post-calls.md"

    let page: Page

    init() throws {
        page = PageExtractor.extract(path: Self.path, source: try packageFile(Self.path))
    }

    @Test func titleDescriptionNamespace() {
        #expect(page.path == Self.path)
        #expect(page.stem == "application-post-calls")
        #expect(page.title == "Create calls")
        #expect(page.titleLocation == at(10, 1))
        #expect(page.description == "Create a new calls object.")
        #expect(page.namespace == "microsoft.graph")
        #expect(page.docType == "apiPageType")
        #expect(page.isOperation)
    }

    @Test func permissionsWithTODOPlaceholdersHaveNoPermissions() {
        #expect(page.permissions == [
            Permission(kind: "Delegated (work or school account)", permissions: []),
            Permission(kind: "Delegated (personal Microsoft account)", permissions: []),
            Permission(kind: "Application", permissions: []),
        ])
    }

    @Test func oneHTTPRequestLine() {
        #expect(page.httpRequests == [HTTPRequestLine(method: "POST", path: "/communications/calls", query: nil, location: at(31, 1))])
    }

    @Test func requestHeaders() {
        #expect(page.requestHeaders == [
            HeaderRow(name: "Authorization", value: "Bearer {token}. Required.", location: at(37, 2)),
            HeaderRow(name: "Content-Type", value: "application/json. Required.", location: at(38, 2)),
        ])
    }

    @Test func requestBodyIsACallWithTwentySixRows() throws {
        guard case .resource(let type, let rows) = page.requestBody else {
            Issue.record("request body is \(page.requestBody), not a resource")
            return
        }
        #expect(type.kind == .named("call", "../resources/call.md"))
        #expect(!type.collection)
        #expect(type.location == at(41, 1))
        #expect(rows.count == 26)
        #expect(rows.map(\.name) == [
            "id", "state", "mediaState", "resultInfo", "terminationReason", "direction", "ringingTimeoutInSeconds",
            "subject", "callbackUri", "callRoutes", "source", "targets", "answeredBy", "requestedModalities",
            "activeModalities", "mediaConfig", "chatInfo", "callOptions", "meetingInfo", "meetingCapability",
            "routingPolicies", "tenantId", "myParticipantId", "toneInfo", "callChainId", "incomingContext",
        ])
        #expect(rows.map(\.location.line) == Array(47...72))
        #expect(rows.allSatisfy { !$0.isNavigation && !$0.readOnly })
    }

    @Test func stateIsAnUnlinkedEnumWithElevenValues() throws {
        let state = try #require(page.requestBodyRows.first { $0.name == "state" })
        #expect(TypeShape(state.type) == one(.named("callState")))
        #expect(state.possibleValues == [
            "incoming", "establishing", "ringing", "established", "hold", "transferring", "transferAccepted",
            "redirecting", "terminating", "terminated", "unknownFutureValue",
        ])
        #expect(state.location == at(48, 2))
        #expect(state.type.location == at(48, 8))
    }

    @Test func otherRowTypes() throws {
        let rows = Dictionary(uniqueKeysWithValues: page.requestBodyRows.map { ($0.name, $0) })
        #expect(rows["callRoutes"].map { TypeShape($0.type) } == many(.named("callRoute", "../resources/callroute.md")))
        #expect(rows["ringingTimeoutInSeconds"].map { TypeShape($0.type) } == one(.primitive("Edm.Int32")))
        #expect(rows["id"].map { TypeShape($0.type) } == one(.primitive("Edm.String")))
        #expect(rows["id"]?.inheritedFrom == "../resources/entity.md")
        #expect(rows["resultInfo"].map { TypeShape($0.type) } == one(.named("ResultInfo", "../resources/resultinfo.md")))
        #expect(rows["requestedModalities"].map { TypeShape($0.type) } == many(.named("modality")))
        #expect(rows["requestedModalities"]?.possibleValues == ["unknown", "audio", "video", "videoBasedScreenSharing", "data", "unknownFutureValue"])
        #expect(rows["direction"]?.possibleValues == ["incoming", "outgoing"])
        #expect(rows["routingPolicies"].map { TypeShape($0.type) } == many(.named("routingPolicy")))
        #expect(rows["targets"].map { TypeShape($0.type) } == many(.named("invitationParticipantInfo", "../resources/invitationparticipantinfo.md")))
        #expect(rows["mediaState"]?.possibleValues == [])
    }

    @Test func responseIsA201Call() throws {
        let response = try #require(page.response)
        #expect(response.status == 201)
        #expect(response.type.map(TypeShape.init) == one(.named("call", "../resources/call.md")))
        #expect(response.location == at(77, 1))
    }

    @Test func requestExample() throws {
        #expect(page.examples.count == 2)
        let request = try #require(page.examples.first)
        #expect(request.kind == .request)
        #expect(request.name == "create_call_from_")
        #expect(request.annotationLocation == at(82, 6))
        #expect(request.method == "POST")
        #expect(request.url == "https://graph.microsoft.com/beta/communications/calls")
        #expect(request.status == nil)
        #expect(request.headers == [
            HeaderRow(name: "Content-Type", value: "application/json", location: at(89, 1)),
            HeaderRow(name: "Content-length", value: "1480", location: at(90, 1)),
        ])
        #expect(request.bodyLocation == at(92, 1))
        let body = try #require(request.body)
        #expect(body.position == JSONPosition(line: 92, column: 1))
        #expect(body["@odata.type"]?.stringValue == "#microsoft.graph.call")
        #expect(body.members?.count == 26)
        #expect(body["callRoutes"]?.arrayValue?.first?["@odata.type"]?.stringValue == "microsoft.graph.callRoute")
        #expect(request.bodyText?.hasPrefix("{\n  \"@odata.type\"") == true)
        #expect(request.requestIndex == nil)
    }

    @Test func responseExample() throws {
        let response = try #require(page.examples.last)
        #expect(response.kind == .response)
        #expect(response.annotationLocation == at(160, 6))
        #expect(response.status == 201)
        #expect(response.odataType == "microsoft.graph.call")
        #expect(!response.isCollection)
        #expect(response.truncated)
        #expect(response.method == nil)
        #expect(response.headers.map(\.name) == ["Content-Type"])
        #expect(response.headers.first?.location == at(168, 1))
        #expect(response.bodyLocation == at(169, 1))
        let body = try #require(response.body)
        #expect(body["id"]?.stringValue == "24771b89-1b89-2477-891b-7724891b7724")
        #expect(body["ringingTimeoutInSeconds"]?.stringValue == "Integer")
        #expect(body.members?.count == 27)
        #expect(response.requestIndex == 0)
        #expect(page.examples[0].kind == .request)
    }

    @Test func noDiagnostics() {
        #expect(page.diagnosticLines == [])
    }

    @Test func nothingElse() {
        #expect(page.properties.isEmpty)
        #expect(page.relationships.isEmpty)
        #expect(page.queryParameters.isEmpty)
        #expect(page.functionParameters.isEmpty)
        #expect(page.enums.isEmpty)
        #expect(page.resource == nil)
        #expect(page.inheritsFrom == nil)
    }
}
