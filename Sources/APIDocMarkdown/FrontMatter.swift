/// YAML front matter of a page (`---` ... `---` at the very top), read as flat `key: value`
/// pairs. Quotes around values are removed; nested YAML is not interpreted.
public struct FrontMatter: Hashable, Sendable {
    public var entries: [(key: String, value: String, line: Int)]

    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value && $0.line == $1.line }
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries { hasher.combine(e.key); hasher.combine(e.value) }
    }

    /// Splits front matter off `lines`. Returns the front matter (nil when the page has none) and
    /// the number of lines it spans, so that the caller can blank them and keep line numbers true.
    static func read(_ lines: [Substring]) -> (FrontMatter?, Int) {
        // On the bytes: the marks, the colon and the quotes are ASCII.
        func isLine(_ text: Substring, _ mark: StaticString) -> Bool {
            mark.withUTF8Buffer { text.utf8.elementsEqual($0) }
        }
        guard let first = lines.first, isLine(first.trimmingSpacesSub(), "---") else { return (nil, 0) }
        var entries: [(key: String, value: String, line: Int)] = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpacesSub()
            if isLine(trimmed, "---") || isLine(trimmed, "...") {
                return (FrontMatter(entries: entries), index + 1)
            }
            let bytes = line.utf8
            if let lead = bytes.first, lead != UInt8(ascii: " "), lead != UInt8(ascii: "\t"), let colon = line.utf8FirstIndex(of: UInt8(ascii: ":")) {
                let key = line[..<colon].trimmingSpacesSub()
                var value = line[bytes.index(after: colon)...].trimmingSpacesSub()
                let valueBytes = value.utf8
                if valueBytes.count >= 2, let f = valueBytes.first, f == valueBytes.last, f == UInt8(ascii: "\"") || f == UInt8(ascii: "'") {
                    value = value[valueBytes.index(after: valueBytes.startIndex)..<valueBytes.index(before: valueBytes.endIndex)].trimmingSpacesSub()
                }
                if !key.isEmpty { entries.append((String(key), String(value), index + 1)) }
            }
            index += 1
        }
        // No closing line: not front matter.
        return (nil, 0)
    }
}
