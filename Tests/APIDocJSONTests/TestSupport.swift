import APIDocJSON

/// Shorthand for a position.
func at(_ line: Int, _ column: Int) -> JSONPosition {
    JSONPosition(line: line, column: column)
}

/// The error `text` throws, or nil when it parses.
func syntaxError(_ text: String, origin: JSONPosition = at(1, 1)) -> JSONSyntaxError? {
    do {
        _ = try LenientJSON.parse(text, origin: origin)
        return nil
    } catch {
        return error
    }
}

extension JSONParseResult {
    /// The kinds of the issues, in order.
    var kinds: [JSONLeniency] { issues.map(\.kind) }
}
