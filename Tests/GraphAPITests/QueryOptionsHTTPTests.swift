import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// Query options, header parameters, the pages sequence of a list operation and a `$value`
/// operation of the generated client, sent for real to the loopback server (see `LoopbackGraph`).
@Suite struct QueryOptionsHTTPTests {
    static let groupCallId = LoopbackHTTPTests.groupCallId
    static let participantsPath = "/communications/calls/\(groupCallId)/participants"
    static let userId = "486db0c4-5387-46f5-ba32-eadd3d21513c"

    /// The documented participants page.
    static func documentedParticipants() throws -> CollectionPage<Participant> {
        let exchange = try #require(DocumentedExchanges.all.first { $0.method == "GET" && $0.path == participantsPath && !$0.isAlias })
        return try GraphJSON.decoder().decode(CollectionPage<Participant>.self, from: exchange.body)
    }

    /// The query items the server received, decoded.
    static func items(_ request: RecordedRequest) -> [URLQueryItem] {
        var components = URLComponents()
        components.percentEncodedQuery = request.query
        return components.queryItems ?? []
    }

    // MARK: Query options

    @Test func selectFilterAndTopArriveAsEncodedQueryItems() async throws {
        let expected = try Self.documentedParticipants()
        let filter = "info/region eq 'amer' and displayName eq 'A&B=C+D #1 é'"
        try await LoopbackGraph.with { graph in
            let page = try await graph.client.listParticipants(callId: Self.groupCallId, select: ["id", "isMuted"], filter: filter, top: 2)
            #expect(page == expected)
            let seen = try #require(await graph.recorder.last)
            #expect(seen.path == "/beta" + Self.participantsPath)
            // Fixed order, `,` and `'` and `/` kept, everything else that could end or change a value encoded.
            #expect(seen.query == "$select=id,isMuted&$filter=info/region%20eq%20'amer'%20and%20displayName%20eq%20'A%26B%3DC%2BD%20%231%20%C3%A9'&$top=2")
            let items = Self.items(seen)
            #expect(items.map(\.name) == ["$select", "$filter", "$top"])
            #expect(items.map(\.value) == ["id,isMuted", filter, "2"])
        }
    }

    @Test func optionsLeftOutAreNotSent() async throws {
        try await LoopbackGraph.with { graph in
            _ = try await graph.client.listParticipants(callId: Self.groupCallId, select: [], orderBy: ["displayName desc"], count: true, search: "\"Megan\"")
            let seen = try #require(await graph.recorder.last)
            #expect(Self.items(seen).map(\.name) == ["$orderby", "$count", "$search"], "an empty $select is not sent")
            #expect(Self.items(seen).map(\.value) == ["displayName desc", "true", "\"Megan\""])
            _ = try await graph.client.listParticipants(callId: Self.groupCallId)
            #expect(await graph.recorder.last?.query == "")
        }
    }

    @Test func aSingleEntityTakesSelectAndExpand() async throws {
        let callId = LoopbackHTTPTests.peerToPeerCallId
        try await LoopbackGraph.with { graph in
            let call = try await graph.client.getCall(callId: callId, select: ["id", "state"], expand: ["participants"])
            #expect(call.id == callId)
            let seen = try #require(await graph.recorder.last)
            #expect(seen.path == "/beta/communications/calls/\(callId)")
            #expect(seen.query == "$select=id,state&$expand=participants")
        }
    }

    // MARK: Headers

    @Test func aDocumentedHeaderIsSent() async throws {
        var quality = TeleconferenceDeviceQuality()
        quality.callChainId = GUID(rawValue: "0622673d-9f69-49b8-8d0f-20a8a9a31a1c")
        quality.deviceName = "Contoso Room 4"
        let body = LogTeleconferenceDeviceQualityCallRequestBody(quality: quality)
        try await LoopbackGraph.with { graph in
            try await graph.client.logTeleconferenceDeviceQualityCall(body, userAgent: "ContosoRooms/4.2")
            let seen = try #require(await graph.recorder.last)
            #expect(seen.method == "POST")
            #expect(seen.path == "/beta/communications/calls/logTeleconferenceDeviceQuality")
            #expect(seen.header("User-Agent") == "ContosoRooms/4.2")
            #expect(seen.header("Content-Type") == "application/json")
            #expect(seen.json?["quality"]?["deviceName"] == "Contoso Room 4")

            // The page calls the header required: the parameter has no default, and each call sends its own.
            try await graph.client.logTeleconferenceDeviceQualityCall(body, userAgent: "ContosoRooms/4.3")
            #expect(await graph.recorder.last?.header("User-Agent") == "ContosoRooms/4.3")
        }
    }

    // MARK: Pages

    /// Three pages of participants, chained by `@odata.nextLink` (`$skiptoken=2`, `$skiptoken=3`).
    static func threePages(_ documented: CollectionPage<Participant>) -> DocsRoutes.Override {
        { request in
            let host = request.header("Host") ?? "127.0.0.1"
            var page = documented
            switch request.query {
            case let query where query.contains("$skiptoken=3"):
                page.value = [documented.value[0]]
                page.nextLink = nil
            case let query where query.contains("$skiptoken=2"):
                page.value = [documented.value[1]]
                page.nextLink = "http://\(host)/beta\(participantsPath)?$top=1&$skiptoken=3"
            default:
                page.value = [documented.value[0]]
                page.nextLink = "http://\(host)/beta\(participantsPath)?$top=1&$skiptoken=2"
            }
            return (200, (try? GraphJSON.encoder().encode(page)) ?? Data())
        }
    }

