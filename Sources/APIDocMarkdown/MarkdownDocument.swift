/// A markdown page read into Swift values: front matter, blocks with source positions, recovered
/// pipe tables, and the page's reference-style link definitions.
public struct MarkdownDocument: Sendable {
    public var frontMatter: FrontMatter?
    public var blocks: [Block]
    /// `[label]: destination` definitions, keyed by normalised (lower-cased) label.
    public var linkDefinitions: [String: String]
    /// The page's lines, without line terminators.
    public var lines: [Substring]
    /// Structural problems met while reading (ragged tables, wrapped cells, excessive nesting).
    public var notes: [TableNote]

    /// Parses UTF-8 bytes with cmark alone and discards the result (no front matter, tables or
    /// Swift values): what `parse` costs beyond cmark is measured against this. Returns the number
    /// of top-level blocks cmark found.
    public static func parseWithCmarkOnly(_ bytes: UnsafeRawBufferPointer) -> Int {
        CmarkConverter.parseAndDiscard(bytes)
    }

    /// Parses a page. Front matter is cut off before cmark sees it (cmark would read `---` as a
    /// thematic break and a setext heading) by blanking its lines, so line numbers stay true.
    public static func parse(_ source: String) -> MarkdownDocument {
        // Split on bytes: "\r\n" is a single Character, so a Character split would miss it.
        let lines = splitLines(source)
        let (frontMatter, frontMatterLines) = FrontMatter.read(lines)
        var text = source
        if frontMatterLines > 0 {
            // Keep every line but empty the front matter ones.
            let body = source.utf8Contains("\r") ? lines[frontMatterLines...].joined(separator: "\n")
                : frontMatterLines < lines.count ? String(source[lines[frontMatterLines].startIndex...]) : ""
            text = String(repeating: "\n", count: frontMatterLines) + body
        }
        let definitions = LinkDefinitions.collect(lines)
        let output = CmarkConverter.convert(text, lines: lines, linkDefinitions: definitions)
        var notes = output.notes
        var blocks = output.blocks
        if frontMatterLines > 0 {
            // cmark never sees the front matter, so no block comes from it.
            blocks = blocks.filter { $0.location.line > frontMatterLines }
        }
        Self.collectTableNotes(blocks, into: &notes)
        return MarkdownDocument(frontMatter: frontMatter, blocks: blocks, linkDefinitions: definitions, lines: lines, notes: notes)
    }

    /// The lines of a text, split at "\n" bytes ("\r\n" is one Character, so a Character split
    /// would miss it), without their "\r".
    static func splitLines(_ source: String) -> [Substring] {
        // The line feeds are found with memchr; a "\r" before one (or at the very end) is dropped.
        let lines = source.linesAtLineFeeds()
        guard source.utf8Contains(byte: UInt8(ascii: "\r")) else { return lines }
        return lines.map { line in
            let bytes = line.utf8
            return bytes.last == UInt8(ascii: "\r") ? line[..<bytes.index(before: bytes.endIndex)] : line
        }
    }

    static func collectTableNotes(_ blocks: [Block], into notes: inout [TableNote]) {
        for block in blocks {
            switch block {
            case .table(let t): notes.append(contentsOf: t.notes)
            case .list(let l): for item in l.items { collectTableNotes(item, into: &notes) }
            case .blockQuote(let q): collectTableNotes(q.children, into: &notes)
            default: break
            }
        }
    }

    /// Inline markdown of a short text outside the document tree (a table cell, a fragment), read
    /// with this page's link definitions.
    public func inlines(_ text: Substring) -> [Inline] {
        CellInlineParser.parse(text, linkDefinitions: linkDefinitions)
    }
}
