import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Foundation
import Testing

/// A markdown page written in a test: its path, its text, and the page extracted from it.
struct Doc {
    var path: String
    var source: String
    var page: Page { PageExtractor.extract(path: path, source: source) }

    init(_ path: String, _ source: String) {
        self.path = path
        self.source = source
    }

    /// The 1-based line and UTF-8 column of the first occurrence of `needle` in the source.
    func location(of needle: String, occurrence: Int = 1) -> APIDocMarkdown.SourceLocation {
        var found = 0
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                found += 1
                if found == occurrence {
                    return APIDocMarkdown.SourceLocation(line: index + 1, column: line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                searchStart = range.upperBound
            }
        }
        Issue.record("'\(needle)' does not occur \(occurrence) time(s) in \(path)")
        return APIDocMarkdown.SourceLocation(line: 0, column: 0)
    }

    /// The line of the first occurrence of `needle`.
    func line(of needle: String, occurrence: Int = 1) -> Int { location(of: needle, occurrence: occurrence).line }

    /// `path:line` of the first occurrence of `needle`: how the model names sources.
    func source(of needle: String, occurrence: Int = 1) -> String { "\(path):\(line(of: needle, occurrence: occurrence))" }

    /// A diagnostic line the way the CLI prints it, at the first occurrence of `needle`.
    func diagnostic(at needle: String, occurrence: Int = 1, _ message: String, rule: String, severity: String = "warning") -> String {
        let location = location(of: needle, occurrence: occurrence)
        return "\(path):\(location.line):\(location.column): \(severity): \(message) [\(rule)]"
    }
}

/// A resource page: title `# <name> resource type`, a Properties table (rows written as
/// `|name|type|description|`), optional relationships, and a resource annotation whose extra
/// JSON members are given as raw text (`"baseType": "microsoft.graph.entity"`).
func resourceDoc(_ name: String, path: String? = nil, annotation: [String] = [], odataType: String? = nil, intro: String = "",
                 properties: [String], relationships: [String] = [], trailing: String = "") -> Doc {
    var text = "# \(name) resource type\n\nNamespace: microsoft.graph\n\n"
    if !intro.isEmpty { text += intro + "\n\n" }
    text += "## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n"
    for row in properties { text += row + "\n" }
    if !relationships.isEmpty {
        text += "\n## Relationships\n\n|Relationship|Type|Description|\n|:---|:---|:---|\n"
        for row in relationships { text += row + "\n" }
    }
    let members = ["\"blockType\": \"resource\"", "\"@odata.type\": \"\(odataType ?? "microsoft.graph." + name)\""] + annotation
    text += "\n## JSON representation\n\n<!-- {\n  " + members.joined(separator: ",\n  ") + "\n} -->\n```json\n{}\n```\n"
    if !trailing.isEmpty { text += "\n" + trailing + "\n" }
    return Doc(path ?? "docs/resources/\(name.lowercased()).md", text)
}

/// An API page: title, HTTP request lines, request body section text (nil: none written),
/// response section text, and anything after it (examples).
func apiDoc(_ path: String, title: String, requests: [String], body: String? = nil, response: String? = nil, trailing: String = "") -> Doc {
    var text = "# \(title)\n\nNamespace: microsoft.graph\n\nDoes something.\n\n## HTTP request\n\n```http\n"
    text += requests.joined(separator: "\n") + "\n```\n\n"
    if let body { text += "## Request body\n\n" + body + "\n\n" }
    if let response { text += "## Response\n\n" + response + "\n\n" }
    if !trailing.isEmpty { text += trailing + "\n" }
    return Doc(path, text)
}

/// Resolves the pages of the docs.
func resolve(_ docs: [Doc]) -> (model: APIModel, diagnostics: [Diagnostic]) {
    Resolver.resolve(docs.map(\.page))
}

/// Resolves the pages of the docs.
func resolve(_ docs: Doc...) -> (model: APIModel, diagnostics: [Diagnostic]) {
    resolve(docs)
}

extension Array where Element == Diagnostic {
    /// Diagnostics printed the way the CLI prints them.
    var lines: [String] { map(\.description) }

    /// The diagnostics of one rule.
    func rule(_ rule: String) -> [Diagnostic] { filter { $0.rule == rule } }
}

extension APIModel {
    func property(_ type: String, _ property: String) -> Property? {
        self.type(named: type)?.properties.first { $0.name == property }
    }

    func operation(_ name: String) -> APIDocModel.Operation? {
        operations.first { $0.name == name }
    }
}

/// Qualifies a simple name with the default namespace.
func graph(_ simpleName: String) -> String { "microsoft.graph." + simpleName }
