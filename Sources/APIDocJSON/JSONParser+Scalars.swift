extension JSONParser {
    /// Reads a value that is not an array or object: string, number, literal, ellipsis or bare word.
    mutating func parseScalar() throws(JSONSyntaxError) -> JSONNode {
        let start = here
        let byte = bytes[index]
        switch byte {
        case Byte.quote, Byte.apostrophe:
            return JSONNode(value: .string(try parseString(quote: byte)), position: start)
        case Byte.minus, Byte.zero...Byte.nine:
            if let number = scanNumber() {
                return JSONNode(value: .number(number), position: start)
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if let literal = scanLiteral() {
                return JSONNode(value: literal, position: start)
            }
        default:
            if let ellipsis = scanEllipsis() {
                return ellipsis
            }
        }
        guard startsValue(byte) else {
            throw JSONSyntaxError(position: start, message: "expected a value, found \(Byte.describe(byte))")
        }
        let end = bareWordEnd(from: index)
        let word = text(index..<end)
        index = end
        report(.bareWord, at: start, "bare word \(Byte.quoted(word)) read as a string")
        return JSONNode(value: .string(word), position: start)
    }

    /// Whether a token may end before `offset`: end of input, whitespace (U+00A0 too), `,`, `]`, `}` or a comment.
    private func isDelimiter(at offset: Int) -> Bool {
        guard offset < count else { return true }
        switch bytes[offset] {
        case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn, Byte.comma, Byte.rightBracket, Byte.rightBrace:
            return true
        case Byte.slash:
            return offset + 1 < count && (bytes[offset + 1] == Byte.slash || bytes[offset + 1] == Byte.asterisk)
        case 0xC2:
            return offset + 1 < count && bytes[offset + 1] == 0xA0  // a non-breaking space
        default:
            return false
        }
    }

    /// The end of a bare word starting at `start`: it runs to `,`, `]`, `}`, a line break, a control
    /// character or a comment after a space, and leaves out trailing spaces, tabs and U+00A0.
    private func bareWordEnd(from start: Int) -> Int {
        var offset = start
        var end = start
        while offset < count {
            let byte = bytes[offset]
            if byte == Byte.comma || byte == Byte.rightBracket || byte == Byte.rightBrace || (byte < 0x20 && byte != Byte.tab) {
                break
            }
            if byte == Byte.slash, offset > start, offset + 1 < count,
                bytes[offset + 1] == Byte.slash || bytes[offset + 1] == Byte.asterisk,
                bytes[offset - 1] == Byte.space || bytes[offset - 1] == Byte.tab
            {
                break
            }
            if byte == 0xC2, offset + 1 < count, bytes[offset + 1] == 0xA0 {
                offset += 2  // a non-breaking space, trimmed like a space
                continue
            }
            offset += 1
            if byte != Byte.space && byte != Byte.tab {
                end = offset
            }
        }
        return end
    }

    /// `true`, `false` or `null` followed by a delimiter.
    private mutating func scanLiteral() -> JSONNodeValue? {
        let word: StaticString
        let value: JSONNodeValue
        switch bytes[index] {
        case UInt8(ascii: "t"): (word, value) = ("true", .bool(true))
        case UInt8(ascii: "f"): (word, value) = ("false", .bool(false))
        default: (word, value) = ("null", .null)
        }
        let length = word.utf8CodeUnitCount
        guard index + length <= count else { return nil }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] {
            return nil
        }
        guard isDelimiter(at: index + length) else { return nil }
        index += length
        return value
    }

    /// A JSON number (leading zeros allowed, and reported) followed by a delimiter; nil leaves the
    /// cursor in place so the text can be read as a bare word instead.
    private mutating func scanNumber() -> String? {
        let start = index
        var offset = index
        if bytes[offset] == Byte.minus { offset += 1 }
        let integerStart = offset
        while offset < count, Byte.isDigit(bytes[offset]) { offset += 1 }
        guard offset > integerStart else { return nil }
        let hasLeadingZero = bytes[integerStart] == Byte.zero && offset - integerStart > 1
        if offset < count, bytes[offset] == Byte.dot {
            offset += 1
            let fractionStart = offset
            while offset < count, Byte.isDigit(bytes[offset]) { offset += 1 }
            guard offset > fractionStart else { return nil }
        }
        if offset < count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < count, bytes[offset] == Byte.plus || bytes[offset] == Byte.minus { offset += 1 }
            let exponentStart = offset
            while offset < count, Byte.isDigit(bytes[offset]) { offset += 1 }
            guard offset > exponentStart else { return nil }
        }
        guard isDelimiter(at: offset) else { return nil }
        let literal = text(start..<offset)
        if hasLeadingZero {
            report(.leadingZero, at: here, "number \(Byte.quoted(literal)) has leading zeros")
        }
        index = offset
        return literal
    }

    /// An ellipsis: two or more dots or `…` (U+2026), with whatever follows up to the end of a bare
    /// word (`... more items`), as a string node flagged `isEllipsis`.
    mutating func scanEllipsis() -> JSONNode? {
        var offset = index
        var dots = 0
        var ellipses = 0
        while offset < count {
            if bytes[offset] == Byte.dot {
                dots += 1
                offset += 1
            } else if offset + 2 < count, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xA6 {
                ellipses += 1
                offset += 3
            } else {
                break
            }
        }
        guard dots >= 2 || ellipses >= 1 else { return nil }
        let start = here
        let end = bareWordEnd(from: index)
        let placeholder = text(index..<end)
        report(.ellipsis, at: start, "\(Byte.quoted(placeholder)) stands for omitted content")
        index = end
        return JSONNode(value: .string(placeholder), position: start, isEllipsis: true)
    }

    // MARK: Strings

    /// Reads a string delimited by `quote` (`"` or `'`, the latter reported), cursor at the opening quote.
    mutating func parseString(quote: UInt8) throws(JSONSyntaxError) -> String {
        let start = here
        if quote == Byte.apostrophe {
            report(.singleQuotedString, at: start, "single-quoted string")
        }
        index += 1
        var segmentStart = index
        var decoded: [UInt8] = []
        var hasEscapes = false
        var controlCharacters = 0
        var controlIssue = 0
        while true {
            guard index < count else {
                throw JSONSyntaxError(position: start, message: "unterminated string: no closing \(quote == Byte.quote ? "'\"'" : "\"'\"") before the end of input")
            }
            let byte = bytes[index]
            if byte == quote {
                break
            }
            if byte == Byte.backslash {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                hasEscapes = true
                try parseEscape(into: &decoded, quote: quote, stringStart: start)
                segmentStart = index
                continue
            }
            if byte < 0x20 {
                // One issue per string, at its first raw control character.
                if controlCharacters == 0 {
                    controlIssue = issues.count
                    report(.controlCharacterInString, at: here, "raw control character \(Byte.describe(byte)) in string")
                }
                controlCharacters += 1
                if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                    noteLineBreak(at: index)
                }
            }
            index += 1
        }
        if controlCharacters > 1 {
            issues[controlIssue].message += " (\(controlCharacters) raw control characters in this string)"
        }
        let result: String
        if hasEscapes {
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
            result = String(decoding: decoded, as: UTF8.self)
        } else {
            result = text(segmentStart..<index)
        }
        index += 1
        return result
    }

    /// Decodes one escape sequence (cursor at the backslash) and appends its UTF-8.
    private mutating func parseEscape(into decoded: inout [UInt8], quote: UInt8, stringStart: JSONPosition) throws(JSONSyntaxError) {
        let escapePosition = here
        guard index + 1 < count else {
            throw JSONSyntaxError(position: stringStart, message: "unterminated string: input ends inside an escape sequence")
        }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case Byte.quote, Byte.backslash, Byte.slash: decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(Byte.lineFeed)
        case UInt8(ascii: "r"): decoded.append(Byte.carriageReturn)
        case UInt8(ascii: "t"): decoded.append(Byte.tab)
        case Byte.apostrophe where quote == Byte.apostrophe: decoded.append(letter)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: escapePosition)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A high surrogate pairs with an immediately following \u low surrogate.
                if index + 1 < count, bytes[index] == Byte.backslash, bytes[index + 1] == UInt8(ascii: "u") {
                    let saved = index
                    let lowPosition = here
                    index += 2
                    let low = try hexQuad(escapeAt: lowPosition)
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = saved
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                scalar = 0xFFFD  // a lone low surrogate cannot be represented
            }
            appendUTF8(scalar, to: &decoded)
        default:
            let shown = letter >= 0x20 && letter < 0x7F ? "\\\(Character(Unicode.Scalar(letter)))" : "\\ followed by \(Byte.describe(letter))"
            throw JSONSyntaxError(position: escapePosition, message: "invalid escape sequence '\(shown)' in string")
        }
    }

    /// Four hex digits after `\u` (cursor after the `u`).
    private mutating func hexQuad(escapeAt position: JSONPosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < count else {
                throw JSONSyntaxError(position: position, message: "invalid '\\u' escape: expected four hex digits")
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONSyntaxError(position: position, message: "invalid '\\u' escape: expected four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}

/// Appends the UTF-8 encoding of a Unicode scalar value (not a surrogate).
func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        bytes.append(UInt8(scalar))
    case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | scalar >> 6))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | scalar >> 12))
        bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | scalar >> 18))
        bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
    }
}
