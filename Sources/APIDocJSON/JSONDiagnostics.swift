/// A place in a page: 1-based line, and 1-based column counted in UTF-8 bytes (as cmark counts).
public struct JSONPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: JSONPosition, rhs: JSONPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the tail of a compiler-style `file:line:column` location.
    public var description: String { "\(line):\(column)" }
}

/// A departure from strict JSON (RFC 8259) that the lenient parser forgave.
public enum JSONLeniency: String, Hashable, Sendable, CaseIterable {
    /// `{ "a": 1, }` or `[1, 2, ]`; reported at the comma.
    case trailingComma
    /// `// ...` or `/* ... */`, reported at the comment's first `/`; also other ignorable non-JSON
    /// text between tokens: non-breaking spaces (U+00A0), reported once a line.
    case comment
    /// `{ isCollection: true }`; reported at the key.
    case unquotedKey
    /// `'text'`; reported at the opening quote.
    case singleQuotedString
    /// Raw bytes below U+0020 (TAB, LF, ...) inside a string, kept as they are; reported once a
    /// string, at the first of them.
    case controlCharacterInString
    /// `...` (or `…`) standing for omitted elements, members or a value; reported at its first dot.
    case ellipsis
    /// An unquoted word as a value (`String`, `microsoft.graph.x`), read as a string; reported at the word.
    case bareWord
    /// A number such as `0000000000` or `-01.5`; reported at the number, literal text kept.
    case leadingZero
    /// Two elements or members with no `,` between; reported right after the first one.
    case missingComma
    /// A key that already occurred in the same object; reported at the second key. Both are kept.
    case duplicateKey
    /// Text after the first complete top-level value; reported at its start. The first value is returned.
    case trailingData
}

/// One forgiven defect and where it is.
public struct JSONIssue: Hashable, Sendable, CustomStringConvertible {
    public var kind: JSONLeniency
    public var position: JSONPosition
    public var message: String

    public init(kind: JSONLeniency, position: JSONPosition, message: String) {
        self.kind = kind
        self.position = position
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}

/// Input that even the lenient parser cannot read, with the position of the problem.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: JSONPosition
    public var message: String

    public init(position: JSONPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
