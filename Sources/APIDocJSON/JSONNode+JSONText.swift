extension JSONNode {
    /// Renders compact strict JSON: members in order, ellipsis elements and members left out.
    ///
    /// A number keeps its literal text, except that leading zeros are dropped (`007` -> `7`) and a
    /// literal that is no JSON number at all (only possible in a hand-built node) is written as a
    /// string. A top-level ellipsis node renders as `null`.
    public func jsonText() -> String {
        var output: [UInt8] = []
        if isEllipsis {
            output.append(contentsOf: "null".utf8)
        } else {
            JSONNode.write(value, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONNodeValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let literal):
            if let strict = strictNumber(literal) {
                output.append(contentsOf: strict)
            } else {
                writeString(literal, to: &output)
            }
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            output.append(Byte.leftBracket)
            var first = true
            for element in elements where !element.isEllipsis {
                if !first { output.append(Byte.comma) }
                first = false
                write(element.value, to: &output)
            }
            output.append(Byte.rightBracket)
        case .object(let members):
            output.append(Byte.leftBrace)
            var first = true
            for member in members where !member.value.isEllipsis {
                if !first { output.append(Byte.comma) }
                first = false
                writeString(member.key, to: &output)
                output.append(Byte.colon)
                write(member.value.value, to: &output)
            }
            output.append(Byte.rightBrace)
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(Byte.quote)
        for byte in text.utf8 {
            switch byte {
            case Byte.quote, Byte.backslash:
                output.append(Byte.backslash)
                output.append(byte)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case Byte.lineFeed: output.append(contentsOf: "\\n".utf8)
            case Byte.carriageReturn: output.append(contentsOf: "\\r".utf8)
            case Byte.tab: output.append(contentsOf: "\\t".utf8)
            case 0..<0x20: output.append(contentsOf: ("\\u" + Byte.hex(UInt32(byte), digits: 4)).utf8)
            default: output.append(byte)
            }
        }
        output.append(Byte.quote)
    }

    /// The literal as a strict JSON number (leading zeros dropped), or nil when it is not a number.
    private static func strictNumber(_ literal: String) -> [UInt8]? {
        let bytes = Array(literal.utf8)
        var offset = 0
        var result: [UInt8] = []
        if offset < bytes.count, bytes[offset] == Byte.minus {
            result.append(Byte.minus)
            offset += 1
        }
        let integerStart = offset
        while offset < bytes.count, Byte.isDigit(bytes[offset]) { offset += 1 }
        guard offset > integerStart else { return nil }
        var significant = integerStart
        while significant < offset - 1, bytes[significant] == Byte.zero { significant += 1 }
        result.append(contentsOf: bytes[significant..<offset])
        if offset < bytes.count, bytes[offset] == Byte.dot {
            let fractionStart = offset + 1
            offset += 1
            while offset < bytes.count, Byte.isDigit(bytes[offset]) { offset += 1 }
            guard offset > fractionStart else { return nil }
            result.append(contentsOf: bytes[fractionStart - 1..<offset])
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            let exponentStart = offset
            offset += 1
            if offset < bytes.count, bytes[offset] == Byte.plus || bytes[offset] == Byte.minus { offset += 1 }
            let digitsStart = offset
            while offset < bytes.count, Byte.isDigit(bytes[offset]) { offset += 1 }
            guard offset > digitsStart else { return nil }
            result.append(contentsOf: bytes[exponentStart..<offset])
        }
        return offset == bytes.count ? result : nil
    }
}
