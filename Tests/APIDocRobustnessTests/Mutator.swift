/// Seeded mutations of markdown pages: the ways a doc author (or a bad merge, a bad editor, a
/// truncated download) breaks a page. Every input is a function of (seed, index) alone, so a
/// failure names the input that reproduces it: `APIDOCGEN_FUZZ_SEED=<seed> APIDOCGEN_FUZZ_ONLY=<index>`.
struct Mutator {
    enum Kind: String, CaseIterable, Sendable {
        case byteFlip, truncate, duplicateRows, shuffleRows, removeFence, unbalancedFence, removeCommentClose,
             removeCommentOpen, nestedComment, longLine, hugeTable, invalidUTF8, nulBytes, deepQuotes, deepLists,
             deepInline, splice, dictionaryLine, lineEdit, lineEndings, jsonBreak, tableCellEdit
    }

    /// One fuzz input: a few pages, the first of which was mutated.
    struct Input: Sendable {
        var index: Int
        var pages: [SourcePage]
        var mutations: [Kind]
    }

    let seeds: [SourcePage]
    /// Seeds from the repo's docs/: chosen half the time (they are few and reach every layer).
    let docSeeds: [SourcePage]
    let seed: UInt64

    init(docSeeds: [SourcePage], corpusSeeds: [SourcePage], seed: UInt64) {
        self.docSeeds = docSeeds
        self.seeds = docSeeds + corpusSeeds
        self.seed = seed
    }

    func pickPage(_ rng: inout SplitMix64) -> SourcePage {
        if seeds.count == docSeeds.count || Bool.random(using: &rng) { return docSeeds.randomElement(using: &rng)! }
        return seeds.randomElement(using: &rng)!
    }

