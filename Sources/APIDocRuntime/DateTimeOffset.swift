// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
import Foundation

/// An OData `Edm.DateTimeOffset`: a date and time with a UTC offset, such as
/// `2021-07-16T18:32:44.1234567Z` or `2021-07-16T18:32:44.5-07:00`.
///
/// Accepted text: `yyyy-MM-ddTHH:mm:ss`, then an optional `.` with 1 to 12 fractional digits
/// (OData's limit; Graph sends 0 to 7), then `Z` or `+hh:mm` / `-hh:mm`. The value keeps the
/// exact text it was created from in ``rawValue`` and encodes it back unchanged, so a
/// decode/encode round trip is lossless. Equality and hashing compare ``rawValue``: the same instant written differently
/// (another offset, trailing zeros) is a different value; compare ``date`` for instants.
public struct DateTimeOffset: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exact text of the value.
    public let rawValue: String

    /// Calendar year (0...9999).
    public let year: Int
    /// Month of the year (1...12).
    public let month: Int
    /// Day of the month (1...31).
    public let day: Int
    /// Hour of the day in the value's own offset (0...23).
    public let hour: Int
    /// Minute (0...59).
    public let minute: Int
    /// Second (0...59).
    public let second: Int
    /// The fraction of the second in nanoseconds (digits beyond the ninth are ignored).
    public let nanosecond: Int
    /// The UTC offset in seconds: 0 for `Z`, -25200 for `-07:00`.
    public let utcOffsetSeconds: Int

    /// Parses and validates `rawValue`; `nil` when it is not a valid `Edm.DateTimeOffset`.
    public init?(rawValue: String) {
        guard let fields = ODataLiteral.dateTimeOffset(rawValue) else { return nil }
        self.rawValue = rawValue
        self.year = fields.year
        self.month = fields.month
        self.day = fields.day
        self.hour = fields.hour
        self.minute = fields.minute
        self.second = fields.second
        self.nanosecond = fields.nanosecond
        self.utcOffsetSeconds = fields.utcOffsetSeconds
    }

    /// Formats `date` in UTC (`Z`), with 7 fractional digits when the date has a fraction of a
    /// second (rounded to 100 ns) and none otherwise: `2021-07-16T18:32:44Z`,
    /// `2021-07-16T18:32:44.1234567Z`. Dates outside years 0001...9999 are clamped to that range.
    public init(_ date: Date) {
        let interval = date.timeIntervalSinceReferenceDate
        let minimum = Double(CivilCalendar.daysSinceUnixEpoch(year: 1, month: 1, day: 1) * 86_400 - CivilCalendar.referenceDateOffset)
        let maximum = Double(CivilCalendar.daysSinceUnixEpoch(year: 10_000, month: 1, day: 1) * 86_400 - CivilCalendar.referenceDateOffset - 1)
        var whole: Double
        var ticks: Double
        if interval.isNaN || interval < minimum {
            (whole, ticks) = (interval.isNaN ? 0 : minimum, 0)
        } else if interval >= maximum + 1 {
            (whole, ticks) = (maximum, 9_999_999)
        } else {
            whole = interval.rounded(.down)
            ticks = ((interval - whole) * 10_000_000).rounded()
            if ticks >= 10_000_000 {
                (whole, ticks) = whole < maximum ? (whole + 1, 0) : (maximum, 9_999_999)
            }
        }
        let unixSeconds = Int(whole) + CivilCalendar.referenceDateOffset
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let secondOfDay = unixSeconds - days * 86_400
        let civil = CivilCalendar.date(daysSinceUnixEpoch: days)
        var text = CivilCalendar.pad(civil.year, 4) + "-" + CivilCalendar.pad(civil.month, 2) + "-"
            + CivilCalendar.pad(civil.day, 2) + "T" + CivilCalendar.pad(secondOfDay / 3600, 2) + ":"
            + CivilCalendar.pad(secondOfDay / 60 % 60, 2) + ":" + CivilCalendar.pad(secondOfDay % 60, 2)
        if ticks > 0 {
            text += "." + CivilCalendar.pad(Int(ticks), 7)
        }
        text += "Z"
        self.init(rawValue: text)!
    }

    /// The instant the value denotes, as precise as `Date` (a `Double`) allows.
    public var date: Date {
        let days = CivilCalendar.daysSinceUnixEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - utcOffsetSeconds
            - CivilCalendar.referenceDateOffset
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(nanosecond) / 1_000_000_000)
    }

    /// The value's text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the text when it is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateTimeOffset(rawValue: text) else {
            throw DecodingError.invalidLiteral(
                text, of: "Edm.DateTimeOffset", expected: "yyyy-MM-ddTHH:mm:ss[.fffffff](Z|+hh:mm|-hh:mm)", in: container)
        }
        self = value
    }

    /// Encodes ``rawValue`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Values are equal when their texts are equal.
    public static func == (lhs: DateTimeOffset, rhs: DateTimeOffset) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes ``rawValue``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
