import APIDocMarkdown

/// A page cut at its headings. Blocks nested in lists and block quotes are flattened into the
/// section (real pages indent tables under list items). SDK tab headings (`# [C#](#tab/csharp)`)
/// do not start sections.
struct Section {
    var level: Int
    var title: String
    var location: SourceLocation
    /// The title of the enclosing level-2 section, lower-cased (the section itself when it is level 1 or 2).
    var topic: String
    var blocks: [Block]
}

enum SectionSplitter {
    /// The sections, the page title (first level-1 heading that is not a tab heading), and every
    /// block in document order, headings included, with lists and quotes flattened.
    static func split(_ blocks: [Block]) -> (title: Heading?, sections: [Section], linear: [Block]) {
        var splitter = Splitter()
        splitter.linear.reserveCapacity(blocks.count)
        // A section per top-level heading, and the one before the first (headings nested in
        // lists or quotes are rare: the array grows for those).
        var headings = 1
        for block in blocks { if case .heading = block { headings += 1 } }
        splitter.sections.reserveCapacity(headings)
        for block in blocks { splitter.add(block) }
        // The last section's blocks were gathered apart (see `Splitter`).
        splitter.closeSection()
        return (splitter.title, splitter.sections, splitter.linear)
    }

    /// The state of `split`: the blocks of the open section are gathered in an array of their
    /// own and stored when the next heading opens a section (appending to the last element of
    /// `sections` in place costs a uniqueness check and an access each time).
    struct Splitter {
        var linear: [Block] = []
        var sections: [Section] = []
        var open = Section(level: 0, title: "", location: SourceLocation(line: 1, column: 1), topic: "", blocks: [])
        var title: Heading?
        var topic = ""

        mutating func closeSection() {
            sections.append(open)
        }

        mutating func add(_ block: Block) {
            switch block {
            case .heading(let heading):
                if SectionSplitter.isTabHeading(heading) { return }
                linear.append(block)
                if heading.level == 1 && title == nil { title = heading }
                let text = heading.text
                if heading.level <= 2 { topic = text.lowercased() }
                closeSection()
                open = Section(level: heading.level, title: text, location: heading.location, topic: topic, blocks: [])
            case .list(let list):
                for item in list.items { for child in item { add(child) } }
            case .blockQuote(let quote):
                for child in quote.children { add(child) }
            default:
                linear.append(block)
                open.blocks.append(block)
            }
        }
    }

    static func isTabHeading(_ heading: Heading) -> Bool {
        // Most headings have no link at all: answered without collecting link texts.
        var count = 0
        var tab = false
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let destination, _):
                    count += 1
                    tab = destination.hasPrefix("#tab/")
                case .emphasis(let c), .strong(let c): visit(c)
                default: break
                }
            }
        }
        visit(heading.inlines)
        return count == 1 && tab
    }
}

extension Section {
    var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    var codeBlocks: [CodeBlock] {
        blocks.compactMap { if case .codeBlock(let c) = $0 { return c } else { return nil } }
    }
}
