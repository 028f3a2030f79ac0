// The package builds the literals' grammar as a module of its own. A build that compiles the
// runtime's sources and the grammar's as one module (as tests do with swiftc) has no module to
// import: `canImport` is false there, and the grammar's declarations are in the same module.
#if canImport(APIDocLiterals)
internal import APIDocLiterals
#endif
import Foundation

/// Reads and writes HTTP dates (RFC 9110 section 5.6.7), as sent in the `Date` and
/// `Retry-After` headers.
///
/// ```swift
/// APIDocRuntime.HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")   // 784111777 s after 1970
/// APIDocRuntime.HTTPDate.format(Date(timeIntervalSince1970: 0))   // "Thu, 01 Jan 1970 00:00:00 GMT"
/// ```
///
/// Parsing accepts the three forms a recipient must accept: IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and ANSI C's `asctime()` form (`Sun Nov  6 08:49:37 1994`). The day name is not checked
/// against the date. It needs no `DateFormatter` and no locale.
public enum HTTPDate {
    /// The instant `text` denotes, or `nil` when it is not an HTTP date.
    ///
    /// A two-digit RFC 850 year is taken as 20yy when below 70 and as 19yy otherwise.
    public static func parse(_ text: String) -> Date? {
        let normalized = text.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "-", with: " ")
        let tokens = normalized.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let weekday = tokens.first, weekday.count >= 3, weekday.allSatisfy(\.isLetter) else { return nil }
        let day: Int, month: Int, year: Int, time: String
        switch tokens.count {
        case 6:  // IMF-fixdate or RFC 850: day month year time GMT
            guard tokens[5] == "GMT", let parsedDay = Int(tokens[1]), tokens[1].count <= 2,
                let parsedMonth = monthNumber(tokens[2]), let parsedYear = Int(tokens[3])
            else { return nil }
            switch tokens[3].count {
            case 4: year = parsedYear
            case 2: year = parsedYear < 70 ? 2000 + parsedYear : 1900 + parsedYear
            default: return nil
            }
            (day, month, time) = (parsedDay, parsedMonth, tokens[4])
        case 5:  // asctime: month day time year
            guard let parsedMonth = monthNumber(tokens[1]), let parsedDay = Int(tokens[2]), tokens[2].count <= 2,
                tokens[4].count == 4, let parsedYear = Int(tokens[4])
            else { return nil }
            (day, month, year, time) = (parsedDay, parsedMonth, parsedYear, tokens[3])
        default:
            return nil
        }
        guard CivilCalendar.isValidDate(year: year, month: month, day: day),
            let seconds = secondsOfDay(time)
        else { return nil }
        let days = CivilCalendar.daysSinceUnixEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds))
    }

    /// `date` as an IMF-fixdate, such as `Thu, 01 Jan 1970 00:00:00 GMT` (fractions of a
    /// second are dropped).
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let seconds = total - days * 86_400
        let (year, month, day) = CivilCalendar.date(daysSinceUnixEpoch: days)
        let weekday = ((days % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday (index 4).
        return weekdayNames[weekday] + ", " + CivilCalendar.pad(day, 2) + " " + monthNames[month - 1] + " "
            + CivilCalendar.pad(year, 4) + " " + CivilCalendar.pad(seconds / 3600, 2) + ":"
            + CivilCalendar.pad(seconds / 60 % 60, 2) + ":" + CivilCalendar.pad(seconds % 60, 2) + " GMT"
    }

    /// `HH:mm:ss` as seconds since midnight (a leap second 60 is accepted).
    private static func secondsOfDay(_ text: String) -> Int? {
        var scanner = LexicalScanner(text)
        guard let hour = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let minute = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: ":")),
            let second = scanner.fixedDigits(2), scanner.isAtEnd,
            hour < 24, minute < 60, second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private static func monthNumber(_ name: String) -> Int? {
        monthNames.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { $0 + 1 }
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}

/// The value of a `Retry-After` header: a number of seconds or an HTTP date.
public enum RetryAfter: Sendable, Hashable, CustomStringConvertible {
    /// `Retry-After: 120`: wait this many seconds (Graph also sends fractions, such as `2.5`).
    case seconds(TimeInterval)
    /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`: wait until this instant.
    case date(Date)

    /// Parses a header value; `nil` for a negative or non-finite number or for text that is
    /// neither a number nor an HTTP date.
    public init?(headerValue: String) {
        let text = headerValue.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(text) {
            guard seconds.isFinite, seconds >= 0 else { return nil }
            self = .seconds(seconds)
        } else if let date = HTTPDate.parse(text) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// The `Retry-After` header of `response`, when it has a valid one.
    public init?(response: HTTPResponse) {
        guard let value = response.header("Retry-After") else { return nil }
        self.init(headerValue: value)
    }

    /// How long to wait, in seconds, never negative.
    ///
    /// For a date, the wait is measured from `reference`: pass the response's own `Date`
    /// header (as ``delay(for:now:)`` does) so that a skewed local clock does not matter.
    public func delay(from reference: Date) -> TimeInterval {
        switch self {
        case .seconds(let seconds): return seconds
        case .date(let date): return max(0, date.timeIntervalSince(reference))
        }
    }

    /// How long `response` asks the client to wait: its `Retry-After` in seconds, or the time
    /// from the response's `Date` header (else `now`) to its `Retry-After` date.
    public static func delay(for response: HTTPResponse, now: Date = Date()) -> TimeInterval? {
        guard let value = RetryAfter(response: response) else { return nil }
        let reference = response.header("Date").flatMap(HTTPDate.parse) ?? now
        return value.delay(from: reference)
    }

    /// `120s` or the HTTP date.
    public var description: String {
        switch self {
        case .seconds(let seconds):
            return seconds == seconds.rounded() && seconds < 1e15 ? "\(Int64(seconds))s" : "\(seconds)s"
        case .date(let date):
            return HTTPDate.format(date)
        }
    }
}
