/// A forward-only reader over the ASCII bytes of an OData literal, used by `ODataLiteral` to
/// validate and split the text of the primitive types, and by the runtime for HTTP dates.
package struct LexicalScanner {
    private let bytes: [UInt8]
    package private(set) var position = 0

    package init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// `true` when every byte has been consumed.
    package var isAtEnd: Bool { position == bytes.count }

    /// The next byte, without consuming it.
    package var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Consumes `byte` when it is next.
    package mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Consumes exactly `count` decimal digits and returns their value.
    package mutating func fixedDigits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            guard let digit = Self.digitValue(bytes[position + offset]) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Consumes a run of one or more decimal digits and returns their text (no limit on length).
    package mutating func digitRun() -> Substring? {
        let start = position
        while let byte = peek, Self.digitValue(byte) != nil { position += 1 }
        guard position > start else { return nil }
        return Substring(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Consumes an optional fraction: `.` followed by 1...`maxDigits` digits. Returns the
    /// nanoseconds it denotes (digits beyond the ninth are ignored), 0 when there is no `.`,
    /// or `nil` when the `.` is not followed by 1...`maxDigits` digits.
    package mutating func fractionNanoseconds(maxDigits: Int) -> Int? {
        guard consume(UInt8(ascii: ".")) else { return 0 }
        guard let digits = digitRun(), digits.count <= maxDigits else { return nil }
        var nanoseconds = 0
        for (index, character) in digits.prefix(9).enumerated() {
            nanoseconds += (Int(character.asciiValue!) - 48) * Self.powersOfTen[8 - index]
        }
        return nanoseconds
    }

    package static func digitValue(_ byte: UInt8) -> Int? {
        (48...57).contains(byte) ? Int(byte) - 48 : nil
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
}
