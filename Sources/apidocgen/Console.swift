import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
import Foundation

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func format(_ d: Diagnostic, as format: DiagnosticsFormat) -> String {
        switch format {
        case .text:
            return d.description
        case .github:
            let level = d.severity == .note ? "notice" : d.severity.rawValue
            let message = "\(d.message) [\(d.rule)]".replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            return "::\(level) file=\(d.file),line=\(d.line),col=\(d.column)::\(message)"
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(d), as: UTF8.self)) ?? ""
        }
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity) {
        var text = ""
        for diagnostic in diagnostics where diagnostic.severity >= minimum {
            text += diagnostic.description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Runs `body`; a GeneratorError (bad input) exits with code 2 after printing it.
func runOrExit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GeneratorError {
        // Messages with a location (`apidocgen.json:3:5: error: ...`) say "error" themselves.
        Console.error(error.description.contains(": error: ") ? error.description : "error: \(error.description)")
        throw ExitCode(2)
    }
}

/// Wall time per phase, printed to standard error when APIDOCGEN_TIMINGS is set (for profiling).
final class PhaseTimings {
    private let enabled = ProcessInfo.processInfo.environment["APIDOCGEN_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, UInt64)] = []

    func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, now - last))
        last = now
    }

    func report() {
        guard enabled else { return }
        let text = phases.map { "\($0.0) \(String(format: "%.3f", Double($0.1) / 1e9)) s" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("timings: \(text)\n".utf8))
    }
}

/// Ends a successful run at once: exits 0 without releasing the pages,
/// the model and the rendered files one object at a time (tens of milliseconds on a large
/// corpus, for memory the process hands back whole when it exits). The arguments are what the
/// caller would otherwise release on return.
func exitSkippingTeardown(_ values: Any...) -> Never {
    // exit(3) flushes the standard streams.
    withExtendedLifetime(values) { exit(0) }
}
