/// Path globs as in `.gitignore`-style tools: `*` matches any run of characters within one path
/// segment, `?` one character other than `/`, `**` any run of characters across segments, and
/// `**/` zero or more whole folders (`docs/**/x.md` matches `docs/x.md` and `docs/a/b/x.md`).
/// Everything else matches itself; matching is case-sensitive and covers the whole path.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case literal(Character)
        /// `?`
        case one
        /// `*`
        case segment
        /// `**` not followed by `/`
        case any
        /// `**/`
        case folders
    }

    public let pattern: String
    let tokens: [Token]

    public init(_ pattern: String) {
        self.pattern = pattern
        var tokens: [Token] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" {
                if i + 1 < chars.count, chars[i + 1] == "*" {
                    var j = i + 2
                    while j < chars.count, chars[j] == "*" { j += 1 }
                    if j < chars.count, chars[j] == "/" {
                        tokens.append(.folders)
                        i = j + 1
                    } else {
                        tokens.append(.any)
                        i = j
                    }
                    continue
                }
                tokens.append(.segment)
            } else if c == "?" {
                tokens.append(.one)
            } else {
                tokens.append(.literal(c))
            }
            i += 1
        }
        self.tokens = tokens
    }

    public var description: String { pattern }

    /// True when the whole of `path` matches.
    public func matches(_ path: String) -> Bool {
        let text = Array(path)
        // memo[t][p]: nil unknown, else the answer; iterative-friendly sizes (patterns are short).
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: text.count + 1), count: tokens.count + 1)
        func match(_ t: Int, _ p: Int) -> Bool {
            if let known = memo[t][p] { return known }
            let result: Bool
            if t == tokens.count {
                result = p == text.count
            } else {
                switch tokens[t] {
                case .literal(let c):
                    result = p < text.count && text[p] == c && match(t + 1, p + 1)
                case .one:
                    result = p < text.count && text[p] != "/" && match(t + 1, p + 1)
                case .segment:
                    var q = p
                    var found = match(t + 1, q)
                    while !found, q < text.count, text[q] != "/" {
                        q += 1
                        found = match(t + 1, q)
                    }
                    result = found
                case .any:
                    var q = p
                    var found = match(t + 1, q)
                    while !found, q < text.count {
                        q += 1
                        found = match(t + 1, q)
                    }
                    result = found
                case .folders:
                    // Zero folders, or skip to just after any later `/`.
                    var found = match(t + 1, p)
                    var q = p
                    while !found, q < text.count {
                        if text[q] == "/" { found = match(t + 1, q + 1) }
                        q += 1
                    }
                    result = found
                }
            }
            memo[t][p] = result
            return result
        }
        return match(0, 0)
    }
}

/// Include and exclude globs: a name passes when it matches some include glob (or there are none)
/// and no exclude glob.
public struct GlobFilter: Hashable, Sendable {
    public var include: [Glob]
    public var exclude: [Glob]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include.map(Glob.init)
        self.exclude = exclude.map(Glob.init)
    }

    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    public func allows(_ name: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(name) }) && !exclude.contains { $0.matches(name) }
    }
}
