import APIDocMarkdown

/// Reads a Type cell (`String`, `Int32 collection`, `[call](call.md)`, `Collection([x](x.md))`,
/// `[A](a.md) or [B](b.md)`, `callState`, `Edm.String`, `String (optional)`, ...) into a TypeRef.
public enum TypeCellParser {
    /// Primitive spellings seen in the docs, lower-cased, mapped to OData names.
    static let primitives: [String: String] = [
        "string": "Edm.String", "str": "Edm.String", "url": "Edm.String", "uri": "Edm.String",
        "boolean": "Edm.Boolean", "bool": "Edm.Boolean",
        "int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32",
        "int64": "Edm.Int64", "long": "Edm.Int64",
        "int16": "Edm.Int16", "short": "Edm.Int16",
        "byte": "Edm.Byte", "sbyte": "Edm.SByte",
        "double": "Edm.Double", "number": "Edm.Double", "numeric": "Edm.Double",
        "single": "Edm.Single", "float": "Edm.Single",
        "decimal": "Edm.Decimal",
        "datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
        "date": "Edm.Date",
        "timeofday": "Edm.TimeOfDay",
        "duration": "Edm.Duration", "timespan": "Edm.Duration",
        "guid": "Edm.Guid", "uuid": "Edm.Guid",
        "binary": "Edm.Binary", "base64": "Edm.Binary",
        "stream": "Edm.Stream",
        "json": "Edm.Untyped", "object": "Edm.Untyped", "untyped": "Edm.Untyped", "any": "Edm.Untyped",
    ]

    /// The OData name of a primitive spelling, or nil.
    public static func primitive(_ word: String) -> String? {
        primitive(lowercased: word.lowercased())
    }

    /// `primitive` of a word already lower-cased.
    static func primitive(lowercased lower: String) -> String? {
        var key = lower
        if key.hasPrefix("edm.") { key.removeFirst(4) }
        return primitives[key]
    }

    public static func parse(_ cell: TableCell) -> TypeRef {
        parse(inlines: cell.inlines, location: cell.location)
    }

    public static func parse(inlines: [Inline], location: SourceLocation) -> TypeRef {
        let text = inlines.plainText.trimmingSpaces()
        let lower = text.lowercased()
        if let word = singleWord(text, lower: lower, inlines: inlines, location: location) { return word }
        return parseWords(text, lower: lower, inlines: inlines, location: location)
    }

    /// `parse` for any cell: links, then the words of the text.
    static func parseWords(_ text: String, lower: String, inlines: [Inline], location: SourceLocation) -> TypeRef {
        let collection = hasWord(lower, "collection") || lower.hasPrefix("collection(")
        let links = inlines.links.filter { isTypeLink($0.destination) }
        if links.count >= 2 {
            let choices = links.map { TypeRef(kind: .named(name: cleanName($0.text, destination: $0.destination), link: $0.destination), collection: false, location: location) }
            return TypeRef(kind: .oneOf(choices), collection: collection, location: location)
        }
        if let link = links.first {
            return TypeRef(kind: .named(name: cleanName(link.text, destination: link.destination), link: link.destination), collection: collection, location: location)
        }
        // No link: a primitive, an unlinked type name, or free text.
        var core = text
        if core.containsIgnoringCase("optional") || core.containsIgnoringCase("required") {
            for noise in ["(optional)", "(Optional)", "optional", "Optional", "(required)", "Required"] {
                core = core.replacingUTF8(noise, with: " ")
            }
        }
        let tokens = core.splitASCII(where: { $0 == 0x20 || $0 == 0x28 || $0 == 0x29 || $0 == 0x60 || $0 == 0x2A || $0 == 0x2C || $0 == 0x09 })
            .map(String.init)
            .filter { !fillerWords.contains($0.lowercased()) }
        guard let first = tokens.first else {
            return TypeRef(kind: .unknown(text), collection: collection, location: location)
        }
        if let primitive = primitive(first) {
            return TypeRef(kind: .primitive(primitive), collection: collection, location: location)
        }
        if tokens.count == 1, isIdentifier(first) {
            return TypeRef(kind: .named(name: first, link: nil), collection: collection, location: location)
        }
        if lower.hasPrefix("json") {
            return TypeRef(kind: .primitive("Edm.Untyped"), collection: collection, location: location)
        }
        return TypeRef(kind: .unknown(text), collection: collection, location: location)
    }

    /// Words that the token filter of `parseWords` drops.
    static let fillerWords: Set<String> = ["collection", "of", "enum", "a", "an", "the"]

    /// What `parse` gives for a cell that is one word (`String`, `Int32`, `callState`,
    /// `microsoft.graph.call`) and no link, the usual cell, read without cutting it into tokens;
    /// nil for any other cell. One word of ASCII letters, digits, `.` and `_` holds no separator
    /// and no `(`, so it is its own single token and no collection; a filler word (dropped by the
    /// token filter) or a word with "optional" or "required" in it (removed as noise) goes the
    /// long way.
    static func singleWord(_ text: String, lower: String, inlines: [Inline], location: SourceLocation) -> TypeRef? {
        guard !text.isEmpty, text.utf8AllSatisfy({ $0.isASCIILetterOrDigit || $0 == 0x2E || $0 == 0x5F }),
              inlines.links.isEmpty, !fillerWords.contains(lower),
              !lower.utf8Contains("optional"), !lower.utf8Contains("required") else { return nil }
        if let primitive = primitive(lowercased: lower) {
            return TypeRef(kind: .primitive(primitive), collection: false, location: location)
        }
        if isIdentifier(text) {
            return TypeRef(kind: .named(name: text, link: nil), collection: false, location: location)
        }
        if lower.hasPrefix("json") {
            return TypeRef(kind: .primitive("Edm.Untyped"), collection: false, location: location)
        }
        return TypeRef(kind: .unknown(text), collection: false, location: location)
    }

