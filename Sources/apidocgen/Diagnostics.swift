import APIDocCLI
import APIDocExtraction
import APIDocGeneratorCore
import APIDocSwiftEmitter
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SwiftEmitter.AccessLevel: ExpressibleByArgument {}

/// How `generate` and `lint` report diagnostics: one piece of code for both.
struct DiagnosticsOptions: ParsableArguments {
    @Option(name: .long, help: "How to print diagnostics: text (path:line:col: severity: message [rule]), github (workflow commands), json (one object per line).")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors for the exit code.")
    var warningsAsErrors = false

    @Option(name: .long, help: ArgumentHelp("File of 'rule path-glob' lines whose diagnostics are not reported (default: the configuration's suppressions, else .apidocgen-suppressions in the current folder, when it exists).", valueName: "file"))
    var suppressions: String?

    @Flag(name: .long, help: "Print notes as well as warnings and errors.")
    var verbose = false
}

/// The diagnostics of a run after suppressions: what is shown, the counts, and whether the run fails.
struct DiagnosticsReport {
    var shown: [Diagnostic]
    var errors: Int
    var warnings: Int
    /// `rule count` pairs, most frequent first.
    var perRule: [(rule: String, count: Int)]
    var failed: Bool

    /// Applies the suppressions file (`settings.suppressions`, else the default file) and the
    /// options. `evaluated` says which rules this run could report (for unused suppressions).
    init(_ diagnostics: [Diagnostic], options: DiagnosticsOptions, settings: Settings, evaluated: (String) -> Bool = { _ in true }) throws {
        // Pages printed under the input folder as the user gave it (suppressions match that too).
        var all = diagnostics
        for index in all.indices { all[index].file = settings.input.printed(all[index].file) }
        if let suppressions = try runOrExit({ try Suppressions.load(path: options.suppressions ?? settings.suppressions) }) {
            all = suppressions.apply(to: all, evaluated: evaluated)
        }
        shown = all.filter { options.verbose || $0.severity >= .warning }
        errors = shown.filter { $0.severity == .error }.count
        warnings = shown.filter { $0.severity == .warning }.count
        var counts: [String: Int] = [:]
        for diagnostic in shown { counts[diagnostic.rule, default: 0] += 1 }
        perRule = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (rule: $0.key, count: $0.value) }
        failed = errors > 0 || (options.warningsAsErrors && warnings > 0)
        format = options.diagnosticsFormat
    }

    let format: DiagnosticsFormat

    /// `2 errors, 3 warnings (missing-page 2, enum-conflict 1, ...)`.
    var summary: String {
        let rules = perRule.map { "\($0.rule) \($0.count)" }.joined(separator: ", ")
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\(rules.isEmpty ? "" : " (\(rules))")"
    }

    /// Prints every shown diagnostic, one a line, in the chosen format.
    func print(to stream: Console.Stream) {
        var out = ""
        for diagnostic in shown { out += Console.format(diagnostic, as: format) + "\n" }
        Console.write(out, to: stream)
    }
}
