import Foundation

/// One page of a Graph collection response:
/// `{"@odata.context":"...","@odata.count":42,"value":[...],"@odata.nextLink":"..."}`.
///
/// Any other member is kept in ``additionalProperties`` and written back on encoding, with the
/// pattern described in ``AdditionalProperties``.
public struct CollectionPage<Element: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// The items of this page (`value`; empty when absent).
    public var value: [Element]
    /// `@odata.nextLink`: the absolute URL of the next page, `nil` on the last page.
    public var nextLink: String?
    /// `@odata.count`: the total number of items, when `$count=true` was requested.
    public var count: Int64?
    /// `@odata.context`: the context URL.
    public var context: String?
    /// Every other member, such as `@odata.deltaLink`, and explicit `null`s of the members above.
    public var additionalProperties: [String: JSONValue]

    /// Creates a page.
    public init(
        value: [Element] = [], nextLink: String? = nil, count: Int64? = nil, context: String? = nil,
        additionalProperties: [String: JSONValue] = [:]
    ) {
        self.value = value
        self.nextLink = nextLink
        self.count = count
        self.context = context
        self.additionalProperties = additionalProperties
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value = "value"
        case nextLink = "@odata.nextLink"
        case count = "@odata.count"
        case context = "@odata.context"
    }

    static var knownKeys: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// Decodes a collection response object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.value = try container.decodeIfPresent([Element].self, forKey: .value) ?? []
        self.nextLink = try container.decodeIfPresent(String.self, forKey: .nextLink)
        self.count = try container.decodeIfPresent(Int64.self, forKey: .count)
        self.context = try container.decodeIfPresent(String.self, forKey: .context)
        self.additionalProperties = try AdditionalProperties.decode(from: decoder, knownKeys: Self.knownKeys)
    }

    /// Encodes the page; typed members win over additional properties of the same name.
    public func encode(to encoder: any Encoder) throws {
        try AdditionalProperties.encode(additionalProperties, to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(nextLink, forKey: .nextLink)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(context, forKey: .context)
    }

    /// `@odata.deltaLink`, when the page is the last page of a delta query.
    public var deltaLink: String? {
        additionalProperties["@odata.deltaLink"]?.stringValue
    }
}
