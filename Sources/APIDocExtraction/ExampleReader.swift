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
        // Split on the bytes (a Character split walks grapheme clusters for nothing).
        let literal = block.literal
        let lines = literal.linesAtLineFeeds()
        var index = 0
        let isHTTP = block.language != "json"
        if isHTTP {
            while index < lines.count && lines[index].trimmingSpacesSubstring().isEmpty { index += 1 }
            if index < lines.count {
                let first = lines[index].trimmingSpacesSubstring()
                if first.hasPrefix("HTTP") {
                    let parts = first.split(separator: " ")
                    if parts.count >= 2, let code = Int(parts[1]) { example.status = code }
                    index += 1
                } else if let space = first.firstIndex(of: " "), HTTPRequestParser.methods.contains(first[..<space].uppercased()) {
                    example.method = first[..<space].uppercased()
                    var url = first[first.index(after: space)...].trimmingSpacesSubstring()
                    if url.hasSuffix(" HTTP/1.1") { url = url.dropLast(" HTTP/1.1".count) }
                    example.url = String(url)
                    index += 1
                }
            }
            // Header lines run to a blank line or to the start of a JSON body.
            while index < lines.count {
                let line = lines[index].trimmingSpacesSubstring()
                if line.isEmpty { index += 1; break }
                if line.hasPrefix("{") || line.hasPrefix("[") { break }
                guard let colon = line.firstIndex(of: ":"), !line[..<colon].utf8Contains(" ") else { break }
                example.headers.append(HeaderRow(
                    name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingSpaces(),
                    location: SourceLocation(line: block.contentLine + index, column: block.contentColumn)))
                index += 1
            }
        }
        while index < lines.count && lines[index].trimmingSpacesSubstring().isEmpty { index += 1 }
        guard index < lines.count else { return example }
        // The rest of the block as it is (the lines are slices of it).
        let body = String(literal[lines[index].startIndex...])
        let bodyLocation = SourceLocation(line: block.contentLine + index, column: block.contentColumn)
        example.bodyText = body
        example.bodyLocation = bodyLocation
        let start = body.first { $0 != " " && $0 != "\t" }
        if start == "{" || start == "[" {
            do {
                let parsed = try LenientJSON.parse(body, origin: JSONPosition(line: bodyLocation.line, column: bodyLocation.column))
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
