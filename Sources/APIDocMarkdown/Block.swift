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
    /// The cell's markdown source, trimmed: a slice of the page's text (no copy per cell).
    public var source: Substring
    public var inlines: [Inline]
    public var location: SourceLocation
    /// The cell's plain text, trimmed.
    public var text: String { inlines.plainText.trimmingSpaces() }
    /// The cell's text with code spans in backticks, trimmed: for descriptions.
    public var docText: String { inlines.docText.trimmingSpaces() }
}

public struct TableNote: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and non-breaking spaces.
    public func trimmingSpaces() -> String {
        let bounds = utf8.spaceTrimmedBounds()
        if bounds.lowerBound == startIndex && bounds.upperBound == endIndex { return self }
        return String(self[bounds])
    }
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs, newlines and non-breaking spaces.
    public func trimmingSpacesSub() -> Substring { self[utf8.spaceTrimmedBounds()] }
}

extension BidirectionalCollection where Element == UInt8 {
    /// The bounds of the UTF-8 bytes without leading and trailing space-like characters (ASCII
    /// spaces, tabs, line breaks, vertical tab, form feed, and U+00A0 as `C2 A0`). Linear in the
    /// trimmed length; the bounds fall on character boundaries.
    func spaceTrimmedBounds() -> Range<Index> {
        var lower = startIndex
        var upper = endIndex
        while lower != upper {
            let byte = self[lower]
            if byte.isASCIISpaceLike {
                formIndex(after: &lower)
            } else if byte == 0xC2, index(after: lower) != upper, self[index(after: lower)] == 0xA0 {
                formIndex(&lower, offsetBy: 2)
            } else {
                break
            }
        }
        while lower != upper {
            let last = index(before: upper)
            let byte = self[last]
            if byte.isASCIISpaceLike {
                upper = last
            } else if byte == 0xA0, last != lower, self[index(before: last)] == 0xC2 {
                upper = index(before: last)
            } else {
                break
            }
        }
        return lower..<upper
    }
}

extension UInt8 {
    var isASCIISpaceLike: Bool {
        switch self {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        default: return false
        }
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
