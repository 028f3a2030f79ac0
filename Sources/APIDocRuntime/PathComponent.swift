import Foundation

/// Builds the percent-encoded segments of request paths from parameter values.
///
/// ```swift
/// let path = "/users/" + APIDocRuntime.PathComponent.escape(userId) + "/events"
/// let report = "/reports/getEmailActivityCounts(period=" + APIDocRuntime.PathComponent.quotedArgument("D7") + ")"
/// ```
public enum PathComponent {
    /// Percent-encodes `value` for use as one path segment.
    ///
    /// Keeps only the RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`); every other byte
    /// of the UTF-8 encoding, including `/`, `?`, `#`, `%`, space, quotes and non-ASCII
    /// characters, becomes `%XX` with uppercase hex digits: `a/b c` gives `a%2Fb%20c`.
    public static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.append("%")
                result.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                result.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// An OData string literal for a function argument in a path: the value in single quotes,
    /// with each inner `'` doubled, and the content escaped with ``escape(_:)``. The enclosing
    /// quotes stay literal (they are allowed in a path segment), so `quotedArgument("D7")` gives
    /// `'D7'` for `getX(period='D7')`, and `quotedArgument("it's")` gives `'it%27%27s'`.
    public static func quotedArgument(_ value: String) -> String {
        "'" + escape(value.replacingOccurrences(of: "'", with: "''")) + "'"
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits: [Unicode.Scalar] = Array("0123456789ABCDEF".unicodeScalars)
}
