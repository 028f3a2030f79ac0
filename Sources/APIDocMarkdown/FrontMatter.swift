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
        guard let first = lines.first, first.trimmingSpacesSub() == "---" else { return (nil, 0) }
        var entries: [(String, String, Int)] = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpacesSub()
            if trimmed == "---" || trimmed == "..." {
                return (FrontMatter(entries: entries), index + 1)
            }
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") {
                let key = String(line[..<colon]).trimmingSpaces()
                var value = String(line[line.index(after: colon)...]).trimmingSpaces()
                if value.count >= 2, let f = value.first, let l = value.last, f == l, f == "\"" || f == "'" {
                    value = String(value.dropFirst().dropLast())
                }
                if !key.isEmpty { entries.append((key, value.trimmingSpaces(), index + 1)) }
            }
            index += 1
        }
        // No closing line: not front matter.
        return (nil, 0)
    }
}
