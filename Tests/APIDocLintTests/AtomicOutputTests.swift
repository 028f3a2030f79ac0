import APIDocGeneratorCore
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
        // The generation record is this machine's state, not output: each run's own (see GenerationCacheTests).
        for name in names where name != GenerationCache.fileName {
            result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return result
    }

    struct Outcome: Sendable {
        /// The staging folder was seen, so the run was writing.
        var sawStaging: Bool
        var killed: Bool
        var status: Int32
        /// From the staging folder's appearance to the end of the process.
        var writeTime: Double
    }

    /// Runs apidocgen; once its staging folder appears, waits `killAfter` seconds and kills it
    /// (SIGKILL), or lets it finish when `killAfter` is nil. All on a thread of its own, polling
    /// every 0.1 ms, so that the timing does not depend on the threads tests share.
    static func run(_ arguments: [String], in folder: URL, staging: String, killAfter: Double?) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: Executable.apidocgen)
                    process.arguments = arguments
                    process.currentDirectoryURL = folder
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let path = folder.appendingPathComponent("\(staging)\(process.processIdentifier)").path
                    var saw = false
                    while process.isRunning {
                        if FileManager.default.fileExists(atPath: path) { saw = true; break }
                        usleep(100)
                    }
                    let began = now()
                    if saw, let killAfter {
                        usleep(UInt32(killAfter * 1_000_000))
                        kill(process.processIdentifier, SIGKILL)
                    }
                    process.waitUntilExit()
                    continuation.resume(returning: Outcome(sawStaging: saw, killed: process.terminationReason == .uncaughtSignal,
                                                           status: process.terminationStatus, writeTime: now() - began))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }

    @Test func killedDuringTheWriteLeavesTheOldOrTheNewOutput() async throws {
        let folder = try TemporaryFolder()
        let fm = FileManager.default
        // The new docs change every page, drop some and add others: writes, removals and new files.
        let root = folder.url
        try await onOwnThread {
            try Self.writeDocs(root.appendingPathComponent("docs-old"), pages: 0..<400, version: "first edition")
            try Self.writeDocs(root.appendingPathComponent("docs-new"), pages: 30..<430, version: "second edition")
        }
        for (docs, out) in [("docs-old", "ref-old"), ("docs-new", "ref-new")] {
            let result = try await Executable.apidocgen(["generate", "--input", docs, "--output", out], in: folder.url)
            try #require(result.status == 0, "\(result.error)")
        }
        let old = try #require(try await onOwnThread { Self.snapshot(root.appendingPathComponent("ref-old")) })
        let new = try #require(try await onOwnThread { Self.snapshot(root.appendingPathComponent("ref-new")) })
        #expect(old != new && old.count > 350 && new.count > 350)
        let out = folder.url.appendingPathComponent("out")
        let fixed: Set<String> = ["docs-old", "docs-new", "ref-old", "ref-new", "out"]
        func resetOutput() async throws {
            try await onOwnThread {
                try? FileManager.default.removeItem(at: out)
                try FileManager.default.copyItem(at: root.appendingPathComponent("ref-old"), to: out)
            }
        }
        func currentOutput() async throws -> [String: Data]? { try await onOwnThread { Self.snapshot(out) } }
        // One worker: the test runs beside others and should not take every core.
        let arguments = ["generate", "--input", "docs-new", "--output", "out", "--workers", "1"]

        // How long the write takes: from the staging folder's appearance to the end of the run
        // (measured again when a busy machine hid the staging folder from the poll).
        var writeTime = 1.0
        for _ in 0..<3 {
            try await resetOutput()
            let timing = try await Self.run(arguments, in: folder.url, staging: ".out.apidocgen-", killAfter: nil)
            #expect(timing.status == 0)
            #expect(try await currentOutput() == new)
            if timing.sawStaging {
                writeTime = timing.writeTime
                break
            }
        }

        var interrupted = 0
        var attempts = 0
        var outcomes: [String] = []
        var sawNew = false
        // Delays up to twice the measured write, so that some kills land after the swap (while
        // the old folder is removed) or after the end; more attempts until both kinds were seen
        // (on a busy machine the poll may miss a short write, or a kill may land late).
        while (interrupted < 4 || attempts < 8 || !sawNew) && attempts < 40 {
            attempts += 1
            try await resetOutput()
            let delay = Double.random(in: 0...(writeTime * 2))
            let outcome = try await Self.run(arguments, in: folder.url, staging: ".out.apidocgen-", killAfter: delay)
            let killed = outcome.killed
            let state = try await currentOutput()
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
        #expect(try await currentOutput() == new)
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
