@testable import APIDocLint
import APIDocRuntime
import Foundation
import Testing

/// `Formats`, the linter's check of OData primitive strings, and the runtime's decoding of the
/// same types see the same inputs and must agree on every one: lint accepts an example value
/// exactly when the generated code decodes it. Both read the text with `ODataLiteral`; the test
/// stays to catch whatever either side adds on its own: a check in a decoder, such as
/// `UUID(uuidString:)` in `GUID`, or a type the linter reads its own way.
///
/// The inputs are the same on every run: hand-written edge cases, valid values with each position
/// replaced, removed or preceded by each character of a small alphabet, every prefix and suffix of
/// them, fractions of 0 to 14 digits, every two-digit value in each numeric field, and, for
/// durations, every sequence of up to three components.
@Suite("Formats agree with the runtime's parsers")
struct FormatsAgreementTests {
    @Test func dateTimeOffset() {
        expectAgreement("Edm.DateTimeOffset", DateTimeOffset.self, FormatInputs.dateTimeOffset)
    }

    @Test func date() {
        expectAgreement("Edm.Date", DateOnly.self, FormatInputs.date)
    }

    @Test func timeOfDay() {
        expectAgreement("Edm.TimeOfDay", TimeOfDay.self, FormatInputs.timeOfDay)
    }

    @Test func duration() {
        expectAgreement("Edm.Duration", ISODuration.self, FormatInputs.duration)
    }

    @Test func guid() {
        expectAgreement("Edm.Guid", GUID.self, FormatInputs.guid)
    }

    /// Runs each input through `Formats.matches` and through the `Decodable` conformance of
    /// `runtimeType` (the input as a JSON string, read by `JSONDecoder`), and lists the inputs on
    /// which they disagree. Both must also accept some inputs and reject others, so that a broken
    /// input list cannot pass unnoticed.
    func expectAgreement<T: Decodable>(
        _ edmType: String, _ runtimeType: T.Type, _ inputs: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        var seen = Set<String>()
        var compared = 0
        var accepted = 0
        var disagreements: [String] = []
        for input in inputs where seen.insert(input).inserted {
            compared += 1
            let lint = Formats.matches(input, type: edmType)
            let runtime = (try? encoder.encode([input])).flatMap { try? decoder.decode([T].self, from: $0) } != nil
            if runtime { accepted += 1 }
            if lint != runtime {
                disagreements.append(
                    "\(String(reflecting: input)): Formats \(lint ? "accepts" : "rejects") it, \(T.self) \(runtime ? "decodes" : "does not decode") it")
            }
        }
        #expect(compared >= 2_000, "only \(compared) distinct \(edmType) inputs", sourceLocation: sourceLocation)
        #expect(accepted > 0 && accepted < compared, "\(accepted) of \(compared) \(edmType) inputs decode", sourceLocation: sourceLocation)
        #expect(
            disagreements.isEmpty,
            "\(disagreements.count) of \(compared) \(edmType) inputs disagree:\n\(disagreements.prefix(50).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }
}

/// The inputs of ``FormatsAgreementTests``, built the same way on every run.
enum FormatInputs {
    /// Characters put in place of, and before, each character of a valid value: digits, the
    /// separators of the formats, their lower-case forms, a space, and digits that are not ASCII.
    static let alphabet = ["0", "1", "2", "5", "9", ":", "-", ".", ",", "T", "t", "Z", "z", "+", " ", "/", "\u{0}", "é", "٣", "５"]

