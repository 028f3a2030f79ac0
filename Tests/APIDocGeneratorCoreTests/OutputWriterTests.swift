import APIDocGeneratorCore
import APIDocSwiftEmitter
import Foundation
import Testing

@Suite struct OutputWriterTests {
    let header = SwiftRenderer.headerMarker

    func files(_ names: [String: String]) -> [(name: String, text: String)] {
        names.keys.sorted().map { ($0, header + "x. Do not edit.\n" + names[$0]!) }
    }

    func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func writesOnlyWhatChangedAndRemovesStaleFiles() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("Generated")
        let writer = OutputWriter(output: output)
        try writer.apply(try writer.plan(files(["A.swift": "a", "B.swift": "b", "C.swift": "c"])))
        let inodeA = try inode(output.appendingPathComponent("A.swift"))

        let plan = try writer.plan(files(["A.swift": "a", "B.swift": "b2"]))
        #expect(plan.writes.keys.sorted() == ["B.swift"])
        #expect(plan.removals == ["C.swift"])
        #expect(plan.unchanged == 1)
        try writer.apply(plan)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == ["A.swift", "B.swift"])
        #expect(try String(contentsOf: output.appendingPathComponent("B.swift"), encoding: .utf8).hasSuffix("b2"))
        // The unchanged file is the same file (hard-linked through the swap), so its date is untouched.
        #expect(try inode(output.appendingPathComponent("A.swift")) == inodeA)
        // Nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["Generated"])
    }

    /// The record and `.gitignore` are replaced by a rename from beside the output: no temporary
    /// file is ever created inside it, and one a killed run left beside it is removed later.
    @Test func keptFilesAreReplacedFromBesideTheOutput() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("Generated")
        let writer = OutputWriter(output: output)
        try writer.apply(try writer.plan(files(["A.swift": "a"])))
        let fm = FileManager.default
        let inodeA = try inode(output.appendingPathComponent("A.swift"))
        try writer.replaceFile(named: ".record", with: Data("one".utf8))
        try writer.replaceFile(named: ".record", with: Data("two".utf8))
        #expect(try String(contentsOf: output.appendingPathComponent(".record"), encoding: .utf8) == "two")
        #expect(try fm.contentsOfDirectory(atPath: output.path).sorted() == [".record", "A.swift"])
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path) == ["Generated"])
        #expect(try inode(output.appendingPathComponent("A.swift")) == inodeA)

        GenerationCache(key: "k", pages: 1, types: 1, operations: 0, diagnostics: [], files: [:]).save(to: output)
        #expect(try fm.contentsOfDirectory(atPath: output.path).sorted() == [GenerationCache.fileName, ".gitignore", ".record", "A.swift"].sorted())
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path) == ["Generated"])
        #expect(GenerationCache.load(from: output)?.key == "k")

        // What a run killed between writing and renaming leaves beside the output (pid 2^22 + 1
        // is above Linux's default pid_max): removed by the next run.
        try folder.write("half", to: ".Generated.apidocgen-4194305")
        writer.removeStaleStaging()
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path) == ["Generated"])
    }

    /// A write that fails names the system's reason and the path, not an error's type and fields.
    /// (With all of Foundation, on Apple's systems, the words are Foundation's localized ones.)
    #if canImport(FoundationEssentials)
    @Test func aFailedWriteSaysWhyAndWhere() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.url.appendingPathComponent("blocker")
        try Data("not a folder".utf8).write(to: blocker)
        let writer = OutputWriter(output: blocker.appendingPathComponent("Generated"))
        let plan = try writer.plan(files(["A.swift": "a"]))
        #expect {
            try writer.apply(plan)
        } throws: { error in
            let message = (error as? GeneratorError)?.description ?? ""
            return message.hasPrefix("cannot write 'Generated': Not a directory: ") && message.contains("/blocker/")
        }
        #expect(GeneratorError.describe(POSIXError(.EACCES)) == "Permission denied")
        #expect(GeneratorError.describe(GeneratorError.input("bad")) == "bad")
    }
    #endif

    @Test func noOpPlanTouchesNothing() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("Generated")
        let writer = OutputWriter(output: output)
        let desired = files(["A.swift": "a"])
        try writer.apply(try writer.plan(desired))
        let before = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("A.swift").path)[.modificationDate] as? Date
        let plan = try writer.plan(desired)
        #expect(plan.isEmpty)
        try writer.apply(plan)
        let after = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("A.swift").path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test func refusesToOverwriteAFileItDidNotWrite() throws {
        let folder = try TemporaryFolder()
        try folder.write("// mine\n", to: "Generated/A.swift")
        try folder.write("// also mine\n", to: "Generated/Helpers.swift")
        let writer = OutputWriter(output: folder.url.appendingPathComponent("Generated"))
        #expect(throws: GeneratorError.self) { try writer.plan(files(["A.swift": "a"])) }
        // A hand-written file that is not produced is never removed.
        let plan = try writer.plan(files(["B.swift": "b"]))
        #expect(plan.removals == [])
        try writer.apply(plan)
        #expect(try String(contentsOf: folder.url.appendingPathComponent("Generated/Helpers.swift"), encoding: .utf8) == "// also mine\n")
    }

    @Test func refusesNamesThatLeaveTheFolder() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(output: folder.url.appendingPathComponent("Generated"))
        for name in ["../escape.swift", "/etc/passwd", "..", "a/b.swift"] {
            #expect(throws: GeneratorError.self) { try writer.plan([(name, "x")]) }
        }
    }

    /// An output path that is a symbolic link to a folder: the files go into that folder, and the
    /// link stays a link (the exchange replaces the folder it leads to, not the link).
    @Test func aLinkedOutputFolderIsWrittenThroughTheLink() throws {
        let folder = try TemporaryFolder()
        let fm = FileManager.default
        let real = folder.url.appendingPathComponent("real")
        try fm.createDirectory(at: real, withIntermediateDirectories: true)
        let link = folder.url.appendingPathComponent("Generated")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        try OutputWriter(output: link).apply(try OutputWriter(output: link).plan(files(["A.swift": "a"])))
        let writer = OutputWriter(output: link)
        try writer.apply(try writer.plan(files(["A.swift": "a2", "B.swift": "b"])))
        #expect(try fm.destinationOfSymbolicLink(atPath: link.path) == "real")
        #expect(try fm.contentsOfDirectory(atPath: real.path).sorted() == ["A.swift", "B.swift"])
        #expect(try String(contentsOf: link.appendingPathComponent("A.swift"), encoding: .utf8).hasSuffix("a2"))
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path).sorted() == ["Generated", "real"])
    }

    /// An output folder its owner made read-only: a user who cannot write it gets an error and
    /// the folder as it was; one who may write anyway (root) gets the new files in a folder that
    /// keeps its mode, and nothing is left beside it.
    @Test func aReadOnlyOutputFolderIsRefusedOrKeepsItsMode() throws {
        let folder = try TemporaryFolder()
        let fm = FileManager.default
        let output = folder.url.appendingPathComponent("Generated")
        let writer = OutputWriter(output: output)
        try writer.apply(try writer.plan(files(["A.swift": "a"])))
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output.path) }
        let plan = try writer.plan(files(["A.swift": "a2"]))
        if getuid() == 0 {
            try writer.apply(plan)
            #expect(try String(contentsOf: output.appendingPathComponent("A.swift"), encoding: .utf8).hasSuffix("a2"))
        } else {
            #expect {
                try writer.apply(plan)
            } throws: { error in
                ((error as? GeneratorError)?.description ?? "").contains("the folder is not writable")
            }
            #expect(try String(contentsOf: output.appendingPathComponent("A.swift"), encoding: .utf8).hasSuffix("a"))
        }
        let mode = try fm.attributesOfItem(atPath: output.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o555)
        #expect(try fm.contentsOfDirectory(atPath: folder.url.path) == ["Generated"])
    }
}
