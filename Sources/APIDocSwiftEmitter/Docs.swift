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
        asciiWrap(text, width: width) ?? characterWrap(text, width: width)
    }

    /// `wrap` for any text, counting Characters.
    static func characterWrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var length = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordLength = word.count
            if !current.isEmpty && length + wordLength + 1 > width {
                lines.append(current)
                current = ""
                length = 0
            }
            if current.isEmpty {
                current = String(word)
                length = wordLength
            } else {
                current += " "
                current += word
                length += wordLength + 1
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `wrap` for ASCII text without control characters (DEL aside), on the bytes, where a
    /// character is a byte; nil for other text. A line whose words stand one
    /// space apart in the text, the usual case, is cut out of it as it is; others are rebuilt
    /// with one space between words.
    static func asciiWrap(_ text: String, width: Int) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard let base = bytes.baseAddress else { return [] }
            let count = bytes.count
            for index in 0..<count where bytes[index] < 0x20 || bytes[index] >= 0x80 { return nil }
            var lines: [String] = []
            // The current line: from the start of its first word to the end of its last, and its
            // length with one space between words.
            var lineStart = 0
            var lineEnd = 0
            var length = 0
            func flush() {
                if lineEnd - lineStart == length {
                    lines.append(String(decoding: UnsafeBufferPointer(start: base + lineStart, count: length), as: UTF8.self))
                } else {
                    var line: [UInt8] = []
                    line.reserveCapacity(length)
                    for word in UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart).split(separator: 0x20) {
                        if !line.isEmpty { line.append(0x20) }
                        line.append(contentsOf: word)
                    }
                    lines.append(String(decoding: line, as: UTF8.self))
                }
            }
            var i = 0
            while i < count {
                while i < count && bytes[i] == 0x20 { i += 1 }
                guard i < count else { break }
                var end = i
                while end < count && bytes[end] != 0x20 { end += 1 }
                let wordLength = end - i
                if length > 0 && length + wordLength + 1 > width {
                    flush()
                    length = 0
                }
                if length == 0 {
                    lineStart = i
                    length = wordLength
                } else {
                    length += wordLength + 1
                }
                lineEnd = end
                i = end
            }
            if length > 0 { flush() }
            return lines
        }
    }

    static func type(_ type: TypeDefinition) -> [String] {
        var result = lines(type.description)
        if !result.isEmpty { result.append("") }
        if !type.isActionParameters {
            result.append("OData type `\(type.name)`" + (type.baseType.map { ", derived from `\($0)`" } ?? "") + (type.abstract ? " (abstract)" : "") + ".")
        }
        result.append("Defined at \(type.source).")
        return result
    }

    /// The description, then the documented values of a string property, unless the description
    /// already names each of them as code (`Possible values are: `a`, `b`.`).
    static func property(_ property: Property) -> [String] {
        var result = lines(property.description)
        if !property.possibleValues.isEmpty {
            // Every span between backticks, once: a check per value stays linear in the text.
            let spans = Set((property.description ?? "").split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .compactMap { $0.offset % 2 == 1 ? $0.element : nil })
            if property.possibleValues.allSatisfy({ spans.contains(Substring($0)) }) { return result }
            result.append(contentsOf: wrap("Documented values: " + property.possibleValues.map { "`\($0)`" }.joined(separator: ", ") + "."))
        }
        return result
    }
}
