import APIDocExtraction
import APIDocJSON
import APIDocRuntime
import Foundation

/// The pages of the package's `docs/` folder, extracted with `PageExtractor` exactly as the
/// generator reads them.
///
/// The folder is found from this file's own path: `Tests/GraphAPITests/DocsCorpus.swift`, two
/// folders up, then `docs`. Page paths are relative to the package root (`docs/api/call-get.md`),
/// the form used in every failure message.
enum DocsCorpus {
    /// The package root (the folder holding `Package.swift` and `docs/`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GraphAPITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `docs/api` and `docs/resources` pages, sorted by path. A folder that cannot be listed
    /// yields no pages; the tests check that pages were found.
    static let apiPages: [Page] = load(folder: "docs/api")
    static let resourcePages: [Page] = load(folder: "docs/resources")
    static var allPages: [Page] { apiPages + resourcePages }

    static func load(folder: String) -> [Page] {
        let directory = packageRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
            let relative = folder + "/" + name
            guard let source = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                return nil
            }
            return PageExtractor.extract(path: relative, source: source)
        }
    }

    /// `page.path:line`, the prefix of every failure message.
    static func location(_ page: Page, _ line: Int?) -> String {
        "\(page.path):\(line.map(String.init) ?? "?")"
    }
}

// MARK: - Paths into JSON documents

/// One step into a JSON value: an object member or an array element.
enum JSONPathItem: Hashable, Sendable {
    case key(String)
    case index(Int)
}

typealias JSONPath = [JSONPathItem]

extension Array where Element == JSONPathItem {
    /// `source.identity.user`, `targets[0].identity`, `(root)` for the empty path.
    var text: String {
        var result = ""
        for item in self {
            switch item {
            case .key(let key): result += result.isEmpty ? key : "." + key
            case .index(let index): result += "[\(index)]"
            }
        }
        return result.isEmpty ? "(root)" : result
    }

    /// The path of a `DecodingError`'s coding path: integer keys are array indices.
    init(codingPath: [any CodingKey]) {
        self = codingPath.map { key in key.intValue.map(JSONPathItem.index) ?? .key(key.stringValue) }
    }

    func appending(_ item: JSONPathItem) -> JSONPath { self + [item] }
}

extension JSONNode {
    /// The node as a runtime `JSONValue` (strict JSON, `...` placeholders left out).
    func jsonValue() throws -> JSONValue {
        try JSONValue.parse(Data(jsonText().utf8))
    }

    /// The elements that are not `...` placeholders, in order: the elements of `jsonValue()`.
    var realElements: [JSONNode] {
        (arrayValue ?? []).filter { !$0.isEllipsis }
    }

    /// The members that are not `...` placeholders.
    var realMembers: [JSONMember] {
        (members ?? []).filter { !$0.value.isEllipsis }
    }

    /// The page line of the deepest node that `path` reaches (a member's key line for a member).
    func line(at path: JSONPath) -> Int {
        var node = self
        var line = position.line
        for item in path {
            switch item {
            case .key(let key):
                guard let member = node.realMembers.first(where: { $0.key == key }) else { return line }
                line = member.keyPosition.line
                node = member.value
            case .index(let index):
                let elements = node.realElements
                guard elements.indices.contains(index) else { return line }
                node = elements[index]
                line = node.position.line
            }
        }
        return line
    }
}

extension DecodingError {
    /// The coding path and a one-line reason.
    var pathAndReason: (path: JSONPath, reason: String) {
        switch self {
        case .typeMismatch(let type, let context):
            return (JSONPath(codingPath: context.codingPath), "type mismatch, expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (JSONPath(codingPath: context.codingPath), "value not found, expected \(type): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return (JSONPath(codingPath: context.codingPath + [key]), "required key missing: \(context.debugDescription)")
        case .dataCorrupted(let context):
            return (JSONPath(codingPath: context.codingPath), "data corrupted: \(context.debugDescription)")
        @unknown default:
            return ([], "\(self)")
        }
    }
}

/// Decodes `T` with `GraphJSON.decoder()`; called with an existential metatype, which Swift opens.
func graphDecode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    try GraphJSON.decoder().decode(T.self, from: data)
}

/// The name of a type without its module: `Call`, `Array<Modality>`.
func typeName(_ type: Any.Type) -> String {
    String(reflecting: type).replacingOccurrences(of: "GraphAPI.", with: "")
        .replacingOccurrences(of: "APIDocRuntime.", with: "").replacingOccurrences(of: "Swift.", with: "")
}
