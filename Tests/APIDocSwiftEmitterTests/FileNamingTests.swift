import APIDocModel
@testable import APIDocSwiftEmitter
import Testing

/// One file per type (and per wrapper), one `GraphClient+Name.swift` per operation, and
/// `ODataTypes.swift`; names unique ignoring letter case.
@Suite("File naming")
struct FileNamingTests {
    @Test func oneFilePerTypeWrapperAndOperation() {
        let model = APIModel(types: (Fixtures.wrapperModel.types + [Fixtures.participant]).sorted { $0.name < $1.name },
                             operations: [Fixtures.answerCall, Fixtures.createParticipant])
        let files = SwiftEmitter.emit(model)
        #expect(files.map(\.name) == [
            "AnyMediaConfig.swift", "AppHostedMediaConfig.swift", "Call.swift", "GraphClient+AnswerCall.swift",
            "GraphClient+CreateParticipant.swift", "MediaConfig.swift", "ODataTypes.swift", "Participant.swift",
            "ServiceHostedMediaConfig.swift",
        ])
        // Each file names the page it comes from, without the line.
        #expect(files.first { $0.name == "Call.swift" }?.source == "docs/resources/call.md")
        #expect(files.first { $0.name == "AnyMediaConfig.swift" }?.source == "docs/resources/mediaconfig.md")
        #expect(files.first { $0.name == "GraphClient+AnswerCall.swift" }?.source == "docs/api/call-answer.md")
        #expect(files.filter { $0.name != "ODataTypes.swift" }.allSatisfy { $0.imports == ["APIDocRuntime", "Foundation"] && $0.exportedImports.isEmpty })
        // The registry re-exports the runtime (see RegistryTests).
        #expect(files.first { $0.name == "ODataTypes.swift" }.map { ($0.exportedImports, $0.imports) } ?? ([], []) == (["APIDocRuntime"], ["Foundation"]))
    }

    @Test func typeNamesThatDifferOnlyInCaseGetDistinctFiles() {
        let model = APIModel(types: [complexType("CALL", [property("a", "Edm.String")]), complexType("call", [property("b", "Edm.String")])], operations: [])
        let files = emitted(model)
        #expect(files.keys.sorted() == ["CALL.swift", "Call2.swift", "ODataTypes.swift"])
        #expect(files["Call2.swift"]?.contains("public struct Call2: ") == true)
        #expect(files["CALL.swift"]?.contains("public struct CALL: ") == true)
    }

    @Test func operationNamesThatDifferOnlyInCaseGetDistinctFiles() {
        let path = [OperationPath(template: "/x", parameters: [])]
        let model = APIModel(types: [], operations: [operation("getCall", "GET", path), operation("getcall", "GET", path)])
        let names = SwiftEmitter.emit(model).map(\.name)
        #expect(names.count == 3)
        #expect(Set(names.map { $0.lowercased() }).count == 3)
        #expect(names.contains("GraphClient+GetCall.swift"))
    }

    @Test func wrapperAndATypeNamedLikeItGetDistinctNames() {
        let model = APIModel(types: [
            complexType("anymediaconfig", [property("x", "Edm.String")]),
            complexType("call", [property("mediaConfig", graph("mediaConfig"))]),
            Fixtures.mediaConfig, Fixtures.serviceHosted,
        ], operations: [])
        let files = SwiftEmitter.emit(model)
        #expect(Set(files.map { $0.name.lowercased() }).count == files.count)
        let rendered = SwiftEmitter.render(files).map(\.text).joined()
        #expect(rendered.contains("public struct Anymediaconfig: "))
        #expect(rendered.contains("public indirect enum AnyMediaConfig"))
    }

    @Test func reservedAndClashingTypeNames() {
        let model = APIModel(types: [
            complexType("String", [property("a", "Edm.String")]),
            complexType("graphAPI", [property("a", "Edm.String")]),
            complexType("answerCallPath", [property("a", "Edm.String")]),
            complexType("oDataTypes", [property("a", "Edm.String")]),
            TypeDefinition(name: "microsoft.graph.callRecords.session", kind: .entity, properties: [property("a", "Edm.String")], source: "docs/resources/callrecords-session.md:1"),
            complexType("session", [property("a", "Edm.String")]),
        ].sorted { $0.name < $1.name }, operations: [Fixtures.answerCall])
        let names = SwiftEmitter.emit(model).map(\.name)
        #expect(names.contains("StringType.swift"))
        #expect(!names.contains("GraphAPI.swift"))
        #expect(names.contains("AnswerCallPath2.swift"))
        #expect(names.filter { $0.lowercased() == "odatatypes.swift" } == ["ODataTypes.swift"])
        #expect(names.contains("CallRecordsSession.swift"))
        #expect(names.contains("Session.swift"))
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test func operationFilesAreNamedAfterTheSanitisedFunction() {
        let path = [OperationPath(template: "/x", parameters: [])]
        let model = APIModel(types: [], operations: [operation("send", "GET", path), operation("default", "GET", path)])
        let files = emitted(model)
        #expect(files.keys.sorted() == ["GraphClient+Default.swift", "GraphClient+SendValue.swift", "ODataTypes.swift"])
        #expect(files["GraphClient+SendValue.swift"]?.contains("public func sendValue() async throws") == true)
        #expect(files["GraphClient+Default.swift"]?.contains("public func `default`() async throws") == true)
    }

    @Test func filesAreSortedAsStringsSortThem() {
        // ASCII names (sorted as bytes) with capitals, digits, `+`, `_` and prefixes of each other.
        var state: UInt64 = 11
        var names = ["GraphClient+X.swift", "GraphClient.swift", "A.swift", "a.swift", "A_2.swift", "A2.swift", "ODataTypes.swift", "Z+.swift", ""]
        let alphabet = Array("AaBbZz09+_.-")
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int((state >> 33) % 7)
            names.append(String((0..<length).map { alphabet[Int((state >> UInt64(8 + $0 * 4)) % UInt64(alphabet.count))] }))
        }
        func files(_ names: [String]) -> [SwiftFile] { names.map { SwiftFile(name: $0, source: "docs/x.md", imports: [], declarations: []) } }
        #expect(SwiftEmitter.sortedByName(files(names)).map(\.name) == names.sorted())
        // Other names take `<` itself.
        let other = names + ["Éclair.swift", "Zoë.swift", "e\u{301}.swift"]
        #expect(SwiftEmitter.sortedByName(files(other)).map(\.name) == other.sorted())
    }
}
