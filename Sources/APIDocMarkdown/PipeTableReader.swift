/// Recovers GFM pipe tables from paragraphs. Plain cmark has no table node, so a table arrives as
/// a paragraph; this reads the paragraph's source lines with GFM's cell rules, tolerating what
/// real pages do: rows without a leading or closing pipe, pipes inside code spans (kept as text),
/// unescaped pipes in prose (extra cells are joined back into the last cell), cells wrapped onto a
/// continuation line, header and separator rows of different widths, and extra empty header cells.
enum PipeTableReader {
    /// A table has at most this many rows; the rest are dropped with a note (bounded memory).
    static let maximumRows = 20_000
    /// A table has at most this many columns; further header cells are dropped with a note, and
    /// rows read their extra cells as part of the last one (bounded memory: rows are padded to the width).
    static let maximumColumns = 64

    struct RawLine {
        var text: Substring
        var line: Int
        /// 1-based column of `text`'s first byte in the source line.
        var column: Int
    }

    struct SplitRow {
        var cells: [(range: Range<Substring.Index>, column: Int)]
        var leadingPipe: Bool
        var trailingPipe: Bool
        var text: Substring
        var line: Int
        /// Text of wrapped continuation lines, appended to the last cell.
        var continuations: [String] = []
    }

    /// The blocks of the paragraph at `location` through `endLine`: its tables and the text
    /// between them, or the paragraph itself (`paragraph()`, made only then: a table paragraph's
    /// cmark inlines are never needed).
    static func split(location: SourceLocation, endLine: Int, paragraph: () -> Paragraph, lines: [Substring], stripQuotes: Bool,
                      linkDefinitions: [String: String]) -> [Block] {
        let first = max(location.line, 1)
        let last = min(endLine, lines.count)
        guard first <= last else { return [.paragraph(paragraph())] }
        var raw: [RawLine] = []
        raw.reserveCapacity(last - first + 1)
        var sawPipe = false
        for number in first...last {
            let text = lines[number - 1]
            let bytes = text.utf8
            var start = bytes.startIndex
            while start < bytes.endIndex, isSpaceOrTab(bytes[start]) || (stripQuotes && bytes[start] == UInt8(ascii: ">")) {
                bytes.formIndex(after: &start)
            }
            let content = text[start...]
            if !sawPipe && content.utf8Contains(byte: UInt8(ascii: "|")) { sawPipe = true }
            raw.append(RawLine(text: content, line: number, column: bytes.distance(from: bytes.startIndex, to: start) + 1))
        }
        guard sawPipe, raw.count >= 2 else { return [.paragraph(paragraph())] }
        var blocks: [Block] = []
        var index = 0
        var leadStart = 0
        var foundTable = false
        while index + 1 < raw.count {
            if raw[index].text.utf8Contains(byte: UInt8(ascii: "|")) && isSeparator(raw[index + 1].text) {
                if leadStart < index {
                    blocks.append(.paragraph(leadParagraph(raw[leadStart..<index], linkDefinitions: linkDefinitions)))
                }
                let (table, next) = readTable(raw, headerIndex: index, linkDefinitions: linkDefinitions)
                blocks.append(.table(table))
                foundTable = true
                index = next
                leadStart = next
            } else {
                index += 1
            }
        }
        guard foundTable else { return [.paragraph(paragraph())] }
        if leadStart < raw.count {
            blocks.append(.paragraph(leadParagraph(raw[leadStart..<raw.count], linkDefinitions: linkDefinitions)))
        }
        return blocks
    }

    static func leadParagraph(_ lines: ArraySlice<RawLine>, linkDefinitions: [String: String]) -> Paragraph {
        var inlines: [Inline] = []
        for (offset, line) in lines.enumerated() {
            if offset > 0 { inlines.append(.softBreak) }
            inlines.append(contentsOf: CellInlineParser.parse(line.text, linkDefinitions: linkDefinitions))
        }
        let first = lines.first!
        return Paragraph(inlines: inlines, location: SourceLocation(line: first.line, column: first.column), endLine: lines.last!.line)
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// `|:---|---:|`, `---|---`, `:---|:---|:---|`: only pipes, dashes, colons and spaces, with at
    /// least one dash and (unless it is a single column) a pipe.
    static func isSeparator(_ text: Substring) -> Bool {
        var dashes = 0
        var pipes = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
        }
        return dashes > 0 && pipes > 0
    }

