import Foundation

/// The JSON coders used by ``GraphClient`` and ``GraphRequest``.
///
/// Generated types carry OData primitives as ``DateTimeOffset``, ``DateOnly`` and the like, which
/// encode themselves as strings, so no date or data strategy is needed.
public enum GraphJSON {
    /// A `JSONEncoder` that writes `/` unescaped and sorts object keys (deterministic output).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    /// A `JSONDecoder` with default settings.
    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }
}
