import APIDocMarkdown
import APIDocJSON

/// Reads the fenced block that a request/response/example annotation annotates: the request
/// line or status line, header lines, and the body (parsed leniently as JSON when it is JSON).
enum ExampleReader {
    static func read(_ annotation: Annotation, kind: Example.Kind, block: CodeBlock, diagnostics: inout DiagnosticCollector) -> Example {
        var example = Example(
            kind: kind, name: annotation.name, odataType: annotation.odataType?.name,
            isCollection: annotation.bool("isCollection") || (annotation.odataType?.collection ?? false),
            truncated: annotation.bool("truncated"), annotationLocation: annotation.location,
            method: nil, url: nil, status: nil, headers: [], bodyText: nil, bodyLocation: nil, body: nil, requestIndex: nil)
        // The lines are taken one at a time, up to the body, which is the rest of the block as
        // it is: a long body is not cut into lines it does not need. The first line and the
        // headers are read on the bytes when they are ASCII (the marks looked for, `HTTP`, a
        // space, `:`, `{` and `[`, are); by Characters otherwise, where a combining mark after a
        // mark makes another character of it.
        let literal = block.literal
        var lines = LineCursor(literal)
        let isHTTP = block.language != "json"
        if isHTTP {
            while let line = lines.line, line.trimmingSpacesSubstring().isEmpty { lines.advance() }
            if let line = lines.line {
                let first = line.trimmingSpacesSubstring()
                let ascii = first.isASCII
                if ascii ? first.utf8.starts(with: "HTTP".utf8) : first.hasPrefix("HTTP") {
                    let parts = ascii ? first.splitASCII(where: { $0 == UInt8(ascii: " ") }) : first.split(separator: " ")
                    if parts.count >= 2, let code = Int(parts[1]) { example.status = code }
                    lines.advance()
                } else if let space = ascii ? first.utf8FirstIndex(of: UInt8(ascii: " ")) : first.firstIndex(of: " "), HTTPRequestParser.methods.contains(first[..<space].uppercased()) {
                    example.method = first[..<space].uppercased()
                    var url = first[first.index(after: space)...].trimmingSpacesSubstring()
                    if url.hasSuffix(" HTTP/1.1") { url = url.dropLast(" HTTP/1.1".count) }
                    example.url = String(url)
                    lines.advance()
                }
            }
            // Header lines run to a blank line or to the start of a JSON body.
            while let next = lines.line {
                let line = next.trimmingSpacesSubstring()
                if line.isEmpty { lines.advance(); break }
                let ascii = line.isASCII
                if ascii ? line.utf8.first == UInt8(ascii: "{") || line.utf8.first == UInt8(ascii: "[") : line.hasPrefix("{") || line.hasPrefix("[") { break }
                guard let colon = ascii ? line.utf8FirstIndex(of: UInt8(ascii: ":")) : line.firstIndex(of: ":"), !line[..<colon].utf8Contains(" ") else { break }
                example.headers.append(HeaderRow(
                    name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingSpaces(),
                    location: SourceLocation(line: block.contentLine + lines.number, column: block.contentColumn)))
                lines.advance()
            }
        }
        while let line = lines.line, line.trimmingSpacesSubstring().isEmpty { lines.advance() }
        guard let first = lines.line else { return example }
        let index = lines.number
        let body = String(literal[first.startIndex...])
        let bodyLocation = SourceLocation(line: block.contentLine + index, column: block.contentColumn)
        example.bodyText = body
        example.bodyLocation = bodyLocation
        let start = body.first { $0 != " " && $0 != "\t" }
        if start == "{" || start == "[" {
            do {
                // cmark took the fence's indentation off every content line: it is added back.
                let parsed = try LenientJSON.parse(body, origin: JSONPosition(line: bodyLocation.line, column: bodyLocation.column),
                                                   indent: block.contentColumn - 1)
                example.body = parsed.node
                for issue in parsed.issues where issue.kind != .ellipsis {
                    diagnostics.note("example-json", SourceLocation(line: issue.position.line, column: issue.position.column),
                                     "example body is not strict JSON: \(issue.message)")
                }
            } catch {
                diagnostics.warning("example-json", errorLocation(error) ?? bodyLocation,
                                    "\(kind.rawValue) example body does not parse as JSON, even leniently: \(errorMessage(error))")
            }
        }
        return example
    }
}

/// The lines of a text one at a time, cut at line feeds found with `memchr`: the lines
/// `linesAtLineFeeds` gives (empty ones kept), without cutting them all.
struct LineCursor {
    let text: String
    /// The current line, nil past the last one.
    private(set) var line: Substring?
    /// The current line's number, from 0.
    private(set) var number = 0

    init(_ text: String) {
        self.text = text
        line = LineCursor.line(in: text, from: text.startIndex)
    }

    mutating func advance() {
        guard let current = line else { return }
        // A line that ends before the end of the text ends at a line feed: another line follows.
        if current.endIndex == text.endIndex {
            line = nil
        } else {
            number += 1
            line = LineCursor.line(in: text, from: text.utf8.index(after: current.endIndex))
        }
    }

    static func line(in text: String, from start: String.Index) -> Substring {
        text[start..<(text[start...].utf8FirstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex)]
    }
}
