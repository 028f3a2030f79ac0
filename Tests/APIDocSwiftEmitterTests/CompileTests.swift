import APIDocModel
import APIDocSwiftEmitter
import Foundation
import Testing

/// Emitted code type-checks against the runtime with swiftc, warnings as errors.
@Suite("Compiling emitted code")
struct CompileTests {
    static let keywordNames = ["class", "default", "self", "Self", "init", "Type", "protocol", "additionalProperties", "hash", "hashValue",
                               "knownKeys", "encode", "odataType", "CodingKeys", "case", "in", "3dModel", "user-id", "userId", "café", "_", ""]

    /// Structs, enums (plain, keyword-named, flags), wrappers (two levels), recursive structs,
    /// reserved type names, a sub-namespace, and operations of every shape.
    static let largeModel: APIModel = {
        var types: [TypeDefinition] = [
            Fixtures.entity,
            complexType("call", kind: .entity, base: "entity", description: "A call.", [
                property("subject", "Edm.String"),
                property("state", graph("callState")),
                property("mediaConfig", graph("mediaConfig")),
                property("serviceConfig", graph("serviceHostedMediaConfig"), collection: true),
                property("partsToClone", graph("clonableTeamParts")),
                property("chatInfo", graph("chatInfo")),
                property("participants", graph("participant"), collection: true),
                property("unknown", "microsoft.graph.nowhere"),
                property("weird", graph("String")),
            ]),
            enumType("callState", (keywordNames + ["none", "rawValue", "undocumented", "documentedCases", "Value", "value", "incoming"]).map { EnumMember(name: $0) }),
            enumType("clonableTeamParts", [EnumMember(name: "apps", value: 1), EnumMember(name: "tabs", value: 2), EnumMember(name: "settings", value: 4)], flags: true),
            Fixtures.chatInfo,
            complexType("mediaConfig", abstract: true, [property("removeFromDefaultAudioGroup", "Edm.Boolean"), property("next", graph("mediaConfig"))]),
            complexType("appHostedMediaConfig", base: "mediaConfig", [property("blob", "Edm.String"), property("fallback", graph("mediaConfig"))]),
            Fixtures.serviceHosted,
            complexType("specialServiceHostedMediaConfig", base: "serviceHostedMediaConfig", [property("special", "Edm.Boolean")]),
            complexType("defaultMediaConfig", base: "mediaConfig", [property("d", "Edm.Boolean")]),
            complexType("participant", kind: .entity, base: "entity", [property("isMuted", "Edm.Boolean"), property("call", graph("call"))]),
            complexType("keywords", keywordNames.map { property($0, "Edm.String") } + [
                property("parent", graph("keywords")),
                property("Default", graph("keywords")),
                property("children", graph("keywords"), collection: true),
            ]),
            complexType("String", [property("value", "Edm.String")]),
            complexType("answerCallPath", [property("a", "Edm.String")]),
            complexType("graphAPI", [property("a", "Edm.String")]),
            complexType("emptyThing", []),
            TypeDefinition(name: "microsoft.graph.callRecords.session", kind: .entity, properties: [property("modalities", graph("callState"), collection: true)],
                           source: "docs/resources/callrecords-session.md:1"),
            complexType("session", [property("inner", "microsoft.graph.callRecords.session")]),
            complexType("primitives", ["Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte", "Edm.SByte", "Edm.Double",
                                       "Edm.Single", "Edm.Decimal", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Guid",
                                       "Edm.Binary", "Edm.Stream", "Edm.Untyped"].enumerated().map { property("p\($0.offset)", $0.element, collection: $0.offset % 2 == 1) }),
        ]
        types += Fixtures.recursiveModel.types
        let path = { (template: String, parameters: [PathParameter]) in OperationPath(template: template, parameters: parameters) }
        let operations: [APIDocModel.Operation] = [
            Fixtures.createParticipant, Fixtures.answerCall, Fixtures.listParticipants, Fixtures.deleteCall, Fixtures.emailActivityCounts,
            Fixtures.listChildren,
            operation("send", "GET", [path("/state", [])], response: ResponseSpec(status: 200, type: graph("callState"), collection: false)),
            operation("default", "POST", [path("/a/{in}/b/{class}", [parameter("in", "in"), parameter("class", "class")]),
                                          path("/c/{self}", [parameter("self", "self")]),
                                          path("/d/{body}/{path}", [parameter("body", "body"), parameter("path", "path")])],
                      body: TypeUse(type: graph("keywords"), collection: true), response: ResponseSpec(status: 200, type: "Edm.String", collection: false)),
            operation("getMediaConfigs", "GET", [path("/media/ü/{id}", [parameter("id", "mediumId")])],
                      response: ResponseSpec(status: 200, type: graph("mediaConfig"), collection: true)),
            operation("updateParts", "PATCH", [path("/teams/{team-id}/parts", [parameter("team-id", "teamId")])],
                      body: TypeUse(type: graph("mediaConfig"), collection: false),
                      response: ResponseSpec(status: 200, type: graph("clonableTeamParts"), collection: false)),
            operation("getSession", "GET", [path("/sessions/{id}", [parameter("id", "sessionId")]), path("/sessions/{id}", [parameter("id", "sessionId")])],
                      response: ResponseSpec(status: 200, type: "microsoft.graph.callRecords.session", collection: false)),
            operation("getReport", "GET", [path("/reports/f(a='{a}',b={b})", [parameter("a", "a", quoted: true), parameter("b", "b")])],
                      response: ResponseSpec(status: 200, type: "Edm.Int64", collection: true)),
        ]
        return APIModel(types: types.sorted { $0.name < $1.name }, operations: operations.sorted { $0.name < $1.name })
    }()

