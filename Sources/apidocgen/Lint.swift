import APIDocCLI
import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the docs' inconsistencies: examples that disagree with their pages, conflicting definitions, missing pages.",
        discussion: """
            Prints every diagnostic, a count per rule, and what happened to each response example \
            (checked against its type, checked by shape when it holds placeholder values, or skipped with the reason).
            Exit codes: 0 no errors; 1 errors (or warnings, with --warnings-as-errors); 2 bad input or usage.
            """)

    @OptionGroup var project: ProjectOptions

    @OptionGroup var diagnosticsOptions: DiagnosticsOptions

    @Option(name: .long, help: "Write the response examples with real values (type, location, strict JSON body) to this JSON file, for decoding checks with the generated code.")
    var exportExamples: String?

    func run() throws {
        let settings = try project.settings()
        let analysis = try runOrExit { try Pipeline.analyze(settings, workers: project.workers) }
        let report = Pipeline.lint(analysis)
        if let exportExamples {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            do {
                try encoder.encode(report.examples).write(to: URL(fileURLWithPath: exportExamples))
            } catch {
                Console.error("error: cannot write '\(exportExamples)': \(GeneratorError.describe(error))")
                throw ExitCode(2)
            }
        }
        let diagnostics = try DiagnosticsReport(report.diagnostics, options: diagnosticsOptions, settings: settings)
        diagnostics.print(to: .output)
        let c = report.counts
        let skipped = c.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("apidocgen lint: \(analysis.pages.count) pages; \(diagnostics.summary)")
        print("response examples: \(c.decoded) agree, \(c.failed) disagree, \(c.shapeChecked) templates checked by shape, \(c.skippedTotal) skipped\(skipped.isEmpty ? "" : " (\(skipped))")")
        print("JSON representations: \(c.representations) checked, \(c.representationsFailed) disagree")
        if diagnostics.failed { throw ExitCode(1) }
        exitSkippingTeardown(analysis, report)
    }
}
