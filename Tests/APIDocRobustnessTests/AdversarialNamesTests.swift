import APIDocExtraction
import APIDocGeneratorCore
import APIDocJSON
import APIDocModel
import Foundation
import Testing

/// Fixtures/adversarial holds Graph-format pages whose names are what a doc author should not
/// write but may: every Swift keyword and contextual keyword as a type, a property, an enum member
/// and a path parameter; names starting with digits; `@odata.*` keys; dashes, dots, spaces and
/// Unicode; names that differ only in case; a property named like its type; enum members `none`,
/// `self`, `Type`, `init`, `rawValue`; two pages defining the same type differently. The generated
/// code must compile (warnings as errors) and every JSON representation must decode into typed
/// properties (so the CodingKeys carry the JSON names) and re-encode to the same JSON.
@Suite("Adversarial names")
struct AdversarialNamesTests {
    static let folder = PackagePaths.fixtures.appendingPathComponent("adversarial")

    static let keywords = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "nonisolated", "open", "operator", "package", "precedencegroup", "private", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "switch", "throw", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
        "associativity", "async", "convenience", "didSet", "dynamic", "final", "get", "indirect", "infix", "lazy", "left", "mutating", "none",
        "nonmutating", "optional", "override", "postfix", "precedence", "prefix", "Protocol", "required", "right", "set", "some", "Type",
        "unowned", "weak", "willSet", "actor", "any", "consume", "copy", "discard", "each", "isolated", "macro", "then", "sending", "unsafe",
        "distributed", "reasync", "yield", "borrow", "freestanding", "attached", "Sendable", "__owned", "__shared", "_modify", "_read",
    ]

    static let analysis: Result<Pipeline.Analysis, any Error> = Result {
        try Pipeline.analyze(PageLoader.Input(root: folder, displayRoot: "adversarial"), workers: 1)
    }

    @Test("The fixture holds every kind of name the issue lists")
    func fixtureCoversTheNames() throws {
        let analysis = try AdversarialNamesTests.analysis.get()
        let model = analysis.model
        let types = Set(model.types.map { $0.name.lowercased() })
        let keywordTypes = AdversarialNamesTests.keywords.filter { !types.contains("microsoft.graph.\($0.lowercased())") }
        #expect(keywordTypes.isEmpty, "keywords with no type: \(keywordTypes)")

        let properties = Set(model.types.first { $0.name == "microsoft.graph.keywordProperties" }?.properties.map(\.name) ?? [])
        let keywordProperties = AdversarialNamesTests.keywords.filter { !properties.contains($0) }
        #expect(keywordProperties.isEmpty, "keywords that are no property: \(keywordProperties)")

        let members = Set(model.types.first { $0.name == "microsoft.graph.enums.adversarialMembers" }?.members.map(\.name) ?? [])
        let keywordMembers = (AdversarialNamesTests.keywords + ["none", "self", "Type", "init", "rawValue"]).filter { !members.contains($0) }
        #expect(keywordMembers.isEmpty, "keywords that are no enum member: \(keywordMembers)")

        for name in ["class", "enum", "default", "Type", "Protocol", "Self", "self", "init", "rawValue", "none", "Any", "some", "CodingKeys"] {
            // `self` and `Self` are one enum: names are compared ignoring case, as links are.
            #expect(model.types.contains { $0.name.lowercased() == "microsoft.graph.enums.\(name.lowercased())" && $0.kind == .enum }, "no enum named \(name)")
        }

        let placeholders = Set(model.operations.flatMap { $0.pathDetails.flatMap { $0.parameters.map(\.placeholder) } })
        let keywordParameters = AdversarialNamesTests.keywords.filter { $0 != "_" && !placeholders.contains($0) }
        #expect(keywordParameters.isEmpty, "keywords that are no path parameter: \(keywordParameters)")

        let odd = Set(model.types.first { $0.name == "microsoft.graph.oddNames" }?.properties.map(\.name) ?? [])
        for name in ["3dModel", "@odata.type", "@odata.nextLink", "user-id", "a.b.c", "café", "日本語", "value", "Value", "VALUE", "id", "ID"] {
            #expect(odd.contains(name), "oddNames has no property \(name)")
        }
        let widget = model.types.first { $0.name == "microsoft.graph.widget" }
        #expect(widget?.properties.map(\.name).contains("widget") == true)
        // The same type on two pages, differently: merged, with the conflict reported.
        #expect(analysis.diagnostics.contains { $0.rule == "property-conflict" && $0.message.contains("gadget") })
        #expect(analysis.diagnostics.contains { $0.rule == "duplicate-type" && $0.message.contains("thing") })
    }

    @Test("Generated code compiles and round-trips JSON with the original names")
    func generatedCodeCompilesAndRoundTrips() throws {
        let analysis = try AdversarialNamesTests.analysis.get()
        let files = Pipeline.render(analysis)
        let runtime: SwiftTypeChecker.Runtime
        switch SwiftTypeChecker.runtime {
        case .success(let value): runtime = value
        case .failure(let failure): Issue.record("\(failure)"); return
        }
        let scratch = try TemporaryFolder("adversarial")
        let generated = scratch.url.appendingPathComponent("GraphAPI")
        try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
        for file in files { try Data(file.text.utf8).write(to: generated.appendingPathComponent(file.name)) }
        try Data(AdversarialNamesTests.roundTripMain.utf8).write(to: generated.appendingPathComponent("main.swift"))

        // Every JSON representation, with the OData type its annotation names.
        // (A resource page whose type is also an enum is read as the enum: `collision` is, on purpose.)
        var cases: [[String: String]] = []
        var enumTyped: [String] = []
        let kinds = Dictionary(analysis.model.types.map { ($0.name.lowercased(), $0.kind) }, uniquingKeysWith: { a, _ in a })
        for page in analysis.pages {
            guard let resource = page.resource, let type = resource.odataType, let json = resource.json else { continue }
            if kinds[type.lowercased()] == .enum { enumTyped.append(page.path); continue }
            cases.append(["page": page.path, "type": type, "json": json.jsonText()])
        }
        #expect(enumTyped == ["adversarial/resources/collision.md"])
        #expect(cases.count > 150)
        let casesFile = scratch.url.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: cases, options: [.sortedKeys]).write(to: casesFile)

        let executable = scratch.url.appendingPathComponent("roundtrip")
        let sources = try FileManager.default.contentsOfDirectory(atPath: generated.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { generated.appendingPathComponent($0).path }
        let build = try run(["swiftc", "-module-name", "GraphAPI", "-swift-version", "6", "-warnings-as-errors",
                             "-I", runtime.modules.path, "-L", runtime.library.path, "-lAPIDocRuntime", "-o", executable.path] + sources)
        guard build.status == 0 else {
            Issue.record("the code generated for Fixtures/adversarial does not compile:\n\(build.output.prefix(8_000))")
            return
        }
        let result = try run([executable.path, casesFile.path], environment: ["LD_LIBRARY_PATH": runtime.library.path])
        #expect(result.status == 0, "round trip failures:\n\(result.output.prefix(8_000))")
        #expect(result.output.contains("round-tripped \(cases.count) of \(cases.count)"), "\(result.output.prefix(2_000))")
    }

    /// What the loader never passes on but `PageExtractor` accepts: NUL bytes and lone carriage
    /// returns, in table cells (possible values, names) and annotation names, and a page path
    /// with a line break. Table cells are read from the source lines, so they keep them.
    @Test("NUL bytes and line breaks in names and descriptions still generate code that compiles")
    func controlCharactersCompile() throws {
        if case .failure(let failure) = SwiftTypeChecker.runtime { Issue.record("\(failure)"); return }
        let page = """
            # odd resource type

            ## Properties

            | Property | Type | Description |
            |:--|:--|:--|
            | a\u{0}b | String | Nul\u{0}in the description. Possible values are: `x\u{0}y`, `p\rq`, `u\u{2028}v`. |
            | c\rd | state\u{0}Kind | Possible values are: `on\u{0}`, `off\r`. |

            <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.odd\\u0000name\\r\\nx" } -->
            ```json
            { "a\\u0000b": "v" }
            ```
            """
        let pages = [SourcePage(path: "docs/resources/odd\nname\u{0}.md", bytes: Array(page.utf8))]
        let output = InMemoryPipeline.run(pages)
        #expect(output.files.contains("Odd.swift") || output.files.contains { $0.hasPrefix("Odd") }, "\(output.files)")
        let folder = try TemporaryFolder("control")
        let failure = try SwiftTypeChecker.check(output.rendered, in: folder.url.appendingPathComponent("GraphAPI"))
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// Decodes each JSON representation with the type `ODataTypes` names for it, requires every key
    /// to land in a typed property (none in `additionalProperties`), re-encodes, and compares.
    static let roundTripMain = #"""
        // Every name is qualified: the fixture defines types named Data, URL, Codable, JSONValue, ...
        import APIDocRuntime
        import Foundation

        /// The `additionalProperties` of a struct, or of the struct inside a polymorphic wrapper.
        func additionalKeys(_ value: Any) -> [Swift.String] {
            let mirror = Swift.Mirror(reflecting: value)
            if let extra = mirror.children.first(where: { $0.label == "additionalProperties" })?.value as? [Swift.String: APIDocRuntime.JSONValue] {
                return extra.keys.sorted()
            }
            if mirror.displayStyle == .enum, let payload = mirror.children.first?.value { return additionalKeys(payload) }
            return ["(no additionalProperties in \(type(of: value)))"]
        }

        func roundTrip<T: Swift.Codable>(_ type: T.Type, _ json: Foundation.Data) throws -> (extra: [Swift.String], encoded: Foundation.Data) {
            let value = try Foundation.JSONDecoder().decode(T.self, from: json)
            return (additionalKeys(value), try Foundation.JSONEncoder().encode(value))
        }

        let file = Foundation.URL(fileURLWithPath: Swift.CommandLine.arguments[1])
        let cases = try Foundation.JSONSerialization.jsonObject(with: Foundation.Data(contentsOf: file)) as! [[Swift.String: Swift.String]]
        var passed = 0
        for entry in cases {
            let name = entry["type"]!, page = entry["page"]!, original = Foundation.Data(entry["json"]!.utf8)
            guard let type = ODataTypes.type(named: name) else {
                print("FAIL \(page): ODataTypes has no type named \(name)")
                continue
            }
            do {
                let (extra, encoded) = try roundTrip(type, original)
                let before = try Foundation.JSONSerialization.jsonObject(with: original) as! Foundation.NSDictionary
                let after = try Foundation.JSONSerialization.jsonObject(with: encoded) as! Foundation.NSDictionary
                if !extra.isEmpty {
                    print("FAIL \(page): keys not decoded into typed properties: \(extra)")
                } else if before != after {
                    print("FAIL \(page): re-encoded JSON differs:\n  \(Swift.String(decoding: original, as: Swift.UTF8.self))\n  \(Swift.String(decoding: encoded, as: Swift.UTF8.self))")
                } else {
                    passed += 1
                }
            } catch {
                print("FAIL \(page): \(error)")
            }
        }
        print("round-tripped \(passed) of \(cases.count)")
        Foundation.exit(passed == cases.count ? 0 : 1)
        """#
}
