/// A coding key with any string (or integer) value.
///
/// Used to read and write keys that a generated type does not declare in its `CodingKeys`,
/// such as `@odata.type` or the entries of ``AdditionalProperties``.
public struct AnyCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The key's string value.
    public var stringValue: String
    /// The key's integer value, when it was created from an integer.
    public var intValue: Int?

    /// Creates a key from a string; never fails.
    public init?(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// Creates a key from an integer; its string value is the decimal text of `intValue`.
    public init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    /// Creates a key from a string.
    public init(_ stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// Creates a key from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Creates a key with the same values as another coding key.
    public init(_ key: some CodingKey) {
        self.stringValue = key.stringValue
        self.intValue = key.intValue
    }
}
