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
        if case .text(let s) = self { return s }
        if case .code(let s) = self { return s }
        return [self].plainText
    }

    /// `<br>`, `<li>` and `</li>` (any case) read as a space; other tags vanish.
    static func htmlReadsAsSpace(_ tag: String) -> Bool {
        // On the bytes: the tag names are ASCII, so folding them needs no lower-cased copy.
        var bytes = tag.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "<"), var first = bytes.next()?.asciiLowercased else { return false }
        if first == UInt8(ascii: "/") {
            guard let next = bytes.next()?.asciiLowercased else { return false }
            first = next
            guard first == UInt8(ascii: "l"), let second = bytes.next()?.asciiLowercased else { return false }
            return second == UInt8(ascii: "i")
        }
        guard let second = bytes.next()?.asciiLowercased else { return false }
        return (first == UInt8(ascii: "b") && second == UInt8(ascii: "r")) || (first == UInt8(ascii: "l") && second == UInt8(ascii: "i"))
    }

    /// Hands the pieces of `plainText` to `body` in order; with `keepingCode`, code spans keep
    /// their backticks (see `docText`).
    func forEachTextPiece(keepingCode: Bool = false, _ body: (String) -> Void) {
        switch self {
        case .code(let s) where keepingCode:
            // As markdown writes it: a fence longer than any run of backticks inside, and a space
            // inside the fence when the code begins or ends with one.
            var longest = 0
            var run = 0
            for byte in s.utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longest = max(longest, run)
            }
            let fence = longest == 0 ? "`" : String(repeating: "`", count: longest + 1)
            let pad = longest > 0 && (s.hasPrefix("`") || s.hasSuffix("`")) ? " " : ""
            body(fence)
            body(pad)
            body(s)
            body(pad)
            body(fence)
        case .text(let s), .code(let s): body(s)
        case .emphasis(let c), .strong(let c), .link(_, let c), .image(_, let c):
            for child in c { child.forEachTextPiece(keepingCode: keepingCode, body) }
        case .html(let tag): if Inline.htmlReadsAsSpace(tag) { body(" ") }
        case .softBreak, .lineBreak: body(" ")
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines, see `Inline.plainText`.
    public var plainText: String { joinedText(keepingCode: false) }

    /// `plainText` with code spans kept as code (`` `https` ``), for documentation: a doc comment
    /// shows them as code, as the page does.
    public var docText: String { joinedText(keepingCode: true) }

    /// The pieces of the inlines' text, counted, then copied into a string made once.
    private func joinedText(keepingCode: Bool) -> String {
        // Most cells and headings are one text run: no buffer to build then.
        if count == 1, case .text(let s) = self[0] { return s }
        var total = 0
        for inline in self { inline.forEachTextPiece(keepingCode: keepingCode) { total += $0.utf8.count } }
        return String(utf8Count: total) { writer in
            for inline in self { inline.forEachTextPiece(keepingCode: keepingCode) { writer.append($0) } }
        }
    }

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
