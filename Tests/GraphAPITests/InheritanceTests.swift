import APIDocExtraction
import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// The inheritance the resource pages document, as the extractor reads it and as the generated
/// types implement it.
@Suite struct InheritanceTests {
    /// `[name](link)` right after "Inherits from" in a page's intro (before the first `##`).
    static func inheritsFromSentence(in source: String) -> (link: String, line: Int)? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("## ") { return nil }
            guard let range = line.range(of: "Inherits from [", options: .caseInsensitive) else { continue }
            let rest = line[range.upperBound...]
            guard let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") else { continue }
            return (String(rest[close.upperBound..<end]), index + 1)
        }
        return nil
    }

    /// `PageExtractor` must take the base type from the "Inherits from [x](x.md)" sentence, not
    /// from the first type link of the paragraph that contains it. The generator uses
    /// `Page.inheritsFrom` as the base type of a page whose annotation has no `baseType`.
    @Test func inheritsFromIsTheLinkOfTheInheritsFromSentence() throws {
        var checked = 0
        for page in DocsCorpus.resourcePages {
            let url = DocsCorpus.packageRoot.appendingPathComponent(page.path)
            let source = try String(contentsOf: url, encoding: .utf8)
            guard let sentence = Self.inheritsFromSentence(in: source) else { continue }
            checked += 1
            #expect(page.inheritsFrom == sentence.link,
                    "\(page.path):\(sentence.line): the intro says 'Inherits from [..](\(sentence.link))' but PageExtractor.extract reads inheritsFrom = \(page.inheritsFrom.map { "'\($0)'" } ?? "nil")")
            if let base = page.resource?.baseType, let last = base.split(separator: ".").last {
                #expect(sentence.link.lowercased() == last.lowercased() + ".md",
                        "\(page.path):\(sentence.line): the intro inherits from \(sentence.link), the annotation from \(base)")
            }
        }
        #expect(checked > 0)
    }

    /// For every documented base type (followed up the chain): a derived type has every property
    /// of its base, and when the base is generated as a polymorphic wrapper (`AnyCommsOperation`),
    /// the derived `@odata.type` decodes as the wrapper's case for the derived type.
    @Test func derivedTypesHaveTheirBasePropertiesAndDecodeThroughTheBaseWrapper() throws {
        var baseOf: [String: String] = [:]
        for page in DocsCorpus.resourcePages {
            if let name = page.resource?.odataType, let base = page.resource?.baseType {
                baseOf[name.lowercased()] = base
            }
        }
        var wrappersChecked = 0
        for page in DocsCorpus.resourcePages {
            guard let name = page.resource?.odataType, let derived = ODataTypes.type(named: name) else { continue }
            let location = "\(page.path):\(page.resource!.location.line)"
            let derivedProperties = try ShapeCheck.propertyNames(of: derived)
            var visited: Set<String> = [name.lowercased()]
            var ancestor = baseOf[name.lowercased()]
            while let base = ancestor, visited.insert(base.lowercased()).inserted {
                ancestor = baseOf[base.lowercased()]
                guard let baseType = ODataTypes.type(named: base) else {
                    Issue.record("\(location): base type \(base) of \(name) is no generated type")
                    continue
                }
                let missing = try ShapeCheck.propertyNames(of: baseType).subtracting(derivedProperties)
                #expect(missing.isEmpty, "\(location): \(typeName(derived)) lacks the properties \(missing.sorted()) of its base \(typeName(baseType))")

                let stub = try JSONValue.object([ODataType.key: .string("#" + name)]).jsonData()
                let decoded = try graphDecode(baseType, from: stub)
                let mirror = Mirror(reflecting: decoded)
                guard mirror.displayStyle == .enum else { continue }  // not polymorphic: nothing to select
                wrappersChecked += 1
                let payload = mirror.children.first.map { type(of: $0.value) }
                #expect(payload.map { ObjectIdentifier($0) == ObjectIdentifier(derived) } == true,
                        "\(location): {\"@odata.type\": \"#\(name)\"} decodes as \(typeName(baseType)) holding \(payload.map(typeName) ?? "nothing"), not \(typeName(derived))")
                #expect(try JSONValue(encoding: AnyEncodable(decoded)) == JSONValue.parse(stub),
                        "\(location): the \(typeName(baseType)) case for \(name) does not re-encode its @odata.type")
            }
        }
        #expect(wrappersChecked > 0)
    }
}

/// Encodes a value whose static type is lost (`Any` from a decode through an existential).
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: Any) { self.value = value as! any Encodable }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
