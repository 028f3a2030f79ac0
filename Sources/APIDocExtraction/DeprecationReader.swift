import APIDocMarkdown

/// Reads the notes of an HTTP request section that call some of its paths deprecated.
///
/// A note is a paragraph (a quoted one too) with the word "deprecated". Each use of the word
/// names the path of one code span of its sentence (sentences end at `.`, `;` or `!` before a
/// space or the end of a text):
/// - the span right after the word, with at most `the`, `path`, `form`, `prefix`, `route`,
///   `endpoint`, `URL` or `of` between them ("the deprecated `/app` path", "deprecated: `/app`");
/// - otherwise the nearest span before the word ("The `/app` path is deprecated.", "Both `/app`
///   and `/communications` work, but `/app` is deprecated.").
///
/// Spans after the word that do not follow it right away are what to use instead ("... is
/// deprecated, use `/communications`"). A span names a path when it is a method line, starts
/// with `/` or is a URL; it is normalised as the method lines are (`/beta/app` is `/app`).
/// A negated use ("not deprecated", "no longer deprecated") names nothing. A use of the word
/// in a paragraph with path spans that names none of them is reported (`deprecated-path`), so
/// a wording this reading misses is not missed silently.
enum DeprecationReader {
    /// The most notes a page may give; more are reported and dropped.
    static let maximumNotes = 100

    enum Token {
        case text(Substring)
        case code(String)
        case sentenceEnd
    }

    static func read(_ section: Section, diagnostics: inout DiagnosticCollector) -> [PathDeprecation] {
        var result: [PathDeprecation] = []
        for paragraph in section.paragraphs where paragraph.inlines.plainText.containsIgnoringCase("deprecated") {
            let (prefixes, unresolved) = deprecatedPaths(tokens(paragraph.inlines))
            if unresolved {
                diagnostics.warning("deprecated-path", paragraph.location,
                                    "the note says 'deprecated' but names no path in a code span before the word in its sentence or right after it; no path is marked for it")
            }
            guard !prefixes.isEmpty else { continue }
            var note = Substring(paragraph.inlines.docText.trimmingSpaces())
            if note.hasPrefixIgnoringCase("note:") { note = note.dropFirst("note:".count) }
            let text = String(note).trimmingSpaces()
            for prefix in prefixes { result.append(PathDeprecation(prefix: prefix, note: text, location: paragraph.location)) }
        }
        if result.count > maximumNotes {
            diagnostics.warning("limit", result[maximumNotes].location,
                                "the section calls \(result.count) paths deprecated; only the first \(maximumNotes) are read")
            result.removeLast(result.count - maximumNotes)
        }
        return result
    }

    /// The paragraph as text, code spans and sentence ends; emphasis and links give their content.
    static func tokens(_ inlines: [Inline]) -> [Token] {
        var result: [Token] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let text):
                    for (index, piece) in sentencePieces(text).enumerated() {
                        if index > 0 { result.append(.sentenceEnd) }
                        result.append(.text(piece))
                    }
                case .code(let code): result.append(.code(code))
                case .emphasis(let children), .strong(let children), .link(_, let children): visit(children)
                case .softBreak, .lineBreak: result.append(.text(" "))
                case .image, .html: break
                }
            }
        }
        visit(inlines)
        return result
    }

    /// A text cut after each `.`, `;` or `!` that a space or the text's end follows.
    static func sentencePieces(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!"),
               next == utf8.endIndex || utf8[next] == UInt8(ascii: " ") {
                pieces.append(text[start..<next])
                start = next
            }
            index = next
        }
        pieces.append(text[start...])
        return pieces
    }

    /// The deprecated paths the tokens name, without a trailing `/`, each once, in order; and
    /// whether a use of the word named none while the paragraph has path spans.
    static func deprecatedPaths(_ tokens: [Token]) -> (paths: [String], unresolved: Bool) {
        var paths: [String] = []
        var seen: Set<String> = []
        var unresolved = false
        let spanPaths: [String?] = tokens.map { token in
            guard case .code(let code) = token, var path = HTTPRequestParser.path(inCodeSpan: code) else { return nil }
            while path.utf8.count > 1, path.utf8.last == UInt8(ascii: "/") { path.removeLast() }
            return path
        }
        let hasPaths = spanPaths.contains { $0 != nil }
        for (index, token) in tokens.enumerated() {
            guard case .text(let text) = token else { continue }
            for after in uses(in: text) {
                var found: String?
                if index + 1 < tokens.count, let path = spanPaths[index + 1], joinsTheSpan(after) {
                    found = path
                } else {
                    var back = index - 1
                    while back >= 0 {
                        if case .sentenceEnd = tokens[back] { break }
                        if let path = spanPaths[back] { found = path; break }
                        back -= 1
                    }
                }
                if let found {
                    if seen.insert(found).inserted { paths.append(found) }
                } else if hasPaths {
                    unresolved = true
                }
            }
        }
        return (paths, unresolved)
    }

    /// For each use of the word "deprecated" in the text that is not negated, the text after it.
    static func uses(in text: Substring) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        while let range = text.utf8Range(of: "deprecated", from: start, ignoringCase: true) {
            start = range.upperBound
            let before = text[..<range.lowerBound]
            // A letter right before is another word ("undeprecated").
            if let last = before.last, last.isLetter { continue }
            let negations: [StaticString] = ["not ", "no longer ", "n't ", "never "]
            if negations.contains(where: { before.hasSuffixIgnoringCase($0) }) { continue }
            result.append(text[range.upperBound...])
        }
        return result
    }

    /// Whether the text between the word and the next code span joins them: nothing but spaces,
    /// a colon and the words that name a path ("deprecated `/app`", "deprecated path `/app`").
    static func joinsTheSpan(_ between: Substring) -> Bool {
        let joining: Set<String> = ["the", "path", "paths", "form", "prefix", "route", "routes", "endpoint", "url", "of"]
        let words = between.split { $0 == " " || $0 == ":" }
        return words.allSatisfy { joining.contains($0.lowercased()) } && !between.contains(where: { $0 != " " && $0 != ":" && !$0.isLetter })
    }
}
