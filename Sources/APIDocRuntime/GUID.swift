// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
import Foundation

/// An OData `Edm.Guid`, such as `8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9`.
///
/// Accepted text: 8-4-4-4-12 hexadecimal digits in either case, without braces. The value keeps
/// the exact text (and its case) in ``rawValue`` and encodes it back unchanged. Equality and
/// hashing compare ``rawValue``, so the upper- and lowercase spellings of one GUID differ;
/// compare ``uuid`` to ignore case.
public struct GUID: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exact text of the value.
    public let rawValue: String
    /// The GUID as a `UUID`.
    public let uuid: UUID

    /// Parses and validates `rawValue`; `nil` when it is not 8-4-4-4-12 hexadecimal digits.
    public init?(rawValue: String) {
        guard ODataLiteral.isGUID(rawValue), let uuid = UUID(uuidString: rawValue) else { return nil }
        self.rawValue = rawValue
        self.uuid = uuid
    }

    /// Creates a GUID from a `UUID`, with lowercase text.
    public init(_ uuid: UUID) {
        self.rawValue = uuid.uuidString.lowercased()
        self.uuid = uuid
    }

    /// A new random GUID, with lowercase text.
    public init() {
        self.init(UUID())
    }

    /// The value's text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the text when it is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = GUID(rawValue: text) else {
            throw DecodingError.invalidLiteral(
                text, of: "Edm.Guid", expected: "8-4-4-4-12 hexadecimal digits", in: container)
        }
        self = value
    }

    /// Encodes ``rawValue`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Values are equal when their texts are equal.
    public static func == (lhs: GUID, rhs: GUID) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes ``rawValue``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
