/// The one sanitiser for every identifier the emitter writes: type names, property names, enum
/// cases, parameters. It handles Swift keywords, leading digits, `@odata.type`-style keys, dots,
/// dashes, spaces, Unicode, and names that would clash with what the generated code itself
/// declares (`CodingKeys`, `rawValue`, `additionalProperties`, ...).
public enum SwiftNames {
    /// Keywords that need backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout", "internal",
        "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false", "is", "nil",
        "super", "throws", "true", "try", "await", "async", "any", "some", "consume", "borrowing", "consuming", "copy",
        "discard", "each", "macro", "package", "nonisolated", "isolated", "actor", "indirect", "mutating", "nonmutating",
        "override", "required", "convenience", "dynamic", "final", "lazy", "optional", "weak", "unowned", "get", "set",
        "willSet", "didSet", "Any", "Sendable", "then",
    ]

    /// Names that cannot be used even with backticks, or that mean something else in member
    /// position; they get a suffix instead.
    static let unusable: Set<String> = ["self", "Self", "Type", "Protocol", "init", "super", "_", "deinit", "subscript"]

    /// Case names that compile but mislead: where an optional of the enum is expected, `.none`
    /// is `Optional.none` (`policy?.first == .none` tests for nil, and the compiler only warns).
    /// Enum cases get a suffix instead: a member `none` is the case `noneValue`.
    public static let misleadingCaseNames: Set<String> = ["none"]

    /// The length in bytes of the longest keyword or unusable name.
    static let longestSpecialName = keywords.union(unusable).map(\.utf8.count).max() ?? 0

    /// Type names the generated code or the runtime relies on; a docs type with such a name gets a suffix.
    static let reservedTypeNames: Set<String> = Set([
        "Swift", "Foundation", "FoundationNetworking", "APIDocRuntime", "GraphAPI", "CodingKeys", "Type", "Protocol", "Self",
        "Any", "AnyObject", "Optional", "Array", "Dictionary", "Set", "String", "Int", "Bool", "Error", "Never", "Void",
    ]).union(runtimeTypeNames)

    /// The runtime's public types (`APIDocRuntime`), which the generated module brings to its
    /// users: a docs type of the same name would hide one of them from code that imports the
    /// module (`GraphClient(baseURL:…)` would name the docs type), so it gets the suffix too.
    static let runtimeTypeNames: Set<String> = [
        "AdditionalProperties", "AnyCodingKey", "CollectionItems", "CollectionPage", "CollectionPages", "DateOnly",
        "DateTimeOffset", "Flags", "GUID", "GraphClient", "GraphError", "GraphJSON", "GraphMiddleware", "GraphRequest",
        "HTTPDate", "HTTPRequest", "HTTPResponse", "HTTPTransport", "HeaderMiddleware", "ISODuration", "Indirect",
        "JSONValue", "LoggingMiddleware", "ODataQuery", "ODataReference", "ODataType", "PathComponent", "RetryAfter",
        "RetryClock", "RetryPolicy", "TimeOfDay", "URLSessionTransport",
    ]

    /// Splits a raw name into words at non-alphanumerics, keeping each word's own capitals, on
    /// Unicode scalars (ASCII names take `asciiCamel` instead).
    static func words(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in raw.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Letters may start an identifier; digits and combining marks may not.
    static func canStartIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber: return true
        default: return scalar == "_"
        }
    }

    static func upperFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    static func lowerFirst(_ s: String) -> String { asciiLowerFirst(s) ?? characterLowerFirst(s) }

    /// `lowerFirst` for any text, on Characters.
    static func characterLowerFirst(_ s: String) -> String {
        // "URLPath" -> "urlPath", "ID" -> "id": lower the leading run of capitals but keep the start of the next word.
        let chars = Array(s)
        var i = 0
        while i < chars.count, chars[i].isUppercase { i += 1 }
        if i == 0 { return s }
        if i == 1 || i == chars.count { return String(chars[..<i]).lowercased() + String(chars[i...]) }
        return String(chars[..<(i - 1)]).lowercased() + String(chars[(i - 1)...])
    }

    /// `lowerFirst` for ASCII text, on the bytes; nil when the text is not all ASCII.
    static func asciiLowerFirst(_ s: String) -> String? {
        var text = s
        guard let lowered = text.withUTF8({ capitalsToLower($0[...]) }) else { return nil }
        if lowered == 0 { return s }
        var out = Array(s.utf8)
        for index in 0..<lowered { out[index] |= 0x20 }
        return String(decoding: out, as: UTF8.self)
    }


    /// How many leading capitals of an ASCII word `lowerFirst` lowers (all of them when they are
    /// one or the whole word; else all but the last, which starts the next word); nil when the
    /// word is not all ASCII.
    static func capitalsToLower(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
        let capitals = word.prefix(while: { $0.isASCIIUppercase }).count
        return capitals <= 1 || capitals == word.count ? capitals : capitals - 1
    }

    /// The words of ASCII text joined in camel case (the first lowered with `lowerFirst` when
    /// `lowerFirstWord`, the others with their first letter upper-cased); nil when not all ASCII.
    static func asciiCamel(_ raw: String, lowerFirstWord: Bool) -> String? {
        // One word already in shape (`callId`, `Call`), the usual case: the text itself, no copy.
        if let first = raw.utf8.first, lowerFirstWord ? !first.isASCIIUppercase : !first.isASCIILowercase,
           raw.utf8AllSatisfy({ $0.isASCIILetterOrDigit }) {
            return raw
        }
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            var first = true
            while i < bytes.count {
                if bytes[i] >= 0x80 { return nil }
                guard bytes[i].isASCIILetterOrDigit else { i += 1; continue }
                var end = i
                while end < bytes.count, bytes[end].isASCIILetterOrDigit { end += 1 }
                if first && lowerFirstWord {
                    let lowered = capitalsToLower(bytes[i..<end]) ?? 0
                    for index in i..<(i + lowered) { out.append(bytes[index].asciiLowercased) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + lowered)..<end]))
                } else {
                    let head = bytes[i]
                    out.append(head.asciiUppercased)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]))
                }
                first = false
                i = end
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// An UpperCamel type name.
    public static func typeName(_ raw: String) -> String {
        var name = asciiCamel(raw, lowerFirstWord: false) ?? words(raw).map(upperFirst).joined()
        if name.isEmpty { name = "Unnamed" }
        if let first = name.unicodeScalars.first, !canStartIdentifier(first) { name = "T" + name }
        if reservedTypeNames.contains(name) || keywords.contains(name) || unusable.contains(name) { name += "Type" }
        return name
    }

    /// A lowerCamel member name (property, case, parameter), backticked when it is a keyword;
    /// `reserved` names (members the generated code declares itself) get a `Value` suffix.
    public static func memberName(_ raw: String, reserved: Set<String> = []) -> String {
        var name = asciiCamel(raw, lowerFirstWord: true)
            ?? words(raw).enumerated().map { $0.offset == 0 ? lowerFirst($0.element) : upperFirst($0.element) }.joined()
        if name.isEmpty { name = "value" }
        if let first = name.unicodeScalars.first, !canStartIdentifier(first) { name = "_" + name }
        // Names longer than every keyword and unusable name need no lookup.
        let short = name.utf8.count <= longestSpecialName
        if (short && unusable.contains(name)) || (!reserved.isEmpty && reserved.contains(name)) { name += "Value" }
        if short && keywords.contains(name) { return "`\(name)`" }
        return name
    }

    /// A label in a declaration (an enum case payload): `var`, `let` and `inout` keep their
    /// backticks there; other keywords are written bare.
    public static func label(_ name: String) -> String {
        let plain = bare(name)
        return ["var", "let", "inout", "_"].contains(plain) ? "`\(plain)`" : plain
    }

    /// A label at a call site: only `inout` (and `_`) need backticks there.
    public static func argumentLabel(_ name: String) -> String {
        let plain = bare(name)
        return ["inout", "_"].contains(plain) ? "`\(plain)`" : plain
    }

    /// The name without backticks (for use inside other identifiers or strings).
    public static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// Makes each name unique by appending 2, 3, ... to later duplicates (compared without
    /// backticks and case-sensitively, as Swift does).
    public static func uniqued(_ names: [String]) -> [String] {
        // All different (the common case): nothing to change; few names are compared without
        // hashing, more (a struct's properties) through one set.
        if names.count < 2 { return names }
        let bases = names.map(bare)
        if names.count <= 16 {
            var distinct = true
            search: for i in bases.indices {
                for j in bases.index(after: i)..<bases.endIndex where bases[i] == bases[j] { distinct = false; break search }
            }
            if distinct { return names }
        } else if Set(bases).count == bases.count {
            return names
        }
        var used: Set<String> = []
        // The last counter tried per base: counters below it are taken for good (linear time for
        // many equal names).
        var counters: [String: Int] = [:]
        return zip(names, bases).map { name, base in
            var candidate = base
            var counter = counters[base] ?? 2
            while used.contains(candidate) { candidate = base + String(counter); counter += 1 }
            if candidate != base { counters[base] = counter }
            used.insert(candidate)
            if candidate == base { return name }
            return keywords.contains(candidate) ? "`\(candidate)`" : candidate
        }
    }

    /// A Swift string literal for any text.
    public static func literal(_ text: String) -> String {
        // Printable ASCII without quotes or backslashes is written as it is.
        if text.utf8AllSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return concat("\"", text, "\"") }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Text that can stand in a `//` comment line: line breaks (a type name from an annotation may
    /// hold one) and NUL (which swiftc rejects anywhere in a file) read as spaces; the rest is kept.
    public static func commentText(_ text: String) -> String {
        func unsafe(_ c: Character) -> Bool { c.isNewline || c == "\0" }
        // Text with no control byte and nothing beyond ASCII has nothing to replace.
        if text.utf8AllSatisfy({ $0 >= 0x20 && $0 < 0x80 }) { return text }
        return text.contains(where: unsafe) ? String(text.map { unsafe($0) ? " " : $0 }) : text
    }

    /// `parts.joined(separator:)` with `prefix` before and `suffix` after, made in one allocation
    /// (`UTF8Writer`). (`joined` and interpolation append piece by piece.)
    static func join(_ parts: some Collection<String>, separator: String, prefix: String = "", suffix: String = "") -> String {
        var total = prefix.utf8.count + suffix.utf8.count + separator.utf8.count * max(parts.count - 1, 0)
        for part in parts { total += part.utf8.count }
        return String(utf8Count: total) { writer in
            writer.append(prefix)
            for (index, part) in parts.enumerated() {
                if index > 0 { writer.append(separator) }
                writer.append(part)
            }
            writer.append(suffix)
        }
    }

    /// The pieces one after another, made in one allocation (see `join`).
    static func concat(_ p0: String, _ p1: String, _ p2: String = "", _ p3: String = "", _ p4: String = "", _ p5: String = "") -> String {
        String(utf8Count: p0.utf8.count + p1.utf8.count + p2.utf8.count + p3.utf8.count + p4.utf8.count + p5.utf8.count) { writer in
            writer.append(p0)
            writer.append(p1)
            writer.append(p2)
            writer.append(p3)
            writer.append(p4)
            writer.append(p5)
        }
    }

    /// The number of characters of `text`: its byte count when it is ASCII without carriage
    /// returns (a CR LF pair is one character), counted without walking grapheme clusters.
    static func characterCount(_ text: String) -> Int {
        text.utf8AllSatisfy { $0 < 0x80 && $0 != 0x0D } ? text.utf8.count : text.count
    }

    /// Text safe inside a `///` doc comment line (no line breaks).
    public static func docText(_ text: String) -> String {
        if text.utf8AllSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.trimmingSpaces() }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" { result += " "; continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { continue }
            result.unicodeScalars.append(scalar)
        }
        return result.trimmingSpaces()
    }
}

extension String {
    func trimmingSpaces() -> String {
        // On the bytes: spaces and tabs are single bytes that never occur inside a longer character.
        let view = utf8
        var start = view.startIndex
        var end = view.endIndex
        while start < end, view[start] == 0x20 || view[start] == 0x09 { start = view.index(after: start) }
        while end > start {
            let before = view.index(before: end)
            guard view[before] == 0x20 || view[before] == 0x09 else { break }
            end = before
        }
        if start == view.startIndex && end == view.endIndex { return self }
        return String(self[start..<end])
    }
}
