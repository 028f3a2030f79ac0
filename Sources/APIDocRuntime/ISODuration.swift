// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
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
        guard let fields = ODataLiteral.duration(rawValue) else { return nil }
        self.rawValue = rawValue
        self.isNegative = fields.isNegative
        self.years = fields.years
        self.months = fields.months
        self.weeks = fields.weeks
        self.days = fields.days
        self.hours = fields.hours
        self.minutes = fields.minutes
        self.seconds = fields.seconds
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
