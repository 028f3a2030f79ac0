import APIDocRuntime
import Foundation

/// Decodes `T` from a JSON string literal holding `text` (wrapped in an array, so the top level
/// is a container).
func decodeString<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    let json = try JSONEncoder().encode([text])
    return try JSONDecoder().decode([T].self, from: json)[0]
}

/// Encodes `value` (wrapped in an array) and returns the JSON string it was written as.
func encodedString<T: Encodable>(_ value: T) throws -> String? {
    let data = try JSONEncoder().encode([value])
    return try JSONDecoder().decode([String].self, from: data).first
}

/// The debug description of a `DecodingError.dataCorrupted`, or `nil` for any other error.
func corruptionMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch DecodingError.dataCorrupted(let context) {
        return context.debugDescription
    } catch {
        return nil
    }
}
