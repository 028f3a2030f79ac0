/// What `LenientJSON.parse` returns: the value and every defect it forgave.
public struct JSONParseResult: Sendable {
    public var node: JSONNode
    /// In position order; empty means the text was strictly valid JSON (RFC 8259).
    public var issues: [JSONIssue]

    public init(node: JSONNode, issues: [JSONIssue]) {
        self.node = node
        self.issues = issues
    }
}

/// A JSON parser that reads strict JSON exactly and also reads the defects found in API docs
/// (trailing commas, comments, unquoted keys, `...`, bare words, ...), reporting each as a `JSONIssue`.
///
/// It keeps member order, duplicate keys, number literals and the source position of every value.
/// It works on UTF-8 bytes without recursion, in time linear in the input.
public enum LenientJSON {
    /// The deepest nesting of arrays and objects accepted; one more level throws.
    public static let maximumDepth = 512

    /// Parses `text`, a whole JSON text.
    ///
    /// - Parameters:
    ///   - origin: the page position of `text`'s first character. Lines after the first are
    ///     offset by `origin.line - 1`; columns on the first line by `origin.column - 1`.
    ///   - indent: columns on the lines after the first are offset by this: the indentation the
    ///     text's container removed from each of its lines (a code block in a list item).
    /// - Throws: `JSONSyntaxError` (typed) when the text cannot be read even leniently:
    ///   unbalanced brackets, end of input inside a string, a missing `:`, an invalid escape,
    ///   nesting deeper than `maximumDepth`, no value at all.
    public static func parse(
        _ text: String,
        origin: JSONPosition = JSONPosition(line: 1, column: 1),
        indent: Int = 0
    ) throws(JSONSyntaxError) -> JSONParseResult {
        var text = text
        text.makeContiguousUTF8()
        return try parse(utf8: text.utf8, origin: origin, indent: indent)
    }

    /// Parses `text`, a whole JSON text cut out of a page; see `parse(_:origin:)` for `String`.
    public static func parse(
        _ text: Substring,
        origin: JSONPosition = JSONPosition(line: 1, column: 1),
        indent: Int = 0
    ) throws(JSONSyntaxError) -> JSONParseResult {
        var text = text
        text.makeContiguousUTF8()
        return try parse(utf8: text.utf8, origin: origin, indent: indent)
    }

    private static func parse<Bytes: Collection<UInt8>>(
        utf8: Bytes,
        origin: JSONPosition,
        indent: Int
    ) throws(JSONSyntaxError) -> JSONParseResult {
        if let result = utf8.withContiguousStorageIfAvailable({ run($0, origin: origin, indent: indent) }) {
            return try result.get()
        }
        return try Array(utf8).withUnsafeBufferPointer { run($0, origin: origin, indent: indent) }.get()
    }

    private static func run(
        _ bytes: UnsafeBufferPointer<UInt8>,
        origin: JSONPosition,
        indent: Int
    ) -> Result<JSONParseResult, JSONSyntaxError> {
        var parser = JSONParser(bytes: bytes, origin: origin, indent: indent)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
