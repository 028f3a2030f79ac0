import APIDocTestSupport
import Foundation

/// Paths of the package, found from this file's location.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("docs")
    static let generated = root.appendingPathComponent("Generated")
    static let seed = docs.appendingPathComponent("api/application-post-calls.md")

    /// What swiftc needs to compile the runtime as one module (see `RuntimeSources`).
    static func runtimeSourceArguments() throws -> [String] { try RuntimeSources.arguments(root: root) }
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}

/// Runs a program and returns its exit status and combined output.
func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Type-checks generated files against the runtime sources with swiftc, warnings as errors.
/// Returns the compiler's output when it fails, nil when the code compiles cleanly.
func typeCheck(generatedFolder: URL, scratch: URL) throws -> String? {
    let fm = FileManager.default
    let runtime = try PackagePaths.runtimeSourceArguments()
    let modules = scratch.appendingPathComponent("modules")
    try fm.createDirectory(at: modules, withIntermediateDirectories: true)
    let emit = try run(["swiftc", "-emit-module", "-module-name", "APIDocRuntime", "-swift-version", "6", "-parse-as-library",
                        "-emit-module-path", modules.appendingPathComponent("APIDocRuntime.swiftmodule").path] + runtime)
    guard emit.status == 0 else { return "runtime: " + emit.output }
    let generated = try fm.contentsOfDirectory(atPath: generatedFolder.path).filter { $0.hasSuffix(".swift") }.sorted()
        .map { generatedFolder.appendingPathComponent($0).path }
    let check = try run(["swiftc", "-typecheck", "-module-name", "GraphAPI", "-swift-version", "6", "-parse-as-library",
                         "-warnings-as-errors", "-I", modules.path] + generated)
    return check.status == 0 ? nil : check.output
}
