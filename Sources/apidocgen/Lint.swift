import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
import Foundation

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the docs' inconsistencies: examples that disagree with their pages, conflicting definitions, missing pages.",
        discussion: """
            Prints every diagnostic, a count per rule, and what happened to each response example \
            (checked against its type, checked by shape when it holds placeholder values, or skipped with the reason).
            Exit codes: 0 no errors; 1 errors (or warnings, with --warnings-as-errors); 2 bad input or usage.
            """)

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "How to print diagnostics: text (path:line:col: severity: message [rule]), github (workflow commands), json (one object per line).")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors for the exit code.")
    var warningsAsErrors = false

    @Flag(name: .long, help: "Print notes as well as warnings and errors.")
    var verbose = false

    @Option(name: .long, help: "Write the response examples with real values (type, location, strict JSON body) to this JSON file, for decoding checks with the generated code.")
    var exportExamples: String?

    func run() throws {
        let analysis = try runOrExit { try Pipeline.analyze(PageLoader.Input(path: options.input), workers: options.workers) }
        let report = Pipeline.lint(analysis)
        if let exportExamples {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            do {
                try encoder.encode(report.examples).write(to: URL(fileURLWithPath: exportExamples))
            } catch {
                Console.error("error: cannot write '\(exportExamples)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        let shown = report.diagnostics.filter { verbose || $0.severity >= .warning }
        var out = ""
        for diagnostic in shown { out += Console.format(diagnostic, as: diagnosticsFormat) + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
        var perRule: [String: Int] = [:]
        for diagnostic in shown { perRule[diagnostic.rule, default: 0] += 1 }
        let rules = perRule.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let c = report.counts
        let skipped = c.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let errors = shown.filter { $0.severity == .error }.count
        let warnings = shown.filter { $0.severity == .warning }.count
        print("apidocgen lint: \(analysis.pages.count) pages; \(errors) errors, \(warnings) warnings\(rules.isEmpty ? "" : " (\(rules))")")
        print("response examples: \(c.decoded) agree, \(c.failed) disagree, \(c.shapeChecked) templates checked by shape, \(c.skippedTotal) skipped\(skipped.isEmpty ? "" : " (\(skipped))")")
        print("JSON representations: \(c.representations) checked, \(c.representationsFailed) disagree")
        if errors > 0 || (warningsAsErrors && warnings > 0) { throw ExitCode(1) }
    }
}
