import APIDocJSON
import APIDocRuntime
import Foundation

/// Tells template JSON (values that describe a type, as in the seed page
/// `docs/api/application-post-calls.md` and in the JSON representations of resource pages) from
/// example JSON (values a server could send).
///
/// The rule:
///
/// 1. A **placeholder string** is a JSON string that is either
///    - a *type word*: an OData primitive name, alone or followed by a note in parentheses, with or
///      without the `Edm.` prefix, in any letter case: `"String"`, `"Integer"`, `"Int32"`,
///      `"Boolean"`, `"Guid"`, `"String (identifier)"`, `"String (timestamp)"`,
///      `"String (ISO 8601 duration)"`, `"Edm.DateTimeOffset"`; or
///    - a list of *alternatives*: two or more identifiers joined by `|`, such as
///      `"incoming | outgoing"`.
/// 2. A **type stub** is an object whose only member is `"@odata.type"` with a string value, such
///    as `{"@odata.type": "microsoft.graph.callMediaState"}`: "a value of this type".
/// 3. A JSON body is a **template** when any of its strings, at any depth, is a placeholder
///    string. Templates are not decodable by design (`"Integer"` is no Int32) and are checked by
///    shape instead (see `ShapeCheck`). Type stubs alone do not make a template:
///    `{"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}` is a valid value, so a body
///    whose only template-like parts are stubs is decoded like any other example.
enum Placeholder {
    /// OData primitive names (lower-cased, without `Edm.`) as docs write them in templates.
    static let typeWords: Set<String> = [
        "string", "integer", "int", "int16", "int32", "int64", "byte", "sbyte", "boolean", "bool",
        "double", "single", "float", "decimal", "number", "guid", "datetimeoffset", "date",
        "timeofday", "duration", "binary", "stream",
    ]

    /// A type word and its note: `"String (timestamp)"` gives `("string", "timestamp")`.
    static func typeWord(_ text: String) -> (word: String, note: String?)? {
        var head = text
        var note: String?
        if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
            head = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            note = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                .trimmingCharacters(in: .whitespaces).lowercased()
        }
        var word = head.lowercased()
        if word.hasPrefix("edm.") { word.removeFirst(4) }
        return typeWords.contains(word) ? (word, note) : nil
    }

    /// The alternatives of `"a | b | c"`, or `nil` when the text is not such a list.
    static func alternatives(_ text: String) -> [String]? {
        guard text.contains("|") else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, parts.allSatisfy(isIdentifier) else { return nil }
        return parts
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
    }

    /// Rule 1.
    static func isPlaceholder(_ text: String) -> Bool {
        typeWord(text) != nil || alternatives(text) != nil
    }

    /// Rule 1 for a runtime value: a string that is a placeholder.
    static func isPlaceholder(_ value: JSONValue) -> Bool {
        if case .string(let text) = value { return isPlaceholder(text) }
        return false
    }

    /// Rule 2: the `@odata.type` of a type stub, or `nil`.
    static func stubType(_ node: JSONNode) -> String? {
        let members = node.realMembers
        guard node.members != nil, members.count == 1, members[0].key == ODataType.key else { return nil }
        return members[0].value.stringValue
    }

    /// Rule 3: the first placeholder string in `node` (depth first, document order), with its path.
    static func firstPlaceholder(in node: JSONNode, path: JSONPath = []) -> (path: JSONPath, text: String, line: Int)? {
        switch node.value {
        case .string(let text) where !node.isEllipsis && isPlaceholder(text):
            return (path, text, node.position.line)
        case .array:
            for (index, element) in node.realElements.enumerated() {
                if let found = firstPlaceholder(in: element, path: path.appending(.index(index))) { return found }
            }
        case .object:
            for member in node.realMembers {
                if let found = firstPlaceholder(in: member.value, path: path.appending(.key(member.key))) { return found }
            }
        default:
            break
        }
        return nil
    }

    static func isTemplate(_ node: JSONNode) -> Bool {
        firstPlaceholder(in: node) != nil
    }

    /// A concrete value that a property described by a type word must accept, or `nil` when the
    /// word says too little to test (plain `String`, `String (identifier)`, `Binary`, `Stream`).
    static func sample(for text: String) -> JSONValue? {
        guard let (word, note) = typeWord(text) else { return nil }
        switch word {
        case "integer", "int", "int16", "int32", "int64", "byte", "sbyte": return .integer(0)
        case "boolean", "bool": return .bool(true)
        case "double", "single", "float", "decimal", "number": return .double(1.5)
        case "guid": return .string("00000000-0000-0000-0000-000000000000")
        case "datetimeoffset": return .string("2021-07-16T18:32:44Z")
        case "date": return .string("2021-07-16")
        case "timeofday": return .string("08:30:00")
        case "duration": return .string("PT1M30S")
        case "string":
            if let note, note.contains("timestamp") || note.contains("date") { return .string("2021-07-16T18:32:44Z") }
            if let note, note.contains("duration") { return .string("PT1M30S") }
            return nil
        default: return nil
        }
    }
}
