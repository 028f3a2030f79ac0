import Foundation

/// An arbitrary JSON value.
///
/// Generated code uses `JSONValue` for properties whose type the documentation leaves open
/// (`Json`, untyped objects) and for every key of a JSON object that a generated type does not
/// model (see ``AdditionalProperties``).
///
/// Decoding tries, in order: `null`, `Bool`, `Int64`, `Double`, `String`, array, object. A JSON
/// number without a fraction that fits in `Int64` therefore becomes ``integer(_:)``, any other
/// number ``double(_:)``. (Foundation's decoder also reads `1.0` as an integer because the value
/// is integral; use ``isEquivalent(to:)`` to compare numbers regardless of their case.)
///
/// The synthesized `==` is structural and case-sensitive: `.integer(1) != .double(1.0)`.
public enum JSONValue: Codable, Hashable, Sendable {
    /// JSON `null`.
    case null
    /// JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number that is integral and fits in `Int64`.
    case integer(Int64)
    /// Any other JSON number.
    case double(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object.
    case object([String: JSONValue])

    /// Decodes any JSON value, trying null, Bool, Int64, Double, String, array and object in that order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Value is not a JSON null, boolean, number, string, array or object")
        }
    }

    /// Encodes the value as the corresponding JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses a complete JSON document (with `JSONDecoder`).
    ///
    /// - Throws: `DecodingError` when `data` is not valid JSON.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Serializes the value as JSON with ``GraphJSON/encoder()`` (sorted keys, unescaped slashes).
    public func jsonData() throws -> Data {
        try GraphJSON.encoder().encode(self)
    }

    /// Converts any `Encodable` value into its JSON representation.
    public init<T: Encodable>(encoding value: T) throws {
        let data = try GraphJSON.encoder().encode(value)
        self = try JSONValue.parse(data)
    }

    /// Decodes a `Decodable` type from this JSON value (with ``GraphJSON/decoder()``).
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try GraphJSON.decoder().decode(T.self, from: jsonData())
    }

    // MARK: Access

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The element at `index` when this is an array and the index is in range, otherwise `nil`.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// `true` for ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The Boolean payload, or `nil`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The string payload, or `nil`.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as `Int64` when it is an integer or an integral `Double` that fits, otherwise `nil`.
    public var int64Value: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// The number as `Double` (integers are converted), otherwise `nil`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The elements when this is an array, otherwise `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members when this is an object, otherwise `nil`.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    // MARK: Equivalence

    /// Structural equality in which numbers compare numerically: `.integer(1)` is equivalent to
    /// `.double(1.0)`, and arrays and objects are compared member by member with the same rule.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.string(let a), .string(let b)):
            return a == b
        case (.integer(let a), .integer(let b)):
            return a == b
        case (.double(let a), .double(let b)):
            return a == b
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)):
            guard let exact = Int64(exactly: b) else { return false }
            return exact == a
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let counterpart = b[key], value.isEquivalent(to: counterpart) else { return false }
            }
            return true
        default:
            return false
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text with sorted keys.
    public var description: String {
        guard let data = try? jsonData(), let text = String(data: data, encoding: .utf8) else {
            return "<JSON value with a non-finite number>"
        }
        return text
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// Creates ``null``.
    public init(nilLiteral: ()) { self = .null }
    /// Creates ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// Creates ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates ``array(_:)``.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Creates ``object(_:)``; for a repeated key the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
