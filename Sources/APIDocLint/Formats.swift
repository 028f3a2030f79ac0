import APIDocLiterals

/// Well-formedness of OData primitive strings, without Foundation.
///
/// `Edm.DateTimeOffset`, `Edm.Date`, `Edm.TimeOfDay`, `Edm.Duration` and `Edm.Guid` are read by
/// `ODataLiteral`, the functions the runtime's `DateTimeOffset`, `DateOnly`, `TimeOfDay`,
/// `ISODuration` and `GUID` are made with: lint accepts exactly the example values that the
/// generated code decodes (`FormatsAgreementTests` runs thousands of inputs through both).
enum Formats {
    /// Whether `text` is a valid value of the OData primitive `type`; `true` for a type whose text
    /// is not checked here.
    static func matches(_ text: String, type: String) -> Bool {
        switch type {
        case "Edm.DateTimeOffset": return ODataLiteral.dateTimeOffset(text) != nil
        case "Edm.Date": return ODataLiteral.date(text) != nil
        case "Edm.TimeOfDay": return ODataLiteral.timeOfDay(text) != nil
        case "Edm.Duration": return ODataLiteral.duration(text) != nil
        case "Edm.Guid": return ODataLiteral.isGUID(text)
        default: return true
        }
    }

    /// Standard base64 with padding, as Graph writes Edm.Binary (and Foundation reads it).
    static func isBase64(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for c in text.utf8 {
            switch c {
            case 65...90, 97...122, 48...57, 43, 47:
                if padding > 0 { return false }
                count += 1
            case 61:
                padding += 1
                count += 1
            case 32, 10, 13, 9:
                continue
            default:
                return false
            }
        }
        return count % 4 == 0 && padding <= 2
    }
}
