import APIDocMarkdown

/// Reads `METHOD path` lines of HTTP request sections, normalising what real pages write:
/// absolute URLs, paths without a leading `/`, no space after the method, query strings with raw
/// spaces, `{a | b}` alternatives (also the broken `{a} | b` form), `<angle>` placeholders, and
/// trailing prose after the path.
public enum HTTPRequestParser {
    public static let methods: Set<String> = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"]

    /// Parses one line; nil when the line is not a method line.
    public static func parseLine(_ raw: Substring, location: SourceLocation) -> HTTPRequestLine? {
        let line = raw.trimmingSpacesSubstring()
        // The method's letters are counted on the bytes; where a byte beyond ASCII follows them,
        // by Characters (`POſT` upper-cases to `POST`, and a combining mark joins the last letter).
        let view = line.utf8
        var index = view.startIndex
        while index < view.endIndex, view[index].isASCIILetter { index = view.index(after: index) }
        if index < view.endIndex, view[index] >= 0x80 {
            index = line.startIndex
            while index < line.endIndex, line[index].isLetter { index = line.index(after: index) }
        }
        let method = line[line.startIndex..<index].uppercased()
        guard methods.contains(method) else { return nil }
        var rest = line[index...]
        guard let first = rest.first, first == " " || first == "\t" || first == "/" else { return nil }
        rest = rest.trimmingSpacesSubstring()
        guard !rest.isEmpty else { return nil }
        let (path, query) = splitPathAndQuery(String(rest))
        return HTTPRequestLine(method: method, path: normalizedPath(path), query: query, location: location)
    }

    /// A path cut from its query as a method line's path is normalised: host and version
    /// removed, a leading `/`.
    static func normalizedPath(_ path: String) -> String {
        let stripped = stripHost(path)
        return stripped.hasPrefix("/") ? stripped : "/" + stripped
    }

    /// The path a code span of prose names, normalised as method lines are (`POST /app/calls`,
    /// `https://graph.microsoft.com/beta/app`, `/app/calls/<id>`); nil when the span is no path:
    /// it must be a method line, start with `/`, or be a URL, with no space in the path.
    public static func path(inCodeSpan code: String) -> String? {
        let text = Substring(code).trimmingSpacesSubstring()
        if let line = parseLine(text, location: SourceLocation(line: 1, column: 1)) { return line.path }
        guard text.hasPrefix("/") || text.utf8Contains("://"), !text.utf8Contains(" ") else { return nil }
        return normalizedPath(splitPathAndQuery(String(text)).0)
    }

    /// Cuts the path at the first space outside braces (prose after it is dropped) and the query
    /// at `?`, which keeps its spaces.
    static func splitPathAndQuery(_ text: String) -> (String, String?) {
        var fixed = text
        // `{user-id} | user-principal-name/...`: a pipe outside the braces belongs inside them.
        if fixed.utf8Contains("|"), let match = pipeAfterBrace(fixed) {
            fixed.replaceSubrange(match.range, with: " | \(match.name)}")
        }
        var (path, query, open) = cut(fixed, spacesInCalls: true)
        // An unclosed `(` (prose after the path): cut at the first space after all.
        if open { (path, query, _) = cut(fixed, spacesInCalls: false) }
        // `<id>` placeholders read as `{id}`.
        if path.utf8Contains("<") { path = bracedAngles(path) }
        return (path, query?.isEmpty == true ? nil : query)
    }

