import Foundation

/// An OData `Edm.Duration` in ISO 8601 form, such as `PT1H30M`, `P1DT12H`, `-PT0.5S` or `P2W`.
///
/// Accepted text: `[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one component, and at
/// least one component after `T` when `T` is present (`P` and `PT` alone are invalid). Only the
/// seconds may have a fraction. The value keeps the exact text in ``rawValue`` and encodes it
/// back unchanged. Equality and hashing compare ``rawValue``: `PT60M` and `PT1H` differ.
public struct ISODuration: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exact text of the value.
    public let rawValue: String
    /// `true` when the text starts with `-`.
    public let isNegative: Bool
    /// The `Y` component, 0 when absent.
    public let years: Int
    /// The `M` component before `T`, 0 when absent.
    public let months: Int
    /// The `W` component, 0 when absent.
    public let weeks: Int
    /// The `D` component, 0 when absent.
    public let days: Int
    /// The `H` component, 0 when absent.
    public let hours: Int
    /// The `M` component after `T`, 0 when absent.
    public let minutes: Int
    /// The `S` component including its fraction, 0 when absent.
    public let seconds: Double

    /// Parses and validates `rawValue`; `nil` when it is not a valid ISO 8601 duration.
    public init?(rawValue: String) {
        var scanner = LexicalScanner(rawValue)
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

        self.rawValue = rawValue
        self.isNegative = negative
        self.years = dateValues[0]
        self.months = dateValues[1]
        self.weeks = dateValues[2]
        self.days = dateValues[3]
        self.hours = timeValues[0]
        self.minutes = timeValues[1]
        self.seconds = seconds
    }

    /// Creates a duration of `seconds` seconds, rounded to 100 ns, using days, hours, minutes
    /// and seconds: `PT1H30M`, `PT0.5S`, `P1DT2H`, `-PT1M`, and `PT0S` for zero.
    /// Non-finite input gives `PT0S`.
    public init(seconds: Double) {
        let ticksPerSecond: Int64 = 10_000_000
        let magnitude = seconds.isFinite ? (abs(seconds) * Double(ticksPerSecond)).rounded() : 0
        let ticks = magnitude >= 9.0e18 ? Int64(9.0e18) : Int64(magnitude)
        let wholeSeconds = ticks / ticksPerSecond
        let fractionTicks = Int(ticks % ticksPerSecond)
        let days = wholeSeconds / 86_400
        let hours = wholeSeconds / 3600 % 24
        let minutes = wholeSeconds / 60 % 60
        let secondsPart = wholeSeconds % 60

        var time = ""
        if hours > 0 { time += "\(hours)H" }
        if minutes > 0 { time += "\(minutes)M" }
        if secondsPart > 0 || fractionTicks > 0 {
            time += "\(secondsPart)"
            if fractionTicks > 0 {
                var fraction = CivilCalendar.pad(fractionTicks, 7)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                time += "." + fraction
            }
            time += "S"
        }
        var text = ticks > 0 && seconds < 0 ? "-P" : "P"
        if days > 0 { text += "\(days)D" }
        if !time.isEmpty {
            text += "T" + time
        } else if days == 0 {
            text += "T0S"
        }
        self.init(rawValue: text)!
    }

    /// The length in seconds, counting a year as 365 days and a month as 30 days (negative when
    /// ``isNegative``).
    public var approximateTimeInterval: TimeInterval {
        let day = 86_400.0
        let magnitude = Double(years) * 365 * day + Double(months) * 30 * day + Double(weeks) * 7 * day
            + Double(days) * day + Double(hours) * 3600 + Double(minutes) * 60 + seconds
        return isNegative ? -magnitude : magnitude
    }

    /// The value's text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the text when it is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ISODuration(rawValue: text) else {
            throw DecodingError.invalidLiteral(
                text, of: "Edm.Duration", expected: "[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]", in: container)
        }
        self = value
    }

    /// Encodes ``rawValue`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Values are equal when their texts are equal.
    public static func == (lhs: ISODuration, rhs: ISODuration) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes ``rawValue``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
