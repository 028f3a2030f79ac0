import APIDocRuntime
import Foundation
import Testing

@Suite struct ISODurationTests {
    @Test(arguments: [
        "PT1H30M", "PT0.5S", "P1D", "P2W", "P1Y2M3W4DT5H6M7.89S", "-PT15M", "P0D", "PT0S", "PT36H",
        "PT1.0000000S", "P1M", "PT1M",
    ])
    func roundTripsExactText(text: String) throws {
        let value = try #require(ISODuration(rawValue: text))
        #expect(value.rawValue == text)
        #expect(value.description == text)
        #expect(try decodeString(ISODuration.self, text) == value)
        #expect(try encodedString(value) == text)
    }

    @Test func components() throws {
        let value = try #require(ISODuration(rawValue: "P1Y2M3W4DT5H6M7.89S"))
        #expect((value.years, value.months, value.weeks, value.days) == (1, 2, 3, 4))
        #expect((value.hours, value.minutes, value.seconds) == (5, 6, 7.89))
        #expect(!value.isNegative)
        #expect(ISODuration(rawValue: "P1M")?.months == 1)
        #expect(ISODuration(rawValue: "P1M")?.minutes == 0)
        #expect(ISODuration(rawValue: "PT1M")?.minutes == 1)
        #expect(ISODuration(rawValue: "PT1M")?.months == 0)
    }

    @Test func approximateTimeInterval() throws {
        #expect(ISODuration(rawValue: "PT1H30M")?.approximateTimeInterval == 5400)
        #expect(ISODuration(rawValue: "-PT0.5S")?.approximateTimeInterval == -0.5)
        #expect(ISODuration(rawValue: "P1Y")?.approximateTimeInterval == 31_536_000.0)
        #expect(ISODuration(rawValue: "P1M")?.approximateTimeInterval == 2_592_000.0)
        #expect(ISODuration(rawValue: "P1W1D")?.approximateTimeInterval == 691_200.0)
        let all = try #require(ISODuration(rawValue: "P1Y2M3W4DT5H6M7.89S"))
        let days: Double = 365 + 60 + 21 + 4
        let expected: Double = days * 86_400 + 18_360 + 7.89
        #expect(abs(all.approximateTimeInterval - expected) < 1e-6)
    }

    @Test func initFromSeconds() {
        #expect(ISODuration(seconds: 5400).rawValue == "PT1H30M")
        #expect(ISODuration(seconds: 0.5).rawValue == "PT0.5S")
        #expect(ISODuration(seconds: 0).rawValue == "PT0S")
        #expect(ISODuration(seconds: -60).rawValue == "-PT1M")
        #expect(ISODuration(seconds: 86_400).rawValue == "P1D")
        #expect(ISODuration(seconds: 93_784.25).rawValue == "P1DT2H3M4.25S")
        #expect(ISODuration(seconds: 3600.000_000_1).rawValue == "PT1H0.0000001S")
        #expect(ISODuration(seconds: .nan).rawValue == "PT0S")
        #expect(ISODuration(seconds: 93_784.25).approximateTimeInterval == 93_784.25)
    }

    @Test(arguments: [
        "", "P", "PT", "-P", "P1", "1D", "P1DT", "PT1D", "P1H", "PT1.5M", "P1.5D", "PT.5S", "PT1.S",
        "P1D2Y", "PT1S2M", "P1Y1Y", "p1d", "PT1h", "P-1D", "+P1D", "P1DT1H ", "P99999999999999999999D",
    ])
    func rejectsMalformedText(text: String) {
        #expect(ISODuration(rawValue: text) == nil)
        let message = corruptionMessage { _ = try decodeString(ISODuration.self, text) }
        #expect(message?.contains("\"\(text)\"") == true, "message: \(message ?? "none")")
    }
}
