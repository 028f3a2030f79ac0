/// Well-formedness of OData primitive strings, checked without Foundation.
enum Formats {
    static func matches(_ text: String, type: String) -> Bool {
        let b = Array(text.utf8)
        switch type {
        case "Edm.DateTimeOffset": return dateTimeOffset(b)
        case "Edm.Date": return b.count == 10 && date(b, 0)
        case "Edm.TimeOfDay": return timeOfDay(b, 0) == b.count
        case "Edm.Duration": return duration(b)
        case "Edm.Guid": return guid(b)
        default: return true
        }
    }

    static func digits(_ b: [UInt8], _ at: Int, _ count: Int) -> Bool {
        guard at + count <= b.count else { return false }
        return b[at..<(at + count)].allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func date(_ b: [UInt8], _ i: Int) -> Bool {
        digits(b, i, 4) && b.count > i + 9 && b[i + 4] == 45 && digits(b, i + 5, 2) && b[i + 7] == 45 && digits(b, i + 8, 2)
    }

    /// Returns the index after `HH:mm[:ss[.f+]]`, or -1.
    static func timeOfDay(_ b: [UInt8], _ i: Int) -> Int {
        guard digits(b, i, 2), b.count > i + 4, b[i + 2] == 58, digits(b, i + 3, 2) else { return -1 }
        var j = i + 5
        if j < b.count, b[j] == 58 {
            guard digits(b, j + 1, 2) else { return -1 }
            j += 3
            if j < b.count, b[j] == 46 {
                j += 1
                let start = j
                while j < b.count, b[j] >= 48, b[j] <= 57 { j += 1 }
                if j == start { return -1 }
            }
        }
        return j
    }

    static func dateTimeOffset(_ b: [UInt8]) -> Bool {
        guard b.count >= 16, date(b, 0), b[10] == 84 || b[10] == 116 else { return false }
        let j = timeOfDay(b, 11)
        guard j > 0 else { return false }
        if j == b.count { return false }
        if j == b.count - 1 { return b[j] == 90 || b[j] == 122 }
        return (b[j] == 43 || b[j] == 45) && b.count == j + 6 && digits(b, j + 1, 2) && b[j + 3] == 58 && digits(b, j + 4, 2)
    }

    static func duration(_ b: [UInt8]) -> Bool {
        var i = 0
        if i < b.count, b[i] == 45 { i += 1 }
        guard i < b.count, b[i] == 80 else { return false }
        i += 1
        var inTime = false
        var components = 0
        while i < b.count {
            if b[i] == 84 { if inTime { return false }; inTime = true; i += 1; continue }
            let start = i
            while i < b.count, (b[i] >= 48 && b[i] <= 57) || b[i] == 46 { i += 1 }
            guard i > start, i < b.count else { return false }
            let unit = b[i]
            let allowed: [UInt8] = inTime ? [72, 77, 83] : [89, 77, 87, 68]
            guard allowed.contains(unit) else { return false }
            components += 1
            i += 1
        }
        return components > 0
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

    static func guid(_ b: [UInt8]) -> Bool {
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if [8, 13, 18, 23].contains(i) { if c != 45 { return false } ; continue }
            let hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
            if !hex { return false }
        }
        return true
    }
}
