import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Nothing lost: `apidocgen generate` killed (SIGKILL) at random moments while it writes into a
/// folder with content leaves that folder exactly as it was or exactly the new result, and at
/// most a staging folder beside it, which the next run removes.
@Suite("Atomic output", .serialized)
struct AtomicOutputTests {
    /// Many resource pages, so that writing the output takes long enough to be interrupted.
    static func writeDocs(_ folder: URL, pages: Range<Int>, version: String) throws {
        for index in pages {
            let name = "thing\(index)"
            let rows = (0..<12).map { "| p\($0) | String | Property \($0) of \(name), \(version). |" }.joined(separator: "\n")
            let text = """
                ---
                title: "\(name) resource type"
                doc_type: resourcePageType
                ---

                # \(name) resource type

                Namespace: microsoft.graph

                The \(name) type, \(version).

                ## Properties

                | Property | Type | Description |
                |:---------|:-----|:------------|
                \(rows)

                """
            let file = folder.appendingPathComponent("resources/\(name).md")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    static func snapshot(_ folder: URL) -> [String: Data]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        var result: [String: Data] = [:]
        for name in names { result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) }
        return result
    }

    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.apidocgen)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the process's staging folder exists (true) or the process ends (false).
    static func waitForStaging(_ process: Process, in folder: URL) async throws -> Bool {
        let staging = folder.appendingPathComponent(".out.apidocgen-\(process.processIdentifier)").path
        while process.isRunning {
            if FileManager.default.fileExists(atPath: staging) { return true }
            try await Task.sleep(for: .microseconds(200))
        }
        return false
    }

    /// Waits for the process to end without holding a thread.
    static func waitForExit(_ process: Process) async throws {
        while process.isRunning { try await Task.sleep(for: .milliseconds(2)) }
        process.waitUntilExit()
    }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }

    @Test func killedDuringTheWriteLeavesTheOldOrTheNewOutput() async throws {
        let folder = try TemporaryFolder()
        let fm = FileManager.default
        // The new docs change every page, drop some and add others: writes, removals and new files.
        try Self.writeDocs(folder.url.appendingPathComponent("docs-old"), pages: 0..<800, version: "first edition")
        try Self.writeDocs(folder.url.appendingPathComponent("docs-new"), pages: 60..<860, version: "second edition")
        for (docs, out) in [("docs-old", "ref-old"), ("docs-new", "ref-new")] {
            let result = try await Executable.apidocgen(["generate", "--input", docs, "--output", out], in: folder.url)
            try #require(result.status == 0, "\(result.error)")
        }
        let old = try #require(Self.snapshot(folder.url.appendingPathComponent("ref-old")))
        let new = try #require(Self.snapshot(folder.url.appendingPathComponent("ref-new")))
        #expect(old != new && old.count > 700 && new.count > 700)
        let out = folder.url.appendingPathComponent("out")
        let fixed: Set<String> = ["docs-old", "docs-new", "ref-old", "ref-new", "out"]
        func resetOutput() throws {
            try? fm.removeItem(at: out)
            try fm.copyItem(at: folder.url.appendingPathComponent("ref-old"), to: out)
        }
        let arguments = ["generate", "--input", "docs-new", "--output", "out"]

        // How long the write takes: from the staging folder's appearance to the end of the run.
        try resetOutput()
        let timing = try Self.start(arguments, in: folder.url)
        let sawStaging = try await Self.waitForStaging(timing, in: folder.url)
        let began = Self.now()
        try await Self.waitForExit(timing)
        let writeTime = Self.now() - began
        #expect(sawStaging && timing.terminationStatus == 0)
        #expect(Self.snapshot(out) == new)

        var interrupted = 0
        var attempts = 0
        var outcomes: [String] = []
        var sawNew = false
        // Delays up to twice the measured write, so that some kills land after the swap (while
        // the old folder is removed) or after the end; more attempts until both kinds were seen.
        while (interrupted < 6 || attempts < 10 || !sawNew) && attempts < 24 {
            attempts += 1
            try resetOutput()
            let process = try Self.start(arguments, in: folder.url)
            let writing = try await Self.waitForStaging(process, in: folder.url)
            let delay = Double.random(in: 0...(writeTime * 2))
            if writing {
                try await Task.sleep(for: .seconds(delay))
                kill(process.processIdentifier, SIGKILL)
            }
            try await Self.waitForExit(process)
            let killed = process.terminationReason == .uncaughtSignal
            let state = Self.snapshot(out)
            let leftovers = try fm.contentsOfDirectory(atPath: folder.url.path).filter { !fixed.contains($0) }
            let whole = state == old ? "old" : state == new ? "new" : "MIXED"
            outcomes.append("\(killed ? "killed" : "finished") after \(Int(delay * 1000)) ms: \(whole), \(leftovers.count) beside")
            #expect(state == old || state == new, "killed after \(delay) s of writing: the output is neither the old nor the new one")
            #expect(leftovers.allSatisfy { $0.hasPrefix(".out.apidocgen-") }, "left beside the output: \(leftovers)")
            if killed && !leftovers.isEmpty { interrupted += 1 }
            if state == new { sawNew = true }
        }
        // The kills did land while the new folder was being built.
        #expect(interrupted >= 3, "\(outcomes)")

        // The next run finishes the job and removes what killed runs left.
        let finish = try await Executable.apidocgen(arguments, in: folder.url)
        #expect(finish.status == 0, "\(finish.error)")
        #expect(Self.snapshot(out) == new)
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path).filter { !fixed.contains($0) } == [])
    }

    /// A run with nothing to write still removes staging folders of runs that were killed.
    @Test func staleStagingFoldersAreRemovedEvenWhenNothingChanges() async throws {
        let folder = try TemporaryFolder()
        try Self.writeDocs(folder.url.appendingPathComponent("docs"), pages: 0..<3, version: "v")
        #expect(try await Executable.apidocgen(["generate", "--input", "docs", "--output", "out"], in: folder.url).status == 0)
        // A dead process's staging folder (pid 2^22 + 1 is above Linux's default pid_max), and a foreign file.
        let stale = folder.url.appendingPathComponent(".out.apidocgen-4194305")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try folder.write("x", to: ".out.apidocgen-4194305/Half.swift")
        try folder.write("keep", to: ".out.notes")
        let result = try await Executable.apidocgen(["generate", "--input", "docs", "--output", "out"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.output.contains("wrote 0 files"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".out.notes").path))
    }
}
