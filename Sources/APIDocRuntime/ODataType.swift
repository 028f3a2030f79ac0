import Foundation

/// Helpers for the `@odata.type` annotation, which names the concrete type of a value in a
/// polymorphic property or collection (for example `#microsoft.graph.fileAttachment`).
///
/// Generated polymorphic decoders peek at the annotation, then decode the matching subtype:
///
/// ```swift
/// let odataType = try APIDocRuntime.ODataType.peek(decoder)
/// if let odataType, APIDocRuntime.ODataType.matches(odataType, "microsoft.graph.fileAttachment") {
///     self = .fileAttachment(try FileAttachment(from: decoder))
/// }
/// ```
public enum ODataType {
    /// The JSON key of the annotation, `@odata.type`.
    public static let key = "@odata.type"

    /// Returns the `@odata.type` string of the JSON object being decoded, without consuming
    /// anything (the same decoder can decode the value afterwards).
    ///
    /// - Returns: The annotation, or `nil` when the value is not a JSON object, has no
    ///   `@odata.type` member, or that member is not a string.
    public static func peek(_ decoder: any Decoder) throws -> String? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        let key = AnyCodingKey(Self.key)
        guard container.contains(key) else { return nil }
        return try? container.decode(String.self, forKey: key)
    }

    /// Whether an `@odata.type` value names `qualifiedName`, ignoring one leading `#` on either
    /// side and ASCII case: `matches("#microsoft.graph.call", "microsoft.graph.call")` is `true`.
    public static func matches(_ value: String, _ qualifiedName: String) -> Bool {
        let lhs = strippingHash(value).utf8
        let rhs = strippingHash(qualifiedName).utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
    }

    /// `qualifiedName` with a leading `#` added unless it already has one, the form Graph uses
    /// in request bodies: `#microsoft.graph.fileAttachment`.
    public static func annotation(_ qualifiedName: String) -> String {
        qualifiedName.hasPrefix("#") ? qualifiedName : "#" + qualifiedName
    }

    private static func strippingHash(_ text: String) -> Substring {
        text.hasPrefix("#") ? text.dropFirst() : Substring(text)
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }
}
