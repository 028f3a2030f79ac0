/// Block-level markdown content with source positions. Pipe tables, which plain cmark reads as
/// paragraphs, are recovered into `table` blocks.
public indirect enum Block: Hashable, Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    case codeBlock(CodeBlock)
    case html(HTMLBlock)
    case list(List)
    case blockQuote(BlockQuote)
    case thematicBreak(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .heading(let b): return b.location
        case .paragraph(let b): return b.location
        case .table(let b): return b.location
        case .codeBlock(let b): return b.location
        case .html(let b): return b.location
        case .list(let b): return b.location
        case .blockQuote(let b): return b.location
        case .thematicBreak(let l): return l
        }
    }
}

public struct Heading: Hashable, Sendable {
    public var level: Int
    public var inlines: [Inline]
    public var location: SourceLocation
    public var text: String { inlines.plainText.trimmingSpaces() }
}

public struct Paragraph: Hashable, Sendable {
    public var inlines: [Inline]
    public var location: SourceLocation
    /// The last source line of the paragraph.
    public var endLine: Int
}

public struct CodeBlock: Hashable, Sendable {
    /// The info string's first word, lower-cased (`http`, `json`, `msgraph-interactive`, or empty).
    public var language: String
    public var literal: String
    /// Position of the opening fence.
    public var location: SourceLocation
    /// The line of the first content line (the line after the opening fence).
    public var contentLine: Int
    /// The column at which content starts (after any fence indentation that cmark removed).
    public var contentColumn: Int
    public var endLine: Int
}

public struct HTMLBlock: Hashable, Sendable {
    public var literal: String
    public var location: SourceLocation
    public var endLine: Int
}

public struct List: Hashable, Sendable {
    public var ordered: Bool
    public var items: [[Block]]
    public var location: SourceLocation
}

public struct BlockQuote: Hashable, Sendable {
    public var children: [Block]
    public var location: SourceLocation
}

/// A pipe table recovered from source lines with GFM's cell rules.
public struct Table: Hashable, Sendable {
    public var header: [TableCell]
    public var rows: [[TableCell]]
    public var location: SourceLocation
    /// Problems met while recovering the table (ragged rows, wrapped cells), as messages with positions.
    public var notes: [TableNote]

    /// Header cells as plain text, trimmed, without emphasis markers.
    public var headerTexts: [String] { header.map { $0.text } }
}

public struct TableCell: Hashable, Sendable {
    /// The cell's markdown source, trimmed.
    public var source: String
    public var inlines: [Inline]
    public var location: SourceLocation
    /// The cell's plain text, trimmed.
    public var text: String { inlines.plainText.trimmingSpaces() }
}

public struct TableNote: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and non-breaking spaces.
    public func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.isSpaceLike { scalars.removeFirst() }
        while let l = scalars.last, l.isSpaceLike { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension Unicode.Scalar {
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0: return true
        default: return false
        }
    }
}
