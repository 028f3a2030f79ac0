import Foundation
import Testing

/// `accessLevel` in the configuration (or `--access-level`): the generated code of the whole
/// docs/ folder written `internal` or `package` compiles against the runtime with warnings as
/// errors, and declares nothing `public`.
@Suite("Access level", .serialized)
struct AccessLevelTests {
    /// The runtime as a module to compile against, built once.
    static let runtimeModules = Task<URL, any Error> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-runtime-\(UUID().uuidString)")
        let modules = folder.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        let sources = try Paths.runtimeSourceArguments()
        let emit = try await run(["swiftc", "-emit-module", "-module-name", "APIDocRuntime", "-swift-version", "6", "-parse-as-library",
                                  "-emit-module-path", modules.appendingPathComponent("APIDocRuntime.swiftmodule").path] + sources)
        guard emit.status == 0 else { throw RuntimeBuildError(message: emit.error + emit.output) }
        return modules
    }

    struct RuntimeBuildError: Error { var message: String }

    @Test(arguments: ["internal", "package"])
    func generatedCodeCompilesWithTheLevel(_ level: String) async throws {
        let folder = try TemporaryFolder()
        try folder.write("{ \"input\": \"\(Paths.docs.path)\", \"output\": \"Out\", \"accessLevel\": \"\(level)\" }", to: "apidocgen.json")
        let result = try await Executable.apidocgen(["generate"], in: folder.url)
        try #require(result.status == 0, "\(result.error)")
        let out = folder.url.appendingPathComponent("Out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50)
        var declarations = 0
        for name in files {
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let code = line.drop { $0 == " " }
                #expect(!code.hasPrefix("public "), "\(name): \(line)")
                if code.hasPrefix(level + " ") { declarations += 1 }
            }
        }
        #expect(declarations > 500)
        let modules = try await Self.runtimeModules.value
        let check = try await run(["swiftc", "-typecheck", "-module-name", "WidgetAPI", "-package-name", "Widgets", "-swift-version", "6", "-parse-as-library",
                             "-warnings-as-errors", "-I", modules.path] + files.map { out.appendingPathComponent($0).path })
        #expect(check.status == 0, "swiftc failed:\n\(check.error)\(check.output)")
    }
}
