import APIDocMarkdown

/// Shorthand for a position.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

extension MarkdownDocument {
    /// Every table, in document order, including tables nested in lists and block quotes.
    var tables: [Table] { blocks.allTables }
}

extension Array where Element == Block {
    var allTables: [Table] {
        flatMap { block -> [Table] in
            switch block {
            case .table(let t): return [t]
            case .list(let l): return l.items.flatMap { $0.allTables }
            case .blockQuote(let q): return q.children.allTables
            default: return []
            }
        }
    }

    var headings: [Heading] {
        compactMap { if case .heading(let h) = $0 { return h } else { return nil } }
    }

    var paragraphs: [Paragraph] {
        compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    var codeBlocks: [CodeBlock] {
        compactMap { if case .codeBlock(let c) = $0 { return c } else { return nil } }
    }

    var htmlBlocks: [HTMLBlock] {
        compactMap { if case .html(let h) = $0 { return h } else { return nil } }
    }
}

extension Table {
    /// Body cells as plain text, row by row.
    var rowTexts: [[String]] { rows.map { $0.map(\.text) } }
    /// The position of every body cell, row by row.
    var rowLocations: [[SourceLocation]] { rows.map { $0.map(\.location) } }
}

/// A readable dump of a block tree: one block a line, each with its `line:column`, nested blocks
/// indented by two spaces. Table rows list each cell's text and position.
func treeDump(_ blocks: [Block], indent: String = "") -> String {
    var out = ""
    for block in blocks {
        switch block {
        case .heading(let h):
            out += "\(indent)heading \(h.level) @\(h.location) \(quoted(h.text))\n"
        case .paragraph(let p):
            out += "\(indent)paragraph @\(p.location)-\(p.endLine) \(quoted(p.inlines.plainText))\n"
        case .table(let t):
            out += "\(indent)table @\(t.location) \(cells(t.header))\n"
            for row in t.rows { out += "\(indent)  row \(cells(row))\n" }
        case .codeBlock(let c):
            out += "\(indent)code \(c.language.isEmpty ? "-" : c.language) @\(c.location) content \(c.contentLine):\(c.contentColumn)-\(c.endLine) \(quoted(c.literal))\n"
        case .html(let h):
            out += "\(indent)html @\(h.location) \(quoted(h.literal))\n"
        case .list(let l):
            out += "\(indent)list \(l.ordered ? "ordered" : "bullet") @\(l.location)\n"
            for item in l.items {
                out += "\(indent)  item\n"
                out += treeDump(item, indent: indent + "    ")
            }
        case .blockQuote(let q):
            out += "\(indent)quote @\(q.location)\n"
            out += treeDump(q.children, indent: indent + "  ")
        case .thematicBreak(let location):
            out += "\(indent)break @\(location)\n"
        }
    }
    return out
}

private func cells(_ cells: [TableCell]) -> String {
    "[" + cells.map { "\(quoted($0.text))@\($0.location)" }.joined(separator: " ") + "]"
}

private func quoted(_ text: String) -> String {
    "\"" + text.replacing("\n", with: "\\n") + "\""
}
