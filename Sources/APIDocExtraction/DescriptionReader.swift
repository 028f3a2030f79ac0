import APIDocMarkdown

/// Facts written in Description cells: enum members ("Possible values are: `a`, `b`."),
/// read-only and nullable notes, "Inherited from [entity](entity.md)", "Required".
enum DescriptionReader {
    static let valuePhrases: [StaticString] = [
        "possible values are", "possible value are", "possible values include", "possible values:", "possible value is",
        "possible values is", "the possible values are", "valid values are", "supported values are", "allowed values are",
        "allowed values:", "supported values:", "must be one of", "the possible value are", "possible values for this property are",
        "valid values for this property are", "possible value:",
    ]

    /// Members listed as code spans after a "possible values" phrase.
    static func possibleValues(_ inlines: [Inline]) -> [String] {
        // Most descriptions name no values: those are answered without flattening them.
        guard mentionsValues(inlines) else { return [] }
        var values: [String] = []
        var seen: Set<String> = []
        var collecting = false
        for inline in flatten(inlines) {
            switch inline {
            case .text(let text):
                if !collecting {
                    // Folded once, then searched for each phrase (rather than folding for each).
                    if text.containsIgnoringCase("value") || text.containsIgnoringCase("must be one of") {
                        let folded = FoldedText(text)
                        if valuePhrases.contains(where: { folded.contains($0) }) { collecting = true }
                    }
                    continue
                }
                // Prose after the list (the usual end) is told on its bytes, without a lower-cased copy.
                if !mayBeSeparator(text) || !isSeparator(text.lowercased()) {
                    // A period followed by more prose, or any other text, ends the list.
                    return values
                }
            case .code(let code):
                if collecting {
                    let value = code.trimmingSpaces()
                    if !value.isEmpty && seen.insert(value).inserted { values.append(value) }
                }
            case .html:
                continue
            default:
                if collecting && !values.isEmpty { return values }
            }
        }
        return values
    }

    /// Whether a text run (inside emphasis and links too) could start a list of values.
    static func mentionsValues(_ inlines: [Inline]) -> Bool {
        anyText(inlines, intoLinks: true) { $0.containsIgnoringCase("value") || $0.containsIgnoringCase("must be one of") }
    }

    /// Whether a text run passes `test`: the runs `flatten` gives (`intoLinks`) or those
    /// `flattenKeepingLinks` gives, looked at in place (a cheap first check, nothing copied).
    static func anyText(_ inlines: [Inline], intoLinks: Bool, _ test: (String) -> Bool) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .text(let text): return test(text)
            case .emphasis(let c), .strong(let c): return anyText(c, intoLinks: intoLinks, test)
            case .link(_, let c): return intoLinks && anyText(c, intoLinks: intoLinks, test)
            default: return false
            }
        }
    }

    /// False when `text` has a byte that no separator has: `isSeparator` accepts only spaces,
    /// tabs, commas, semicolons, periods and the letters of "and" and "or" (in any case before
    /// lower-casing; no other character lower-cases to one of them).
    static func mayBeSeparator(_ text: String) -> Bool {
        text.utf8AllSatisfy { byte in
            switch byte | 0x20 {
            case UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "r"): return true
            default: return byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x3B || byte == 0x2E
            }
        }
    }

    /// Text between listed members: commas, "and", "or", spaces, a final period.
    static func isSeparator(_ lower: String) -> Bool {
        let stripped = lower.replacingUTF8(" and ", with: " ").replacingUTF8(" or ", with: " ")
        let words = stripped.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" })
        if words.isEmpty { return true }
        if words.count == 1, ["and", "or", ".", "and.", "or."].contains(String(words[0])) { return true }
        return words.allSatisfy { $0 == "and" || $0 == "or" || $0 == "." }
    }

    static func flatten(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .emphasis(let c), .strong(let c): result.append(contentsOf: flatten(c))
            case .link(_, let c): result.append(contentsOf: flatten(c))
            case .softBreak, .lineBreak: result.append(.text(" "))
            default: result.append(inline)
            }
        }
        return result
    }

    /// Like `flatten`, but links stay links (their text is not split out).
    static func flattenKeepingLinks(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .emphasis(let c), .strong(let c): result.append(contentsOf: flattenKeepingLinks(c))
            case .softBreak, .lineBreak: result.append(.text(" "))
            default: result.append(inline)
            }
        }
        return result
    }

    static func readOnly(_ text: FoldedText) -> Bool {
        text.contains("read") && (text.contains("read-only") || text.contains("readonly") || text.contains("read only"))
    }

    static func nullable(_ text: FoldedText) -> Bool? {
        guard text.contains("null") else { return nil }
        if text.contains("not nullable") || text.contains("non-nullable") || text.contains("not null") { return false }
        if text.contains("nullable") { return true }
        return nil
    }

    static func required(_ text: FoldedText) -> Bool? {
        if text.contains("required") && !text.contains("not required") { return true }
        if text.contains("optional") { return false }
        return nil
    }

    static func inheritedFrom(_ inlines: [Inline], text: FoldedText) -> String? {
        guard text.contains("inherit") else { return nil }
        return inlines.links.first { TypeCellParser.isTypeLink($0.destination) }?.destination
    }
}
