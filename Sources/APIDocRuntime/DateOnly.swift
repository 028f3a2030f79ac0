// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
import Foundation

/// An OData `Edm.Date`: a calendar date without time or time zone, such as `2021-07-16`.
///
/// Accepted text: `yyyy-MM-dd` (a valid proleptic Gregorian date, year 0000...9999). The value
/// keeps the exact text in ``rawValue`` and encodes it back unchanged. Equality and hashing
/// compare ``rawValue``.
public struct DateOnly: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The exact text of the value.
    public let rawValue: String
    /// Calendar year (0...9999).
    public let year: Int
    /// Month of the year (1...12).
    public let month: Int
    /// Day of the month (1...31).
    public let day: Int

    /// Parses and validates `rawValue`; `nil` when it is not a valid `yyyy-MM-dd` date.
    public init?(rawValue: String) {
        guard let (year, month, day) = ODataLiteral.date(rawValue) else { return nil }
        self.rawValue = rawValue
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date `year-month-day`.
    ///
    /// - Precondition: the components form a valid date with a year in 0...9999.
    public init(year: Int, month: Int, day: Int) {
        precondition(CivilCalendar.isValidDate(year: year, month: month, day: day),
            "DateOnly(year: \(year), month: \(month), day: \(day)) is not a valid date")
        self.init(rawValue: CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-" + CivilCalendar.pad(day, 2))!
    }

    /// The value's text, ``rawValue``.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the text when it is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateOnly(rawValue: text) else {
            throw DecodingError.invalidLiteral(text, of: "Edm.Date", expected: "yyyy-MM-dd", in: container)
        }
        self = value
    }

    /// Encodes ``rawValue`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Values are equal when their texts are equal.
    public static func == (lhs: DateOnly, rhs: DateOnly) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes ``rawValue``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
