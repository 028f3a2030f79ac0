import APIDocExtraction
import APIDocGeneratorCore
import APIDocLint
import APIDocTestSupport
import Foundation

/// Paths of the package and of this target's fixtures, found from this file's location.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("docs")

    /// What swiftc needs to compile the runtime as one module (see `RuntimeSources`).
    static func runtimeSourceArguments() throws -> [String] { try RuntimeSources.arguments(root: root) }
}

/// Runs a fixture folder (`Fixtures/<name>/api`, `.../resources`) through analysis and lint; the
/// paths in diagnostics start with the fixture's name.
func lintFixture(_ name: String) throws -> Linter.Report {
    let input = PageLoader.Input(root: Paths.fixtures.appendingPathComponent(name), displayRoot: name)
    return Pipeline.lint(try Pipeline.analyze(input, workers: 1))
}

/// The warnings and errors of a report as `path:line:col: severity: message [rule]`.
func printed(_ report: Linter.Report) -> [String] {
    report.diagnostics.filter { $0.severity >= .warning }.map(\.description)
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-lint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ text: String, to relative: String) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}

/// Runs a program (looked up on PATH when not absolute) and returns its exit status, standard
/// output and standard error. The wait happens on a thread of its own, not on one of the few
/// threads Swift concurrency runs tests on, so that other tests are not held up meanwhile.
@discardableResult
func run(_ arguments: [String], in directory: URL? = nil) async throws -> (status: Int32, output: String, error: String) {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            do {
                continuation.resume(returning: try runBlocking(arguments, in: directory))
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}

/// Runs `body` on a thread of its own: for long file work that should not hold one of the few
/// threads Swift concurrency runs tests on.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            do {
                continuation.resume(returning: try body())
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}

/// `run`, blocking the calling thread.
func runBlocking(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    if arguments[0].hasPrefix("/") {
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so that neither fills up and blocks the child.
    let errorData = LockedData()
    let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}
