/// The text of the OData primitives that are strings in JSON, read once for every part of the
/// project: the runtime's `DateTimeOffset`, `DateOnly`, `TimeOfDay`, `ISODuration` and `GUID` are
/// made from what these functions read, and the linter checks the docs' examples with the same
/// functions, so it accepts exactly the texts the generated code decodes. No Foundation: the
/// generator, which links Foundation's essentials alone, uses them too.
package enum ODataLiteral {
    /// The fields of an `Edm.DateTimeOffset`.
    package struct DateTimeOffsetFields: Sendable {
        package var year, month, day, hour, minute, second: Int
        /// The fraction of the second in nanoseconds (digits beyond the ninth are ignored).
        package var nanosecond: Int
        /// The UTC offset in seconds: 0 for `Z`, -25200 for `-07:00`.
        package var utcOffsetSeconds: Int
    }

    /// `yyyy-MM-ddTHH:mm:ss`, then an optional `.` with 1 to 12 fractional digits, then `Z` or
    /// `+hh:mm` / `-hh:mm`: a real date of years 0000 to 9999, hours 0 to 23, minutes and seconds
    /// 0 to 59, offsets up to 23:59. Upper-case `T` and `Z` only; seconds are required.
    package static func dateTimeOffset(_ text: String) -> DateTimeOffsetFields? {
        var scanner = LexicalScanner(text)
        guard let year = scanner.fixedDigits(4), scanner.consume(UInt8(ascii: "-")),
            let month = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: "-")),
            let day = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: "T")),
            let hour = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let minute = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let second = scanner.fixedDigits(2),
            let nanosecond = scanner.fractionNanoseconds(maxDigits: 12),
            CivilCalendar.isValidDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }

        let offset: Int
        if scanner.consume(UInt8(ascii: "Z")) {
            offset = 0
        } else {
            let sign: Int
            if scanner.consume(UInt8(ascii: "+")) {
                sign = 1
            } else if scanner.consume(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHours = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
                let offsetMinutes = scanner.fixedDigits(2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd else { return nil }
        return DateTimeOffsetFields(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                    nanosecond: nanosecond, utcOffsetSeconds: offset)
    }

    /// `yyyy-MM-dd`: a real date of years 0000 to 9999, and nothing else.
    package static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var scanner = LexicalScanner(text)
        guard let year = scanner.fixedDigits(4), scanner.consume(UInt8(ascii: "-")),
            let month = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: "-")),
            let day = scanner.fixedDigits(2), scanner.isAtEnd,
            CivilCalendar.isValidDate(year: year, month: month, day: day)
        else { return nil }
        return (year, month, day)
    }

    /// `HH:mm:ss`, then an optional `.` with 1 to 12 fractional digits (the first nine are read
    /// as nanoseconds); hours 0 to 23, minutes and seconds 0 to 59; no zone.
    package static func timeOfDay(_ text: String) -> (hour: Int, minute: Int, second: Int, nanosecond: Int)? {
        var scanner = LexicalScanner(text)
        guard let hour = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let minute = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let second = scanner.fixedDigits(2),
            let nanosecond = scanner.fractionNanoseconds(maxDigits: 12), scanner.isAtEnd,
            hour < 24, minute < 60, second < 60
        else { return nil }
        return (hour, minute, second, nanosecond)
    }

    /// The fields of an `Edm.Duration`; an absent component is 0.
    package struct DurationFields: Sendable {
        package var isNegative: Bool
        package var years, months, weeks, days, hours, minutes: Int
        /// The `S` component including its fraction.
        package var seconds: Double
    }

    /// `[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]`: each component once and in this order, at least
    /// one, and at least one after `T` when `T` is there; only the seconds may have a fraction,
    /// with digits on both sides of the `.`; every number but the seconds fits in an `Int`.
    package static func duration(_ text: String) -> DurationFields? {
        var scanner = LexicalScanner(text)
        let negative = scanner.consume(UInt8(ascii: "-"))
        guard scanner.consume(UInt8(ascii: "P")) else { return nil }

        var dateValues = [0, 0, 0, 0]  // Y M W D
        let dateDesignators: [UInt8] = [UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "D")]
        var next = 0
        var componentCount = 0
        while let digits = scanner.digitRun() {
            guard let designator = scanner.peek,
                let index = dateDesignators[next...].firstIndex(of: designator),
                let value = Int(digits)
            else { return nil }
            _ = scanner.consume(designator)
            dateValues[index] = value
            next = index + 1
            componentCount += 1
        }

        var timeValues = [0, 0]  // H M
        var seconds = 0.0
        if scanner.consume(UInt8(ascii: "T")) {
            let timeDesignators: [UInt8] = [UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S")]
            var nextTime = 0
            var timeCount = 0
            while let digits = scanner.digitRun() {
                var fraction: Substring?
                if scanner.consume(UInt8(ascii: ".")) {
                    guard let fractionDigits = scanner.digitRun() else { return nil }
                    fraction = fractionDigits
                }
                guard let designator = scanner.peek,
                    let index = timeDesignators[nextTime...].firstIndex(of: designator),
                    fraction == nil || index == 2
                else { return nil }
                _ = scanner.consume(designator)
                if index == 2 {
                    guard let value = Double(fraction.map { "\(digits).\($0)" } ?? String(digits)) else { return nil }
                    seconds = value
                } else {
                    guard let value = Int(digits) else { return nil }
                    timeValues[index] = value
                }
                nextTime = index + 1
                timeCount += 1
            }
            guard timeCount > 0 else { return nil }
            componentCount += timeCount
        }
        guard componentCount > 0, scanner.isAtEnd else { return nil }
        return DurationFields(isNegative: negative, years: dateValues[0], months: dateValues[1], weeks: dateValues[2], days: dateValues[3],
                              hours: timeValues[0], minutes: timeValues[1], seconds: seconds)
    }

    /// 8-4-4-4-12 hexadecimal digits in either case, without braces.
    package static func isGUID(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if count == 8 || count == 13 || count == 18 || count == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
                guard isHex else { return false }
            }
            count += 1
            if count > 36 { return false }
        }
        return count == 36
    }
}
