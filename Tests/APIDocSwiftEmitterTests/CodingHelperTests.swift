import APIDocModel
import APIDocSwiftEmitter
import Foundation
import Testing

/// Shaped for the type checker: structs decode and encode each property through
/// `ODataTypes.decode`/`ODataTypes.encode` (one generic function each, instead of the overloaded
/// `decodeIfPresent`/`encodeIfPresent`), and `ODataTypes.type(named:)` looks its types up in a
/// dictionary literal instead of a `switch` of a case per type.
@Suite("Coding helpers and the registry table")
struct CodingHelperTests {
    /// The first capture of `pattern` in each line of `text` that matches it whole, in order.
    static func captures(_ text: String, _ pattern: Regex<(Substring, Substring)>) -> [String] {
        text.split(separator: "\n").compactMap { $0.wholeMatch(of: pattern).map { String($0.1) } }
    }

    @Test func everyCodingKeyIsDecodedAndEncodedThroughTheHelpersInOrder() {
        var checked = 0
        for (name, text) in emitted(CompileTests.largeModel).sorted(by: { $0.key < $1.key }) where text.contains("\npublic struct ") {
            let keys = Self.captures(text, #/        case (\S+) = ".*"/#)
            let decoded = Self.captures(text, #/        self\.\S+ = try ODataTypes\.decode\(.+\.self, container, \.(\S+)\)(?:\.map \{ APIDocRuntime\.Indirect\(\$0\) \})?/#)
            let encoded = Self.captures(text, #/        try ODataTypes\.encode\(self\.\S+, &container, \.(\S+)\)/#)
            #expect(!keys.isEmpty && decoded == keys && encoded == keys, "\(name): keys \(keys), decoded \(decoded), encoded \(encoded)")
            #expect(!text.contains("decodeIfPresent") && !text.contains("encodeIfPresent"), "\(name)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func registryIsATableWithAnEntryPerTypeName() {
        let model = CompileTests.largeModel
        let text = emittedFile("ODataTypes.swift", model)
        let entries = Self.captures(text, #/        "([^"]+)": \S+\.self,/#)
        // One entry per name ignoring letter case (in the order of the sorted names).
        #expect(entries.count == Set(entries).count)
        #expect(entries.sorted() == Set(model.types.map { $0.name.lowercased() }).sorted())
        #expect(!text.contains("switch"))
        #expect(text.contains("        return typesByName[key]\n"))
    }

    /// Compiled and run with the runtime: a boxed property, a keyword-named property, wrapper
    /// cases and unknown keys decode and re-encode unchanged through the helpers, and the table
    /// finds each type ignoring letter case and a leading `#`.
    @Test func emittedCodingAndLookupRunAsBefore() throws {
        let folder = try TemporaryFolder()
        let runtime = try PackagePaths.runtimeSourceArguments()
        let types = Fixtures.recursiveModel.types + Fixtures.wrapperModel.types + [Fixtures.callState, Fixtures.chatInfo]
        var paths: [String] = []
        for file in SwiftEmitter.render(SwiftEmitter.emit(APIModel(types: types.sorted { $0.name < $1.name }, operations: []))) {
            // One module named like the runtime it includes, so that `APIDocRuntime.X` still names X.
            paths.append(try folder.write(file.text.replacingOccurrences(of: "import APIDocRuntime\n", with: ""), to: "Generated/" + file.name).path)
        }
        let main = try folder.write(#"""
            import Foundation
            func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: String) throws -> T {
                let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                let text = String(decoding: try encoder.encode(value), as: UTF8.self)
                if text != json { print("FAIL: \(json) re-encodes as \(text)") }
                if try JSONDecoder().decode(T.self, from: Data(text.utf8)) != value { print("FAIL: \(json) decodes differently the second time") }
                return value
            }
            let node = try roundTrip(Node.self, ##"{"children":[{"name":"c"}],"extra":[1],"name":"a","parent":{"name":"p","parent":{"name":"q"}}}"##)
            if node.parent?.parent?.name != "q" || node.children?.first?.name != "c" || node.additionalProperties["extra"] == nil { print("FAIL: \(node)") }
            let chat = try roundTrip(ChatInfo.self, ##"{"class":true,"counts":[1,2],"threadId":"t","user-id":"9b2f3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d"}"##)
            if chat.`class` != true || chat.counts != [1, 2] || chat.userId == nil { print("FAIL: \(chat)") }
            let media = try roundTrip(Call.self, ##"{"mediaConfig":{"@odata.type":"#microsoft.graph.appHostedMediaConfig","blob":"b"}}"##)
            guard case .appHosted(let config)? = media.mediaConfig, config.blob == "b" else { fatalError("FAIL: \(media)") }
            if ODataTypes.type(named: "#MICROSOFT.graph.Node") != Node.self { print("FAIL: node by name") }
            if ODataTypes.type(named: "microsoft.graph.mediaConfig") != AnyMediaConfig.self { print("FAIL: wrapper by name") }
            if ODataTypes.type(named: "microsoft.graph.callState") != CallState.self { print("FAIL: enum by name") }
            if ODataTypes.type(named: "microsoft.graph.nothing") != nil { print("FAIL: unknown name") }
            if ODataTypes.names.count != \#(Set(types.map(\.name)).count) || !ODataTypes.names.allSatisfy({ ODataTypes.type(named: $0) != nil }) { print("FAIL: names \(ODataTypes.names)") }
            print("done")
            """#, to: "main.swift")
        let binary = folder.url.appendingPathComponent("check")
        let build = try run(["swiftc", "-Onone", "-swift-version", "6", "-module-name", "APIDocRuntime", "-o", binary.path, main.path] + runtime + paths)
        try #require(build.status == 0, "swiftc failed:\n\(build.output)")
        let result = try run([binary.path])
        #expect(result.status == 0)
        #expect(result.output == "done\n", "\(result.output)")
    }
}
