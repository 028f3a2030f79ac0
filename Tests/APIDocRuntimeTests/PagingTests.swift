import APIDocRuntime
import FlyingFox
import Foundation
import Testing

struct Item: Codable, Hashable, Sendable { var id: String }

/// Serves a collection in pages at `/v1.0/items?page=N` (N = 1, 2, 3, ...): page N holds the
/// items of `pages[N - 1]` and, except on the last page, an absolute `@odata.nextLink` to page
/// N + 1 on the origin `origin` returns (the serving server's own, once it is known).
func pagedCollection(_ pages: [[String]], origin: @escaping @Sendable () async -> String) -> LoopbackServer.Handler {
    { request in
        guard request.path == "/v1.0/items", let number = Int(request.query["page"] ?? "1"),
            (1...pages.count).contains(number)
        else { return reply(404) }
        let values = pages[number - 1].map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
        var text = #"{"@odata.context":"ctx","value":[\#(values)]"#
        if number < pages.count {
            text += #","@odata.nextLink":"\#(await origin())/v1.0/items?page=\#(number + 1)&$skiptoken=a%2Fb""#
        }
        return json(text + "}")
    }
}

/// Holds the origin of a server once it is known, for handlers that link to it.
actor OriginBox {
    var origin = ""
    func set(_ value: String) { origin = value }
}

@Suite struct PagingTests {
    static let pages = [["1", "2", "3"], ["4", "5"], ["6", "7"]]

    @Test func allItemsFollowsNextLinksAcrossThreePages() async throws {
        let box = OriginBox()
        try await LoopbackServer.with(pagedCollection(Self.pages, origin: { await box.origin })) { server in
            await box.set(server.origin)
            var request = GraphRequest(method: "GET", path: "/items")
            request.addQuery("page", "1")
            request.setHeader("ConsistencyLevel", "eventual")
            var items: [Item] = []
            for try await item in server.client().allItems(request, of: Item.self) {
                items.append(item)
            }
            #expect(items.map(\.id) == ["1", "2", "3", "4", "5", "6", "7"])
            let seen = await server.requests
            #expect(seen.map { $0.query["page"] } == ["1", "2", "3"])
            #expect(seen.dropFirst().allSatisfy { $0.query["$skiptoken"] == "a/b" })
            #expect(seen.allSatisfy { $0.headers["authorization"] == "Bearer secret-token" })
            #expect(seen.allSatisfy { $0.headers["consistencylevel"] == "eventual" })
        }
    }

    @Test func pagesStartingWithAFetchedPage() async throws {
        let box = OriginBox()
        try await LoopbackServer.with(pagedCollection(Self.pages, origin: { await box.origin })) { server in
            await box.set(server.origin)
            let client = server.client()
            let first = try await client.send(GraphRequest(method: "GET", path: "/items"), decoding: CollectionPage<Item>.self)
            #expect(await server.seen.count == 1)
            var pages: [CollectionPage<Item>] = []
            for try await page in client.pages(startingWith: first) {
                pages.append(page)
            }
            #expect(pages.count == 3)
            #expect(pages.first == first)
            #expect(pages.map { $0.value.count } == [3, 2, 2])
            #expect(pages.last?.nextLink == nil)
            #expect(await server.seen.count == 3)

            var items: [String] = []
            for try await item in client.allItems(startingWith: first) { items.append(item.id) }
            #expect(items == ["1", "2", "3", "4", "5", "6", "7"])
        }
    }

    @Test func aSinglePageAndAnEmptyCollection() async throws {
        let client = GraphClient(baseURL: URL(string: "http://127.0.0.1:9/v1.0")!)
        var count = 0
        for try await page in client.pages(startingWith: CollectionPage<Item>(value: [Item(id: "x")])) {
            #expect(page.value == [Item(id: "x")])
            count += 1
        }
        #expect(count == 1)
        for try await _ in client.allItems(startingWith: CollectionPage<Item>()) {
            Issue.record("an empty page has no items")
        }
    }

    @MainActor @Test func iteratesFromAnActor() async throws {
        let client = GraphClient(baseURL: URL(string: "http://127.0.0.1:9/v1.0")!)
        var ids: [String] = []
        for try await item in client.allItems(startingWith: CollectionPage(value: [Item(id: "m")])) {
            ids.append(item.id)
        }
        #expect(ids == ["m"])
    }

    @Test func aFailingPageEndsTheSequenceWithItsError() async throws {
        try await LoopbackServer.with({ request in
            request.query["page"] == "2"
                ? json(404, #"{"error":{"code":"itemNotFound","message":"gone"}}"#)
                : json(#"{"value":[{"id":"1"}],"@odata.nextLink":"/v1.0/items?page=2"}"#)
        }) { server throws in
            var iterator = server.client(retryPolicy: .none).allItems(GraphRequest(method: "GET", path: "/items"), of: Item.self)
                .makeAsyncIterator()
            #expect(try await iterator.next() == Item(id: "1"))
            await #expect(throws: GraphError.self) { _ = try await iterator.next() }
            #expect(try await iterator.next() == nil)
        }
    }

    /// Page 1 on the client's own server links to page 2 on another host (127.0.0.2), which
    /// links to page 3 on another port of the client's host: only page 1 gets the token.
    @Test func aNextLinkToAnotherOriginGetsNoAuthorization() async throws {
        let otherHost = await LoopbackServer.canListen(on: "127.0.0.2") ? "127.0.0.2" : "127.0.0.1"
        #if os(Linux)
        #expect(otherHost == "127.0.0.2")
        #endif
        let third = try await LoopbackServer.start { _ in json(#"{"value":[{"id":"c"}]}"#) }
        let thirdOrigin = third.origin
        let second = try await LoopbackServer.start(host: otherHost) { _ in
            json(#"{"value":[{"id":"b"}],"@odata.nextLink":"\#(thirdOrigin)/v1.0/items?page=3"}"#)
        }
        let secondOrigin = second.origin
        do {
            try await LoopbackServer.with({ _ in
                json(#"{"value":[{"id":"a"}],"@odata.nextLink":"\#(secondOrigin)/v1.0/items?page=2"}"#)
            }) { first in
                var ids: [String] = []
                for try await item in first.client().allItems(GraphRequest(method: "GET", path: "/items"), of: Item.self) {
                    ids.append(item.id)
                }
                #expect(ids == ["a", "b", "c"])
                #expect(await first.requests.map { $0.headers["authorization"] } == ["Bearer secret-token"])
                #expect(await second.requests.map { $0.headers["authorization"] } == [nil])
                #expect(await third.requests.map { $0.headers["authorization"] } == [nil])
                #expect(await second.requests.first?.headers["accept"] == "application/json")
            }
        } catch {
            await second.stop()
            await third.stop()
            throw error
        }
        await second.stop()
        await third.stop()
    }
}

extension LoopbackServer {
    /// Whether a server can listen on `host` (127.0.0.2 works on Linux, not always on macOS).
    static func canListen(on host: String) async -> Bool {
        guard let server = try? await start(host: host, { _ in reply(204) }) else { return false }
        await server.stop()
        return true
    }
}