    /// Emits the runtime module into `folder`/modules; returns the module folder or records the failure.
    static func emitRuntime(into folder: TemporaryFolder) throws -> URL? {
        let fm = FileManager.default
        let runtime = try PackagePaths.runtimeSourceArguments()
        let modules = folder.url.appendingPathComponent("modules")
        try fm.createDirectory(at: modules, withIntermediateDirectories: true)
        let emit = try run(["swiftc", "-emit-module", "-module-name", "APIDocRuntime", "-swift-version", "6", "-parse-as-library",
                            "-emit-module-path", modules.appendingPathComponent("APIDocRuntime.swiftmodule").path] + runtime)
        guard emit.status == 0 else {
            Issue.record("the runtime does not build:\n\(emit.output)")
            return nil
        }
        return modules
    }

    /// Writes the emitted files of `model` and type-checks them; returns swiftc's status and output.
    static func typeCheck(_ model: APIModel) throws -> (status: Int32, output: String)? {
        let folder = try TemporaryFolder()
        guard let modules = try emitRuntime(into: folder) else { return nil }
        var paths: [String] = []
        for file in SwiftEmitter.render(SwiftEmitter.emit(model)) {
            paths.append(try folder.write(file.text, to: "Generated/" + file.name).path)
        }
        return try run(["swiftc", "-typecheck", "-module-name", "GraphAPI", "-swift-version", "6", "-parse-as-library",
                        "-warnings-as-errors", "-I", modules.path] + paths)
    }

    @Test func largerFragmentCompilesAgainstTheRuntime() throws {
        let files = emitted(Self.largeModel)
        // The fragment has what it is meant to exercise.
        #expect(files["AnyMediaConfig.swift"] != nil)
        #expect(files["AnyServiceHostedMediaConfig.swift"] != nil)
        #expect(files["Keywords.swift"]?.contains("APIDocRuntime.Indirect<Keywords>") == true)
        #expect(files["Node.swift"]?.contains("APIDocRuntime.Indirect<Node>") == true)
        #expect(files["GraphClient+Default.swift"]?.contains("public enum DefaultPath") == true)
        let result = try #require(try Self.typeCheck(Self.largeModel))
        #expect(result.status == 0, "swiftc failed:\n\(result.output)")
    }

