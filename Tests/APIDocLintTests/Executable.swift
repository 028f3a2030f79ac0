import Foundation

/// The `apidocgen` executable of this build: beside the test runner in the scratch folder's
/// `<triple>/<configuration>` folder (`swift build --build-tests` builds it); when it is not
/// there, it is built once with the same scratch folder.
enum Executable {
    static let apidocgen: String = locate()

    private static func locate() -> String {
        let fm = FileManager.default
        let runner = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        // macOS runs tests from inside an .xctest bundle.
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("apidocgen")
        if fm.isExecutableFile(atPath: candidate.path) { return candidate.path }
        let configuration = folder.lastPathComponent
        let scratch = folder.deletingLastPathComponent().deletingLastPathComponent()
        let built = try? runBlocking(["swift", "build", "--package-path", Paths.root.path, "--scratch-path", scratch.path,
                              "-c", configuration == "release" ? "release" : "debug", "--product", "apidocgen"])
        if fm.isExecutableFile(atPath: candidate.path) { return candidate.path }
        fatalError("cannot find or build apidocgen beside \(runner.path): \(built?.error ?? "")")
    }

    /// Runs `apidocgen` with the arguments in `directory`.
    static func apidocgen(_ arguments: [String], in directory: URL? = nil) async throws -> (status: Int32, output: String, error: String) {
        try await run([apidocgen] + arguments, in: directory)
    }
}