    static var dateTimeOffset: [String] {
        var inputs = [
            "", "2020-01-01T10:00:00Z", "2020-01-01T10:00Z", "2020-01-01T10Z", "2020-01-01t10:00:00Z",
            "2020-01-01T10:00:00z", "2020-01-01t10:00:00z", "2020-01-01T10:00:00.123456789012Z",
            "2020-01-01T10:00:00.1234567890123Z", "2020-01-01T10:00:00.Z", "2020-01-01T10:00:00.+01:00",
            "2020-13-45T00:00:00Z", "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z", "2020-04-31T00:00:00Z",
            "2019-02-29T00:00:00Z", "2020-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
            "2020-01-01T24:00:00Z", "2020-01-01T23:60:00Z", "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z",
            "2020-01-01T10:00:00+24:00", "2020-01-01T10:00:00-23:59", "2020-01-01T10:00:00+01:60",
            "2020-01-01T10:00:00-00:00", "2020-01-01T10:00:00+0100", "2020-01-01T10:00:00+01", "2020-01-01T10:00:00+1:00",
            "2020-01-01T10:00:00", "2020-02-04T07:00:00.0000000", "2020-01-01 10:00:00Z", "2020-01-01",
            "+2020-01-01T00:00:00Z", "-2020-01-01T00:00:00Z", "12020-01-01T00:00:00Z", "2020-1-01T00:00:00Z",
            "20200101T100000Z", "2020-01-01T10:00:00ZZ", "2020-01-01T10:00:00+01:00Z", "2020-01-01T10:00:00Z+01:00",
            " 2020-01-01T10:00:00Z", "2020-01-01T10:00:00Z ", "2020-01-01T10:00:00Z\n", "2020-01-01T10:00:00,5Z",
            "２０２０-01-01T10:00:00Z", "2020-01-01T10:00:00.５Z", "2024-13-45 25:00", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999999+23:59", "2020-01-01T10:00:00.1234567-07:00",
        ]
        let seeds = [
            "2021-07-16T18:32:44Z", "2021-07-16T18:32:44.1234567Z", "2021-07-16T18:32:44.5-07:00",
            "2024-02-29T23:59:59+14:00", "0000-01-01T00:00:00.000000000000-23:59",
        ]
        for seed in seeds { inputs += mutations(of: seed) }
        for zone in ["Z", "z", "+01:00", "-23:59", ""] {
            inputs += fractions(before: "2021-07-16T18:32:44", after: zone)
        }
        for seed in ["2024-02-29T23:59:59+14:00", "2023-12-31T00:00:00-00:00"] {
            for offset in [5, 8, 11, 14, 17, 20, 23] { inputs += twoDigitValues(in: seed, at: offset) }
        }
        inputs += calendar(years: ["0000", "1900", "2000", "2023", "2024", "9999"]).map { $0 + "T12:00:00Z" }
        return inputs
    }

    static var date: [String] {
        var inputs = [
            "", "2020-01-01", "2020-13-45", "2020-02-30", "2019-02-29", "2020-02-29", "1900-02-29", "2000-02-29",
            "2020-1-1", "2020-01-1", "20200101", "2020/01/01", "-2020-01-01", "+2020-01-01", "12020-01-01",
            "2020-01-01T00:00:00Z", "2020-01-01Z", "2020-01-01 ", " 2020-01-01", "２０２０-01-01", "0000-00-00",
        ]
        for seed in ["2021-07-16", "2024-02-29", "0000-01-01", "9999-12-31"] { inputs += mutations(of: seed) }
        inputs += calendar(years: ["0000", "0001", "1600", "1900", "2000", "2023", "2024", "2100", "9999"])
        return inputs
    }

    static var timeOfDay: [String] {
        var inputs = [
            "", "10:00:00", "10:00", "10", "1:00:00", "10:0:00", "24:00:00", "23:60:00", "23:59:60", "99:99:99",
            "10:00:00.", "10:00:00.123456789012", "10:00:00.1234567890123", "10:00:00Z", "10:00:00+01:00",
            "T10:00:00", "10:00:00 ", " 10:00:00", "10-00-00", "10:00:00,5", "10:00:00.５", "１０:00:00",
        ]
        for seed in ["08:30:00", "17:45:30.1234567", "23:59:59.999999999999", "00:00:00"] { inputs += mutations(of: seed) }
        inputs += fractions(before: "17:45:30", after: "")
        inputs += fractions(before: "17:45:30", after: "Z")
        for offset in [0, 3, 6] { inputs += twoDigitValues(in: "23:59:59.5", at: offset) }
        return inputs
    }

