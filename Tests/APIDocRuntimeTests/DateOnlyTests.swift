import APIDocRuntime
import Foundation
import Testing

@Suite struct DateOnlyTests {
    @Test(arguments: ["2021-07-16", "0001-01-01", "2024-02-29", "2000-02-29", "9999-12-31"])
    func roundTripsExactText(text: String) throws {
        let value = try #require(DateOnly(rawValue: text))
        #expect(value.rawValue == text)
        #expect(value.description == text)
        #expect(try decodeString(DateOnly.self, text) == value)
        #expect(try encodedString(value) == text)
    }

    @Test func components() throws {
        let value = try #require(DateOnly(rawValue: "2021-07-16"))
        #expect(value.year == 2021)
        #expect(value.month == 7)
        #expect(value.day == 16)
    }

    @Test func initFromComponentsPads() {
        #expect(DateOnly(year: 2021, month: 7, day: 6).rawValue == "2021-07-06")
        #expect(DateOnly(year: 33, month: 12, day: 31).rawValue == "0033-12-31")
        #expect(DateOnly(year: 2021, month: 7, day: 6) == DateOnly(rawValue: "2021-07-06"))
    }

    @Test(arguments: [
        "", "2021-7-16", "2021-07-16T00:00:00Z", "2021/07/16", "2021-00-10", "2021-13-10", "2021-02-29",
        "1900-02-29", "2021-04-31", "2021-07-00", "20210716", "2021-07-16 ", "+2021-07-16",
    ])
    func rejectsMalformedText(text: String) {
        #expect(DateOnly(rawValue: text) == nil)
        let message = corruptionMessage { _ = try decodeString(DateOnly.self, text) }
        #expect(message?.contains("\"\(text)\"") == true, "message: \(message ?? "none")")
    }

    @Test func rejectsNonStringJSON() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DateOnly].self, from: Data("[20210716]".utf8))
        }
    }
}
