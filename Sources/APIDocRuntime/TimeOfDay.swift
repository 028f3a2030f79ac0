// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
import Foundation

/// An OData `Edm.TimeOfDay`: a time without date or time zone, such as `08:30:00` or
/// `17:45:30.1234567`.
///
/// Accepted text: `HH:mm:ss`, then an optional `.` with 1 to 12 fractional digits (OData's
/// limit; Graph sends 0 to 7; ``nanosecond`` reads the first nine). The value keeps the exact
/// text in ``rawValue`` and encodes it back unchanged. Equality and hashing compare ``rawValue``.
public struct TimeOfDay: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exact text of the value.
    public let rawValue: String
    /// Hour (0...23).
    public let hour: Int
    /// Minute (0...59).
    public let minute: Int
    /// Second (0...59).
    public let second: Int
    /// The fraction of the second in nanoseconds (0...999_999_999).
    public let nanosecond: Int

    /// Parses and validates `rawValue`; `nil` when it is not a valid `HH:mm:ss[.fffffff]` time.
    public init?(rawValue: String) {
        guard let (hour, minute, second, nanosecond) = ODataLiteral.timeOfDay(rawValue) else { return nil }
        self.rawValue = rawValue
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// Creates the time `HH:mm:ss`, followed by 7 fractional digits when `nanosecond` is a
    /// non-zero multiple of 100, or 9 when it is not.
    ///
    /// - Precondition: `hour` in 0...23, `minute` and `second` in 0...59, `nanosecond` in
    ///   0...999_999_999.
    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        precondition((0..<24).contains(hour) && (0..<60).contains(minute) && (0..<60).contains(second)
            && (0..<1_000_000_000).contains(nanosecond),
            "TimeOfDay(hour: \(hour), minute: \(minute), second: \(second), nanosecond: \(nanosecond)) is not a valid time")
        var text = CivilCalendar.pad(hour, 2) + ":" + CivilCalendar.pad(minute, 2) + ":" + CivilCalendar.pad(second, 2)
        if nanosecond > 0 {
            text += "." + CivilCalendar.fractionText(nanoseconds: nanosecond)
        }
        self.init(rawValue: text)!
    }

    /// Seconds since midnight, including the fraction.
    public var secondsSinceMidnight: TimeInterval {
        Double(hour * 3600 + minute * 60 + second) + Double(nanosecond) / 1_000_000_000
    }

    /// The value's text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the text when it is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = TimeOfDay(rawValue: text) else {
            throw DecodingError.invalidLiteral(text, of: "Edm.TimeOfDay", expected: "HH:mm:ss[.fffffff]", in: container)
        }
        self = value
    }

    /// Encodes ``rawValue`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Values are equal when their texts are equal.
    public static func == (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes ``rawValue``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
