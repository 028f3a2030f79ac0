import APIDocRuntime
import Foundation
import Testing

@Suite struct DateTimeOffsetTests {
    /// 2021-07-16T18:32:44Z as seconds since 1970.
    let base: TimeInterval = 1_626_460_364

    @Test(arguments: [
        "2021-07-16T18:32:44Z", "2021-07-16T18:32:44.1234567Z", "2021-07-16T18:32:44.5-07:00",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2024-02-29T00:00:00+05:30",
        "2021-07-16T18:32:44.123456789+00:00", "2021-07-16T18:32:44.10Z",
    ])
    func roundTripsExactText(text: String) throws {
        let value = try #require(DateTimeOffset(rawValue: text))
        #expect(value.rawValue == text)
        #expect(value.description == text)
        let decoded = try decodeString(DateTimeOffset.self, text)
        #expect(decoded.rawValue == text)
        #expect(try encodedString(decoded) == text)
    }

    @Test func parsesWholeSeconds() throws {
        let value = try #require(DateTimeOffset(rawValue: "2021-07-16T18:32:44Z"))
        #expect(value.date == Date(timeIntervalSince1970: base))
        #expect(value.utcOffsetSeconds == 0)
        #expect((value.year, value.month, value.day, value.hour, value.minute, value.second) == (2021, 7, 16, 18, 32, 44))
    }

    @Test func parsesSevenFractionalDigits() throws {
        let value = try #require(DateTimeOffset(rawValue: "2021-07-16T18:32:44.1234567Z"))
        #expect(value.nanosecond == 123_456_700)
        #expect(abs(value.date.timeIntervalSince1970 - (base + 0.123_456_7)) < 1e-6)
        #expect(value.date > Date(timeIntervalSince1970: base + 0.1234))
    }

    /// OData allows up to twelve fractional digits: they are kept as written, and the
    /// nanoseconds come from the first nine.
    @Test func acceptsTwelveFractionalDigits() throws {
        let text = "2021-07-16T18:32:44.123456789012Z"
        let value = try #require(DateTimeOffset(rawValue: text))
        #expect(value.nanosecond == 123_456_789)
        #expect(try encodedString(try decodeString(DateTimeOffset.self, text)) == text)
        #expect(TimeOfDay(rawValue: "12:00:00.123456789012")?.nanosecond == 123_456_789)
    }

    @Test func parsesNegativeOffset() throws {
        let value = try #require(DateTimeOffset(rawValue: "2021-07-16T18:32:44.5-07:00"))
        #expect(value.utcOffsetSeconds == -25_200)
        #expect(value.date == Date(timeIntervalSince1970: base + 7 * 3600 + 0.5))
        let positive = try #require(DateTimeOffset(rawValue: "2021-07-16T18:32:44+05:30"))
        #expect(positive.utcOffsetSeconds == 19_800)
        #expect(positive.date == Date(timeIntervalSince1970: base - 19_800))
    }

    @Test func parsesMinimumDate() throws {
        let value = try #require(DateTimeOffset(rawValue: "0001-01-01T00:00:00Z"))
        #expect(value.date == Date(timeIntervalSince1970: -62_135_596_800))
    }

    @Test(arguments: [
        "", "2021-07-16", "2021-07-16T18:32:44", "2021-07-16 18:32:44Z", "2021-07-16T18:32Z",
        "2021-13-01T00:00:00Z", "2021-02-29T00:00:00Z", "2021-07-16T24:00:00Z", "2021-07-16T18:60:00Z",
        "2021-07-16T18:32:44.Z", "2021-07-16T18:32:44.1234567890123Z", "2021-07-16T18:32:44+0700",
        "2021-07-16T18:32:44+07", "2021-07-16T18:32:44Zjunk", "21-07-16T18:32:44Z", "2021-07-16t18:32:44z",
        "２021-07-16T18:32:44Z",
    ])
    func rejectsMalformedText(text: String) {
        #expect(DateTimeOffset(rawValue: text) == nil)
        let message = corruptionMessage { _ = try decodeString(DateTimeOffset.self, text) }
        #expect(message?.contains("\"\(text)\"") == true, "message: \(message ?? "none")")
    }

    @Test func formatsDatesInUTC() {
        #expect(DateTimeOffset(Date(timeIntervalSince1970: base)).rawValue == "2021-07-16T18:32:44Z")
        #expect(DateTimeOffset(Date(timeIntervalSince1970: base + 0.5)).rawValue == "2021-07-16T18:32:44.5000000Z")
        #expect(DateTimeOffset(Date(timeIntervalSince1970: 0)).rawValue == "1970-01-01T00:00:00Z")
        #expect(DateTimeOffset(Date(timeIntervalSince1970: -0.25)).rawValue == "1969-12-31T23:59:59.7500000Z")
        // Date.distantPast is 0001-01-01 in the Julian calendar, two days before the proleptic
        // Gregorian 0001-01-01: clamped to the smallest representable value.
        #expect(DateTimeOffset(Date.distantPast).rawValue == "0001-01-01T00:00:00Z")
        #expect(DateTimeOffset(Date(timeIntervalSince1970: 1e15)).rawValue == "9999-12-31T23:59:59.9999999Z")
        #expect(DateTimeOffset(Date(timeIntervalSinceReferenceDate: 0.1234567)).rawValue == "2001-01-01T00:00:00.1234567Z")
    }

    @Test func formattedDateRoundTripsThroughDate() throws {
        let original = try #require(DateTimeOffset(rawValue: "2021-07-16T18:32:44.5-07:00"))
        let utc = DateTimeOffset(original.date)
        #expect(utc.rawValue == "2021-07-17T01:32:44.5000000Z")
        #expect(utc.date == original.date)
        #expect(utc != original)
    }

    @Test func decodesInsideObjects() throws {
        struct Event: Codable { var start: DateTimeOffset }
        let json = Data(#"{"start":"2021-07-16T18:32:44.1234567Z"}"#.utf8)
        let event = try JSONDecoder().decode(Event.self, from: json)
        #expect(event.start.rawValue == "2021-07-16T18:32:44.1234567Z")
        #expect(try GraphJSON.encoder().encode(event) == json)
    }
}
