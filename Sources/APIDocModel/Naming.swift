import APIDocExtraction
import APIDocMarkdown

/// Names the model gives: operations (`createCall`) and path parameters (`callId`). These are
/// JSON-level names; the Swift emitter makes them safe identifiers.
public enum Naming {
    static let articles: Set<String> = ["a", "an", "the", "of", "for", "to", "in", "on", "by", "from", "with", "and"]

    public static func upperFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    public static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }

    /// Words -> lowerCamel: ["create", "calls"] -> "createCalls". Words keep their inner capitals.
    public static func lowerCamel(_ words: [String]) -> String {
        if let ascii = asciiLowerCamel(words) { return ascii }
        let cleaned = words.map(lettersAndDigits).filter { !$0.isEmpty }
        guard let first = cleaned.first else { return "" }
        return lowerFirst(first) + cleaned.dropFirst().map(upperFirst).joined()
    }

    /// `lowerCamel` for ASCII words, built on the bytes (one buffer, no cased copies of each
    /// word); nil when a word is not ASCII.
    static func asciiLowerCamel(_ words: [String]) -> String? {
        guard words.allSatisfy({ $0.isASCII }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count })
        for word in words {
            var first = true
            for byte in word.utf8 where byte.isASCIILetterOrDigit {
                if first {
                    // The first word's first letter lowered, every other word's raised.
                    result.append(result.isEmpty ? byte.asciiLowercased : byte.asciiUppercased)
                    first = false
                } else {
                    result.append(byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The letters and digits of a word (ASCII words are filtered on their bytes).
    static func lettersAndDigits(_ word: String) -> String {
        if word.isASCII {
            let kept = word.utf8.filter(\.isASCIILetterOrDigit)
            return kept.count == word.utf8.count ? word : String(decoding: kept, as: UTF8.self)
        }
        return word.filter { $0.isLetter || $0.isNumber }
    }

    public static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("ies") && word.count > 3 { return String(word.dropLast(3)) + "y" }
        if lower.hasSuffix("sses") || lower.hasSuffix("xes") || lower.hasSuffix("ches") || lower.hasSuffix("shes") { return String(word.dropLast(2)) }
        if lower.hasSuffix("s") && !lower.hasSuffix("ss") && !lower.hasSuffix("us") && !lower.hasSuffix("is") && word.count > 1 { return String(word.dropLast()) }
        return word
    }

    /// From the page title: "call: answer" -> "answerCall"; "Create calls" with a `call` body ->
    /// "createCall"; "List participants" -> "listParticipants"; else the file name.
    static func operationName(page: Page, method: String, bodyType: String?) -> String {
        var title = page.title ?? ""
        // Cut on the bytes: `(`, `:` and the separators are ASCII.
        if let paren = title.utf8.firstIndex(of: UInt8(ascii: "(")) { title = String(title[..<paren]) }
        var words: [String]
        if let colon = title.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let noun = title[..<colon].splitASCII(where: { $0 == 0x20 }).map(String.init)
            let verb = title[title.utf8.index(after: colon)...].splitASCII(where: { $0 == 0x20 }).map(String.init)
            words = verb + noun
        } else {
            words = title.splitASCII(where: { $0 == 0x20 || $0 == 0x2F || $0 == 0x2D }).map(String.init)
        }
        words = words.filter { !articles.contains($0.lowercased()) }
        if words.first?.lowercased() == "create", let bodyType, words.count == 2,
           singular(words[1]).lowercased() == Resolver.simpleName(bodyType).lowercased() {
            words = ["create", Resolver.simpleName(bodyType)]
        }
        var name = lowerCamel(words)
        if name.isEmpty || !(name.first?.isLetter ?? false) {
            name = lowerCamel(page.stem.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init))
        }
        return name.isEmpty ? method.lowercased() : name
    }

    /// Parameters of a path template: `{id}` after `calls` is `callId`; `{id | userPrincipalName}`
    /// is named after its first alternative; `'{v}'` is a quoted function argument; the value
    /// of a function argument is named after the argument (`period='{period_value}'` is `period`).
    static func operationPath(_ template: String, query: String?) -> OperationPath {
        var parameters: [PathParameter] = []
        var used: Set<String> = []
        var arguments = FunctionArgument.parse(template)
        // Braces, quotes and slashes are found on the bytes (they are ASCII).
        let bytes = template.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            let placeholder = String(template[bytes.index(after: open)..<close])
            let alternatives = placeholder.splitASCII(where: { $0 == UInt8(ascii: "|") }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            let quoted = open > bytes.startIndex && bytes[bytes.index(before: open)] == UInt8(ascii: "'")
            // The value of a function argument (`period='{period_value}'`) is named after the argument.
            var argument: String?
            if let found = arguments.firstIndex(where: { $0.placeholder == placeholder }) {
                argument = arguments[found].name
                arguments.remove(at: found)
            }
            var base = parameterName(argument ?? alternatives.first ?? placeholder)
            if base.isEmpty || base.lowercased() == "id" || base.lowercased() == "key" {
                let before = template[..<open]
                let segments = before.splitASCII(where: { $0 == UInt8(ascii: "/") })
                if let previous = segments.last, !previous.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "=") }) {
                    base = parameterName(singular(String(previous))) + "Id"
                } else if base.isEmpty {
                    base = "id"
                }
            }
            if base.isEmpty || !(base.first?.isLetter ?? false) { base = "parameter" + base }
            var name = base
            var counter = 2
            while used.contains(name) { name = base + String(counter); counter += 1 }
            used.insert(name)
            parameters.append(PathParameter(placeholder: placeholder, name: name, alternatives: alternatives, quoted: quoted, argument: argument))
            index = bytes.index(after: close)
        }
        return OperationPath(template: template, parameters: parameters, query: query)
    }

    /// "user-id" -> "userId", "period_value" -> "periodValue", "with spaces" -> "withSpaces".
    static func parameterName(_ raw: String) -> String {
        // ASCII names are cut on the bytes, where letters and digits are single bytes.
        let words = raw.isASCII
            ? raw.splitASCII(where: { !$0.isASCIILetterOrDigit }).map(String.init)
            : raw.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return lowerCamel(words)
    }
}
