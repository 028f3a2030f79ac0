import APIDocModel

/// Doc comments from the docs' own descriptions.
enum Docs {
    static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        let clean = SwiftNames.docText(text)
        return clean.isEmpty ? [] : wrap(clean)
    }

    /// Wraps prose at about 100 columns, on spaces.
    static func wrap(_ text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty && current.count + word.count + 1 > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func type(_ type: TypeDefinition) -> [String] {
        var result = lines(type.description)
        if !result.isEmpty { result.append("") }
        result.append("OData type `\(type.name)`" + (type.baseType.map { ", derived from `\($0)`" } ?? "") + (type.abstract ? " (abstract)" : "") + ".")
        result.append("Defined at \(type.source).")
        return result
    }

    static func property(_ property: Property) -> [String] {
        var result = lines(property.description)
        if !property.possibleValues.isEmpty {
            result.append(contentsOf: wrap("Documented values: " + property.possibleValues.map { "`\($0)`" }.joined(separator: ", ") + "."))
        }
        return result
    }
}