    static func readTable(_ raw: [RawLine], headerIndex: Int, linkDefinitions: [String: String]) -> (Table, Int) {
        var notes: [TableNote] = []
        let headerRow = splitRow(raw[headerIndex])
        let separator = splitRow(raw[headerIndex + 1])
        var columns = headerRow.cells
        if columns.count > maximumColumns {
            notes.append(TableNote(location: location(raw[headerIndex], column: 0),
                                   message: "table header has \(columns.count) cells; only the first \(maximumColumns) are read as columns"))
            columns.removeLast(columns.count - maximumColumns)
        }
        var width = columns.count
        if separator.cells.count != headerRow.cells.count {
            notes.append(TableNote(location: location(raw[headerIndex + 1], column: 0),
                                   message: "table separator has \(separator.cells.count) cells but the header has \(headerRow.cells.count)"))
        }
        var rows: [SplitRow] = []
        var index = headerIndex + 2
        while index < raw.count {
            let line = raw[index]
            let hasPipe = line.text.utf8Contains(byte: UInt8(ascii: "|"))
            // A new table (header + separator) ends this one.
            if hasPipe, index + 1 < raw.count, isSeparator(raw[index + 1].text) { break }
            let row = splitRow(line)
            let onlyClosesPrevious = row.cells.allSatisfy { row.text[$0.range].utf8AllSatisfy(isSpaceOrTab) }
            if let previous = rows.last, !previous.trailingPipe, onlyClosesPrevious {
                // A line that is just ` |` closes the previous, wrapped row.
                rows[rows.count - 1].trailingPipe = true
                index += 1
                continue
            }
            if let previous = rows.last, !previous.trailingPipe, !row.leadingPipe, row.cells.count < width || !hasPipe {
                // A wrapped cell: this line continues the previous row's last cell.
                rows[rows.count - 1] = appendContinuation(previous, row)
                notes.append(TableNote(location: location(line, column: 0), message: "table cell continues on the next line"))
                index += 1
                continue
            }
            if !hasPipe { break }
            if rows.count >= maximumRows {
                notes.append(TableNote(location: location(line, column: 0), message: "table has more than \(maximumRows) rows; the rest are ignored"))
                index = raw.count
                break
            }
            rows.append(row)
            index += 1
        }
        // An extra empty header cell that no row fills (e.g. `|a|b|c||`) is dropped.
        var header = columns
        let widestRow = rows.reduce(0) { max($0, $1.cells.count) }
        while header.count > 1, headerRow.text[header.last!.range].utf8AllSatisfy(isSpaceOrTab),
              widestRow < header.count {
            header.removeLast()
        }
        width = header.count
        let headerCells = header.map { cell(headerRow, $0, linkDefinitions: linkDefinitions) }
        var cells: [[TableCell]] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            var rowCells = row.cells.prefix(width).map { cell(row, $0, linkDefinitions: linkDefinitions) }
            if row.cells.count > width, width > 0 {
                // Unescaped pipes in prose: the rest of the row belongs to the last cell.
                let start = row.cells[width - 1].range.lowerBound
                let end = row.cells.last!.range.upperBound
                rowCells[width - 1] = makeCell(row.text[start..<end], column: row.cells[width - 1].column, line: row.line, linkDefinitions: linkDefinitions)
                notes.append(TableNote(location: SourceLocation(line: row.line, column: row.cells[width].column),
                                       message: "table row has \(row.cells.count) cells but the header has \(width); the extra cells are read as part of the last one"))
            } else if row.cells.count < width {
                let column = row.cells.last.map { $0.column } ?? 1
                while rowCells.count < width {
                    rowCells.append(TableCell(source: "", inlines: [], location: SourceLocation(line: row.line, column: column)))
                }
            }
            cells.append(rowCells)
        }
        let tableLocation = SourceLocation(line: raw[headerIndex].line, column: raw[headerIndex].column)
        return (Table(header: headerCells, rows: cells, location: tableLocation, notes: notes), index)
    }

    static func location(_ line: RawLine, column: Int) -> SourceLocation {
        SourceLocation(line: line.line, column: line.column + column)
    }

    static func appendContinuation(_ previous: SplitRow, _ continuation: SplitRow) -> SplitRow {
        var merged = previous
        guard let last = previous.cells.last else { return previous }
        // Keep the previous cell's text and append the continuation's text as one string.
        let extra = continuation.cells.map { String(continuation.text[$0.range]) }.joined(separator: " ")
        merged.continuations.append(extra)
        merged.cells[merged.cells.count - 1] = last
        merged.trailingPipe = continuation.trailingPipe || (continuation.cells.count > 0 && continuation.text.hasSuffix("|"))
        return merged
    }

    static func cell(_ row: SplitRow, _ cell: (range: Range<Substring.Index>, column: Int), linkDefinitions: [String: String]) -> TableCell {
        if cell.range.upperBound == row.cells.last?.range.upperBound, !row.continuations.isEmpty {
            let source = ([String(row.text[cell.range])] + row.continuations).joined(separator: " ")
            return makeCell(Substring(source), column: cell.column, line: row.line, linkDefinitions: linkDefinitions)
        }
        return makeCell(row.text[cell.range], column: cell.column, line: row.line, linkDefinitions: linkDefinitions)
    }

    static func makeCell(_ text: Substring, column: Int, line: Int, linkDefinitions: [String: String]) -> TableCell {
        let source = text.trimmingSpacesSub()
        // GFM: `\|` in a cell is a pipe, inside code spans too.
        let unescaped = source.utf8Contains(byte: UInt8(ascii: "\\")) && source.utf8Contains("\\|") ? Substring(source.replacingUTF8("\\|", with: "|")) : source
        return TableCell(source: source, inlines: CellInlineParser.parse(unescaped, linkDefinitions: linkDefinitions),
                         location: SourceLocation(line: line, column: column))
    }

    /// Splits a row at unescaped pipes outside code spans.
    static func splitRow(_ raw: RawLine) -> SplitRow {
        let text = raw.text
        // The cuts are found on the contiguous bytes, as offsets; the indices are made at the end.
        var bounds: [(start: Int, end: Int, column: Int)] = []
        let (leadingPipe, trailingPipe) = text.withUTF8Buffer { bytes -> (Bool, Bool) in
            let end = bytes.count
            var index = 0
            var leadingPipe = false
            if index < end, bytes[index] == UInt8(ascii: "|") {
                leadingPipe = true
                index += 1
            }
            var cellStart = index
            var runStarts: [Int: [Int]]?
            func column(of i: Int) -> Int {
                var start = i
                while start < end, isSpaceOrTab(bytes[start]) { start += 1 }
                return raw.column + start
            }
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index = min(index + 2, end)
                    continue
                }
                if byte == UInt8(ascii: "`") {
                    var j = index
                    while j < end, bytes[j] == UInt8(ascii: "`") { j += 1 }
                    let run = j - index
                    // The closing run is the next run of the same length on this line, looked up rather
                    // than scanned for (a row of runs of growing length would take quadratic time).
                    if runStarts == nil { runStarts = backtickRuns(bytes) }
                    if let starts = runStarts?[run], let found = first(in: starts, notBefore: j) {
                        index = found + run
                    } else {
                        index = j
                    }
                    continue
                }
                if byte == UInt8(ascii: "|") {
                    bounds.append((cellStart, index, column(of: cellStart)))
                    index += 1
                    cellStart = index
                    continue
                }
                index += 1
            }
            let trailingPipe = !bounds.isEmpty && bytes[cellStart..<end].allSatisfy(isSpaceOrTab)
            if !trailingPipe { bounds.append((cellStart, end, column(of: cellStart))) }
            return (leadingPipe, trailingPipe)
        }
        let utf8 = text.utf8
        var cells: [(range: Range<Substring.Index>, column: Int)] = []
        cells.reserveCapacity(bounds.count)
        for bound in bounds {
            let lower = utf8.index(utf8.startIndex, offsetBy: bound.start)
            cells.append((lower..<utf8.index(lower, offsetBy: bound.end - bound.start), bound.column))
        }
        return SplitRow(cells: cells, leadingPipe: leadingPipe, trailingPipe: trailingPipe, text: text, line: raw.line)
    }

    /// The start of every maximal run of backticks in a row, by run length, in order.
    static func backtickRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            let start = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
            result[index - start, default: []].append(start)
        }
        return result
    }

    /// The first of the sorted `positions` at or after `bound` (binary search).
    static func first(in positions: [Int], notBefore bound: Int) -> Int? {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low < positions.count ? positions[low] : nil
    }
}
