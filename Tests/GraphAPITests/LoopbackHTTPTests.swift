import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// The generated request functions, sent for real through `URLSessionTransport` to a FlyingFox
/// server on 127.0.0.1 that answers with the docs' own examples (see `LoopbackGraph`).
@Suite struct LoopbackHTTPTests {
    /// The ids used by the examples' URLs.
    static let peerToPeerCallId = "f6dffcb0-a19c-4b41-9a92-11caa1f1bb66"
    static let groupCallId = "53cf4db2-ff04-43a9-bb6c-587ecee88d09"

    /// The documented exchange for `method path` (path without `/beta`).
    func documented(_ method: String, _ path: String) throws -> DocumentedExchange {
        try #require(DocumentedExchanges.all.first { $0.method == method && $0.path == path && !$0.isAlias },
                     "no documented example for \(method) \(path)")
    }

    /// Checks the last request the server saw: method, path, bearer token, and for a body its
    /// content type and JSON.
    func expectLastRequest(
        _ graph: LoopbackGraph, _ method: String, _ path: String, json: JSONValue? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let seen = try #require(await graph.recorder.last, "the server saw no request", sourceLocation: sourceLocation)
        #expect(seen.method == method, sourceLocation: sourceLocation)
        #expect(seen.path == "/beta" + path, sourceLocation: sourceLocation)
        #expect(seen.header("Authorization") == "Bearer test-token", sourceLocation: sourceLocation)
        #expect(seen.header("Accept") == "application/json", sourceLocation: sourceLocation)
        if let json {
            #expect(seen.header("Content-Type") == "application/json", sourceLocation: sourceLocation)
            let received = try #require(seen.json, "the \(method) request has no JSON body", sourceLocation: sourceLocation)
            #expect(received.isEquivalent(to: json), "the server received \(received), expected \(json)", sourceLocation: sourceLocation)
        } else {
            #expect(seen.body.isEmpty, "unexpected body: \(String(decoding: seen.body, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    /// The documented response of `exchange` decoded as `T`.
    func documentedResponse<T: Decodable>(_ exchange: DocumentedExchange, as type: T.Type) throws -> T {
        try GraphJSON.decoder().decode(T.self, from: exchange.body)
    }

    static func newCall() -> Call {
        var call = Call()
        call.callbackUri = "https://bot.contoso.com/api/calls"
        call.requestedModalities = [.audio]
        call.mediaConfig = .serviceHosted(ServiceHostedMediaConfig())
        call.source = ParticipantInfo(identity: IdentitySet(application: Identity(displayName: "Contoso Help Desk Bot", id: "a331b795-4fa0-4288-add0-9a666d88c62c")))
        call.targets = [InvitationParticipantInfo(identity: IdentitySet(user: Identity(displayName: "Adele Vance", id: "c2d9c793-a3b6-454e-ac21-a7ff31c6355d")))]
        call.tenantId = "706e7751-7460-45d0-9ad6-59943b20bdb1"
        return call
    }

    // MARK: Calls

    @Test func createCallPostsTheCallAndReadsTheDocumentedAnswer() async throws {
        let call = Self.newCall()
        let sent = try JSONValue(encoding: call)
        #expect(sent["mediaConfig"]?[ODataType.key] == "#microsoft.graph.serviceHostedMediaConfig")
        let exchange = try documented("POST", "/communications/calls")
        #expect(exchange.status == 201)

        try await LoopbackGraph.with { graph in
            // The documented answer is a template when the page says so (see `Placeholder`): then
            // it cannot be a `Call` by design, and decoding it must fail rather than invent values.
            if let node = exchange.responseNode, Placeholder.isTemplate(node) {
                await #expect(throws: DecodingError.self) { try await graph.client.createCall(call) }
            } else {
                let created = try await graph.client.createCall(call)
                #expect(created == (try documentedResponse(exchange, as: Call.self)))
            }
            try await expectLastRequest(graph, "POST", "/communications/calls", json: sent)
        }
    }

    @Test func createCallReturnsTheCreatedCall() async throws {
        let call = Self.newCall()
        // A server that answers as Graph does: 201 with the call it created, which has an id.
        let echo: DocsRoutes.Override = { request in
            guard case .object(var members)? = request.json else { return (400, Data()) }
            members["id"] = "57dab8b1-894c-409a-b240-bd8beae78896"
            members["state"] = "establishing"
            return (201, (try? JSONValue.object(members).jsonData()) ?? Data())
        }
        try await LoopbackGraph.with(overrides: ["POST /communications/calls": echo]) { graph in
            let created = try await graph.client.createCall(call)
            #expect(created.id == "57dab8b1-894c-409a-b240-bd8beae78896")
            #expect(created.state == .establishing)
            #expect(created.callbackUri == call.callbackUri)
            #expect(created.targets == call.targets)
            guard case .serviceHosted = created.mediaConfig else {
                Issue.record("the created call's mediaConfig is \(String(describing: created.mediaConfig))")
                return
            }
            try await expectLastRequest(graph, "POST", "/communications/calls", json: try JSONValue(encoding: call))
        }
    }

    @Test func getCallReturnsTheDocumentedCall() async throws {
        let path = "/communications/calls/\(Self.peerToPeerCallId)"
        let expected = try documentedResponse(try documented("GET", path), as: Call.self)
        try await LoopbackGraph.with { graph in
            let call = try await graph.client.getCall(callId: Self.peerToPeerCallId)
            #expect(call == expected)
            #expect(call.id == Self.peerToPeerCallId)
            #expect(call.state == .established)
            #expect(call.direction == .outgoing)
            #expect(call.ringingTimeoutInSeconds == 60)
            #expect(call.routingPolicies == [.noMissedCall])
            #expect(call.toneInfo?.tone == .pound)
            if case .serviceHosted(let config) = call.mediaConfig {
                #expect(config.preFetchMedia?.first?.resourceId == "e51b4554-2c5c-4333-9209-bba45d3c7bc9")
            } else {
                Issue.record("mediaConfig is \(String(describing: call.mediaConfig)), not .serviceHosted")
            }
            try await expectLastRequest(graph, "GET", path)
        }
    }

    // The docs call the `/app` paths deprecated, so the generated case is; this test uses it on purpose.
    @available(*, deprecated, message: "uses a deprecated path on purpose")
    @Test func getCallThroughTheAppPath() async throws {
        let expected = try documentedResponse(
            try documented("GET", "/communications/calls/\(Self.peerToPeerCallId)"), as: Call.self)
        try await LoopbackGraph.with { graph in
            let call = try await graph.client.getCall(at: .app(callId: Self.peerToPeerCallId))
            #expect(call == expected)
            try await expectLastRequest(graph, "GET", "/app/calls/\(Self.peerToPeerCallId)")
        }
    }

    @Test func listParticipantsReturnsACollectionPage() async throws {
        let path = "/communications/calls/\(Self.groupCallId)/participants"
        let expected = try documentedResponse(try documented("GET", path), as: CollectionPage<Participant>.self)
        try await LoopbackGraph.with { graph in
            let page = try await graph.client.listParticipants(callId: Self.groupCallId)
            #expect(page == expected)
            #expect(page.value.count == 2)
            #expect(page.nextLink == nil)
            #expect(page.context?.hasSuffix("/participants") == true)
            #expect(page.value.map(\.isMuted) == [false, true])
            #expect(page.value.last?.info?.identity?.user?.displayName == "Megan Bowen")
            #expect(page.value.last?.mediaStreams?.count == 2)
            #expect(try await graph.client.nextPage(after: page) == nil)
            try await expectLastRequest(graph, "GET", path)
        }
    }

    @Test func nextPageFollowsTheNextLinkWithTheToken() async throws {
        let path = "/communications/calls/\(Self.groupCallId)/participants"
        let documentedPage = try documentedResponse(try documented("GET", path), as: CollectionPage<Participant>.self)
        try #require(documentedPage.value.count == 2)
        // Serves the documented participants one per page; the next link is absolute, on this host.
        let paging: DocsRoutes.Override = { request in
            var page = documentedPage
            if request.query.isEmpty {
                page.value = [documentedPage.value[0]]
                page.nextLink = "http://\(request.header("Host") ?? "127.0.0.1")/beta\(path)?$skiptoken=page2"
            } else {
                page.value = [documentedPage.value[1]]
            }
            return (200, (try? GraphJSON.encoder().encode(page)) ?? Data())
        }
        try await LoopbackGraph.with(overrides: ["GET \(path)": paging]) { graph in
            let first = try await graph.client.listParticipants(callId: Self.groupCallId)
            #expect(first.value == [documentedPage.value[0]])
            #expect(first.nextLink == "http://127.0.0.1:\(graph.port)/beta\(path)?$skiptoken=page2")
            let second = try #require(try await graph.client.nextPage(after: first))
            #expect(second.value == [documentedPage.value[1]])
            #expect(second.nextLink == nil)
            #expect(try await graph.client.nextPage(after: second) == nil)

            let seen = await graph.recorder.requests
            #expect(seen.count == 2)
            #expect(seen.last?.path == "/beta" + path)
            #expect(seen.last?.query == "$skiptoken=page2")
            #expect(seen.last?.header("Authorization") == "Bearer test-token", "the next link is on the client's host")
        }
    }

    @Test func answerCallPostsTheDocumentedBodyAndAccepts202() async throws {
        let path = "/communications/calls/\(Self.peerToPeerCallId)/answer"
        let exchange = try documented("POST", path)
        #expect(exchange.status == 202)
        let documentedBody = try #require(exchange.requestBody)
        let body = try GraphJSON.decoder().decode(AnswerCallRequestBody.self, from: documentedBody.jsonData())
        #expect(body.additionalProperties.isEmpty, "the documented answer body has untyped members: \(body.additionalProperties.keys.sorted())")
        guard case .serviceHosted(let config) = body.mediaConfig else {
            Issue.record("the documented answer body's mediaConfig is \(String(describing: body.mediaConfig))")
            return
        }
        #expect(config.preFetchMedia?.count == 2)
        try await LoopbackGraph.with { graph in
            try await graph.client.answerCall(callId: Self.peerToPeerCallId, body)
            try await expectLastRequest(graph, "POST", path, json: documentedBody)
        }
    }

    @Test func deleteCallAccepts204() async throws {
        let path = "/communications/calls/\(Self.peerToPeerCallId)"
        #expect(try documented("DELETE", path).status == 204)
        try await LoopbackGraph.with { graph in
            try await graph.client.deleteCall(callId: Self.peerToPeerCallId)
            try await expectLastRequest(graph, "DELETE", path)
        }
    }

    @Test func muteCallReturnsAMuteParticipantOperation() async throws {
        let path = "/communications/calls/\(Self.groupCallId)/mute"
        let exchange = try documented("POST", path)
        let expected = try documentedResponse(exchange, as: MuteParticipantOperation.self)
        try await LoopbackGraph.with { graph in
            let operation = try await graph.client.muteCall(
                callId: Self.groupCallId, MuteCallRequestBody(clientContext: "0d837f11-4aa6-4265-a4bf-2c69e88ae646"))
            #expect(operation == expected)
            #expect(operation.odataType == "#microsoft.graph.muteParticipantOperation")
            #expect(operation.id == "2a49d046-e027-4cd4-abaf-909bfc466efd")
            #expect(operation.status == "completed")
            #expect(operation.clientContext == "0d837f11-4aa6-4265-a4bf-2c69e88ae646")
            #expect(operation.resultInfo?.code == 200)
            try await expectLastRequest(graph, "POST", path, json: ["clientContext": "0d837f11-4aa6-4265-a4bf-2c69e88ae646"])
        }
    }

    @Test func cancelMediaProcessingReturnsTheOperationThroughItsWrapper() async throws {
        let path = "/communications/calls/\(Self.peerToPeerCallId)/cancelMediaProcessing"
        let exchange = try documented("POST", path)
        let expected = try documentedResponse(exchange, as: AnyCommsOperation.self)
        try await LoopbackGraph.with { graph in
            let operation = try await graph.client.cancelMediaProcessingCall(
                callId: Self.peerToPeerCallId, CancelMediaProcessingCallRequestBody(clientContext: "b94ef7fd-b579-4297-8f31-19c366c28fff"))
            #expect(operation == expected)
            #expect(operation.odataType == "#microsoft.graph.commsOperation")
            guard case .commsOperation(let base) = operation else {
                Issue.record("a #microsoft.graph.commsOperation decoded as \(operation)")
                return
            }
            #expect(base.id == "8a95b4e2-2114-4cc6-8a26-3dc20be523a5")
            try await expectLastRequest(graph, "POST", path, json: ["clientContext": "b94ef7fd-b579-4297-8f31-19c366c28fff"])
        }
    }

    @Test func aMissingCallThrowsGraphError404() async throws {
        let missing = "00000000-0000-0000-0000-000000000000"
        try await LoopbackGraph.with { graph in
            let error = await #expect(throws: GraphError.self) {
                try await graph.client.getCall(callId: missing)
            }
            #expect(error?.status == 404)
            #expect(error?.code == "itemNotFound")
            #expect(error?.requestId == "00000000-0000-0000-0000-000000000404")
            try await expectLastRequest(graph, "GET", "/communications/calls/\(missing)")
        }
    }

    @Test func pathSegmentsArePercentEncoded() async throws {
        try await LoopbackGraph.with { graph in
            await #expect(throws: GraphError.self) {
                try await graph.client.getCall(callId: "a/b c")
            }
            let seen = try #require(await graph.recorder.last)
            #expect(seen.path == "/beta/communications/calls/a%2Fb%20c")
        }
    }

    // MARK: The harness itself

    /// Every documented exchange, sent as documented (method, path, body), gets its documented
    /// status and body back; the `/app` aliases exist for operations that document them.
    @Test func everyDocumentedExchangeIsServed() async throws {
        let exchanges = DocumentedExchanges.all
        try #require(exchanges.count > 20, "only \(exchanges.count) documented exchanges")
        #expect(exchanges.contains { $0.isAlias && $0.path == "/app/calls/\(Self.peerToPeerCallId)" && $0.method == "GET" })
        try await LoopbackGraph.with { graph in
            for exchange in exchanges {
                var request = GraphRequest(method: exchange.method, path: exchange.path)
                if let body = exchange.requestBody {
                    try request.setJSONBody(body)
                }
                let response = try await graph.client.send(request)
                #expect(response.status == exchange.status, "\(exchange.source): \(exchange.method) \(exchange.path)")
                #expect(response.body == exchange.body, "\(exchange.source): \(exchange.method) \(exchange.path)")
                for header in exchange.headers {
                    #expect(response.header(header.name) == header.value, "\(exchange.source): header \(header.name)")
                }
            }
        }
    }
}
