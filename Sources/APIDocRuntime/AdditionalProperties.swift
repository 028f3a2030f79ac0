import Foundation

/// Keeps the members of a JSON object that a generated type does not model, so that decoding
/// and re-encoding a value loses nothing.
///
/// Generated types store these members in `additionalProperties: [String: JSONValue]` and use
/// this pattern (verified with Foundation's `JSONEncoder`/`JSONDecoder` on Linux and Darwin):
///
/// ```swift
/// public init(from decoder: any Swift.Decoder) throws {
///     let container = try decoder.container(keyedBy: CodingKeys.self)
///     self.id = try container.decodeIfPresent(Swift.String.self, forKey: .id)
///     self.additionalProperties = try APIDocRuntime.AdditionalProperties.decode(
///         from: decoder, knownKeys: Self.knownKeys)
/// }
/// public func encode(to encoder: any Swift.Encoder) throws {
///     // First, so that the typed values written below replace entries with the same key.
///     try APIDocRuntime.AdditionalProperties.encode(additionalProperties, to: encoder)
///     var container = encoder.container(keyedBy: CodingKeys.self)
///     try container.encodeIfPresent(id, forKey: .id)
/// }
/// static let knownKeys: Set<Swift.String> = Set(CodingKeys.allCases.map(\.rawValue))
/// ```
///
/// Requesting a second keyed container from the same encoder returns a container that writes
/// into the same JSON object; writing a key that is already present replaces its value. So the
/// encoded object holds every additional property plus every non-nil typed property, and a typed
/// property wins over an additional property of the same name.
///
/// An explicit JSON `null` for a known key is kept in the additional properties (the typed
/// property decodes as `nil`, which `encodeIfPresent` would omit), so `"name": null` survives a
/// round trip. When the typed property is later set, its value replaces that `null`.
public enum AdditionalProperties {
    /// Reads the members of the JSON object being decoded that are not in `knownKeys`, plus every
    /// member of `knownKeys` whose value is JSON `null`.
    ///
    /// - Parameters:
    ///   - decoder: The decoder positioned at the JSON object (the one passed to `init(from:)`).
    ///   - knownKeys: The JSON names of the properties the type decodes itself.
    /// - Returns: The members, keyed by their JSON name.
    /// - Throws: `DecodingError.typeMismatch` when the value is not a JSON object.
    public static func decode(from decoder: any Decoder, knownKeys: Set<String>) throws -> [String: JSONValue] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var result: [String: JSONValue] = [:]
        for key in container.allKeys {
            if knownKeys.contains(key.stringValue) {
                if try container.decodeNil(forKey: key) {
                    result[key.stringValue] = .null
                }
            } else {
                result[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
        }
        return result
    }

    /// Writes every entry of `values` into the JSON object being encoded, through
    /// `encoder.container(keyedBy: AnyCodingKey.self)`.
    ///
    /// Call it before encoding the typed properties so that they replace entries of the same name.
    public static func encode(_ values: [String: JSONValue], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