    @Test func thePagesSequenceWalksEveryPage() async throws {
        let documented = try Self.documentedParticipants()
        try #require(documented.value.count == 2)
        try await LoopbackGraph.with(overrides: ["GET \(Self.participantsPath)": Self.threePages(documented)]) { graph in
            let pages = graph.client.listParticipantsPages(callId: Self.groupCallId, top: 1)
            #expect(await graph.recorder.requests.isEmpty, "nothing is sent before the sequence is iterated")
            var seenPages: [CollectionPage<Participant>] = []
            for try await page in pages { seenPages.append(page) }
            #expect(seenPages.count == 3)
            #expect(seenPages.map { $0.value.map(\.id) } == [[documented.value[0].id], [documented.value[1].id], [documented.value[0].id]])
            #expect(seenPages.map { $0.nextLink == nil } == [false, false, true])

            let requests = await graph.recorder.requests
            #expect(requests.count == 3)
            #expect(requests.map(\.path) == Array(repeating: "/beta" + Self.participantsPath, count: 3))
            #expect(requests.map(\.query) == ["$top=1", "$top=1&$skiptoken=2", "$top=1&$skiptoken=3"])
            #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer test-token" })
        }
    }

    // The docs call the `/app` paths deprecated, so the generated case is; this test uses it on purpose.
    @available(*, deprecated, message: "uses a deprecated path on purpose")
    @Test func theItemsOfEveryPageThroughTheAppPath() async throws {
        let documented = try Self.documentedParticipants()
        let appPath = "/app/calls/\(Self.groupCallId)/participants"
        let pages: DocsRoutes.Override = { request in
            let host = request.header("Host") ?? "127.0.0.1"
            var page = documented
            page.value = request.query.isEmpty ? [documented.value[0]] : [documented.value[1]]
            page.nextLink = request.query.isEmpty ? "http://\(host)/beta\(appPath)?$skiptoken=2" : nil
            return (200, (try? GraphJSON.encoder().encode(page)) ?? Data())
        }
        try await LoopbackGraph.with(overrides: ["GET \(appPath)": pages]) { graph in
            var names: [String?] = []
            for try await participant in graph.client.listParticipantsPages(at: .app(callId: Self.groupCallId)).items {
                names.append(participant.info?.identity?.user?.displayName ?? participant.info?.identity?.application?.displayName)
            }
            #expect(names == ["Contoso Help Desk Bot", "Megan Bowen"])
            #expect(await graph.recorder.requests.map(\.path) == ["/beta" + appPath, "/beta" + appPath])
        }
    }

    @Test func thePagesSequenceStopsAtAnError() async throws {
        try await LoopbackGraph.with { graph in
            var iterator = graph.client.listParticipantsPages(callId: "no-such-call").makeAsyncIterator()
            do {
                _ = try await iterator.next()
                Issue.record("the first page of a call that is not served was returned")
            } catch let error as GraphError {
                #expect(error.status == 404)
            }
            #expect(try await iterator.next() == nil, "the sequence ends after an error")
            #expect(await graph.recorder.requests.count == 1)
        }
    }

    // MARK: $value

    @Test func aValueOperationReturnsTheDocumentedBytes() async throws {
        let path = "/users/\(Self.userId)/photo/$value"
        let exchange = try #require(DocumentedExchanges.all.first { $0.method == "GET" && $0.path == path })
        #expect(exchange.headers.contains { $0.name.lowercased() == "content-type" && $0.value == "image/jpeg" })
        try await LoopbackGraph.with { graph in
            let data = try await graph.client.getProfilePhotoContent(userId: Self.userId)
            #expect(data == exchange.body)
            #expect(!data.isEmpty)
            let seen = try #require(await graph.recorder.last)
            #expect(seen.path == "/beta/users/\(Self.userId)/photo/$value")
            #expect(seen.header("Accept") == "*/*")
            #expect(seen.header("Authorization") == "Bearer test-token")
        }
    }

    @Test func aValueOperationReturnsBytesThatAreNotText() async throws {
        // The start of a JPEG file, a NUL and bytes that are not UTF-8.
        let bytes = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x80, 0xFE, 0xC3, 0x28])
        let path = "/users/\(Self.userId)/photos/48x48/$value"
        try await LoopbackGraph.with(overrides: ["GET \(path)": { _ in (200, bytes) }]) { graph in
            let data = try await graph.client.getProfilePhotoContent(at: .usersPhotos(userId: Self.userId, size: "48x48"))
            #expect(data == bytes)
            #expect(await graph.recorder.last?.path == "/beta" + path)
        }
    }

    @Test func aMissingPhotoThrowsGraphError() async throws {
        try await LoopbackGraph.with { graph in
            do {
                _ = try await graph.client.getProfilePhotoContent(userId: "no-such-user")
                Issue.record("a photo that is not served was returned")
            } catch let error as GraphError {
                #expect(error.status == 404)
                #expect(error.code == "itemNotFound")
            }
        }
    }
}