    /// Input `index`: one to four pages (a page, plus pages it may link to), the first mutated one
    /// to four times, sometimes a second one too.
    func input(_ index: Int) -> Input {
        var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        var pages: [SourcePage] = [pickPage(&rng)]
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let page = pickPage(&rng)
            if !pages.contains(where: { $0.path == page.path }) { pages.append(page) }
        }
        var applied: [Kind] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let kind = Kind.allCases.randomElement(using: &rng)!
            pages[0].bytes = mutate(pages[0].bytes, kind, &rng)
            applied.append(kind)
        }
        if pages.count > 1, Int.random(in: 0..<4, using: &rng) == 0 {
            let kind = Kind.allCases.randomElement(using: &rng)!
            pages[1].bytes = mutate(pages[1].bytes, kind, &rng)
            applied.append(kind)
        }
        return Input(index: index, pages: pages, mutations: applied)
    }

    // MARK: Mutations

    func mutate(_ bytes: [UInt8], _ kind: Kind, _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        switch kind {
        case .byteFlip:
            guard !bytes.isEmpty else { return bytes }
            for _ in 0..<Int.random(in: 1...16, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
        case .truncate:
            bytes.removeSubrange(Int.random(in: 0...bytes.count, using: &rng)...)
        case .duplicateRows, .shuffleRows:
            var lines = Lines(bytes)
            let rows = lines.indices { $0.first == UInt8(ascii: "|") }
            guard let pick = rows.randomElement(using: &rng) else { return bytes }
            if kind == .duplicateRows {
                let copies = Int.random(in: 1...(Bool.random(using: &rng) ? 3 : 200), using: &rng)
                lines.items.insert(contentsOf: Array(repeating: lines.items[pick], count: copies), at: pick)
            } else {
                // The run of table lines around `pick`, header and separator included.
                var start = pick, end = pick
                while start > 0, lines.items[start - 1].first == UInt8(ascii: "|") { start -= 1 }
                while end + 1 < lines.items.count, lines.items[end + 1].first == UInt8(ascii: "|") { end += 1 }
                lines.items[start...end].shuffle(using: &rng)
            }
            bytes = lines.joined()
        case .removeFence:
            var lines = Lines(bytes)
            guard let pick = lines.indices({ $0.trimmingLeadingSpaces.starts(with: Array("```".utf8)) || $0.trimmingLeadingSpaces.starts(with: Array("~~~".utf8)) })
                .randomElement(using: &rng) else { return bytes }
            lines.items.remove(at: pick)
            bytes = lines.joined()
        case .unbalancedFence:
            let fences = ["```", "~~~", "````", "``` json", "```http", "   ```", "> ```", "- ```", "`````````````"]
            bytes = insertLine(fences.randomElement(using: &rng)!, into: bytes, &rng)
        case .removeCommentClose:
            bytes = removeOccurrence(of: "-->", in: bytes, &rng)
        case .removeCommentOpen:
            bytes = removeOccurrence(of: "<!--", in: bytes, &rng)
        case .nestedComment:
            let comments = ["<!-- <!-- nested -->", "<!--", "<!-- { \"blockType\": \"response\" <!-- { } --> -->", "-->", "<!-- <!-- <!-- -->",
                            "<!-- {", "<!---->", "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.<!--\" } -->"]
            bytes = insertLine(comments.randomElement(using: &rng)!, into: bytes, &rng)
        case .longLine:
            let length = Int.random(in: 1_000...200_000, using: &rng)
            let patterns = ["a", "|", "`", "*", "[", "]", "<", "{", "| a ", "`` ` ", "*a", "[a](", "<!--", "\\", "&amp;", " ", "\t", "é", "_", "-", "**a", "[x][", "](a.md)"]
            let pattern = Array(patterns.randomElement(using: &rng)!.utf8)
            var line: [UInt8] = []
            line.reserveCapacity(length + pattern.count)
            while line.count < length { line += pattern }
            bytes = insertLine(line, into: bytes, &rng)
        case .hugeTable:
            let rows = Int.random(in: 100...3_000, using: &rng)
            var table = "| Property | Type | Description |\n|:--|:--|:--|\n"
            for row in 0..<rows { table += "| p\(row) | String | Row \(row). Possible values are: `a\(row % 7)`, `b`. |\n" }
            bytes = insertLine(table, into: bytes, &rng)
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80],
                                        [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xC2, 0xA0], [0xE2, 0x80, 0xA8]]
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes.insert(contentsOf: sequences.randomElement(using: &rng)!, at: Int.random(in: 0...bytes.count, using: &rng))
            }
        case .nulBytes:
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &rng))
            }
        case .deepQuotes:
            let depth = Int.random(in: 10...3_000, using: &rng)
            let prefix = Bool.random(using: &rng) ? String(repeating: ">", count: depth) : String(repeating: "> ", count: depth)
            bytes = insertLine(prefix + " | a | b |\n" + prefix + " |---|---|\n" + prefix + " | x | y |", into: bytes, &rng)
        case .deepLists:
            let depth = Int.random(in: 10...2_000, using: &rng)
            let markers = ["- ", "* ", "1. ", "+ "]
            var line = ""
            for _ in 0..<depth { line += markers.randomElement(using: &rng)! }
            if Bool.random(using: &rng) {
                bytes = insertLine(line + "item", into: bytes, &rng)
            } else {
                // One level a line, indented: the form real pages nest with.
                var text = ""
                for level in 0..<min(depth, 200) { text += String(repeating: "  ", count: level) + "- level \(level)\n" }
                bytes = insertLine(text, into: bytes, &rng)
            }
        case .deepInline:
            let depth = Int.random(in: 10...5_000, using: &rng)
            let openers = ["*", "**", "[", "`", "_", "<a>", "(", "!["]
            let opener = openers.randomElement(using: &rng)!
            let closer = ["*": "*", "**": "**", "[": "](a.md)", "`": "`", "_": "_", "<a>": "</a>", "(": ")", "![": "](b.png)"][opener]!
            let line = "| " + String(repeating: opener, count: depth) + "x" + String(repeating: closer, count: Int.random(in: 0...depth, using: &rng)) + " | String | d |"
            bytes = insertLine(line, into: bytes, &rng)
        case .splice:
            let other = pickPage(&rng).bytes
            guard !other.isEmpty else { return bytes }
            let start = Int.random(in: 0..<other.count, using: &rng)
            let end = min(other.count, start + Int.random(in: 1...4_000, using: &rng))
            let at = Int.random(in: 0...bytes.count, using: &rng)
            if Bool.random(using: &rng) {
                bytes.insert(contentsOf: other[start..<end], at: at)
            } else {
                let cut = min(bytes.count, at + Int.random(in: 0...4_000, using: &rng))
                bytes.replaceSubrange(at..<cut, with: other[start..<end])
            }
        case .dictionaryLine:
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes = insertLine(Mutator.dictionary.randomElement(using: &rng)!, into: bytes, &rng)
            }
        case .lineEdit:
            var lines = Lines(bytes)
            guard !lines.items.isEmpty else { return bytes }
            let i = Int.random(in: 0..<lines.items.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: lines.items.remove(at: i)
            case 1: lines.items.insert(lines.items[i], at: i)
            case 2: lines.items.swapAt(i, Int.random(in: 0..<lines.items.count, using: &rng))
            default: lines.items[i] = Array(String(repeating: " ", count: Int.random(in: 1...12, using: &rng)).utf8) + lines.items[i]
            }
            bytes = lines.joined()
        case .lineEndings:
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            case 1: bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
            default: bytes = bytes.map { $0 == 0x20 && Int.random(in: 0..<20, using: &rng) == 0 ? 0x09 : $0 }
            }
        case .jsonBreak:
            let targets: [UInt8] = [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: ":")]
            let positions = bytes.indices.filter { targets.contains(bytes[$0]) }
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                guard let p = positions.randomElement(using: &rng), p < bytes.count else { break }
                let replacements: [[UInt8]] = [[], Array("{".utf8), Array("}".utf8), Array("[[".utf8), Array("\\".utf8), Array("\"\\u12".utf8),
                                               Array("...".utf8), Array("/*".utf8), Array("1e999999".utf8), Array("-".utf8), Array("'".utf8)]
                bytes.replaceSubrange(p...p, with: replacements.randomElement(using: &rng)!)
            }
        case .tableCellEdit:
            var lines = Lines(bytes)
            let rows = lines.indices { $0.first == UInt8(ascii: "|") }
            guard let pick = rows.randomElement(using: &rng) else { return bytes }
            var cells = lines.items[pick].split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map(Array.init)
            guard cells.count > 1 else { return bytes }
            let c = Int.random(in: 0..<cells.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: cells[c] = Array(" \(Mutator.names.randomElement(using: &rng)!) ".utf8)
            case 1: cells.remove(at: c)
            case 2: cells.insert(cells[c], at: c)
            default: cells[c] += Array("\\|`|`".utf8)
            }
            lines.items[pick] = Array(cells.joined(separator: [UInt8(ascii: "|")]))
            bytes = lines.joined()
        }
        return bytes
    }

    func insertLine(_ text: String, into bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        insertLine(Array(text.utf8), into: bytes, &rng)
    }

    /// Inserts `line` as lines of their own at a random line boundary.
    func insertLine(_ line: [UInt8], into bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var lines = Lines(bytes)
        lines.items.insert(line, at: Int.random(in: 0...lines.items.count, using: &rng))
        return lines.joined()
    }

    func removeOccurrence(of text: String, in bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return bytes }
        var found: [Int] = []
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { found.append(i) }
            i += 1
        }
        guard let at = found.randomElement(using: &rng) else { return bytes }
        var result = bytes
        result.removeSubrange(at..<(at + needle.count))
        return result
    }

    /// Names a doc author might write where a name goes.
    static let names = [
        "class", "self", "Type", "init", "rawValue", "none", "3dModel", "@odata.type", "@odata.nextLink", "user-id", "a.b.c", "with space",
        "café", "日本語", "CodingKeys", "additionalProperties", "_", "`", "\\", "\"", "Self", "Protocol", "default", "String", "Int",
        "protocol", "subscript", "\u{200B}", "\u{301}combining", "emoji😀", "x\u{2028}y", "microsoft.graph.", "#", "{id}", "é",
    ]

    /// Lines in the page format: headings, table headers, annotations, request lines, names.
    static let dictionary: [String] = [
        "## HTTP request", "## Properties", "## Relationships", "## Request body", "## Response", "## Example", "### Request", "### Response",
        "# call resource type", "# call: answer", "# Create call", "## Members", "### callState values", "Namespace: microsoft.graph.callRecords",
        "Namespace: microsoft.graph.", "Inherits from [entity](entity.md).", "| Property | Type | Description |", "|:--|:--|:--|",
        "| Member | Value | Description |", "| Parameter | Type | Description |", "| Name | Description |", "| Permission type | Permissions |",
        "| class | String | A keyword. |", "| self | [call](call.md) | Self. |", "| 3dModel | Int32 | Digits. |", "| @odata.type | String | Type. |",
        "| a | [x](x.md) or [y](y.md) | Either. |", "| b | Collection([call](call.md)) | Many. |", "| c | callState | Possible values are: `a`, `b`, `class`, `self`. |",
        "| d | Edm.Int64 | . |", "| none | 0 | Nothing. |", "| Type | 1 | Type. |", "| init | 2 | init. |", "| rawValue | 4 | raw. |",
        "POST /communications/calls/{id}/answer", "GET /users/{user-id | userPrincipalName}/x", "GET /a/{class}/b/{self}/c/{in}", "PATCH /f(a='{a}',b={b})",
        "GET https://graph.microsoft.com/v1.0/me/{id}?$select=x", "DELETE /x/{}/{ }/{|}", "POST /", "GET /{id}/{id}/{id}",
        "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.call\", \"baseType\": \"microsoft.graph.entity\", \"keyProperty\": \"id\" } -->",
        "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.call\", \"truncated\": true } -->",
        "<!-- { \"blockType\": \"response\", \"@odata.type\": \"Collection(microsoft.graph.call)\" } -->",
        "<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->", "<!-- { \"blockType\": \"example\" } -->",
        "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.class\", \"baseType\": \"microsoft.graph.class\" } -->",
        "<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.a\\nb\" } -->",
        "```http", "```json", "```", "HTTP/1.1 200 OK", "HTTP/1.1 201 Created", "Content-type: application/json",
        "{ \"@odata.type\": \"#microsoft.graph.call\", \"id\": \"x\", \"state\": \"incoming\" }", "{ \"value\": [ { \"id\": 1 }, ... ] }",
        "If successful, this method returns a `200 OK` response code and a [call](../resources/call.md) object in the response body.",
        "If successful, this method returns a `200 OK` response code and a collection of [call](../resources/call.md) objects in the response body.",
        "In the request body, supply a JSON representation of the [call](../resources/call.md) object.", "Do not supply a request body for this method.",
        "---", "title: \"x\"", "doc_type: apiPageType", "doc_type: enumPageType", "[call]: ../resources/call.md", "| [call][] | [call] | x |",
        "   | indented | table |", "\t| tab | table |", "|", "||", "|||", "| --- |", "|-|", ":-:|", "> | quoted | table |", "> |---|---|",
    ]
}

/// A page split into lines (without the line feeds), for line-level mutations.
struct Lines {
    var items: [[UInt8]]

    init(_ bytes: [UInt8]) {
        items = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    func indices(_ predicate: ([UInt8]) -> Bool) -> [Int] { items.indices.filter { predicate(items[$0]) } }

    func joined() -> [UInt8] { Array(items.joined(separator: [UInt8(ascii: "\n")])) }
}

extension Array where Element == UInt8 {
    var trimmingLeadingSpaces: ArraySlice<UInt8> { self.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
}
