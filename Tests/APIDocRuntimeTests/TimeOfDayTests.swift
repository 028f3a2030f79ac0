import APIDocRuntime
import Foundation
import Testing

@Suite struct TimeOfDayTests {
    @Test(arguments: ["08:30:00", "00:00:00", "23:59:59", "17:45:30.1234567", "17:45:30.5", "17:45:30.0000000"])
    func roundTripsExactText(text: String) throws {
        let value = try #require(TimeOfDay(rawValue: text))
        #expect(value.rawValue == text)
        #expect(value.description == text)
        #expect(try decodeString(TimeOfDay.self, text) == value)
        #expect(try encodedString(value) == text)
    }

    @Test func components() throws {
        let value = try #require(TimeOfDay(rawValue: "17:45:30.1234567"))
        #expect(value.hour == 17)
        #expect(value.minute == 45)
        #expect(value.second == 30)
        #expect(value.nanosecond == 123_456_700)
        #expect(abs(value.secondsSinceMidnight - 63_930.1234567) < 1e-9)
        #expect(TimeOfDay(rawValue: "08:00:00")?.nanosecond == 0)
    }

    @Test func initFromComponents() {
        #expect(TimeOfDay(hour: 8, minute: 5, second: 0).rawValue == "08:05:00")
        #expect(TimeOfDay(hour: 23, minute: 59, second: 59, nanosecond: 500_000_000).rawValue == "23:59:59.5000000")
        #expect(TimeOfDay(hour: 1, minute: 2, second: 3, nanosecond: 7).rawValue == "01:02:03.000000007")
    }

    @Test(arguments: [
        "", "8:30:00", "08:30", "24:00:00", "12:60:00", "12:00:60", "12:00:00.", "12:00:00.1234567890123",
        "12:00:00Z", "12-00-00", "T12:00:00", "12:00:00.12a",
    ])
    func rejectsMalformedText(text: String) {
        #expect(TimeOfDay(rawValue: text) == nil)
        let message = corruptionMessage { _ = try decodeString(TimeOfDay.self, text) }
        #expect(message?.contains("\"\(text)\"") == true, "message: \(message ?? "none")")
    }
}
