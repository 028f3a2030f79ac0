import Foundation
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
        var index = line.startIndex
        while index < line.endIndex, line[index].isLetter { index = line.index(after: index) }
        let method = line[line.startIndex..<index].uppercased()
        guard methods.contains(method) else { return nil }
        var rest = line[index...]
        guard let first = rest.first, first == " " || first == "\t" || first == "/" else { return nil }
        rest = rest.trimmingSpacesSubstring()
        guard !rest.isEmpty else { return nil }
        var (path, query) = splitPathAndQuery(String(rest))
        path = stripHost(path)
        if !path.hasPrefix("/") { path = "/" + path }
        return HTTPRequestLine(method: method, path: path, query: query, location: location)
    }

    /// Cuts the path at the first space outside braces (prose after it is dropped) and the query
    /// at `?`, which keeps its spaces.
    static func splitPathAndQuery(_ text: String) -> (String, String?) {
        var fixed = text
        // `{user-id} | user-principal-name/...`: a pipe outside the braces belongs inside them.
        if fixed.contains("|"), let range = fixed.range(of: #"\}\s*\|\s*([A-Za-z0-9_\-]+)"#, options: .regularExpression) {
            let alternative = fixed[range].drop { $0 != "|" }.dropFirst().trimmingSpacesSubstring()
            fixed.replaceSubrange(range, with: " | \(alternative)}")
        }
        var (path, query, open) = cut(fixed, spacesInCalls: true)
        // An unclosed `(` (prose after the path): cut at the first space after all.
        if open { (path, query, _) = cut(fixed, spacesInCalls: false) }
        // `<id>` placeholders read as `{id}`.
        if path.contains("<") {
            path = path.replacingOccurrences(of: #"<([A-Za-z0-9_\-]+)>"#, with: "{$1}", options: .regularExpression)
        }
        return (path, query?.isEmpty == true ? nil : query)
    }

    /// The path up to the first space outside braces (and, with `spacesInCalls`, outside the
    /// parentheses of a function call, where spaces after commas are dropped:
    /// `resizedRange(deltaRows={n}, deltaColumns={n})`), the query after `?`, and whether a
    /// parenthesis was left open.
    static func cut(_ text: String, spacesInCalls: Bool) -> (path: String, query: String?, open: Bool) {
        var path = ""
        var depth = 0
        var parentheses = 0
        var quoted = false
        var query: String?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "{" { depth += 1 }
            if c == "}" { depth = max(0, depth - 1) }
            if spacesInCalls && depth == 0 {
                if c == "'" { quoted.toggle() }
                if !quoted && c == "(" { parentheses += 1 }
                if !quoted && c == ")" { parentheses = max(0, parentheses - 1) }
            }
            if depth == 0 && parentheses == 0 && c == "?" {
                query = String(text[text.index(after: index)...]).trimmingSpaces()
                break
            }
            if depth == 0 && (c == " " || c == "\t") {
                if parentheses == 0 { break }
                if !quoted {
                    index = text.index(after: index)
                    continue
                }
            }
            path.append(c)
            index = text.index(after: index)
        }
        return (path, query, parentheses > 0)
    }

    /// `https://graph.microsoft.com/v1.0/me` -> `/me`; also `/v1.0/me`, `/beta/me`.
    public static func stripHost(_ path: String) -> String {
        var p = Substring(path)
        if let scheme = p.range(of: "://") {
            p = p[scheme.upperBound...]
            if let slash = p.firstIndex(of: "/") { p = p[slash...] } else { p = "/" }
        }
        for version in ["/v1.0/", "/beta/", "/V1.0/", "/v1/", "/Beta/"] where p.hasPrefix(version) {
            p = p.dropFirst(version.count - 1)
            break
        }
        return String(p)
    }
}

extension Substring {
    func trimmingSpacesSubstring() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        // Not `dropLast()`: on a Substring it counts from the start, quadratic in a long line.
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s[..<s.index(before: s.endIndex)] }
        return s
    }
}
