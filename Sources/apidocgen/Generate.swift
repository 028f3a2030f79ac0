import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift from the pages (default: docs/ -> Generated/).",
        discussion: """
            Writes only files whose bytes changed and removes files it generated earlier that are no \
            longer produced; the output folder is replaced atomically, so a failed run leaves it as it was.
            With --check nothing is written: exit 0 when the output is current, 1 (with a diff per file) when not.
            Exit codes: 0 success; 1 drift (--check) or errors with --warnings-as-errors; 2 bad input or usage.
            """)

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "Folder to write the Swift files into.")
    var output: String = "Generated"

    @Option(name: .long, help: "Module name the generated code is compiled in (reserved as a type name).")
    var moduleName: String = "GraphAPI"

    @Flag(name: .long, help: "Write nothing; exit 1 and print a diff when the output folder is not what the pages produce.")
    var check = false

    @Flag(name: .long, help: "Print notes as well as warnings and errors.")
    var verbose = false

    func run() throws {
        let analysis = try runOrExit { try Pipeline.analyze(PageLoader.Input(path: options.input), workers: options.workers) }
        let input = PageLoader.Input(path: options.input)
        let files = Pipeline.render(analysis, options: .init(moduleName: moduleName, inputName: input.displayRoot))
        let writer = OutputWriter(output: URL(fileURLWithPath: output, isDirectory: true))
        let plan = try runOrExit { try writer.plan(files) }
        Console.printDiagnostics(analysis.diagnostics, minimum: verbose ? .note : .warning)
        let warnings = analysis.diagnostics.filter { $0.severity >= .warning }.count
        let counts = "\(analysis.pages.count) pages, \(analysis.model.types.count) types, \(analysis.model.operations.count) operations, \(warnings) warnings"
        if check {
            guard !plan.isEmpty else {
                print("apidocgen: \(counts); \(output) is up to date (\(files.count) files)")
                return
            }
            var report = ""
            for name in plan.writes.keys.sorted() {
                report += UnifiedDiff.diff(old: plan.previous[name] ?? "", new: plan.writes[name]!, name: "\(output)/\(name)")
            }
            for name in plan.removals { report += "--- a/\(output)/\(name)\n+++ /dev/null\n(file would be removed)\n" }
            print(report, terminator: "")
            let drifted = plan.writes.keys.sorted() + plan.removals
            print("apidocgen: \(counts); \(drifted.count) files in \(output) are not what the pages produce: \(drifted.joined(separator: ", "))")
            throw ExitCode(1)
        }
        try runOrExit { try writer.apply(plan) }
        print("apidocgen: \(counts); wrote \(plan.writes.count) files, removed \(plan.removals.count), unchanged \(plan.unchanged)")
    }
}