    /// The path up to the first space outside braces (and, with `spacesInCalls`, outside the
    /// parentheses of a function call, where spaces after commas are dropped:
    /// `resizedRange(deltaRows={n}, deltaColumns={n})`), the query after `?`, and whether a
    /// parenthesis was left open.
    static func cut(_ text: String, spacesInCalls: Bool) -> (path: String, query: String?, open: Bool) {
        // On the bytes: every character it looks for is ASCII.
        let bytes = Array(text.utf8)
        var path: [UInt8] = []
        path.reserveCapacity(bytes.count)
        var depth = 0
        var parentheses = 0
        var quoted = false
        var query: String?
        var index = 0
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "{") { depth += 1 }
            if c == UInt8(ascii: "}") { depth = max(0, depth - 1) }
            if spacesInCalls && depth == 0 {
                if c == UInt8(ascii: "'") { quoted.toggle() }
                if !quoted && c == UInt8(ascii: "(") { parentheses += 1 }
                if !quoted && c == UInt8(ascii: ")") { parentheses = max(0, parentheses - 1) }
            }
            if depth == 0 && parentheses == 0 && c == UInt8(ascii: "?") {
                query = String(decoding: bytes[(index + 1)...], as: UTF8.self).trimmingSpaces()
                break
            }
            if depth == 0 && (c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")) {
                if parentheses == 0 { break }
                if !quoted {
                    index += 1
                    continue
                }
            }
            path.append(c)
            index += 1
        }
        return (String(decoding: path, as: UTF8.self), query, parentheses > 0)
    }

    /// The first `}`, spaces, `|`, spaces, name (`[A-Za-z0-9_-]+`): the range from the brace to
    /// the end of the name, and the name.
    static func pipeAfterBrace(_ text: String) -> (range: Range<String.Index>, name: Substring)? {
        let bytes = Array(text.utf8)
        var start = 0
        while let brace = bytes[start...].firstIndex(of: UInt8(ascii: "}")) {
            start = brace + 1
            var i = skipSpaces(bytes, from: brace + 1)
            guard i < bytes.count, bytes[i] == UInt8(ascii: "|") else { continue }
            i = skipSpaces(bytes, from: i + 1)
            var end = i
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            guard end > i else { continue }
            let view = text.utf8
            let range = view.index(view.startIndex, offsetBy: brace)..<view.index(view.startIndex, offsetBy: end)
            return (range, text[view.index(view.startIndex, offsetBy: i)..<range.upperBound])
        }
        return nil
    }

    /// Every `<name>` (`[A-Za-z0-9_-]+`) written as `{name}`.
    static func bracedAngles(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            var end = i + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            if end > i + 1, end < bytes.count, bytes[end] == UInt8(ascii: ">") {
                bytes[i] = UInt8(ascii: "{")
                bytes[end] = UInt8(ascii: "}")
                i = end + 1
            } else {
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, [9, 10, 11, 12, 13, 32].contains(bytes[i]) { i += 1 }
        return i
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetterOrDigit || byte == 95 || byte == 45
    }

    /// `https://graph.microsoft.com/v1.0/me` -> `/me`; also `/v1.0/me`, `/beta/me`.
    public static func stripHost(_ path: String) -> String {
        var p = Substring(path)
        if let scheme = p.utf8Range(of: "://") {
            p = p[scheme.upperBound...]
            if let slash = p.utf8FirstIndex(of: UInt8(ascii: "/")) { p = p[slash...] } else { p = "/" }
        }
        // The version segments are ASCII: compared and cut on the bytes.
        for version in ["/v1.0/", "/beta/", "/V1.0/", "/v1/", "/Beta/"] where p.utf8.starts(with: version.utf8) {
            p = p[p.utf8.index(p.startIndex, offsetBy: version.utf8.count - 1)...]
            break
        }
        return String(p)
    }
}

extension Substring {
    func trimmingSpacesSubstring() -> Substring {
        // On the bytes, with offsets (spaces, tabs and carriage returns are single bytes); by
        // Characters where the bytes could cut elsewhere (see `ASCIITrim.bounds`).
        let bounds = withUTF8Buffer { bytes in ASCIITrim.bounds(bytes) { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        guard let (start, end) = bounds else {
            var s = self
            while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
            // Not `dropLast()`: on a Substring it counts from the start, quadratic in a long line.
            while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s[..<s.index(before: s.endIndex)] }
            return s
        }
        if start == 0 && end == utf8.count { return self }
        let view = utf8
        return self[view.index(view.startIndex, offsetBy: start)..<view.index(view.startIndex, offsetBy: end)]
    }
}
