import APIDocJSON

/// The placeholder vocabulary of JSON representations and template examples: type words with an
/// optional note (`"String"`, `"Int32"`, `"String (identifier)"`, `"String (ISO 8601 duration)"`),
/// and `a | b` lists of enum members.
public enum Placeholder {
    static let words: Set<String> = [
        "string", "int32", "int64", "int16", "integer", "int", "boolean", "bool", "double", "single", "float", "decimal",
        "number", "datetimeoffset", "datetime", "date", "timeofday", "duration", "guid", "binary", "stream", "json", "object",
        "timestamp", "url", "uri", "byte", "any", "null",
    ]

    public static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters()
        // `"datetime-value"`, `"skuId-value"`, `"@odata.type: microsoft.graph.x"`: Graph's sample stand-ins.
        if trimmed.hasSuffix("-value") || trimmed.hasPrefix("@odata.type") { return true }
        if trimmed.contains(" | ") || (trimmed.contains("|") && !trimmed.contains(" ")) { return true }
        var word = Substring(trimmed)
        if let paren = word.firstIndex(of: "(") { word = word[..<paren] }
        var lower = word.trimmingCharacters().lowercased()
        if lower.hasPrefix("edm.") { lower.removeFirst(4) }
        if lower.hasPrefix("microsoft.graph.") { return true }
        return words.contains(lower)
    }

    /// True when any leaf of the value is a placeholder (the example is a template).
    public static func containsPlaceholder(_ node: JSONNode) -> Bool {
        switch node.value {
        case .string(let s): return isPlaceholder(s)
        case .array(let items): return items.contains(where: containsPlaceholder)
        case .object(let members): return members.contains { $0.key != "@odata.type" && containsPlaceholder($0.value) }
        default: return false
        }
    }
}

extension String {
    func trimmingCharacters() -> String { Substring(self).trimmingCharacters() }
}
