import APIDocExtraction
import APIDocGeneratorCore
import APIDocLint
import APIDocTestSupport
import Foundation

/// Paths of the package, found from this file's location.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("docs")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The Graph v1.0 reference, beside the package (`../shared/corpus/graph-v1.0`), when present.
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/graph-v1.0")

    /// What swiftc needs to compile the runtime as one module (see `RuntimeSources`).
    static func runtimeSourceArguments() throws -> [String] { try RuntimeSources.arguments(root: root) }
}

/// Settings read from the environment, so that CI runs a bounded number of inputs and a long run
/// is one variable away.
enum Settings {
    static func integer(_ name: String, default value: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment[name], let number = Int(text) else { return value }
        return number
    }

    static func string(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// One markdown page as bytes, with the path it is known by (relative, as the loader shows it).
struct SourcePage: Hashable, Sendable {
    var path: String
    var bytes: [UInt8]
}

/// The pages the mutations start from: the repo's docs/ always, the corpus when it is present.
enum Seeds {
    static let docs: [SourcePage] = load(PackagePaths.docs, display: "docs")
    static let corpus: [SourcePage] = load(PackagePaths.corpus, display: "graph-v1.0")

    static func load(_ root: URL, display: String) -> [SourcePage] {
        guard let files = try? PageLoader.markdownFiles(in: root) else { return [] }
        return files.compactMap { relative in
            guard let data = try? Data(contentsOf: root.appendingPathComponent(relative)) else { return nil }
            return SourcePage(path: display + "/" + relative, bytes: [UInt8](data))
        }
    }
}

/// SplitMix64: small, fast and the same on every platform, so a seed names the same inputs everywhere.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What one run of the whole pipeline produces, compared between runs for determinism.
struct PipelineOutput: Equatable {
    var files: [String]
    var texts: [String]
    var diagnostics: [String]
    var lintCounts: Linter.ExampleCounts

    var rendered: [(name: String, text: String)] { Array(zip(files, texts)).map { (name: $0.0, text: $0.1) } }
}

enum InMemoryPipeline {
    /// Decodes page bytes the way `PageLoader` does: invalid UTF-8 is replaced. NUL bytes are left
    /// in, so that the extractor itself is tested with them (the loader replaces them).
    static func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// extract -> resolve -> emit -> render -> lint, in memory.
    static func run(_ pages: [SourcePage]) -> PipelineOutput {
        let extracted = pages.map { PageExtractor.extract(path: $0.path, source: decode($0.bytes)) }
        let analysis = Pipeline.analyze(pages: extracted)
        let rendered = Pipeline.render(analysis)
        let report = Pipeline.lint(analysis)
        return PipelineOutput(files: rendered.map(\.name), texts: rendered.map(\.text), diagnostics: report.diagnostics.map(\.description),
                              lintCounts: report.counts)
    }
}

/// A temporary folder removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init(_ label: String = "tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-robust-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ bytes: [UInt8], to relative: String) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ text: String, to relative: String) throws -> URL { try write(Array(text.utf8), to: relative) }
}

/// Runs a program and returns its exit status and combined output.
func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Type-checks generated code with swiftc against the runtime, warnings as errors.
enum SwiftTypeChecker {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Runtime {
        /// Holds APIDocRuntime.swiftmodule.
        var modules: URL
        /// Holds libAPIDocRuntime.so, for programs that run generated code.
        var library: URL
    }

    /// The runtime module and library, built once per test process (the reason when swiftc fails).
    static let runtime: Result<Runtime, Failure> = {
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-robust-runtime-\(UUID().uuidString)")
            let modules = folder.appendingPathComponent("modules")
            let library = folder.appendingPathComponent("lib")
            try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
            let sources = try PackagePaths.runtimeSourceArguments()
            let emit = try run(["swiftc", "-emit-library", "-emit-module", "-module-name", "APIDocRuntime", "-swift-version", "6", "-parse-as-library",
                                "-emit-module-path", modules.appendingPathComponent("APIDocRuntime.swiftmodule").path,
                                "-o", library.appendingPathComponent("libAPIDocRuntime.so").path] + sources, in: folder)
            guard emit.status == 0 else { return .failure(Failure(description: "runtime does not build: " + emit.output)) }
            return .success(Runtime(modules: modules, library: library))
        } catch {
            return .failure(Failure(description: "cannot run swiftc: \(error)"))
        }
    }()

    /// Writes `files` into a folder of its own and type-checks them as module GraphAPI; nil when
    /// they compile cleanly, else the compiler's output.
    static func check(_ files: [(name: String, text: String)], in folder: URL, extraFlags: [String] = []) throws -> String? {
        let modules = try runtime.get().modules
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            paths.append(url.path)
        }
        let check = try run(["swiftc", "-typecheck", "-module-name", "GraphAPI", "-swift-version", "6", "-parse-as-library",
                             "-warnings-as-errors", "-I", modules.path] + extraFlags + paths.sorted())
        return check.status == 0 ? nil : check.output
    }

    /// Type-checks several independent outputs, each as its own module in its own folder, two
    /// swiftc processes at a time. Returns the failures by index.
    static func checkAll(_ outputs: [[(name: String, text: String)]], under root: URL, parallel: Int = 2) -> [Int: String] {
        let results = Locked<[Int: String]>([:])
        let next = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, parallel) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < outputs.count else { return }
                    let folder = root.appendingPathComponent("input-\(index)")
                    let failure: String?
                    do { failure = try check(outputs[index], in: folder) } catch { failure = "\(error)" }
                    if let failure { results.withLock { $0[index] = failure } }
                    try? FileManager.default.removeItem(at: folder)
                }
            }
        }
        group.wait()
        return results.withLock { $0 }
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Resident memory of this process, from /proc/self/status (Linux), in bytes.
enum Memory {
    static func status(_ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.dropFirst(key.count + 1).filter { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    static var resident: Int? { status("VmRSS") }

    /// Resets the peak-RSS mark (VmHWM) where the kernel allows it; false when it does not.
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    /// How much the resident set grew while `body` ran: the peak since `body` started when the
    /// kernel lets the peak be reset, else the growth of the current RSS. In bytes.
    static func growth<T>(_ body: () throws -> T) rethrows -> (value: T, bytes: Int) {
        let canResetPeak = resetPeak()
        let before = resident ?? 0
        let value = try body()
        let after = (canResetPeak ? status("VmHWM") : resident) ?? before
        return (value, max(0, after - before))
    }
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

/// FNV-1a over the outputs of a run, to compare runs in different processes.
struct Digest {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        value = (value ^ 0xFF) &* 0x100_0000_01B3
    }

    mutating func add(_ output: PipelineOutput) {
        for text in output.files + output.texts + output.diagnostics { add(text) }
    }

    var hex: String { String(value, radix: 16) }
}
