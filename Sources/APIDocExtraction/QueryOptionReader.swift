import APIDocMarkdown

/// Reads what a page says about OData query options: the prose of its "Optional query
/// parameters" section ("This method supports the `$select`, `$filter` and `$top` OData query
/// parameters", "This method does not support OData query parameters", "$filter is not
/// supported"), the rows of tables there, and the query of its HTTP request lines
/// (`GET /users?$filter=...`).
///
/// The prose is read a sentence at a time. A sentence that names options says they are
/// accepted, or not when it is negative ("not supported", "does not support"); options after
/// "except" in a positive sentence are not accepted. A sentence that speaks of the OData query
/// parameters without naming any (or naming some only as examples: "including", "such as")
/// says they are accepted in general, or, negative, that none is.
enum QueryOptionReader {
    /// One sentence of the section, with its options in order and where it starts.
    struct Sentence {
        var text: String
        var location: SourceLocation
    }

    static let generalPhrases = ["odata query parameter", "odata query option", "odata system query", "query parameters to help customize",
                                 "query parameters to customize", "optional query parameters"]
    static let negativePhrases = ["not support", "n't support", "not supported", "unsupported", "not available", "cannot be used",
                                  "can't be used", "not allowed", "isn't supported", "aren't supported", "not currently supported",
                                  "not yet supported"]
    static let examplePhrases = ["including", "such as", "for example", "e.g.", "for instance"]

    /// Adds what `section` says to `facts`.
    static func read(_ section: Section, into facts: inout QueryOptionFacts) {
        for block in section.blocks {
            switch block {
            case .paragraph(let paragraph):
                for sentence in sentences(paragraph.inlines, at: paragraph.location) { read(sentence, into: &facts) }
            case .table(let table):
                // A row that names an option (`| $filter | string | ... |`) says it is accepted unless it says otherwise.
                for row in table.rows where !row.isEmpty {
                    let inlines = row.flatMap { $0.inlines + [.text(" ")] }
                    let text = mentionText(inlines)
                    read(Sentence(text: text, location: row[0].location), into: &facts, rowOfTable: true)
                }
            default:
                continue
            }
        }
    }

    /// Options named in the query of an HTTP request line (`?$filter={p} eq '{v}'&$top=5`) are accepted.
    static func read(_ line: HTTPRequestLine, into facts: inout QueryOptionFacts) {
        guard let query = line.query else { return }
        for part in query.split(separator: "&") {
            let name = part.split(separator: "=", maxSplits: 1).first.map { String($0).trimmingSpaces().lowercased() } ?? ""
            if let option = ODataQueryOption.allCases.first(where: { $0.rawValue == name }) {
                facts.add(option, at: line.location, supported: true)
            }
        }
    }

    static func read(_ sentence: Sentence, into facts: inout QueryOptionFacts, rowOfTable: Bool = false) {
        let lower = sentence.text.lowercased()
        let bare = lower.trimmingCharacters(in: " .")
        if !rowOfTable, bare == "not supported" || bare == "none" {
            if facts.noneSupported == nil { facts.noneSupported = sentence.location }
            return
        }
        let negative = negativePhrases.contains { lower.utf8Contains($0) }
        let named = options(in: lower)
        let exceptAt = negative ? nil : lower.utf8Range(of: "except")?.lowerBound
        func isSupported(_ index: String.Index) -> Bool { !negative && (exceptAt.map { index < $0 } ?? true) }
        if !rowOfTable, generalPhrases.contains(where: { lower.utf8Contains($0) }) {
            if negative {
                // "does not support the OData query parameters"; with options named, only those are refused.
                if named.isEmpty, facts.noneSupported == nil { facts.noneSupported = sentence.location }
            } else if !named.contains(where: { isSupported($0.1) }) || examplePhrases.contains(where: { lower.utf8Contains($0) }) {
                // No option named as supported ("... except `$skip`"), or named as examples only.
                if facts.general == nil { facts.general = sentence.location }
            }
        }
        for (option, index) in named {
            facts.add(option, at: sentence.location, supported: isSupported(index))
        }
    }

