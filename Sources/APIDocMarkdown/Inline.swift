/// Inline markdown content, owned by Swift (no cmark pointers).
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, children: [Inline])
    case image(source: String, children: [Inline])
    case html(String)
    case softBreak
    case lineBreak
}

extension Inline {
    /// The text a reader sees: code spans keep their content, links their text, HTML tags vanish
    /// except `<br>`, which reads as a space.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .link(_, let c), .image(_, let c): return c.plainText
        case .html(let tag):
            let lower = tag.lowercased()
            if lower.hasPrefix("<br") || lower.hasPrefix("<li") || lower.hasPrefix("</li") { return " " }
            return ""
        case .softBreak, .lineBreak: return " "
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines, see `Inline.plainText`.
    public var plainText: String { map(\.plainText).joined() }

    /// Every link in document order, descending into emphasis.
    public var links: [(destination: String, text: String)] {
        var result: [(String, String)] = []
        for inline in self {
            switch inline {
            case .link(let destination, let children): result.append((destination, children.plainText))
            case .emphasis(let c), .strong(let c): result.append(contentsOf: c.links)
            default: break
            }
        }
        return result
    }

    /// The content of every code span in document order, descending into emphasis and links.
    public var codeSpans: [String] {
        var result: [String] = []
        for inline in self {
            switch inline {
            case .code(let s): result.append(s)
            case .emphasis(let c), .strong(let c), .link(_, let c): result.append(contentsOf: c.codeSpans)
            default: break
            }
        }
        return result
    }
}
