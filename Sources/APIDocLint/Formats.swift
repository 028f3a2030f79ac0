/// Well-formedness of OData primitive strings, checked on their UTF-8 bytes without Foundation.
///
/// The checks of `Edm.DateTimeOffset`, `Edm.Date`, `Edm.TimeOfDay`, `Edm.Duration` and `Edm.Guid`
/// mirror the parsers of the runtime's `DateTimeOffset`, `DateOnly`, `TimeOfDay`, `ISODuration`
/// and `GUID`: lint accepts exactly the example values that the generated code decodes, no more
/// and no less. The linter does not link the runtime, so the rules are written a second time
/// here; `FormatsAgreementTests` runs thousands of inputs through both and fails on any input
/// where they disagree, so a change to one side needs the same change to the other.
enum Formats {
    /// Whether `text` is a valid value of the OData primitive `type`; `true` for a type whose text
    /// is not checked here.
    static func matches(_ text: String, type: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            switch type {
            case "Edm.DateTimeOffset": return scanner.dateTimeOffset()
            case "Edm.Date": return scanner.date() && scanner.isAtEnd
            case "Edm.TimeOfDay": return scanner.time() && scanner.isAtEnd
            case "Edm.Duration": return scanner.duration()
            case "Edm.Guid": return scanner.guid()
            default: return true
            }
        }
    }

    /// Standard base64 with padding, as Graph writes Edm.Binary (and Foundation reads it).
    static func isBase64(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for c in text.utf8 {
            switch c {
            case 65...90, 97...122, 48...57, 43, 47:
                if padding > 0 { return false }
                count += 1
            case 61:
                padding += 1
                count += 1
            case 32, 10, 13, 9:
                continue
            default:
                return false
            }
        }
        return count % 4 == 0 && padding <= 2
    }

    /// A forward-only reader over the UTF-8 bytes of a value, with the steps of the runtime's
    /// `LexicalScanner`. Digits are the ASCII digits only.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// `true` when every byte has been consumed.
        var isAtEnd: Bool { position == bytes.count }

        /// Consumes `byte` when it is next.
        mutating func consume(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Consumes exactly `count` digits and returns their value.
        mutating func fixedDigits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[position + offset]
                guard Self.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += count
            return value
        }

        /// Consumes a run of one or more digits, of any length, and returns where it lies.
        mutating func digitRun() -> Range<Int>? {
            let start = position
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            return position > start ? start..<position : nil
        }

        /// Consumes an optional fraction: `.` followed by 1 to `maxDigits` digits. `false` when
        /// the `.` is not followed by 1 to `maxDigits` digits.
        mutating func fraction(maxDigits: Int) -> Bool {
            guard consume(UInt8(ascii: ".")) else { return true }
            guard let digits = digitRun() else { return false }
            return digits.count <= maxDigits
        }

        /// `yyyy-MM-dd`, a date of the proleptic Gregorian calendar (years 0000 to 9999).
        mutating func date() -> Bool {
            guard let year = fixedDigits(4), consume(UInt8(ascii: "-")),
                let month = fixedDigits(2), consume(UInt8(ascii: "-")),
                let day = fixedDigits(2)
            else { return false }
            return Self.isValidDate(year: year, month: month, day: day)
        }

        /// `HH:mm:ss` (hours 00 to 23, minutes and seconds 00 to 59), then an optional fraction
        /// of 1 to 12 digits.
        mutating func time() -> Bool {
            guard let hour = fixedDigits(2), consume(UInt8(ascii: ":")),
                let minute = fixedDigits(2), consume(UInt8(ascii: ":")),
                let second = fixedDigits(2), fraction(maxDigits: 12)
            else { return false }
            return hour < 24 && minute < 60 && second < 60
        }

        /// A date, `T`, a time, then `Z` or `+hh:mm` / `-hh:mm` (hours 00 to 23, minutes 00 to 59).
        /// The letters are upper-case only.
        mutating func dateTimeOffset() -> Bool {
            guard date(), consume(UInt8(ascii: "T")), time() else { return false }
            if !consume(UInt8(ascii: "Z")) {
                guard consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-")),
                    let hours = fixedDigits(2), consume(UInt8(ascii: ":")),
                    let minutes = fixedDigits(2), hours < 24, minutes < 60
                else { return false }
            }
            return isAtEnd
        }

        /// `[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]`, upper-case, with each component at most once
        /// and in this order, at least one component, and at least one after `T` when `T` is
        /// present. Only the seconds may have a fraction. Every number but the seconds must fit
        /// in `Int`, which the runtime reads it into; the seconds, read as a `Double`, may have
        /// any number of digits.
        mutating func duration() -> Bool {
            _ = consume(UInt8(ascii: "-"))
            guard consume(UInt8(ascii: "P")) else { return false }
            var components = 0
            var nextDate = 0
            while let digits = digitRun() {
                guard position < bytes.count, let index = Self.dateDesignatorIndex(bytes[position]),
                    index >= nextDate, fitsInInt(digits)
                else { return false }
                position += 1
                nextDate = index + 1
                components += 1
            }
            if consume(UInt8(ascii: "T")) {
                var nextTime = 0
                var timeComponents = 0
                while let digits = digitRun() {
                    let hasFraction = consume(UInt8(ascii: "."))
                    if hasFraction, digitRun() == nil { return false }
                    guard position < bytes.count, let index = Self.timeDesignatorIndex(bytes[position]),
                        index >= nextTime
                    else { return false }
                    if index != 2, hasFraction || !fitsInInt(digits) { return false }
                    position += 1
                    nextTime = index + 1
                    timeComponents += 1
                }
                guard timeComponents > 0 else { return false }
                components += timeComponents
            }
            return components > 0 && isAtEnd
        }

        /// 8-4-4-4-12 hexadecimal digits in either case, without braces.
        func guid() -> Bool {
            guard bytes.count == 36 else { return false }
            for (index, byte) in bytes.enumerated() {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard byte == UInt8(ascii: "-") else { return false }
                } else {
                    guard Self.isDigit(byte) || (65...70).contains(byte) || (97...102).contains(byte) else { return false }
                }
            }
            return true
        }

        /// Whether the digits at `range` denote a number no greater than `Int.max`.
        func fitsInInt(_ range: Range<Int>) -> Bool {
            var value = 0
            for index in range {
                let (tens, tensOverflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, sumOverflow) = tens.addingReportingOverflow(Int(bytes[index] - 48))
                if tensOverflow || sumOverflow { return false }
                value = sum
            }
            return true
        }

        /// Whether `byte` is an ASCII digit.
        static func isDigit(_ byte: UInt8) -> Bool {
            byte >= 48 && byte <= 57
        }

        /// The place of `Y`, `M`, `W` or `D` in the order of a duration's date components.
        static func dateDesignatorIndex(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "Y"): return 0
            case UInt8(ascii: "M"): return 1
            case UInt8(ascii: "W"): return 2
            case UInt8(ascii: "D"): return 3
            default: return nil
            }
        }

        /// The place of `H`, `M` or `S` in the order of a duration's time components.
        static func timeDesignatorIndex(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "H"): return 0
            case UInt8(ascii: "M"): return 1
            case UInt8(ascii: "S"): return 2
            default: return nil
            }
        }

        /// Whether the numbers form a date of the proleptic Gregorian calendar in years 0 to 9999.
        static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
            guard (0...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
            switch month {
            case 2:
                let isLeapYear = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                return day <= (isLeapYear ? 29 : 28)
            case 4, 6, 9, 11: return day <= 30
            default: return day <= 31
            }
        }
    }
}