    /// The options a lower-cased text names (`$select`, `$orderBy`, ...), with where each starts:
    /// a `$` and the letters after it, which must spell an option.
    static func options(in lower: String) -> [(ODataQueryOption, String.Index)] {
        var result: [(ODataQueryOption, String.Index)] = []
        let utf8 = lower.utf8
        var index = utf8.startIndex
        // `$` is found on the bytes. After it, a run of ASCII letters ended by an ASCII byte is
        // the word Characters would give (an ASCII letter then an ASCII byte is never one
        // Character). A run that meets a byte beyond ASCII (a letter, or a mark joining the
        // last letter, may continue the word) is read by Characters, as is a `$` that begins
        // no Character of its own (after a byte beyond ASCII: a prepend character joins it).
        while let dollar = utf8[index...].firstIndex(of: UInt8(ascii: "$")) {
            if dollar > utf8.startIndex, utf8[utf8.index(before: dollar)] >= 0x80, lower.index(before: lower.index(after: dollar)) != dollar {
                index = utf8.index(after: dollar)
                continue
            }
            var end = utf8.index(after: dollar)
            while end < utf8.endIndex, utf8[end].isASCIILetter { end = utf8.index(after: end) }
            if end < utf8.endIndex, utf8[end] >= 0x80 {
                end = characterWordEnd(lower, dollar: dollar)
            }
            if end > utf8.index(after: dollar),
               let option = ODataQueryOption.allCases.first(where: { $0.rawValue.utf8.elementsEqual(utf8[dollar..<end]) }) {
                result.append((option, dollar))
            }
            index = end
        }
        return result
    }

    /// The end of the word after the `$` at `dollar`, by Characters (letters of any script).
    static func characterWordEnd(_ lower: String, dollar: String.Index) -> String.Index {
        guard lower[dollar] == "$" else { return lower.utf8.index(after: dollar) }
        var end = lower.index(after: dollar)
        while end < lower.endIndex, lower[end].isLetter { end = lower.index(after: end) }
        return end
    }

    /// The sentences of a paragraph: its text (see `mentionText`) cut after `.`, `!` or `?`
    /// followed by a space, each located at the line it starts on.
    static func sentences(_ inlines: [Inline], at location: SourceLocation) -> [Sentence] {
        var result: [Sentence] = []
        var current = ""
        var line = location.line
        var startLine = location.line
        // The byte before the last one appended, and the last (kept, not looked up: linear time).
        // The sentence ends `.`, `!` and `?` are ASCII, and none of them ever ends a longer
        // character, so bytes give the answers characters would.
        var beforeLast: UInt8?
        var last: UInt8?
        func flush() {
            let text = current.trimmingSpaces()
            if !text.isEmpty {
                result.append(Sentence(text: text, location: SourceLocation(line: startLine, column: startLine == location.line ? location.column : 1)))
            }
            current = ""
            beforeLast = nil
            last = nil
        }
        func isEnd(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") }
        for piece in pieces(inlines) {
            switch piece {
            case .text(let text):
                // Appended a slice at a time: up to each sentence end, then the rest.
                let utf8 = text.utf8
                var start = utf8.startIndex
                var index = start
                while index < utf8.endIndex {
                    if current.isEmpty && index == start { startLine = line }
                    let byte = utf8[index]
                    beforeLast = last
                    last = byte
                    index = utf8.index(after: index)
                    if byte == UInt8(ascii: " "), isEnd(beforeLast) {
                        current += text[start..<index]
                        start = index
                        flush()
                    }
                }
                current += text[start..<utf8.endIndex]
            case .lineBreak:
                if isEnd(last) {
                    flush()
                } else if !current.isEmpty {
                    current += " "
                    beforeLast = last
                    last = UInt8(ascii: " ")
                }
                line += 1
            }
        }
        flush()
        return result
    }

    enum Piece { case text(String), lineBreak }

    /// The text of inlines as pieces, line breaks apart (they advance the line number).
    static func pieces(_ inlines: [Inline]) -> [Piece] {
        var result: [Piece] = []
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak:
                result.append(.lineBreak)
            case .emphasis(let children), .strong(let children):
                result.append(contentsOf: pieces(children))
            case .link(let destination, let children):
                result.append(.text(linkText(destination: destination, children: children)))
            default:
                result.append(.text(inline.plainText))
            }
        }
        return result
    }

    static func mentionText(_ inlines: [Inline]) -> String {
        pieces(inlines).map { piece -> String in
            if case .text(let text) = piece { return text }
            return " "
        }.joined()
    }

    /// A link to the query parameters article whose text is a bare option name (`[filter](/graph/query-parameters)`)
    /// names that option.
    static func linkText(destination: String, children: [Inline]) -> String {
        let text = children.plainText
        let lowerDestination = destination.lowercased()
        guard lowerDestination.utf8Contains("query-parameters") || lowerDestination.utf8Contains("query_parameters") else { return text }
        let word = text.trimmingSpaces().lowercased()
        if ODataQueryOption.allCases.contains(where: { $0.rawValue == "$" + word }) { return "$" + word }
        return text
    }
}

extension QueryOptionFacts {
    /// Records an option as accepted or not; the first place that names it is kept.
    mutating func add(_ option: ODataQueryOption, at location: SourceLocation, supported isSupported: Bool) {
        if isSupported {
            if !supported.contains(where: { $0.option == option }) { supported.append(Mention(option: option, location: location)) }
        } else if !unsupported.contains(where: { $0.option == option }) {
            unsupported.append(Mention(option: option, location: location))
        }
    }
}
