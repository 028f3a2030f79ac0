import APIDocMarkdown
import APIDocJSON

/// The JSON annotations that the docs put in HTML comments (`<!-- { "blockType": ... } -->`),
/// read leniently (trailing commas, unquoted keys, `"true"` as a string).
struct Annotation {
    var json: JSONNode
    var location: SourceLocation

    var blockType: String? { json["blockType"]?.stringValue?.lowercased() }
    var isPageAnnotation: Bool { json["type"]?.stringValue == "#page.annotation" }

    /// `@odata.type` (or `@type`) with `Collection(...)` removed, and whether it was a collection.
    var odataType: (name: String, collection: Bool)? {
        guard var name = (json["@odata.type"] ?? json["@type"])?.stringValue?.trimmingSpaces(), !name.isEmpty else { return nil }
        var collection = false
        if name.lowercased().hasPrefix("collection(") && name.hasSuffix(")") {
            name = String(name.dropFirst("collection(".count).dropLast())
            collection = true
        }
        if name.hasPrefix("#") { name.removeFirst() }
        return (name, collection)
    }

    var name: String? {
        if let s = json["name"]?.stringValue { return s }
        return json["name"]?.arrayValue?.first?.stringValue
    }

    func bool(_ key: String) -> Bool { json[key]?.boolValue ?? false }
}

enum AnnotationReader {
    /// Reads every JSON comment in an HTML block. Comments that are not JSON (`<!-- uuid: ... -->`)
    /// are skipped; JSON that does not parse even leniently is reported.
    static func read(_ block: HTMLBlock, diagnostics: inout DiagnosticCollector) -> [Annotation] {
        let literal = block.literal
        guard literal.utf8Contains("<!--") else { return [] }
        var result: [Annotation] = []
        var searchStart = literal.startIndex
        var cursor = PositionCursor(literal: literal, blockLocation: block.location)
        while let open = literal.utf8Range(of: "<!--", from: searchStart) {
            let close = literal.utf8Range(of: "-->", from: open.upperBound)
            let contentEnd = close?.lowerBound ?? literal.endIndex
            let content = literal[open.upperBound..<contentEnd]
            searchStart = close?.upperBound ?? literal.endIndex
            // The first character that is not a space, tab or line break must be `{`: found on the
            // bytes (cmark's literals end lines with LF alone), then compared as a Character (a
            // combining mark after the brace makes another character).
            guard let brace = content.utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }),
                  content[brace...].first == "{" else { continue }
            let origin = cursor.position(of: brace)
            do {
                let parsed = try LenientJSON.parse(content[brace...], origin: JSONPosition(line: origin.line, column: origin.column),
                                                   indent: cursor.lineColumn - 1)
                for issue in parsed.issues {
                    diagnostics.note("annotation-json", SourceLocation(line: issue.position.line, column: issue.position.column),
                                     "annotation JSON is not strict JSON: \(issue.message)")
                }
                result.append(Annotation(json: parsed.node, location: origin))
            } catch {
                let location = errorLocation(error) ?? origin
                diagnostics.warning("annotation-json", location, "annotation JSON does not parse, even leniently: \(errorMessage(error)); the annotation is ignored")
            }
        }
        return result
    }

    /// Positions of increasing indexes in an HTML block's literal, each found by scanning on from
    /// the previous one (a block of many comments is read in linear time).
    struct PositionCursor {
        let literal: String
        var line: Int
        var lineStart: String.Index
        var scanned: String.Index

        /// The page column of the first byte of each line of the literal. cmark takes a
        /// container's indentation (a list item's) off every line of the literal but keeps the
        /// block's own (up to three spaces), and places the block after the latter.
        let lineColumn: Int

        init(literal: String, blockLocation: SourceLocation) {
            self.literal = literal
            lineColumn = blockLocation.column - literal.utf8.prefix { $0 == UInt8(ascii: " ") }.count
            line = blockLocation.line
            lineStart = literal.startIndex
            scanned = literal.startIndex
        }

        /// The position of `index`, which is not before the index of the previous call.
        mutating func position(of index: String.Index) -> SourceLocation {
            // Line feeds are counted on the bytes: each is a character of its own in cmark's
            // literals, which have no CR LF.
            let view = literal.utf8
            while scanned < index {
                if view[scanned] == 0x0A { line += 1; lineStart = view.index(after: scanned) }
                scanned = view.index(after: scanned)
            }
            return SourceLocation(line: line, column: lineColumn + literal.utf8.distance(from: lineStart, to: index))
        }
    }
}

func errorLocation(_ error: any Error) -> SourceLocation? {
    guard let syntax = error as? JSONSyntaxError else { return nil }
    return SourceLocation(line: syntax.position.line, column: syntax.position.column)
}

func errorMessage(_ error: any Error) -> String {
    if let syntax = error as? JSONSyntaxError { return syntax.message }
    return "\(error)"
}
