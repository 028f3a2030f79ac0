import APIDocGeneratorCore
import APIDocExtraction
import APIDocMarkdown
import Foundation
import Testing

/// The no-op path of `generate`: the output folder's record of the last run lets a regeneration
/// whose generator, settings and pages are unchanged stop after reading the pages, and anything
/// that differs sends it through the whole pipeline.
@Suite("Generation cache")
struct GenerationCacheTests {
    @Test func theRecordReadsBackAsItWasWritten() throws {
        let diagnostic = Diagnostic(file: "docs/api/a.md", location: SourceLocation(line: 3, column: 4), severity: .warning, rule: "unknown-type", message: "m")
        var files: [String: String] = [:]
        for index in 0..<500 { files["Type\(index).swift"] = String(format: "%032x", index * 7919) }
        files["GraphClient+A b.swift"] = "00ff"
        let record = GenerationCache(key: "k", pages: 3, types: 2, operations: 1, diagnostics: [diagnostic], files: files)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        record.save(to: folder)
        #expect(GenerationCache.load(from: folder) == record)
        // A damaged record is no record: the next run is a full one.
        try Data("{\"key\":\"k\",\"pages\":1,\"types\":1,\"operations\":1,\"diagnostics\":[],\"files\":\"no-digest\"}".utf8)
            .write(to: folder.appendingPathComponent(GenerationCache.fileName))
        #expect(GenerationCache.load(from: folder) == nil)
    }

    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("missing-page"), to: folder.url.appendingPathComponent("docs"))
        return folder
    }

    static let cachedMarker = "(pages unchanged since the last run)"

    static func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func aSecondRunUsesTheRecordAndPrintsTheSameDiagnostics() async throws {
        let project = try Self.project()
        let first = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(first.status == 0, "\(first.error)")
        #expect(!first.output.contains(Self.cachedMarker))
        let generated = project.url.appendingPathComponent("Generated")
        let widget = generated.appendingPathComponent("Widget.swift")
        let before = try Self.modificationDate(widget)
        #expect(FileManager.default.fileExists(atPath: generated.appendingPathComponent(GenerationCache.fileName).path))
        let gitignore = try String(contentsOf: generated.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore.split(separator: "\n").contains("/.apidocgen-cache"), "\(gitignore)")

        let second = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(second.status == 0)
        #expect(second.output.contains("wrote 0 files, removed 0, unchanged 2 \(Self.cachedMarker)"), "\(second.output)")
        #expect(second.error == first.error)
        #expect(try Self.modificationDate(widget) == before)

        let strict = try await Executable.apidocgen(["generate", "--warnings-as-errors"], in: project.url)
        #expect(strict.status == 1)
        #expect(strict.output.contains("nothing written"), "\(strict.output)")

        let full = try await Executable.apidocgen(["generate", "--no-cache"], in: project.url)
        #expect(full.status == 0)
        #expect(full.output.contains("wrote 0 files, removed 0, unchanged 2"), "\(full.output)")
        #expect(!full.output.contains(Self.cachedMarker))
        #expect(full.error == first.error)
    }

    @Test func aChangedPageRunsThePipeline() async throws {
        let project = try Self.project()
        #expect(try await Executable.apidocgen(["generate"], in: project.url).status == 0)
        let page = project.url.appendingPathComponent("docs/resources/widget.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "| owner |", with: "| keeper |").utf8).write(to: page)
        let after = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(!after.output.contains(Self.cachedMarker), "\(after.output)")
        #expect(after.output.contains("wrote 1 files"), "\(after.output)")
        let widget = try String(contentsOf: project.url.appendingPathComponent("Generated/Widget.swift"), encoding: .utf8)
        #expect(widget.contains("keeper"))
        #expect(try await Executable.apidocgen(["generate"], in: project.url).output.contains(Self.cachedMarker))
    }

    @Test func anEditedOrDeletedOutputFileIsRestored() async throws {
        let project = try Self.project()
        #expect(try await Executable.apidocgen(["generate"], in: project.url).status == 0)
        let widget = project.url.appendingPathComponent("Generated/Widget.swift")
        let original = try Data(contentsOf: widget)
        var edited = original
        edited.append(contentsOf: Array("// edited\n".utf8))
        try edited.write(to: widget)
        let restored = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(!restored.output.contains(Self.cachedMarker), "\(restored.output)")
        #expect(try Data(contentsOf: widget) == original)

        try FileManager.default.removeItem(at: widget)
        let again = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(!again.output.contains(Self.cachedMarker), "\(again.output)")
        #expect(try Data(contentsOf: widget) == original)
    }

    @Test func otherSettingsRunThePipeline() async throws {
        let project = try Self.project()
        #expect(try await Executable.apidocgen(["generate"], in: project.url).status == 0)
        let rerun = try await Executable.apidocgen(["generate", "--access-level", "internal"], in: project.url)
        #expect(!rerun.output.contains(Self.cachedMarker), "\(rerun.output)")
        let widget = try String(contentsOf: project.url.appendingPathComponent("Generated/Widget.swift"), encoding: .utf8)
        #expect(!widget.contains("public "))
        #expect(widget.contains("internal struct Widget"), "\(widget.prefix(600))")
    }

    @Test func pagesOutsideTheIncludeGlobsAreNeverRead() async throws {
        let project = try Self.project()
        // Over the page size limit: reading it would report it.
        let big = String(repeating: "x", count: PageLoader.maximumPageBytes + 1)
        try project.write(big, to: "docs/skipped/huge.md")
        let unfiltered = try await Executable.apidocgen(["generate", "--check"], in: project.url)
        #expect(unfiltered.error.contains("docs/skipped/huge.md:1:1: warning: page is"), "\(unfiltered.error)")
        try project.write(#"{ "pages": { "exclude": ["skipped/**"] } }"#, to: "apidocgen.json")
        let filtered = try await Executable.apidocgen(["generate", "--check"], in: project.url)
        #expect(!filtered.error.contains("huge.md"), "\(filtered.error)")
        #expect(filtered.error.contains("[missing-page]"))
    }

    @Test func theDigestSeparatesItemsAndIsStable() {
        var a = StableDigest()
        a.add("ab")
        a.add("c")
        var b = StableDigest()
        b.add("a")
        b.add("bc")
        var c = StableDigest()
        c.add("ab")
        c.add("c")
        #expect(a != b)
        #expect(a == c)
        #expect(a.hex.count == 32)
        var long = StableDigest()
        long.add(String(repeating: "0123456789", count: 100))
        var changed = StableDigest()
        changed.add(String(repeating: "0123456789", count: 99) + "0123456780")
        #expect(long != changed)
    }
}
