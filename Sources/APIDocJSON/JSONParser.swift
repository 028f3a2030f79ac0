/// ASCII bytes the parser looks at.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22  // "
    static let apostrophe: UInt8 = 0x27  // '
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D

    static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }

    /// How a byte is named in a message: `'x'` when printable ASCII, else `U+XXXX`.
    static func describe(_ byte: UInt8) -> String {
        if byte > 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "U+" + hex(UInt32(byte), digits: 4)
    }

    /// Source text as a message shows it: JSON-quoted (so one line) and cut after `limit` scalars.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            cut != scalars.endIndex
        else {
            return JSONNode(value: .string(text)).jsonText()
        }
        return JSONNode(value: .string(String(scalars[..<cut]) + "…")).jsonText()
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// An array or object still open while the parser reads its contents.
struct OpenContainer {
    let isObject: Bool
    let position: JSONPosition
    var elements: [JSONNode] = []
    var members: [JSONMember] = []
    /// First position of each key; built once an object grows past a few members.
    var keyIndex: [String: JSONPosition]? = nil
    /// The key whose value is being read.
    var pendingKey = ""
    var pendingKeyPosition = JSONPosition(line: 0, column: 0)

    init(isObject: Bool, position: JSONPosition) {
        self.isObject = isObject
        self.position = position
    }
}

