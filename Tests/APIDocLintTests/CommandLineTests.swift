import Foundation
import Testing

/// `generate` and `lint` share their diagnostics options and printing: format, warnings as
/// errors, suppressions, a count per rule.
@Suite("Command line: diagnostics")
struct CommandLineDiagnosticsTests {
    /// A project folder with the `missing-page` fixture as its docs/.
    static func project(_ fixture: String = "missing-page") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent(fixture), to: folder.url.appendingPathComponent("docs"))
        return folder
    }

    static let missingPage = "docs/resources/widget.md:18:11: warning: property 'owner' has type 'person', which links to 'person.md', a page that is not in the input; it is read as any JSON value [missing-page]"

    @Test func generatePrintsTheDiagnosticsAndACountPerRule() async throws {
        let project = try Self.project()
        let result = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == Self.missingPage + "\n")
        #expect(result.output.hasPrefix("apidocgen: 1 pages, 1 types, 0 operations, 0 errors, 1 warning (missing-page 1); wrote 2 files"), "\(result.output)")
    }

    /// `APIDOCGEN_TIMINGS=1` prints the wall time of each phase of a full run, extraction and
    /// resolution apart, after the diagnostics.
    @Test func timingsNameEachPhaseOfAFullRun() async throws {
        let project = try Self.project()
        let result = try await run(["/usr/bin/env", "APIDOCGEN_TIMINGS=1", Executable.apidocgen, "generate", "--no-cache"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.missingPage)
        let timings = try #require(lines.last)
        #expect(timings.hasPrefix("timings: "))
        let phases = timings.dropFirst("timings: ".count).split(separator: ",").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(phases == ["read", "key", "extract", "resolve", "report", "render", "plan", "write", "record"])
        let plain = try await Executable.apidocgen(["generate", "--no-cache"], in: project.url)
        #expect(!plain.error.contains("timings:"))
    }

    @Test func generateAndLintPrintTheSameDiagnosticsTheSameWay() async throws {
        let project = try Self.project()
        for format in ["text", "github", "json"] {
            let generate = try await Executable.apidocgen(["generate", "--check", "--diagnostics-format", format], in: project.url)
            let lint = try await Executable.apidocgen(["lint", "--diagnostics-format", format], in: project.url)
            let lintLines = lint.output.split(separator: "\n").filter { !$0.hasPrefix("apidocgen lint:") && !$0.hasPrefix("response examples:") && !$0.hasPrefix("JSON representations:") }
            #expect(generate.error.split(separator: "\n") == lintLines, "\(format)")
        }
        let github = try await Executable.apidocgen(["generate", "--check", "--diagnostics-format", "github"], in: project.url)
        #expect(github.error == "::warning file=docs/resources/widget.md,line=18,col=11::property 'owner' has type 'person', which links to 'person.md', a page that is not in the input; it is read as any JSON value [missing-page]\n")
        let json = try await Executable.apidocgen(["generate", "--check", "--diagnostics-format", "json"], in: project.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.error.utf8)) as? [String: Any]
        #expect(object?["rule"] as? String == "missing-page")
        #expect(object?["line"] as? Int == 18)
    }

    /// An input folder given by an absolute path or through `..`: diagnostics print its pages
    /// under that path, so that they open from where apidocgen runs, and suppressions match it;
    /// the generated files still name the pages under the folder's own name (no machine path).
    @Test func pagesOfAFolderGivenAsAbsoluteOrParentPathArePrintedUnderThatPath() async throws {
        let project = try Self.project()
        let absolute = project.url.appendingPathComponent("docs").path
        let fromAbsolute = try await Executable.apidocgen(["lint", "--input", absolute], in: project.url)
        #expect(fromAbsolute.output.hasPrefix(absolute + "/resources/widget.md:18:11: warning: property 'owner'"), "\(fromAbsolute.output)")
        let sub = project.url.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let fromParent = try await Executable.apidocgen(["generate", "--input", "../docs", "--output", "../out"], in: sub)
        #expect(fromParent.error == "../docs/resources/widget.md:18:11: warning: property 'owner' has type 'person', which links to 'person.md', a page that is not in the input; it is read as any JSON value [missing-page]\n")
        let widget = try String(contentsOf: project.url.appendingPathComponent("out/Widget.swift"), encoding: .utf8)
        #expect(widget.contains("docs/resources/widget.md") && !widget.contains("../docs"))
        try Data("missing-page ../docs/resources/*.md\n".utf8).write(to: sub.appendingPathComponent(".apidocgen-suppressions"))
        let suppressed = try await Executable.apidocgen(["lint", "--input", "../docs"], in: sub)
        #expect(suppressed.status == 0 && !suppressed.output.contains("warning:"), "\(suppressed.output)")
    }

    @Test func warningsAsErrorsFailsAndWritesNothing() async throws {
        let project = try Self.project()
        let result = try await Executable.apidocgen(["generate", "--warnings-as-errors"], in: project.url)
        #expect(result.status == 1)
        #expect(result.output.contains("0 errors, 1 warning (missing-page 1); nothing written"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("Generated").path))
        let lint = try await Executable.apidocgen(["lint", "--warnings-as-errors"], in: project.url)
        #expect(lint.status == 1)
        #expect(try await Executable.apidocgen(["lint"], in: project.url).status == 0)
    }

    @Test func theDefaultSuppressionsFileDropsDiagnosticsAndReportsUnusedEntries() async throws {
        let project = try Self.project()
        try project.write("""
            # accepted until the person page exists
            missing-page docs/resources/*.md
            enum-conflict docs/**
            example-enum docs/**
            """, to: ".apidocgen-suppressions")
        let generate = try await Executable.apidocgen(["generate", "--warnings-as-errors"], in: project.url)
        // The unused enum-conflict entry is reported; example-enum is a lint rule, not run by generate.
        #expect(generate.error == ".apidocgen-suppressions:3:1: warning: suppression 'enum-conflict docs/**' matches no diagnostic; remove it [unused-suppression]\n")
        #expect(generate.status == 1)
        #expect(generate.output.contains("0 errors, 1 warning (unused-suppression 1)"), "\(generate.output)")
        let lint = try await Executable.apidocgen(["lint"], in: project.url)
        #expect(lint.output.contains(".apidocgen-suppressions:3:1: warning: suppression 'enum-conflict docs/**' matches no diagnostic; remove it [unused-suppression]"))
        #expect(lint.output.contains(".apidocgen-suppressions:4:1: warning: suppression 'example-enum docs/**' matches no diagnostic; remove it [unused-suppression]"))
        #expect(!lint.output.contains("[missing-page]"))
        #expect(lint.output.contains("apidocgen lint: 1 pages; 0 errors, 2 warnings (unused-suppression 2)"), "\(lint.output)")
    }

    @Test func anExplicitSuppressionsFileWins() async throws {
        let project = try Self.project()
        try project.write("enum-conflict docs/**\n", to: ".apidocgen-suppressions")
        try project.write("missing-page docs/**/widget.md\n", to: "ci/known.txt")
        let result = try await Executable.apidocgen(["generate", "--suppressions", "ci/known.txt", "--warnings-as-errors"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "")
        #expect(result.output.contains("0 errors, 0 warnings; wrote"))
        let missing = try await Executable.apidocgen(["generate", "--suppressions", "nope.txt"], in: project.url)
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read the suppressions file 'nope.txt'"))
    }
}

/// The generator a build runs each time starts fast: it links Foundation's essentials alone, not
/// all of Foundation (with ICU) nor its networking libraries (curl and its TLS stack); the mock
/// server, which needs them, is the separate `apidocgen-mock`.
@Suite("Command line: what the generator links")
struct GeneratorLinkageTests {
    @Test func theGeneratorLinksNoNetworkingAndNotAllOfFoundation() async throws {
        #if os(Linux)
        let libraries = try await run(["ldd", Executable.apidocgen])
        #expect(libraries.status == 0, "\(libraries.error)")
        #expect(libraries.output.contains("libFoundationEssentials"), "\(libraries.output)")
        for unwanted in ["libFoundation.so", "libFoundationNetworking", "libFoundationInternationalization", "libcurl"] {
            #expect(!libraries.output.contains(unwanted), "\(unwanted) in \(libraries.output)")
        }
        #endif
    }
}