    /// `var`, `let` and `inout` may not be argument labels; a path enum's case payload uses the
    /// parameter names as labels.
    @Test func pathParametersNamedLikeDeclarationKeywords() throws {
        let model = APIModel(types: [], operations: [
            operation("getThing", "GET", [
                OperationPath(template: "/a/{var}/{let}/{inout}", parameters: [parameter("var", "var"), parameter("let", "let"), parameter("inout", "inout")]),
                OperationPath(template: "/b/{var}", parameters: [parameter("var", "var")]),
            ], response: ResponseSpec(status: 204, type: nil, collection: false)),
        ])
        let result = try #require(try Self.typeCheck(model))
        #expect(result.status == 0, "swiftc failed:\n\(result.output)\n\(emitted(model)["GraphClient+GetThing.swift"] ?? "")")
    }

    /// With several paths, the first-path method calls the operation's `(at:)` method; a path
    /// parameter of the operation's name must not shadow it.
    @Test func pathParameterNamedLikeTheOperation() throws {
        let model = APIModel(types: [], operations: [
            operation("default", "GET", [
                OperationPath(template: "/a/{default}", parameters: [parameter("default", "default")]),
                OperationPath(template: "/b/{default}", parameters: [parameter("default", "default")]),
            ], response: ResponseSpec(status: 200, type: "Edm.String", collection: false)),
        ])
        let result = try #require(try Self.typeCheck(model))
        #expect(result.status == 0, "swiftc failed:\n\(result.output)\n\(emitted(model)["GraphClient+Default.swift"] ?? "")")
    }

    /// Paths the docs call deprecated are marked so, and the code that uses them itself (the
    /// `rendered` switch, the method without `at:` when every path is deprecated, a collection's
    /// pages methods) compiles without a warning.
    @Test func deprecatedPathsCompileWithoutWarnings() throws {
        func path(_ template: String, _ deprecated: Bool) -> OperationPath {
            OperationPath(template: template, parameters: [parameter("id", "callId")], deprecation: deprecated ? "Use `/communications`; \"/app\" is deprecated." : nil)
        }
        let collection = ResponseSpec(status: 200, type: "Edm.String", collection: true)
        let model = APIModel(types: [], operations: [
            operation("getCall", "GET", [path("/app/calls/{id}", true), path("/communications/calls/{id}", false)], response: collection),
            operation("deleteCall", "DELETE", [path("/app/calls/{id}", true), path("/app/v2/calls/{id}", true)],
                      response: ResponseSpec(status: 204, type: nil, collection: false)),
            operation("listCalls", "GET", [path("/app/calls/{id}/all", true), path("/app/v2/calls/{id}/all", true)], response: collection),
            operation("listParticipants", "GET", [path("/app/calls/{id}/participants", true)], response: collection),
        ])
        let files = emitted(model)
        #expect(files.values.joined().components(separatedBy: "@available(*, deprecated").count - 1 == 10)
        let result = try #require(try Self.typeCheck(model))
        #expect(result.status == 0, "swiftc failed:\n\(result.output)")
    }

    /// Method bodies call the client's `send(...)`; a path parameter named `send` must not shadow it.
    @Test func pathParameterNamedSend() throws {
        let model = APIModel(types: [], operations: [
            operation("getThing", "GET", [OperationPath(template: "/things/{send}", parameters: [parameter("send", "send")])],
                      response: ResponseSpec(status: 200, type: "Edm.String", collection: false)),
        ])
        let result = try #require(try Self.typeCheck(model))
        #expect(result.status == 0, "swiftc failed:\n\(result.output)\n\(emitted(model)["GraphClient+GetThing.swift"] ?? "")")
    }
}
