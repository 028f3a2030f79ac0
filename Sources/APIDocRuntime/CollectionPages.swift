import Foundation

/// The pages of a Graph collection, fetched one at a time by following `@odata.nextLink`.
///
/// ```swift
/// let first = try await client.listParticipants(callId: id)
/// for try await page in client.pages(startingWith: first) {
///     print(page.value.count)
/// }
/// ```
///
/// The sequence yields the first page, then fetches the next page (a `GET` of its
/// `@odata.nextLink`, through the client's middleware and retries) each time the previous one
/// has a next link, and ends after a page without one. It fetches nothing until it is iterated,
/// and each iteration starts over. After an error it ends. The bearer token goes only to next
/// links on the client's base URL origin.
public struct CollectionPages<Item: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    /// A page of the collection.
    public typealias Element = CollectionPage<Item>

    /// Where the sequence starts.
    enum Start: Sendable {
        /// A page already fetched.
        case page(CollectionPage<Item>)
        /// A request for the first page; its headers are sent with every next link too.
        case request(GraphRequest)
    }

    let client: GraphClient
    let start: Start

    /// Creates an iterator that starts at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(client: client, state: .start(start))
    }

    /// Fetches the pages one after the other.
    public struct Iterator: AsyncIteratorProtocol {
        enum State {
            case start(Start)
            case next(link: String, headers: [String: String])
            case finished
        }

        let client: GraphClient
        var state: State

        /// The next page, or `nil` after the last page (or after an error).
        ///
        /// - Throws: What ``GraphClient/send(_:decoding:)`` throws for a page request.
        public mutating func next() async throws -> CollectionPage<Item>? {
            let current = state
            state = .finished
            let page: CollectionPage<Item>
            let headers: [String: String]
            switch current {
            case .finished:
                return nil
            case .start(.page(let first)):
                (page, headers) = (first, [:])
            case .start(.request(let request)):
                page = try await client.send(request, decoding: CollectionPage<Item>.self)
                headers = request.headers
            case .next(let link, let carried):
                page = try await client.fetchPage(link, headers: carried)
                headers = carried
            }
            if let link = page.nextLink {
                state = .next(link: link, headers: headers)
            }
            return page
        }
    }
}

/// The items of a Graph collection, across all its pages: the elements of each page of a
/// ``CollectionPages``, in order.
///
/// ```swift
/// var request = APIDocRuntime.GraphRequest(method: "GET", path: "/users")
/// request.addQuery("$top", "100")
/// for try await user in client.allItems(request, of: User.self) {
///     print(user.displayName ?? "")
/// }
/// ```
public struct CollectionItems<Item: Codable & Hashable & Sendable>: AsyncSequence, Sendable {
    /// An item of the collection.
    public typealias Element = Item

    /// The pages whose items this sequence yields.
    public let pages: CollectionPages<Item>

    /// Creates an iterator that starts at the first item of the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// Yields the items of one page, then fetches the next page.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: CollectionPages<Item>.Iterator
        var buffer: [Item] = []
        var index = 0

        /// The next item, or `nil` after the last item of the last page.
        ///
        /// - Throws: What fetching a page throws.
        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.value
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

extension GraphClient {
    /// The pages of a collection: `first`, then each page its `@odata.nextLink` chain leads to.
    ///
    /// - Parameter first: A page already fetched, such as the result of a generated `list…`
    ///   function.
    public func pages<Item>(startingWith first: CollectionPage<Item>) -> CollectionPages<Item> {
        CollectionPages(client: self, start: .page(first))
    }

    /// The pages of a collection, starting with the response to `request`.
    ///
    /// The headers of `request` (such as `ConsistencyLevel` or `Prefer: odata.maxpagesize=…`)
    /// are sent with every next-link request too; its query is not (next links carry their own).
    public func pages<Item>(_ request: GraphRequest, of itemType: Item.Type = Item.self) -> CollectionPages<Item> {
        CollectionPages(client: self, start: .request(request))
    }

    /// The items of every page of a collection, starting with those of `first`.
    public func allItems<Item>(startingWith first: CollectionPage<Item>) -> CollectionItems<Item> {
        CollectionItems(pages: pages(startingWith: first))
    }

    /// The items of every page of a collection, starting with the response to `request`; see
    /// ``pages(_:of:)``.
    public func allItems<Item>(_ request: GraphRequest, of itemType: Item.Type = Item.self) -> CollectionItems<Item> {
        CollectionItems(pages: pages(request, of: itemType))
    }
}
