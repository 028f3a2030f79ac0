import APIDocMarkdown
import APIDocJSON

/// One Graph page -> a `Page`: sections, tables, HTTP request lines, annotations and examples,
/// with diagnostics for whatever was not understood. Pure: text in, value out.
public enum PageExtractor {
    public static func extract(path: String, source: String) -> Page {
        let document = MarkdownDocument.parse(source)
        var diagnostics = DiagnosticCollector(file: path)
        for note in document.notes {
            diagnostics.note("table-shape", note.location, note.message)
        }
        let (titleHeading, sections, linear) = SectionSplitter.split(document.blocks)
        let stem = LinkTarget.stem(path)
        let frontMatter = document.frontMatter
        var page = Page(
            path: path, stem: stem, docType: frontMatter?["doc_type"]?.trimmingSpaces(),
            title: titleHeading?.text ?? frontMatter?["title"], description: frontMatter?["description"],
            namespace: nil, titleLocation: titleHeading?.location ?? SourceLocation(line: 1, column: 1))
        page.namespace = namespace(sections)
        page.inheritsFrom = inheritsFrom(sections)

        for section in sections {
            read(section, into: &page, diagnostics: &diagnostics)
        }
        if page.httpRequests.isEmpty && (page.docType?.lowercased().hasPrefix("api") == true || path.utf8Contains("/api/")) {
            // No HTTP request heading: method lines with relative paths in a fence before the examples.
            for section in sections {
                if section.topic.hasPrefix("example") || section.topic.hasPrefix("response") { break }
                page.httpRequests.append(contentsOf: methodLines(section).filter { !$0.path.isEmpty })
            }
            if let first = page.httpRequests.first {
                diagnostics.note("http-request", first.location, "no 'HTTP request' heading; the method lines of this fence are read as the request")
            }
        }
        limitRequestLines(&page, diagnostics: &diagnostics)
        if !page.pathDeprecations.isEmpty { applyDeprecations(&page, diagnostics: &diagnostics) }
        for line in page.httpRequests { QueryOptionReader.read(line, into: &page.queryOptions) }
        readEnumSections(sections, page: &page, diagnostics: &diagnostics)
        readAnnotations(linear, page: &page, diagnostics: &diagnostics)
        if page.requestBody == .unspecified, !page.httpRequests.isEmpty,
           page.httpRequests.allSatisfy({ $0.method == "GET" || $0.method == "DELETE" }) {
            page.requestBody = .none
        }
        page.diagnostics = diagnostics.diagnostics
        return page
    }

    static func namespace(_ sections: [Section]) -> String? {
        for section in sections.prefix(3) {
            for paragraph in section.paragraphs {
                let text = paragraph.inlines.plainText.trimmingSpaces()
                // The prefix compared on the bytes: no lower-cased copy of every paragraph.
                if text.hasPrefixIgnoringCase("namespace:") {
                    let cleaned = String(namespaceWord(text)).trimmingCharacters(in: ".`*")
                    return cleaned.isEmpty ? nil : cleaned
                }
            }
        }
        return nil
    }

