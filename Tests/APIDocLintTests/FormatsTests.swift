@testable import APIDocLint
import Testing

/// Values at the edges of each format, some of which the runtime rejects (13 fractional digits,
/// no seconds, a lower-case `t` or `z`, dates and times out of range), and the values next to
/// them that it accepts.
@Suite("Formats of OData primitive strings")
struct FormatsTests {
    @Test(arguments: [
        ("2021-07-16T18:32:44.123456789012Z", true),
        ("2021-07-16T18:32:44.1234567890123Z", false),
        ("2021-07-16T18:32:44.1234567-07:00", true),
        ("2021-07-16T18:32:44.-07:00", false),
        ("2021-07-16T18:32:44Z", true),
        ("2021-07-16T18:32Z", false),
        ("2021-07-16T18:32:44", false),
        ("2021-07-16t18:32:44Z", false),
        ("2021-07-16T18:32:44z", false),
        ("2021-13-16T18:32:44Z", false),
        ("2021-02-29T18:32:44Z", false),
        ("2024-02-29T18:32:44Z", true),
        ("2021-07-16T24:00:00Z", false),
        ("2016-12-31T23:59:60Z", false),
        ("2021-07-16T18:32:44+23:59", true),
        ("2021-07-16T18:32:44+24:00", false),
        ("2021-07-16T18:32:44-00:60", false),
        ("2021-07-16T18:32:44+0100", false),
    ])
    func dateTimeOffset(_ text: String, _ valid: Bool) {
        #expect(Formats.matches(text, type: "Edm.DateTimeOffset") == valid, "\(text)")
    }

    @Test(arguments: [
        ("2021-07-16", true),
        ("0000-01-01", true),
        ("2020-13-45", false),
        ("2021-04-31", false),
        ("1900-02-29", false),
        ("2000-02-29", true),
        ("2021-07-16T00:00:00Z", false),
    ])
    func date(_ text: String, _ valid: Bool) {
        #expect(Formats.matches(text, type: "Edm.Date") == valid, "\(text)")
    }

    @Test(arguments: [
        ("08:30:00", true),
        ("08:30", false),
        ("23:59:59.123456789012", true),
        ("23:59:59.1234567890123", false),
        ("23:59:59.", false),
        ("24:00:00", false),
        ("23:60:00", false),
    ])
    func timeOfDay(_ text: String, _ valid: Bool) {
        #expect(Formats.matches(text, type: "Edm.TimeOfDay") == valid, "\(text)")
    }

    @Test(arguments: [
        ("PT1H30M", true),
        ("-PT0.5S", true),
        ("P1Y2M3W4DT5H6M7.8S", true),
        ("P", false),
        ("PT", false),
        ("P1DT", false),
        ("P1D1D", false),
        ("P1M1Y", false),
        ("PT1S1H", false),
        ("PT1.5H", false),
        ("P1.5D", false),
        ("PT.5S", false),
        ("PT1.S", false),
        ("pt1h", false),
        ("P9223372036854775807D", true),
        ("P9223372036854775808D", false),
        ("PT99999999999999999999S", true),
    ])
    func duration(_ text: String, _ valid: Bool) {
        #expect(Formats.matches(text, type: "Edm.Duration") == valid, "\(text)")
    }

    @Test(arguments: [
        ("8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", true),
        ("8F1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9", true),
        ("{8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}", false),
        ("8f1b2c3d4e5f60718293a4b5c6d7e8f9", false),
        ("8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8fg", false),
    ])
    func guid(_ text: String, _ valid: Bool) {
        #expect(Formats.matches(text, type: "Edm.Guid") == valid, "\(text)")
    }

    @Test func otherTypesAreNotChecked() {
        #expect(Formats.matches("anything", type: "Edm.String"))
    }
}