    static func isTypeLink(_ destination: String) -> Bool {
        if destination.isASCII {
            // On the bytes (the usual link), without a lower-cased copy: the same tests.
            var text = destination
            return text.withUTF8 { bytes in
                if bytes.first == UInt8(ascii: "#") { return false }
                if bytes.count >= 7, StaticString("http://").withUTF8Buffer({ bytes.matchesFolded($0, at: 0) }) { return false }
                if bytes.count >= 8, StaticString("https://").withUTF8Buffer({ bytes.matchesFolded($0, at: 0) }) { return false }
                let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
                if end >= 3, StaticString(".md").withUTF8Buffer({ bytes.matchesFolded($0, at: end - 3) }) { return true }
                return !bytes[..<end].contains(UInt8(ascii: "."))
            }
        }
        let lower = destination.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("#") { return false }
        // Up to the first `#` (found on the bytes: it is ASCII).
        let path = lower[..<(lower.utf8.firstIndex(of: UInt8(ascii: "#")) ?? lower.endIndex)]
        return path.hasSuffix(".md") || !path.utf8Contains(".")
    }

    static func cleanName(_ text: String, destination: String) -> String {
        let trimmed = text.trimmingSpaces().trimmingCharacters(in: "`*")
        if trimmed.isEmpty || !isIdentifier(trimmed) {
            return LinkTarget.stem(destination)
        }
        return trimmed
    }

    /// Whether `word` is one of the words of `text`, words being runs of letters, digits, `.` and `_`.
    static func hasWord(_ text: String, _ word: String) -> Bool {
        guard text.isASCII else {
            return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "_" }).contains { $0 == word }
        }
        // ASCII: on the bytes, with offsets, where a letter or digit is a single byte.
        func inWord(_ byte: UInt8) -> Bool { byte.isASCIILetterOrDigit || byte == 0x2E || byte == 0x5F }
        var text = text
        var word = word
        return text.withUTF8 { bytes in
            word.withUTF8 { target in
                var start = 0
                while start < bytes.count {
                    guard inWord(bytes[start]) else { start += 1; continue }
                    var end = start
                    while end < bytes.count, inWord(bytes[end]) { end += 1 }
                    if end - start == target.count, UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(target) { return true }
                    start = end
                }
                return false
            }
        }
    }

    static func isIdentifier(_ word: String) -> Bool {
        if word.isASCII {
            guard let first = word.utf8.first, first.isASCIILetter || first == 0x5F else { return false }
            return word.utf8AllSatisfy { $0.isASCIILetterOrDigit || $0 == 0x5F || $0 == 0x2E }
        }
        guard let first = word.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        // ASCII members (not a CR LF pair, which is one member): trimmed on the bytes, with
        // offsets; by Characters where the bytes could cut elsewhere (see `ASCIITrim.bounds`).
        if set.isASCII && !set.utf8Contains("\r\n") {
            var text = self
            var set = set
            let bounds = text.withUTF8 { bytes in set.withUTF8 { members in ASCIITrim.bounds(bytes) { members.contains($0) } } }
            if let (start, end) = bounds {
                if start == 0 && end == utf8.count { return self }
                let view = utf8
                return String(self[view.index(view.startIndex, offsetBy: start)..<view.index(view.startIndex, offsetBy: end)])
            }
        }
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        // Not `dropLast()`: on a Substring it counts from the start, quadratic in a long cell.
        while let l = s.last, set.contains(l) { s = s[..<s.index(before: s.endIndex)] }
        return String(s)
    }
}

/// Link destinations to pages: `../resources/call.md`, `call.md#anchor`, `Call.MD`.
public enum LinkTarget {
    /// The lower-cased file stem a link points to (`../resources/callRoute.md` -> `callroute`).
    public static func stem(_ destination: String) -> String {
        // On the bytes: `#`, `?` and `/` are ASCII, so every cut falls between characters.
        var destination = destination
        return destination.withUTF8 { bytes -> String in
            var end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            end = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) ?? end
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            var ascii = true
            for index in start..<end where bytes[index] >= 0x80 { ascii = false; break }
            guard ascii else {
                var stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
                if stem.hasSuffix(".md") { stem.removeLast(3) }
                return stem
            }
            // ASCII (nearly every link): lower-cased and cut on the bytes, where a character is a byte.
            let count = end - start
            let md = count >= 3 && StaticString(".md").withUTF8Buffer { bytes.matchesFolded($0, at: end - 3) }
            let kept = count - (md ? 3 : 0)
            return String(unsafeUninitializedCapacity: kept) { buffer in
                for offset in 0..<kept { buffer[offset] = bytes[start + offset].asciiLowercased }
                return kept
            }
        }
    }
}
