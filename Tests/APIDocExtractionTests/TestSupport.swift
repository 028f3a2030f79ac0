import APIDocExtraction
import APIDocMarkdown
import Foundation

/// Shorthand for a position.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

/// Extracts a page written in the test.
func extract(_ markdown: String, path: String = "docs/api/test.md") -> Page {
    PageExtractor.extract(path: path, source: markdown)
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads a file of the package (e.g. `docs/api/application-post-calls.md`).
func packageFile(_ relativePath: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
}

extension TypeRef.Kind {
    static func named(_ name: String, _ link: String? = nil) -> TypeRef.Kind { .named(name: name, link: link) }
}

extension Page {
    func property(_ name: String) -> PropertyRow? { properties.first { $0.name == name } }
    func relationship(_ name: String) -> PropertyRow? { relationships.first { $0.name == name } }

    /// The rows of the request body: resource rows or parameters.
    var requestBodyRows: [PropertyRow] {
        switch requestBody {
        case .resource(_, let rows), .parameters(let rows): return rows
        case .none, .unspecified, .binary: return []
        }
    }

    /// Diagnostics printed the way the CLI prints them.
    var diagnosticLines: [String] { diagnostics.map(\.description) }

    /// Method and path of each HTTP request line, with the query after `?` when there is one.
    var requestLines: [String] {
        httpRequests.map { "\($0.method) \($0.path)" + ($0.query.map { "?\($0)" } ?? "") }
    }
}

/// A page with a Properties table holding one row per Type cell; the rows' types in order.
func types(_ cells: [String], definitions: String = "") -> [TypeRef] {
    var source = "# x resource type\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n"
    for (index, cell) in cells.enumerated() { source += "|p\(index)|\(cell)|Text.|\n" }
    source += "\n" + definitions + "\n"
    return extract(source, path: "docs/resources/x.md").properties.map(\.type)
}

/// A type without its position: what a Type cell says.
struct TypeShape: Equatable, CustomStringConvertible {
    var kind: TypeRef.Kind
    var collection: Bool

    init(_ type: TypeRef) {
        kind = type.kind
        collection = type.collection
    }

    init(kind: TypeRef.Kind, collection: Bool) {
        self.kind = kind
        self.collection = collection
    }

    var description: String { "\(kind)\(collection ? " collection" : "")" }
}

/// A single value of `kind`.
func one(_ kind: TypeRef.Kind) -> TypeShape { TypeShape(kind: kind, collection: false) }
/// A collection of `kind`.
func many(_ kind: TypeRef.Kind) -> TypeShape { TypeShape(kind: kind, collection: true) }

/// The type of one Type cell, read the way a property table reads it.
func shape(_ cell: String, definitions: String = "") -> TypeShape? {
    types([cell], definitions: definitions).first.map(TypeShape.init)
}

extension Array where Element == Block {
    /// Every table, in document order, including tables nested in lists and block quotes.
    var allTables: [Table] {
        flatMap { block -> [Table] in
            switch block {
            case .table(let t): return [t]
            case .list(let l): return l.items.flatMap { $0.allTables }
            case .blockQuote(let q): return q.children.allTables
            default: return []
            }
        }
    }
}
