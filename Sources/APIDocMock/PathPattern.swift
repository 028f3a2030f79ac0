import APIDocExtraction
import Foundation

/// A documented path (`/communications/calls/{id}/participants`), or the path of a request
/// example's URL, as segment patterns that request paths are matched against.
///
/// Matching rules, the same for templates and example paths:
///
/// - Segments are compared without regard to letter case (Graph's URLs are case-insensitive)
///   after percent-decoding; empty segments (a trailing `/`, `//`) are ignored.
/// - A `{placeholder}` (also `{id | userPrincipalName}`) matches one or more characters of one
///   segment; placeholders may stand inside a segment, as in function calls
///   (`getSchedule(start='{start}')`) or `{id}.json`.
/// - A function call without arguments matches with or without its parentheses:
///   `delta()` and `delta` are the same segment.
/// - A placeholder segment right after a segment ending in `:` (OneDrive's path addressing,
///   `root:/{item-path}:/content`) may span several request segments.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    enum Piece: Sendable, Hashable {
        /// Lower-cased text that must appear as written.
        case literal(String)
        /// One or more characters.
        case parameter
    }

    struct Segment: Sendable, Hashable {
        var pieces: [Piece]
        /// True when the segment may match several request segments joined by `/`.
        var spans: Bool

        /// How specific a match by this segment is: a literal segment beats one with a
        /// placeholder inside text, which beats a bare placeholder, which beats a spanning one.
        var specificity: Int {
            if spans { return 0 }
            let literals = pieces.filter { if case .literal = $0 { return true } else { return false } }.count
            if literals == pieces.count { return 3 }
            return literals > 0 ? 2 : 1
        }

        var isParameter: Bool { pieces == [.parameter] }

        /// Whether `text` (a canonical request segment, or several joined by `/`) matches.
        func matches(_ text: String) -> Bool {
            Self.match(Substring(text), pieces[...])
        }

        private static func match(_ text: Substring, _ pieces: ArraySlice<Piece>) -> Bool {
            guard let first = pieces.first else { return text.isEmpty }
            let rest = pieces.dropFirst()
            switch first {
            case .literal(let literal):
                guard text.hasPrefix(literal) else { return false }
                return match(text.dropFirst(literal.count), rest)
            case .parameter:
                guard !text.isEmpty else { return false }
                if rest.isEmpty { return true }
                var end = text.index(after: text.startIndex)
                while true {
                    if match(text[end...], rest) { return true }
                    guard end < text.endIndex else { return false }
                    end = text.index(after: end)
                }
            }
        }
    }

    /// The path: without scheme, host, version segment and query; with a leading `/`.
    public let text: String
    let segments: [Segment]

    /// Parses a path: a template from an HTTP request section or the path of an example's URL.
    /// A scheme and host, a leading `/v1.0` or `/beta`, and anything from `?` on are dropped.
    public init(_ path: String) {
        var path = HTTPRequestParser.stripHost(path)
        if let question = Self.indexOutsideBraces(of: "?", in: path) { path = String(path[..<question]) }
        if !path.hasPrefix("/") { path = "/" + path }
        text = path
        var segments: [Segment] = []
        for raw in Self.splitOutsideBraces(path) {
            let canonical = Self.canonical(raw, decode: true)
            var pieces: [Piece] = []
            var literal = ""
            var depth = 0
            for character in canonical {
                if character == "{" {
                    if depth == 0 && !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                    depth += 1
                } else if character == "}" && depth > 0 {
                    depth -= 1
                    if depth == 0 && pieces.last != .parameter { pieces.append(.parameter) }
                } else if depth == 0 {
                    literal.append(character)
                }
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            let spans = segments.last.map { previous in
                if case .literal(let last)? = previous.pieces.last { return last.hasSuffix(":") }
                return false
            } ?? false
            segments.append(Segment(pieces: pieces, spans: spans && pieces.contains(.parameter)))
        }
        self.segments = segments
    }

    init(text: String, segments: [Segment]) {
        self.text = text
        self.segments = segments
    }

    public var description: String { text }

    /// True when the pattern has no placeholder: it matches one path only.
    public var isConcrete: Bool {
        segments.allSatisfy { $0.pieces.allSatisfy { $0 != .parameter } }
    }

    /// The specificity of each segment when `request` (canonical segments, see
    /// ``requestSegments(_:)``) matches, else nil. Of two patterns that match, the one whose
    /// vector is lexicographically greater is the more specific.
    public func match(_ request: [String]) -> [Int]? {
        match(from: 0, request[...])
    }

    private func match(from index: Int, _ request: ArraySlice<String>) -> [Int]? {
        guard index < segments.count else { return request.isEmpty ? [] : nil }
        let segment = segments[index]
        guard let first = request.first else { return nil }
        if segment.spans {
            for count in 1...request.count {
                let joined = request.prefix(count).joined(separator: "/")
                if segment.matches(joined), let rest = match(from: index + 1, request.dropFirst(count)) {
                    return [segment.specificity] + rest
                }
            }
            return nil
        }
        guard segment.matches(first), let rest = match(from: index + 1, request.dropFirst()) else { return nil }
        return [segment.specificity] + rest
    }

    /// The same path addressed the other way round: `/users/{id}/...` as `/me/...`, and `/me/...`
    /// as `/users/{id}/...`; nil for other paths.
    public func meAlias() -> PathPattern? {
        if segments.count >= 2, segments[0].pieces == [.literal("users")], segments[1].isParameter {
            let rest = segments.dropFirst(2)
            return PathPattern(text: "/me" + Self.rest(of: text, dropping: 2), segments: [Segment(pieces: [.literal("me")], spans: false)] + rest)
        }
        if let first = segments.first, first.pieces == [.literal("me")] {
            let users = [Segment(pieces: [.literal("users")], spans: false), Segment(pieces: [.parameter], spans: false)]
            return PathPattern(text: "/users/{id}" + Self.rest(of: text, dropping: 1), segments: users + segments.dropFirst())
        }
        return nil
    }

    /// The segments of a request target as matched: the path without query or fragment, without
    /// a scheme and host, without a leading `v1.0` or `beta` segment, each segment
    /// percent-decoded, lower-cased and without a trailing `()`; empty segments left out.
    public static func requestSegments(_ target: String) -> [String] {
        var path = Substring(target)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path.firstIndex(of: "/").map { path[$0...] } ?? ""
        }
        var segments = path.split(separator: "/").map { canonical($0, decode: true) }
        if let first = segments.first, first == "v1.0" || first == "beta" { segments.removeFirst() }
        return segments
    }

    /// A segment as compared: percent-decoded (when `decode`), lower-cased, without a trailing `()`.
    static func canonical(_ segment: Substring, decode: Bool) -> String {
        var text = decode ? (segment.removingPercentEncoding ?? String(segment)) : String(segment)
        text = text.lowercased()
        if text.hasSuffix("()") && text.count > 2 { text.removeLast(2) }
        return text
    }

    /// `path` split at `/` outside braces, empty segments left out.
    static func splitOutsideBraces(_ path: String) -> [Substring] {
        var result: [Substring] = []
        var depth = 0
        var start = path.startIndex
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if character == "/" && depth == 0 {
                if start < index { result.append(path[start..<index]) }
                start = path.index(after: index)
            }
            index = path.index(after: index)
        }
        if start < path.endIndex { result.append(path[start...]) }
        return result
    }

    static func indexOutsideBraces(of target: Character, in path: String) -> String.Index? {
        var depth = 0
        var index = path.startIndex
        while index < path.endIndex {
            let character = path[index]
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if character == target && depth == 0 { return index }
            index = path.index(after: index)
        }
        return nil
    }

    /// `text` without its first `count` segments, starting with `/` (empty when none are left).
    private static func rest(of text: String, dropping count: Int) -> String {
        let parts = splitOutsideBraces(text)
        let kept = parts.dropFirst(count)
        return kept.isEmpty ? "" : "/" + kept.joined(separator: "/")
    }
}