/// The parser's state: a cursor over UTF-8 bytes, the current line, the issues found.
///
/// Containers are kept on an explicit stack (no recursion), so depth costs heap, not call stack.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let origin: JSONPosition
    /// Columns before each line after the first that the text does not hold (the indentation of
    /// the container the text was cut out of: a list item, an indented fence).
    let indent: Int
    var index = 0
    /// Lines passed since the start of the text, and the offset where the current line starts.
    var lineIndex = 0
    var lineStart = 0
    var issues: [JSONIssue] = []
    /// The line on which a non-breaking space was last reported.
    var nonBreakingSpaceLine = -1

    init(bytes: UnsafeBufferPointer<UInt8>, origin: JSONPosition, indent: Int = 0) {
        self.bytes = bytes
        self.count = bytes.count
        self.origin = origin
        self.indent = indent
    }

    // MARK: Positions

    /// The position of `offset`, which must lie on the current line.
    func position(_ offset: Int) -> JSONPosition {
        if lineIndex == 0 {
            return JSONPosition(line: origin.line, column: origin.column + offset)
        }
        return JSONPosition(line: origin.line + lineIndex, column: indent + offset - lineStart + 1)
    }

    var here: JSONPosition { position(index) }

    /// Called for a LF or CR byte at `offset`; CR LF counts as one line break (at the LF).
    mutating func noteLineBreak(at offset: Int) {
        if bytes[offset] == Byte.carriageReturn, offset + 1 < count, bytes[offset + 1] == Byte.lineFeed {
            return
        }
        lineIndex += 1
        lineStart = offset + 1
    }

    mutating func report(_ kind: JSONLeniency, at position: JSONPosition, _ message: String) {
        issues.append(JSONIssue(kind: kind, position: position, message: message))
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Whitespace and comments

    /// Skips whitespace, `//` and `/* */` comments (each reported) and non-breaking spaces
    /// (reported as `.comment`, the kind for ignorable non-JSON text between tokens).
    mutating func skipTrivia() {
        while index < count {
            switch bytes[index] {
            case Byte.space, Byte.tab:
                index += 1
            case Byte.lineFeed, Byte.carriageReturn:
                noteLineBreak(at: index)
                index += 1
            case Byte.slash where index + 1 < count && bytes[index + 1] == Byte.slash:
                report(.comment, at: here, "'//' comment is not JSON")
                index += 2
                while index < count, bytes[index] != Byte.lineFeed, bytes[index] != Byte.carriageReturn {
                    index += 1
                }
            case Byte.slash where index + 1 < count && bytes[index + 1] == Byte.asterisk:
                let start = here
                index += 2
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == Byte.asterisk, index + 1 < count, bytes[index + 1] == Byte.slash {
                        index += 2
                        closed = true
                        break
                    }
                    if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                        noteLineBreak(at: index)
                    }
                    index += 1
                }
                report(.comment, at: start, closed ? "'/* */' comment is not JSON" : "'/*' comment is not JSON and runs to the end of the input")
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0:
                // A non-breaking space (U+00A0), pasted into some examples; reported once a line.
                if nonBreakingSpaceLine != lineIndex {
                    nonBreakingSpaceLine = lineIndex
                    report(.comment, at: here, "non-breaking space (U+00A0) between tokens is not JSON whitespace")
                }
                index += 2
            default:
                return
            }
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONParseResult {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3  // a byte order mark, which RFC 8259 lets a parser ignore
        }
        var open: [OpenContainer] = []
        var node: JSONNode

        parsing: while true {
            // A value is expected here.
            skipTrivia()
            guard index < count else { throw endOfInput(open, expecting: "a value") }
            let byte = bytes[index]
            if byte == Byte.leftBrace || byte == Byte.leftBracket {
                guard open.count < LenientJSON.maximumDepth else {
                    throw JSONSyntaxError(position: here, message: "nesting too deep: more than \(LenientJSON.maximumDepth) levels of arrays and objects")
                }
                let isObject = byte == Byte.leftBrace
                open.append(OpenContainer(isObject: isObject, position: here))
                index += 1
                skipTrivia()
                if index < count, bytes[index] == (isObject ? Byte.rightBrace : Byte.rightBracket) {
                    index += 1
                    node = close(&open)
                } else if isObject {
                    guard let ellipsis = try beginMember(&open) else { continue parsing }
                    node = ellipsis
                } else {
                    continue parsing
                }
            } else {
                node = try parseScalar()
            }

            // Attach the value to its container, then read what follows, closing containers.
            attaching: while true {
                guard !open.isEmpty else { break parsing }
                let top = open.count - 1
                if open[top].isObject {
                    open[top].members.append(JSONMember(key: open[top].pendingKey, keyPosition: open[top].pendingKeyPosition, value: node))
                } else {
                    open[top].elements.append(node)
                }
                let end = here
                skipTrivia()
                let isObject = open[top].isObject
                guard index < count else {
                    throw endOfInput(open, expecting: isObject ? "',' or '}'" : "',' or ']'")
                }
                let closing = isObject ? Byte.rightBrace : Byte.rightBracket
                let byte = bytes[index]
                if byte == closing {
                    index += 1
                    node = close(&open)
                    continue attaching
                }
                if byte == Byte.comma {
                    let comma = here
                    index += 1
                    skipTrivia()
                    if index < count, bytes[index] == closing {
                        report(.trailingComma, at: comma, "trailing ',' before '\(isObject ? "}" : "]")'")
                        index += 1
                        node = close(&open)
                        continue attaching
                    }
                } else if isObject ? startsMember(byte) : startsValue(byte) {
                    report(.missingComma, at: end, isObject ? "missing ',' between object members" : "missing ',' between array elements")
                } else if isObject {
                    throw JSONSyntaxError(position: here, message: "expected ',' or '}' after object member, found \(Byte.describe(byte))")
                } else {
                    throw JSONSyntaxError(position: here, message: "expected ',' or ']' after array element, found \(Byte.describe(byte))")
                }
                if isObject, let ellipsis = try beginMember(&open) {
                    node = ellipsis
                    continue attaching
                }
                continue parsing
            }
        }

        skipTrivia()
        if index < count {
            report(.trailingData, at: here, "extra text after the JSON value")
        }
        return JSONParseResult(node: node, issues: sortedIssues())
    }

    /// Issues in position order (stable), which the scan mostly produces already.
    private func sortedIssues() -> [JSONIssue] {
        var isSorted = true
        for (previous, next) in zip(issues, issues.dropFirst()) where next.position < previous.position {
            isSorted = false
            break
        }
        if isSorted { return issues }
        return issues.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element)
    }

    private func close(_ open: inout [OpenContainer]) -> JSONNode {
        let container = open.removeLast()
        if container.isObject {
            return JSONNode(value: .object(container.members), position: container.position)
        }
        return JSONNode(value: .array(container.elements), position: container.position)
    }

    private func endOfInput(_ open: [OpenContainer], expecting expected: String) -> JSONSyntaxError {
        guard let innermost = open.last else {
            return JSONSyntaxError(position: here, message: "unexpected end of input: expected \(expected)")
        }
        let bracket = innermost.isObject ? "{" : "["
        return JSONSyntaxError(
            position: here,
            message: "unexpected end of input: expected \(expected); the '\(bracket)' at \(innermost.position) is not closed"
        )
    }

    // MARK: Object members

    /// Reads a key and its `:`, leaving the cursor at the value (returns nil), or reads a `...`
    /// member (returns its node, to be attached without a value).
    private mutating func beginMember(_ open: inout [OpenContainer]) throws(JSONSyntaxError) -> JSONNode? {
        guard index < count else { throw endOfInput(open, expecting: "a key or '}'") }
        let top = open.count - 1
        let start = here
        let byte = bytes[index]
        let key: String
        if byte == Byte.quote || byte == Byte.apostrophe {
            key = try parseString(quote: byte)
        } else if let ellipsis = scanEllipsis() {
            open[top].pendingKey = ellipsis.stringValueOfEllipsis
            open[top].pendingKeyPosition = start
            return ellipsis
        } else if isKeyByte(byte) {
            let first = index
            while index < count, isKeyByte(bytes[index]),
                !(bytes[index] == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0)
            {
                index += 1
            }
            key = text(first..<index)
            report(.unquotedKey, at: start, "unquoted key \(Byte.quoted(key))")
        } else {
            throw JSONSyntaxError(position: start, message: "expected a string key or '}', found \(Byte.describe(byte))")
        }
        registerKey(key, at: start, in: &open[top])
        open[top].pendingKey = key
        open[top].pendingKeyPosition = start
        skipTrivia()
        guard index < count else { throw endOfInput(open, expecting: "':' after key \(Byte.quoted(key))") }
        guard bytes[index] == Byte.colon else {
            throw JSONSyntaxError(position: here, message: "expected ':' after key \(Byte.quoted(key)), found \(Byte.describe(bytes[index]))")
        }
        index += 1
        return nil
    }

    /// Reports a key already seen in this object.
    private mutating func registerKey(_ key: String, at position: JSONPosition, in container: inout OpenContainer) {
        if container.keyIndex == nil {
            if container.members.count < 16 {
                for member in container.members where member.key == key && !member.value.isEllipsis {
                    report(.duplicateKey, at: position, "duplicate key \(Byte.quoted(key)) (first at \(member.keyPosition))")
                    return
                }
                return
            }
            var index: [String: JSONPosition] = [:]
            for member in container.members where !member.value.isEllipsis && index[member.key] == nil {
                index[member.key] = member.keyPosition
            }
            container.keyIndex = index
        }
        if let first = container.keyIndex?[key] {
            report(.duplicateKey, at: position, "duplicate key \(Byte.quoted(key)) (first at \(first))")
        } else {
            container.keyIndex?[key] = position
        }
    }

    /// Bytes of an unquoted key: ASCII letters, digits, `_ $ @ . - + #`, and any non-ASCII byte.
    private func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x80...0xFF: return true
        case 0x5F, 0x24, 0x40, Byte.dot, Byte.minus, Byte.plus, 0x23: return true
        default: return false
        }
    }

    private func startsMember(_ byte: UInt8) -> Bool {
        byte == Byte.quote || byte == Byte.apostrophe || isKeyByte(byte)
    }

    /// Whether a value (possibly a bare word) can start with `byte`.
    func startsValue(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != Byte.comma && byte != Byte.colon && byte != Byte.rightBracket && byte != Byte.rightBrace
    }
}

extension JSONNode {
    /// The text of an ellipsis node (always a string).
    var stringValueOfEllipsis: String {
        if case .string(let text) = value { return text }
        return "..."
    }
}