    /// The first word after `Namespace:` in a paragraph's text (trimmed of spaces and tabs):
    /// after the spaces and tabs that follow the colon, the text up to the next space or line
    /// feed, line feeds and spaces before it skipped. On the bytes when the text is ASCII
    /// without carriage returns, where each byte is a Character; by Characters otherwise.
    static func namespaceWord(_ text: String) -> Substring {
        let prefix = "namespace:".utf8.count
        guard text.utf8AllSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            let value = text.dropFirst(prefix).trimmingSpacesSubstring()
            return value.split(whereSeparator: { $0 == " " || $0 == "\n" }).first ?? ""
        }
        let bytes = text.utf8
        var start = bytes.index(bytes.startIndex, offsetBy: prefix)
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 { bytes.formIndex(after: &start) }
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x0A { bytes.formIndex(after: &start) }
        var end = start
        while end < bytes.endIndex, bytes[end] != 0x20 && bytes[end] != 0x0A { bytes.formIndex(after: &end) }
        return text[start..<end]
    }

    static func inheritsFrom(_ sections: [Section]) -> String? {
        for section in sections where section.level <= 1 {
            for paragraph in section.paragraphs {
                if let link = linkAfter(phrases: ["inherits from", "inherited from"], in: paragraph.inlines) { return link }
            }
        }
        return nil
    }

    /// The first type link that follows one of `phrases` in the same sentence.
    static func linkAfter(phrases: [String], in inlines: [Inline]) -> String? {
        // Most paragraphs have none of the phrases: answered without flattening them.
        guard DescriptionReader.anyText(inlines, intoLinks: false, { text in phrases.contains { text.containsIgnoringCase($0) } }) else { return nil }
        var armed = false
        for inline in DescriptionReader.flattenKeepingLinks(inlines) {
            switch inline {
            case .text(let text):
                if phrases.contains(where: { text.containsIgnoringCase($0) }) {
                    armed = true
                } else if armed, text.utf8Contains(". ") {
                    armed = false
                }
            case .link(let destination, _) where armed && TypeCellParser.isTypeLink(destination):
                return destination
            default:
                continue
            }
        }
        return nil
    }

    static func read(_ section: Section, into page: inout Page, diagnostics: inout DiagnosticCollector) {
        let topic = section.topic
        if topic.utf8Contains("query parameter") || topic.utf8Contains("query option") || section.title.containsIgnoringCase("query parameter") {
            QueryOptionReader.read(section, into: &page.queryOptions)
        }
        if topic.utf8Contains("permission") || topic == "prerequisites" {
            for table in section.tables { if let p = TableReaders.permissions(table) { page.permissions.append(contentsOf: p) } }
        } else if topic.utf8Contains("http request") || section.title.containsIgnoringCase("http request") {
            page.httpRequests.append(contentsOf: methodLines(section))
            page.pathDeprecations.append(contentsOf: DeprecationReader.read(section, diagnostics: &diagnostics))
            for table in section.tables where section.title.containsIgnoringCase("parameter") {
                if let rows = TableReaders.properties(table, navigation: false, diagnostics: &diagnostics) {
                    page.queryParameters.append(contentsOf: rows)
                }
            }
        } else if topic.utf8Contains("request header") {
            // `### Prefer header values` lists values of a header, not headers.
            guard !section.title.hasSuffixIgnoringCase("values") else { return }
            for table in section.tables {
                if let h = TableReaders.headers(table, diagnostics: &diagnostics) { page.requestHeaders.append(contentsOf: h) }
            }
        } else if topic.hasPrefix("request body") {
            readRequestBody(section, page: &page, diagnostics: &diagnostics)
        } else if topic.hasPrefix("response") && section.level <= 2 && page.response == nil {
            page.response = readResponse(section)
        } else if topic.hasPrefix("properties") || topic.hasPrefix("relationships") {
            guard !isEnumHeading(section.title) else { return }
            let navigation = topic.hasPrefix("relationships")
            for table in section.tables {
                if let rows = TableReaders.properties(table, navigation: navigation, diagnostics: &diagnostics) {
                    if navigation { page.relationships.append(contentsOf: rows) } else { page.properties.append(contentsOf: rows) }
                } else if TableReaders.lacksTypeColumn(table) {
                    let rows = table.rows.count == 1 ? "its row is not read as a property" : "its \(table.rows.count) rows are not read as properties"
                    diagnostics.warning("unread-table", table.location, "table under '\(section.title)' has no Type column; \(rows)")
                }
            }
        } else if topic.utf8Contains("parameters") {
            for table in section.tables {
                if let rows = TableReaders.properties(table, navigation: false, diagnostics: &diagnostics) {
                    if topic.utf8Contains("function") { page.functionParameters.append(contentsOf: rows) } else { page.queryParameters.append(contentsOf: rows) }
                }
            }
        }
    }

    static func readRequestBody(_ section: Section, page: inout Page, diagnostics: inout DiagnosticCollector) {
        var resourceType: TypeRef?
        var saysNone = false
        var binary: SourceLocation?
        for paragraph in section.paragraphs {
            let text = paragraph.inlines.plainText.lowercased()
            if text.utf8Contains("do not supply") || text.utf8Contains("don't supply") || text.utf8Contains("no request body")
                || text.utf8Contains("not supply a request body") || text.utf8Contains("do not specify a request body") {
                saysNone = true
            }
            if binary == nil, isBinaryBody(text) { binary = paragraph.location }
            if resourceType == nil, text.utf8Contains("json representation") || text.utf8Contains("json object representation") {
                if let link = paragraph.inlines.links.first(where: { TypeCellParser.isTypeLink($0.destination) }) {
                    resourceType = TypeRef(kind: .named(name: TypeCellParser.cleanName(link.text, destination: link.destination), link: link.destination),
                                           collection: false, location: paragraph.location)
                }
            }
        }
        var rows: [PropertyRow] = []
        for table in section.tables {
            if let r = TableReaders.properties(table, navigation: false, diagnostics: &diagnostics) { rows.append(contentsOf: r) }
        }
        if let resourceType {
            page.requestBody = .resource(resourceType, properties: rows)
        } else if !rows.isEmpty {
            page.requestBody = .parameters(rows)
        } else if let binary, !saysNone, page.requestBody == .unspecified {
            // Only where nothing else describes the body: a later subsection about another
            // payload ("... or a binary stream in IPP encoding") does not replace a JSON body.
            page.requestBody = .binary(binary)
        } else if saysNone || section.blocks.isEmpty {
            page.requestBody = .none
        }
    }

    /// "include the binary data of the photo", "the binary stream of the file", "the contents of the file".
    static func isBinaryBody(_ lower: String) -> Bool {
        guard !lower.utf8Contains("json") else { return false }
        return lower.utf8Contains("binary") || lower.utf8Contains(" stream") || lower.utf8Contains("octet-stream") || lower.utf8Contains("contents of the file")
            || lower.utf8Contains("file contents") || lower.utf8Contains("content of the file")
    }

    /// "returns ... the image or file binary data", "... a stream", "application/octet-stream",
    /// "a `302 Found` response that redirects to a preauthenticated download URL".
    static func saysStream(_ lower: String) -> Bool {
        lower.utf8Contains(" stream") || lower.utf8Contains("binary content") || lower.utf8Contains("binary data") || lower.utf8Contains("octet-stream")
            || lower.utf8Contains("download url") || lower.utf8Contains("raw content") || lower.utf8Contains("the bytes of")
    }

    static func readResponse(_ section: Section) -> ResponseInfo? {
        for paragraph in section.paragraphs {
            let inlines = paragraph.inlines
            let text = inlines.plainText
            guard text.containsIgnoringCase("return") || text.containsIgnoringCase("response code") else { continue }
            let status = firstStatusCode(text)
            var type: TypeRef?
            // The type is the first link in the sentence that says what is returned, not a link
            // of a later sentence (such as a page of error codes).
            let sentence = returnSentence(inlines)
            let sentenceText = sentence.plainText.lowercased()
            if let link = sentence.links.first(where: { TypeCellParser.isTypeLink($0.destination) }) {
                let collection = sentenceText.utf8Contains("collection") || sentenceText.utf8Contains(" objects")
                type = TypeRef(kind: .named(name: TypeCellParser.cleanName(link.text, destination: link.destination), link: link.destination),
                               collection: collection, location: paragraph.location)
            } else if saysStream(sentenceText) {
                type = TypeRef(kind: .primitive("Edm.Stream"), collection: false, location: paragraph.location)
            }
            return ResponseInfo(status: status, type: type, location: paragraph.location)
        }
        return nil
    }

    /// The inlines of the sentence that contains "return", from that word to the next ". ".
    static func returnSentence(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        var started = false
        for inline in DescriptionReader.flattenKeepingLinks(inlines) {
            guard case .text(let text) = inline else {
                if started { result.append(inline) }
                continue
            }
            var rest = Substring(text)
            if !started {
                let lower = text.lowercased()
                guard let found = lower.utf8Range(of: "return") else { continue }
                started = true
                rest = text.dropFirst(lower.distance(from: lower.startIndex, to: found.lowerBound))
            }
            if let end = rest.utf8Range(of: ". ") {
                result.append(.text(String(rest[..<end.lowerBound])))
                return result
            }
            result.append(.text(String(rest)))
        }
        return started ? result : inlines
    }

    /// `METHOD path` lines of a section's fences (not C# or JSON ones).
    /// Request lines longer than this are not read (real paths are a few hundred bytes at most).
    public static let maximumRequestPathBytes = 4_096
    /// At most this many request lines are read from one page (real pages have a few dozen).
    public static let maximumRequestLines = 1_000

    /// Applies the request-line limits, with a diagnostic for what is dropped: resolution and
    /// naming compare lines and placeholders with each other, so their number and length are bounded.
    static func limitRequestLines(_ page: inout Page, diagnostics: inout DiagnosticCollector) {
        if let long = page.httpRequests.first(where: { $0.path.utf8.count > maximumRequestPathBytes }) {
            let count = page.httpRequests.filter { $0.path.utf8.count > maximumRequestPathBytes }.count
            diagnostics.warning("limit", long.location, "request path is \(long.path.utf8.count) bytes, over the limit of \(maximumRequestPathBytes); \(count == 1 ? "it is" : "\(count) such lines are") not read")
            page.httpRequests.removeAll { $0.path.utf8.count > maximumRequestPathBytes }
        }
        if page.httpRequests.count > maximumRequestLines {
            diagnostics.warning("limit", page.httpRequests[maximumRequestLines].location,
                                "page has \(page.httpRequests.count) request lines; only the first \(maximumRequestLines) are read")
            page.httpRequests.removeLast(page.httpRequests.count - maximumRequestLines)
        }
    }

    /// Marks the request lines that a deprecation note covers; a note that covers none is
    /// reported, since it names no path the generated code could mark.
    static func applyDeprecations(_ page: inout Page, diagnostics: inout DiagnosticCollector) {
        for index in page.httpRequests.indices {
            if let note = page.pathDeprecations.first(where: { $0.covers(page.httpRequests[index].path) }) {
                page.httpRequests[index].deprecation = note.note
            }
        }
        for note in page.pathDeprecations where !page.httpRequests.contains(where: { note.covers($0.path) }) {
            diagnostics.warning("deprecated-path", note.location, "the note calls the paths under '\(note.prefix)' deprecated, but no request path of the page starts with it")
        }
    }

    static func methodLines(_ section: Section) -> [HTTPRequestLine] {
        var result: [HTTPRequestLine] = []
        for code in section.codeBlocks where code.language != "csharp" && code.language != "json" {
            for (offset, line) in lines(of: code.literal).enumerated() {
                let location = SourceLocation(line: code.contentLine + offset, column: code.contentColumn)
                if let request = HTTPRequestParser.parseLine(line, location: location) { result.append(request) }
            }
        }
        return result
    }

    /// The lines of a code block, cut at line feeds on the bytes; as when cutting characters, a
    /// carriage return and line feed pair is one character and does not end a line.
    static func lines(of text: String) -> [Substring] {
        // cmark's literals end lines with LF alone: without a carriage return, every line feed
        // ends a line, and the shared cut (`memchr`) gives the lines.
        guard text.utf8Contains(byte: 0x0D) else { return text.linesAtLineFeeds() }
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// The first run of exactly three ASCII digits that is an HTTP status (100-599).
    static func firstStatusCode(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            if byte.isASCIIDigit {
                value = digits < 3 ? value * 10 + Int(byte - 0x30) : value
                digits += 1
            } else {
                if digits == 3, (100...599).contains(value) { return value }
                value = 0
                digits = 0
            }
        }
        if digits == 3, (100...599).contains(value) { return value }
        return nil
    }

    /// `### callState values`, `## chatType values` and the `Members` section of single-enum pages.
    static func isEnumHeading(_ title: String) -> Bool {
        title.hasSuffixIgnoringCase(" values") && !title.contains(" ", afterDropping: " values")
    }

    static func readEnumSections(_ sections: [Section], page: inout Page, diagnostics: inout DiagnosticCollector) {
        let title = page.title ?? ""
        let enumPageName: String? = {
            let lower = title.lowercased()
            for suffix in [" enum type", " enumeration type", " enum"] where lower.hasSuffix(suffix) {
                return String(title.dropLast(suffix.count)).trimmingCharacters(in: "` ")
            }
            return nil
        }()
        for section in sections {
            var name: String?
            if isEnumHeading(section.title) {
                name = String(section.title.dropLast(" values".count)).trimmingCharacters(in: "`* ")
            } else if section.title.equalsIgnoringCase("members") || (section.level <= 2 && section.title.equalsIgnoringCase("properties")) {
                name = enumPageName
            }
            guard let name, !name.isEmpty else { continue }
            for table in section.tables {
                guard let members = TableReaders.enumMembers(table) else { continue }
                if members.isEmpty {
                    diagnostics.warning("empty-table", table.location, "enum table for '\(name)' has no members")
                    continue
                }
                page.enums.append(EnumDefinition(name: name, members: members, location: section.location, fromProse: false))
            }
        }
    }

    static func readAnnotations(_ linear: [Block], page: inout Page, diagnostics: inout DiagnosticCollector) {
        var pending: Annotation?
        var lastRequest: Int?
        for block in linear {
            switch block {
            case .html(let html):
                for annotation in AnnotationReader.read(html, diagnostics: &diagnostics) where !annotation.isPageAnnotation {
                    pending = annotation
                }
            case .heading(let heading) where heading.level <= 2:
                pending = nil
            case .codeBlock(let code):
                guard let annotation = pending else { continue }
                pending = nil
                switch annotation.blockType {
                case "resource":
                    var resource = ResourceAnnotation(
                        odataType: annotation.odataType?.name, baseType: annotation.json["baseType"]?.stringValue,
                        keyProperty: annotation.json["keyProperty"]?.stringValue, openType: annotation.bool("openType"),
                        abstract: annotation.bool("abstract") || annotation.bool("isAbstract"),
                        optionalProperties: annotation.json["optionalProperties"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                        location: annotation.location, json: nil, jsonLocation: nil)
                    if code.language == "json" || code.language.isEmpty {
                        let origin = JSONPosition(line: code.contentLine, column: code.contentColumn)
                        resource.jsonLocation = SourceLocation(line: code.contentLine, column: code.contentColumn)
                        do {
                            resource.json = try LenientJSON.parse(code.literal, origin: origin, indent: code.contentColumn - 1).node
                        } catch {
                            diagnostics.warning("example-json", errorLocation(error) ?? SourceLocation(line: code.contentLine, column: 1),
                                                "JSON representation does not parse, even leniently: \(errorMessage(error))")
                        }
                    }
                    if page.resource == nil { page.resource = resource }
                case "request", "response", "example":
                    let kind = Example.Kind(rawValue: annotation.blockType!)!
                    var example = ExampleReader.read(annotation, kind: kind, block: code, diagnostics: &diagnostics)
                    if kind == .example && example.method != nil {
                        // `example` used in place of `request` on http fences.
                        example.kind = .request
                    }
                    if example.kind == .request { lastRequest = page.examples.count }
                    if example.kind == .response { example.requestIndex = lastRequest }
                    page.examples.append(example)
                default:
                    break
                }
            default:
                continue
            }
        }
    }
}

extension String {
    /// True when `character` occurs in the string once `suffix` is removed from its end.
    func contains(_ character: Character, afterDropping suffix: String) -> Bool {
        guard hasSuffix(suffix) else { return contains(character) }
        return dropLast(suffix.count).contains(character)
    }
}
