import Foundation

/// The OData system query options of a request: which properties to return (`$select`), which
/// related entities to include (`$expand`), which items (`$filter`, `$search`), in which order
/// (`$orderby`), how many (`$top`, `$skip`) and whether to count them (`$count`).
///
/// Generated request functions take the options their page documents as parameters and build
/// an `ODataQuery` from them; it can also be used with a hand-made ``GraphRequest``:
///
/// ```swift
/// var request = APIDocRuntime.GraphRequest(method: "GET", path: "/users")
/// request.addQuery(APIDocRuntime.ODataQuery(select: ["id", "displayName"], filter: "startswith(displayName,'A')", top: 50))
/// // GET /users?$select=id,displayName&$filter=startswith(displayName,'A')&$top=50
/// ```
///
/// An option that is `nil` (or an empty list) is not sent. Values are sent as written, then
/// percent-encoded by ``GraphClient``: write a `$filter` or `$search` the way Graph reads it
/// (`$search` values usually stand in double quotes: `"\"displayName:wa\""`).
public struct ODataQuery: Hashable, Sendable {
    /// `$select`: the properties to return, joined with commas.
    public var select: [String]?
    /// `$expand`: the relationships to include, joined with commas (each may carry its own
    /// options: `members($select=id)`).
    public var expand: [String]?
    /// `$filter`: a filter expression, such as `startswith(displayName,'A')`.
    public var filter: String?
    /// `$orderby`: sort keys, joined with commas (`displayName desc`).
    public var orderBy: [String]?
    /// `$top`: the page size.
    public var top: Int?
    /// `$skip`: how many items to skip.
    public var skip: Int?
    /// `$count`: whether the response carries the total count (`@odata.count`).
    public var count: Bool?
    /// `$search`: a search expression.
    public var search: String?

    /// Creates a query; every option is optional.
    public init(
        select: [String]? = nil, expand: [String]? = nil, filter: String? = nil, orderBy: [String]? = nil,
        top: Int? = nil, skip: Int? = nil, count: Bool? = nil, search: String? = nil
    ) {
        self.select = select
        self.expand = expand
        self.filter = filter
        self.orderBy = orderBy
        self.top = top
        self.skip = skip
        self.count = count
        self.search = search
    }

    /// The options that are set, as query items in a fixed order (`$select`, `$expand`,
    /// `$filter`, `$orderby`, `$top`, `$skip`, `$count`, `$search`), not yet percent-encoded.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) {
            if let value { items.append(URLQueryItem(name: name, value: value)) }
        }
        func list(_ values: [String]?) -> String? {
            guard let values, !values.isEmpty else { return nil }
            return values.joined(separator: ",")
        }
        add("$select", list(select))
        add("$expand", list(expand))
        add("$filter", filter)
        add("$orderby", list(orderBy))
        add("$top", top.map(String.init))
        add("$skip", skip.map(String.init))
        add("$count", count.map { $0 ? "true" : "false" })
        add("$search", search)
        return items
    }

    /// True when no option is set.
    public var isEmpty: Bool { queryItems.isEmpty }
}

extension GraphRequest {
    /// Appends the options of `options` that are set to ``query``.
    public mutating func addQuery(_ options: ODataQuery) {
        query.append(contentsOf: options.queryItems)
    }
}

/// A reference to an entity, as OData writes it: `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`.
///
/// It is the body of `POST` and `PUT` requests to `.../$ref` (add a member, set a manager), and
/// the items that `GET .../$ref` lists. Generated functions for those paths take or return it:
///
/// ```swift
/// try await client.addMember(groupId: group, client.reference(to: "/directoryObjects/" + APIDocRuntime.PathComponent.escape(userId)))
/// ```
public struct ODataReference: Codable, Hashable, Sendable {
    /// The URL of the entity (`@odata.id`), usually absolute.
    public var id: String

    /// A reference to the entity at `id`, an absolute URL such as
    /// `https://graph.microsoft.com/v1.0/directoryObjects/8e5…`.
    public init(id: String) {
        self.id = id
    }

    /// A reference to the entity at `url`.
    public init(url: URL) {
        self.id = url.absoluteString
    }

    /// The entity's URL, when ``id`` is one.
    public var url: URL? { URL(string: id) }

    enum CodingKeys: String, CodingKey {
        case id = "@odata.id"
    }
}

extension GraphClient {
    /// A reference to the entity at `path` (percent-encoded, relative to ``baseURL``), for the
    /// body of a `POST .../$ref`: `client.reference(to: "/directoryObjects/" + PathComponent.escape(id))`.
    public func reference(to path: String) -> ODataReference {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        if !path.isEmpty && !path.hasPrefix("/") { text += "/" }
        return ODataReference(id: text + path)
    }
}

extension CollectionPages {
    /// The items of these pages, across all of them.
    ///
    /// ```swift
    /// for try await participant in client.listParticipantsPages(callId: id).items { ... }
    /// ```
    public var items: CollectionItems<Item> {
        CollectionItems(pages: self)
    }
}

extension PathComponent {
    /// A number as an OData literal in a path, written bare: `getX(days=7)`.
    public static func argument<Value: BinaryInteger>(_ value: Value) -> String {
        escape(String(value))
    }

    /// A Boolean as an OData literal in a path: `true` or `false`.
    public static func argument(_ value: Bool) -> String {
        value ? "true" : "false"
    }

    /// A floating-point number as an OData literal in a path: `1.5`, `1E+20`, `INF`, `-INF`, `NaN`.
    public static func argument(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        return escape(String(value).uppercased())
    }

    /// A floating-point number as an OData literal in a path, as the `Double` overload writes it.
    public static func argument(_ value: Float) -> String {
        argument(Double(value))
    }

    /// A decimal number as an OData literal in a path.
    public static func argument(_ value: Decimal) -> String {
        escape(value.description)
    }

    /// A date as an OData literal in a path, written bare: `getX(date=2024-01-31)`.
    public static func argument(_ value: DateOnly) -> String {
        escape(value.rawValue)
    }

    /// A date and time as an OData literal in a path, written bare and percent-encoded:
    /// `getX(since=2024-01-31T10%3A00%3A00Z)`.
    public static func argument(_ value: DateTimeOffset) -> String {
        escape(value.rawValue)
    }

    /// A time of day as an OData literal in a path, written bare.
    public static func argument(_ value: TimeOfDay) -> String {
        escape(value.rawValue)
    }

    /// A GUID as an OData literal in a path, written bare.
    public static func argument(_ value: GUID) -> String {
        escape(value.rawValue)
    }

    /// A duration as an OData literal in a path: `duration'P1D'`.
    public static func argument(_ value: ISODuration) -> String {
        "duration" + quotedArgument(value.rawValue)
    }
}
