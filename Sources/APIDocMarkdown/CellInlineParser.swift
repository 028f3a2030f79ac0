/// Reads the inline markdown of one table cell (or of any short text that cmark did not parse):
/// code spans, links (inline and reference-style), `**strong**` and `*emphasis*`, inline HTML
/// such as `<br>`, backslash escapes (`\|`) and the common entities. Underscores are left alone:
/// in these docs they belong to names far more often than to emphasis.
struct CellInlineParser {
    static let maximumDepth = 8

    let bytes: [UInt8]
    let linkDefinitions: [String: String]
    /// Bytes the forward scans (closers, brackets, parentheses) may still look at. A line built so
    /// that every opener scans to its end (`[x][[x][…`, `[a]([a](…`, `*a *a …`) would take
    /// quadratic time; real cells stay far below this, and past it openers read as text.
    let budget: ScanBudget

    static func parse(_ text: Substring, linkDefinitions: [String: String]) -> [Inline] {
        let bytes = text.withUTF8Buffer { Array($0) }
        let parser = CellInlineParser(bytes: bytes, linkDefinitions: linkDefinitions, budget: ScanBudget(100_000 + 16 * bytes.count))
        return parser.parse(parser.bytes.startIndex..<parser.bytes.endIndex, depth: 0)
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    func parse(_ range: Range<Int>, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { result.append(.text(String(decoding: text, as: UTF8.self))); text.removeAll(keepingCapacity: true) }
        }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\\") where i + 1 < end && isPunctuation(bytes[i + 1]):
                text.append(bytes[i + 1]); i += 2
            case UInt8(ascii: "`"):
                let run = runLength(at: i, of: byte, end: end)
                if let close = findRun(of: byte, length: run, from: i + run, end: end) {
                    flush()
                    // CommonMark strips one space from each end when both ends have one and the
                    // span is not all spaces.
                    var start = i + run
                    var stop = close
                    if stop - start >= 2, bytes[start] == UInt8(ascii: " "), bytes[stop - 1] == UInt8(ascii: " "),
                       bytes[start..<stop].contains(where: { $0 != UInt8(ascii: " ") }) {
                        start += 1
                        stop -= 1
                    }
                    result.append(.code(string(start..<stop)))
                    i = close + run
                } else {
                    text.append(contentsOf: bytes[i..<(i + run)]); i += run
                }
            case UInt8(ascii: "*") where depth < CellInlineParser.maximumDepth:
                let run = runLength(at: i, of: byte, end: end)
                let width = min(run, 2)
                // CommonMark's flanking rule, simplified: an opener is not followed by a space and
                // a closer is not preceded by one (`*.txt or *.xml` and `2 * 3` stay text).
                let canOpen = i + run < end && !isSpace(bytes[i + run])
                if canOpen, let close = findCloser(of: byte, length: width, from: i + width, end: end), close > i + width {
                    flush()
                    let inner = parse((i + width)..<close, depth: depth + 1)
                    result.append(width == 2 ? .strong(inner) : .emphasis(inner))
                    i = close + width
                } else {
                    text.append(contentsOf: bytes[i..<(i + run)]); i += run
                }
            case UInt8(ascii: "[") where depth < CellInlineParser.maximumDepth:
                if let (inline, next) = link(at: i, end: end, depth: depth) {
                    flush(); result.append(inline); i = next
                } else {
                    text.append(byte); i += 1
                }
            case UInt8(ascii: "<"):
                if let close = htmlTagEnd(from: i, end: end) {
                    flush(); result.append(.html(string(i..<(close + 1)))); i = close + 1
                } else {
                    text.append(byte); i += 1
                }
            case UInt8(ascii: "&"):
                if let (decoded, next) = entity(at: i, end: end) {
                    text.append(contentsOf: decoded.utf8); i = next
                } else {
                    text.append(byte); i += 1
                }
            default:
                // Plain text up to the next byte that may open something, appended at once.
                var next = i + 1
                while next < end, !CellInlineParser.mayOpen(bytes[next]) { next += 1 }
                text.append(contentsOf: bytes[i..<next]); i = next
            }
        }
        flush()
        return result
    }

    /// The bytes the cases above look at: anything else is plain text.
    static func mayOpen(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "&"): return true
        default: return false
        }
    }

    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The next run of at least `length` `byte`s that is not preceded by a space.
    func findCloser(of byte: UInt8, length: Int, from start: Int, end: Int) -> Int? {
        var j = start
        while let found = findRun(of: byte, length: length, from: j, end: end, exactly: false) {
            if found > 0 && !isSpace(bytes[found - 1]) { return found }
            j = found + runLength(at: found, of: byte, end: end)
        }
        return nil
    }

    func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    func runLength(at i: Int, of byte: UInt8, end: Int) -> Int {
        var j = i
        while j < end && bytes[j] == byte { j += 1 }
        return j - i
    }

    /// The start of the next run of `byte` of `length` (exactly that long unless `exactly` is false).
    func findRun(of byte: UInt8, length: Int, from start: Int, end: Int, exactly: Bool = true) -> Int? {
        var j = start
        while j < end {
            guard budget.spend() else { return nil }
            if bytes[j] == byte {
                let run = runLength(at: j, of: byte, end: end)
                if run == length || (!exactly && run >= length) { return j }
                _ = budget.spend(run)
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// `[text](dest)`, `[text][label]`, `[text][]`, or `[label]` when the page defines that label.
    func link(at i: Int, end: Int, depth: Int) -> (Inline, Int)? {
        var level = 0
        var j = i
        var closeBracket: Int?
        while j < end {
            guard budget.spend() else { return nil }
            let b = bytes[j]
            if b == UInt8(ascii: "\\") { j += 2; continue }
            if b == UInt8(ascii: "`") {
                let run = runLength(at: j, of: b, end: end)
                _ = budget.spend(run)
                if let close = findRun(of: b, length: run, from: j + run, end: end) { j = close + run; continue }
                j += run; continue
            }
            if b == UInt8(ascii: "[") { level += 1 }
            if b == UInt8(ascii: "]") {
                level -= 1
                if level == 0 { closeBracket = j; break }
            }
            j += 1
        }
        guard let close = closeBracket else { return nil }
        let label = (i + 1)..<close
        let children = { parse(label, depth: depth + 1) }
        let next = close + 1
        if next < end && bytes[next] == UInt8(ascii: "(") {
            var k = next + 1
            var parens = 1
            while k < end {
                guard budget.spend() else { return nil }
                if bytes[k] == UInt8(ascii: "(") { parens += 1 }
                if bytes[k] == UInt8(ascii: ")") { parens -= 1; if parens == 0 { break } }
                k += 1
            }
            guard k < end else { return nil }
            var destination = string((next + 1)..<k).trimmingSpaces()
            if let space = destination.utf8FirstIndex(of: UInt8(ascii: " ")) { destination = String(destination[..<space]) }
            if destination.hasPrefix("<") && destination.hasSuffix(">") { destination = String(destination.dropFirst().dropLast()) }
            return (.link(destination: destination, children: children()), k + 1)
        }
        if next < end && bytes[next] == UInt8(ascii: "[") {
            var refClose = next + 1
            while refClose < end && bytes[refClose] != UInt8(ascii: "]") {
                guard budget.spend() else { return nil }
                refClose += 1
            }
            if refClose < end {
                var key = string((next + 1)..<refClose)
                if key.trimmingSpaces().isEmpty { key = string(label) }
                if let destination = linkDefinitions[LinkDefinitions.normalize(key)] {
                    return (.link(destination: destination, children: children()), refClose + 1)
                }
            }
            return nil
        }
        if let destination = linkDefinitions[LinkDefinitions.normalize(string(label))] {
            return (.link(destination: destination, children: children()), next)
        }
        return nil
    }

    func htmlTagEnd(from i: Int, end: Int) -> Int? {
        guard i + 1 < end else { return nil }
        let b = bytes[i + 1]
        guard b.isASCIILetter || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") else { return nil }
        var j = i + 1
        while j < end && j < i + 512 {
            if bytes[j] == UInt8(ascii: ">") { return j }
            if bytes[j] == UInt8(ascii: "<") { return nil }
            j += 1
        }
        return nil
    }

    static let entities: [String: String] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#124": "|", "#39": "'", "#x7C": "|",
    ]

    func entity(at i: Int, end: Int) -> (String, Int)? {
        var j = i + 1
        while j < end && j < i + 10 && bytes[j] != UInt8(ascii: ";") { j += 1 }
        guard j < end, bytes[j] == UInt8(ascii: ";") else { return nil }
        guard let decoded = CellInlineParser.entities[string((i + 1)..<j)] else { return nil }
        return (decoded, j + 1)
    }
}

/// A count of bytes left to scan, shared by one parse and its nested parses.
final class ScanBudget {
    private var remaining: Int

    init(_ bytes: Int) { remaining = bytes }

    /// Takes `bytes` from the budget; false once it is spent.
    func spend(_ bytes: Int = 1) -> Bool {
        guard remaining > 0 else { return false }
        remaining -= bytes
        return true
    }
}

/// Reference-style link definitions (`[label]: destination`) collected from a page's source, since
/// cmark resolves them inside paragraphs but table cells are read outside cmark.
enum LinkDefinitions {
    static func normalize(_ label: String) -> String {
        label.trimmingSpaces().lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func collect(_ lines: [Substring]) -> [String: String] {
        var result: [String: String] = [:]
        var inFence = false
        for line in lines {
            // Most lines are neither a fence nor a definition: told apart on the contiguous bytes
            // (leading spaces, then the first byte and the two after it).
            let (indent, fence, opensLabel) = line.withUTF8Buffer { bytes -> (Int, Bool, Bool) in
                let start = bytes.prefix { $0 == 0x20 }.count
                guard start < bytes.count else { return (start, false, false) }
                return (start, FenceLine.opens(bytes, at: start), bytes[start] == UInt8(ascii: "["))
            }
            if fence { inFence.toggle(); continue }
            guard !inFence, indent <= 3, opensLabel else { continue }
            let trimmed = line[line.utf8.index(line.utf8.startIndex, offsetBy: indent)...]
            guard let close = trimmed.utf8FirstIndex(of: UInt8(ascii: "]")) else { continue }
            let after = trimmed[trimmed.utf8.index(after: close)...]
            guard after.utf8.first == UInt8(ascii: ":") else { continue }
            let label = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            var destination = String(after.dropFirst()).trimmingSpaces()
            if let space = destination.utf8FirstIndex(of: UInt8(ascii: " ")) { destination = String(destination[..<space]) }
            guard !label.isEmpty, !destination.isEmpty else { continue }
            let key = normalize(label)
            if result[key] == nil { result[key] = destination }
        }
        return result
    }
}
