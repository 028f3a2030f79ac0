import APIDocCLI
import APIDocExtraction
import APIDocGeneratorCore
import APIDocLint
import APIDocSwiftEmitter
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift from the pages (default: docs/ -> Generated/).",
        discussion: """
            Writes only files whose bytes changed and removes files it generated earlier that are no \
            longer produced; the output folder is replaced atomically, so a failed run leaves it as it was.
            With --check nothing is written: exit 0 when the output is current, 1 (with a diff per file) when not.
            Settings come from apidocgen.json (or --config); options given here override it.
            Exit codes: 0 success; 1 drift (--check), or errors (warnings too with --warnings-as-errors), \
            in which case nothing is written; 2 bad input or usage.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the Swift files into (default: the configuration's output, else Generated).", valueName: "folder"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Module name the generated code is compiled in, reserved as a type name (default: the configuration's, else GraphAPI).", valueName: "name"))
    var moduleName: String?

    @Option(name: .long, help: ArgumentHelp("Access level of the generated declarations: public, package or internal (default: the configuration's, else public).", valueName: "level"))
    var accessLevel: SwiftEmitter.AccessLevel?

    @Option(name: .long, help: ArgumentHelp("Write all generated code into this one file instead of the output folder (for build tool plugins, whose outputs are named in advance).", valueName: "file"))
    var singleFile: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and print a diff when the output folder is not what the pages produce.")
    var check = false

    @Flag(name: .long, help: "Run the whole pipeline even when the output folder's record of the last run says nothing changed.")
    var noCache = false

    @OptionGroup var diagnosticsOptions: DiagnosticsOptions

    func run() throws {
        let timings = PhaseTimings()
        let settings = try project.settings(Settings.Overrides(output: output, moduleName: moduleName, accessLevel: accessLevel))
        // The no-op path: same generator, settings and pages as the run that produced the folder,
        // and the folder still holds exactly what that run wrote. --check always runs in full.
        let useCache = !noCache && !check && singleFile == nil
        // With a record to compare with or to keep, each page is digested as it is read.
        let sources = try runOrExit { try Pipeline.read(settings, workers: project.workers, digesting: useCache) }
        timings.mark("read")
        let cacheKey = useCache ? GenerationCache.key(settings: settings.fingerprint, sources: sources) : ""
        timings.mark("key")
        if useCache, let cache = GenerationCache.load(from: settings.output), cache.key == cacheKey,
           cache.matches(folder: settings.output, workers: project.workers) {
            let report = try DiagnosticsReport(cache.diagnostics, options: diagnosticsOptions, settings: settings,
                                               evaluated: { $0 != "*" && !Linter.lintOnlyRules.contains($0) })
            report.print(to: .error)
            OutputWriter(output: settings.output).removeStaleStaging()
            timings.mark("cached")
            timings.report()
            let counts = "\(cache.pages) pages, \(cache.types) types, \(cache.operations) operations, \(report.summary)"
            if report.failed {
                print("apidocgen: \(counts); nothing written (\(diagnosticsOptions.warningsAsErrors ? "errors or warnings with --warnings-as-errors" : "errors"))")
                throw ExitCode(1)
            }
            print("apidocgen: \(counts); wrote 0 files, removed 0, unchanged \(cache.files.count) (pages unchanged since the last run)")
            return
        }
        let analysis = Pipeline.analyze(settings, sources: sources, workers: project.workers, phase: timings.mark)
        let emitterOptions = settings.emitterOptions(for: analysis.model)
        // generate does not run the example checks: suppressions of those rules are not unused here.
        let report = try DiagnosticsReport(analysis.diagnostics, options: diagnosticsOptions, settings: settings,
                                           evaluated: { $0 != "*" && !Linter.lintOnlyRules.contains($0) })
        report.print(to: .error)
        timings.mark("report")
        let counts = "\(analysis.pages.count) pages, \(analysis.model.types.count) types, \(analysis.model.operations.count) operations, \(report.summary)"

        if let singleFile {
            let text = SingleFileOutput.render(analysis, options: emitterOptions)
            let url = URL(fileURLWithPath: singleFile)
            if check {
                let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
                if current == text {
                    print("apidocgen: \(counts); \(singleFile) is up to date")
                } else {
                    print(UnifiedDiff.diff(old: current ?? "", new: text, name: singleFile), terminator: "")
                    print("apidocgen: \(counts); \(singleFile) is not what the pages produce")
                    throw ExitCode(1)
                }
            } else if report.failed {
                print("apidocgen: \(counts); nothing written")
            } else {
                let written = try runOrExit { try SingleFileOutput.write(text, to: url) }
                print("apidocgen: \(counts); \(written ? "wrote" : "unchanged") \(singleFile)")
            }
            if report.failed { throw ExitCode(1) }
            return
        }

        // With a record to keep, each file's digest is taken as it is rendered.
        let (files, digests) = useCache
            ? Pipeline.renderWithDigests(analysis, options: emitterOptions, workers: project.workers)
            : (Pipeline.render(analysis, options: emitterOptions, workers: project.workers), [:])
        timings.mark("render")
        let writer = OutputWriter(output: settings.output)
        let plan = try runOrExit { try writer.plan(files) }
        timings.mark("plan")
        let shownOutput = settings.outputName
        if check {
            guard !plan.isEmpty else {
                print("apidocgen: \(counts); \(shownOutput) is up to date (\(files.count) files)")
                if report.failed { throw ExitCode(1) }
                return
            }
            var diff = ""
            for name in plan.writes.keys.sorted() {
                diff += UnifiedDiff.diff(old: plan.previous[name] ?? "", new: plan.writes[name]!, name: "\(shownOutput)/\(name)")
            }
            for name in plan.removals { diff += "--- a/\(shownOutput)/\(name)\n+++ /dev/null\n(file would be removed)\n" }
            print(diff, terminator: "")
            let drifted = plan.writes.keys.sorted() + plan.removals
            print("apidocgen: \(counts); \(drifted.count) files in \(shownOutput) are not what the pages produce: \(drifted.joined(separator: ", "))")
            throw ExitCode(1)
        }
        if report.failed {
            print("apidocgen: \(counts); nothing written (\(diagnosticsOptions.warningsAsErrors ? "errors or warnings with --warnings-as-errors" : "errors"))")
            throw ExitCode(1)
        }
        try runOrExit { try writer.apply(plan) }
        timings.mark("write")
        if useCache {
            GenerationCache(key: cacheKey, pages: analysis.pages.count, types: analysis.model.types.count, operations: analysis.model.operations.count,
                            diagnostics: analysis.diagnostics, files: digests).save(to: settings.output)
        }
        print("apidocgen: \(counts); wrote \(plan.writes.count) files, removed \(plan.removals.count), unchanged \(plan.unchanged)")
        timings.mark("record")
        timings.report()
        exitSkippingTeardown(analysis, files, plan)
    }
}