    static var duration: [String] {
        let maximum = String(Int.max)
        var inputs = [
            "", "P", "PT", "-P", "-PT", "P1D", "-P1D", "+P1D", "--P1D", "P-1D", "p1d", "pt1h", "P1d", "PT1h",
            "P1D1D", "P1M1Y", "P1W1M", "P1Y1W", "P1Y2M3W4D", "PT1S1H", "PT1M1H", "PT1H1H", "P1DT", "P1DT1H1M1.5S",
            "PT1.5H", "PT1.5M", "P1.5D", "PT.5S", "PT1.S", "PT1.5.5S", "PT1,5S", "PT1H 30M", "PT1HT1M", "P1DT1DT1H",
            "P1", "PT1", "P1T1H", "PT0S", "P0D", "PT0.0S", "PT00.00S",
            "P\(maximum)D", "PT\(maximum)H", "PT\(maximum)M", "P\(maximum)Y", "P00\(maximum)W",
            "P9223372036854775808D", "PT9223372036854775808H", "PT9223372036854775808M", "P09223372036854775808Y",
            "P99999999999999999999M", "PT99999999999999999999S", "PT\(String(repeating: "9", count: 400))S",
            "PT1.\(String(repeating: "0", count: 400))1S", "P00000000000000000000000000001D", "PT\(maximum).5S",
        ]
        let seeds = ["PT1H30M", "P1DT12H", "-PT0.5S", "P2W", "P1Y2M3W4DT5H6M7.8S", "PT0S", "PT36H"]
        for seed in seeds {
            inputs += mutations(of: seed, alphabet: alphabet + ["P", "Y", "M", "W", "D", "H", "S", "p", "d", "h", "m", "s"])
        }
        inputs += fractions(before: "PT1", after: "S")
        inputs += fractions(before: "PT1", after: "M")
        inputs += (0...14).map { "PT\(String(repeating: "7", count: $0))S" }
        let components = ["1Y", "1M", "1W", "1D", "T", "1H", "1S", "0.5S", "1.5M", "1.5D", "1.", ".5S", "12"]
        var sequences = [""]
        var previous = [""]
        for _ in 1...3 {
            previous = previous.flatMap { start in components.map { start + $0 } }
            sequences += previous
        }
        for sign in ["", "-"] { inputs += sequences.map { sign + "P" + $0 } }
        return inputs
    }

    static var guid: [String] {
        var inputs = [
            "", "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "{8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}",
            "(8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9)", "8f1b2c3d4e5f60718293a4b5c6d7e8f9",
            "urn:uuid:8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "8F1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
            "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9 ", " 8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
            "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f", "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f90",
            "8f1b2c3d4-e5f-6071-8293-a4b5c6d7e8f9", "8f1b2c3d-4e5f-6071-8293a-4b5c6d7e8f9",
            "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8fg", "８f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        ]
        let seeds = ["8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "00000000-0000-0000-0000-000000000000", "FFFFFFFF-ABCD-EF01-2345-6789abcdef00"]
        for seed in seeds {
            inputs += mutations(of: seed, alphabet: alphabet + ["a", "f", "A", "F", "g", "G", "x", "{", "}"])
        }
        return inputs
    }

    /// `seed` with each character replaced by, and preceded by, each character of `alphabet`,
    /// with each character removed, and every prefix and suffix of it.
    static func mutations(of seed: String, alphabet: [String] = alphabet) -> [String] {
        let characters = Array(seed)
        var result: [String] = []
        for index in 0...characters.count {
            let before = String(characters[..<index])
            let rest = String(characters[index...])
            let afterNext = String(rest.dropFirst())
            result.append(before)
            result.append(rest)
            for character in alphabet {
                result.append(before + character + rest)
                if index < characters.count {
                    result.append(before + character + afterNext)
                }
            }
            if index < characters.count {
                result.append(before + afterNext)
            }
        }
        return result
    }

    /// `before`, then no fraction, a `.` alone, and `.` with 1 to 14 digits, then `after`.
    static func fractions(before: String, after: String) -> [String] {
        let digits = "12345678901234"
        var result = [before + after]
        for count in 0...14 {
            result.append(before + "." + String(digits.prefix(count)) + after)
        }
        return result
    }

    /// `seed` with the two characters at `offset` replaced by each of `00` to `99`.
    static func twoDigitValues(in seed: String, at offset: Int) -> [String] {
        let characters = Array(seed)
        let before = String(characters[..<offset])
        let after = String(characters[(offset + 2)...])
        return (0...99).map { value in before + twoDigits(value) + after }
    }

    /// `yyyy-MM-dd` for each of `years`, months 00 to 13 and days 00 to 32.
    static func calendar(years: [String]) -> [String] {
        var result: [String] = []
        for year in years {
            for month in 0...13 {
                for day in 0...32 {
                    result.append(year + "-" + twoDigits(month) + "-" + twoDigits(day))
                }
            }
        }
        return result
    }

    /// `value` (0 to 99) as two digits.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
