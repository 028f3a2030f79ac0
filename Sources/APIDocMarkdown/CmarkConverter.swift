import CCmark

/// The only code that touches libcmark: parses a buffer, walks the tree once into Swift values
/// (copying every string out), and frees the document before returning. No `cmark_node` pointer
/// leaves this file.
enum CmarkConverter {
    /// Nesting deeper than this (block quotes or lists inside each other) is not descended into;
    /// the content is dropped with a note, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    struct Output {
        var blocks: [Block]
        var notes: [TableNote]
    }

    static func convert(_ text: String, lines: [Substring], linkDefinitions: [String: String]) -> Output {
        withDocument(Array(text.utf8)) { document in
            var walker = Walker(lines: lines, linkDefinitions: linkDefinitions)
            let blocks = walker.blocks(childrenOf: document, depth: 0, inQuote: false)
            return Output(blocks: blocks, notes: walker.notes)
        } ?? Output(blocks: [], notes: [])
    }

    /// Parses the bytes with cmark and frees the document, building nothing: the benchmark's
    /// reference for cmark alone. Returns the number of top-level blocks cmark found.
    static func parseAndDiscard(_ bytes: UnsafeRawBufferPointer) -> Int {
        withDocument(Array(bytes)) { document in
            var count = 0
            var child = cmark_node_first_child(document)
            while let node = child {
                count += 1
                child = cmark_node_next(node)
            }
            return count
        } ?? 0
    }

    /// Parses UTF-8 bytes with cmark, hands the document to `body` and frees it; nil when cmark
    /// returns no document.
    static func withDocument<Result>(_ utf8: consuming [UInt8], _ body: (OpaquePointer) -> Result) -> Result? {
        // The caller's array, taken over (not copied) and NUL-terminated for cmark.
        utf8.append(0)
        let document: OpaquePointer? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parse_document(pointer, buffer.count - 1, CMARK_OPT_DEFAULT)
            }
        }
        guard let document else { return nil }
        defer { cmark_node_free(document) }
        return body(document)
    }

    struct Walker {
        let lines: [Substring]
        let linkDefinitions: [String: String]
        var notes: [TableNote] = []

        mutating func blocks(childrenOf parent: OpaquePointer, depth: Int, inQuote: Bool) -> [Block] {
            var result: [Block] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                result.append(contentsOf: block(node, depth: depth, inQuote: inQuote))
                child = cmark_node_next(node)
            }
            return result
        }

        mutating func block(_ node: OpaquePointer, depth: Int, inQuote: Bool) -> [Block] {
            let location = SourceLocation(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            let endLine = Int(cmark_node_get_end_line(node))
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                return [.heading(Heading(level: Int(cmark_node_get_heading_level(node)), inlines: inlines(childrenOf: node, depth: depth), location: location))]
            case CMARK_NODE_PARAGRAPH:
                return PipeTableReader.split(location: location, endLine: endLine,
                                             paragraph: { Paragraph(inlines: inlines(childrenOf: node, depth: depth), location: location, endLine: endLine) },
                                             lines: lines, stripQuotes: inQuote, linkDefinitions: linkDefinitions)
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node))
                let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map { $0.lowercased() } ?? ""
                let fenced = isFenceLine(location.line)
                return [.codeBlock(CodeBlock(
                    language: language, literal: string(cmark_node_get_literal(node)), location: location,
                    contentLine: fenced ? location.line + 1 : location.line, contentColumn: location.column, endLine: endLine))]
            case CMARK_NODE_HTML_BLOCK:
                // cmark 0.30 reports the end line one short for blocks that close themselves
                // (comments); count the literal's lines instead.
                let literal = string(cmark_node_get_literal(node))
                let lineCount = max(1, literal.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } + (literal.hasSuffix("\n") ? 0 : 1))
                return [.html(HTMLBlock(literal: literal, location: location, endLine: location.line + lineCount - 1))]
            case CMARK_NODE_THEMATIC_BREAK:
                return [.thematicBreak(location)]
            case CMARK_NODE_BLOCK_QUOTE:
                guard depth < CmarkConverter.maximumDepth else { return [tooDeep(location)] }
                return [.blockQuote(BlockQuote(children: blocks(childrenOf: node, depth: depth + 1, inQuote: true), location: location))]
            case CMARK_NODE_LIST:
                guard depth < CmarkConverter.maximumDepth else { return [tooDeep(location)] }
                var items: [[Block]] = []
                var item = cmark_node_first_child(node)
                while let current = item {
                    items.append(blocks(childrenOf: current, depth: depth + 1, inQuote: inQuote))
                    item = cmark_node_next(current)
                }
                return [.list(List(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items, location: location))]
            default:
                return []
            }
        }

        mutating func tooDeep(_ location: SourceLocation) -> Block {
            notes.append(TableNote(location: location, message: "content nested deeper than \(CmarkConverter.maximumDepth) levels is ignored"))
            return .thematicBreak(location)
        }

        /// Whether a line is a fence (after the indentation and the `>` of block quotes).
        func isFenceLine(_ line: Int) -> Bool {
            guard line >= 1, line <= lines.count else { return false }
            return lines[line - 1].withUTF8Buffer { bytes in
                FenceLine.opens(bytes, at: bytes.prefix { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }.count)
            }
        }

        func inlines(childrenOf parent: OpaquePointer, depth: Int) -> [Inline] {
            var result: [Inline] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                if let inline = inline(node, depth: depth) { result.append(inline) }
                child = cmark_node_next(node)
            }
            return result
        }

        func inline(_ node: OpaquePointer, depth: Int) -> Inline? {
            let nested = { () -> [Inline] in depth < CmarkConverter.maximumDepth ? inlines(childrenOf: node, depth: depth + 1) : [] }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_INLINE: return .html(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_EMPH: return .emphasis(nested())
            case CMARK_NODE_STRONG: return .strong(nested())
            case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), children: nested())
            case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)), children: nested())
            default: return nil
            }
        }

        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }
    }
}
