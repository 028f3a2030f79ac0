import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let processExit = Glibc.exit
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let processExit = Darwin.exit
#endif

public enum Console {
    /// Standard output or standard error.
    public enum Stream: Sendable {
        case output, error

        var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
    }

    public static func error(_ message: String) {
        write(message + "\n", to: .error)
    }

    /// Writes the text's bytes to the descriptor at once, not through `print`'s buffer, so that a
    /// script reading the pipe sees them as they are written. An interrupted write is resumed, and
    /// a full non-blocking one waits until the descriptor takes more; a failed one drops the rest.
    public static func write(_ text: String, to stream: Stream) {
        write(text, toDescriptor: stream.descriptor)
    }

    static func write(_ text: String, toDescriptor descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                // A non-blocking descriptor (a parent may make the pipe so) that is full: wait until it takes more.
                if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                    return
                }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// A GitHub workflow command's message: `%`, CR and LF escaped (a CR LF pair as `%0D%0A`).
    static func workflowEscaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func format(_ d: Diagnostic, as format: DiagnosticsFormat) -> String {
        switch format {
        case .text:
            return d.description
        case .github:
            let level = d.severity == .note ? "notice" : d.severity.rawValue
            let message = workflowEscaped("\(d.message) [\(d.rule)]")
            return "::\(level) file=\(d.file),line=\(d.line),col=\(d.column)::\(message)"
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(d), as: UTF8.self)) ?? ""
        }
    }

    public static func printDiagnostics(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity) {
        var text = ""
        for diagnostic in diagnostics where diagnostic.severity >= minimum {
            text += diagnostic.description + "\n"
        }
        write(text, to: .error)
    }
}

/// Runs `body`; a GeneratorError (bad input) exits with code 2 after printing it.
public func runOrExit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GeneratorError {
        // Messages with a location (`apidocgen.json:3:5: error: ...`) say "error" themselves.
        Console.error(error.description.contains(": error: ") ? error.description : "error: \(error.description)")
        throw ExitCode(2)
    }
}

/// Wall time per phase, printed to standard error when APIDOCGEN_TIMINGS is set (for profiling).
public final class PhaseTimings {
    private let enabled = ProcessInfo.processInfo.environment["APIDOCGEN_TIMINGS"] != nil
    private var last = ContinuousClock.now
    private var phases: [(String, Duration)] = []

    public init() {}

    public func mark(_ name: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        phases.append((name, now - last))
        last = now
    }

    /// A non-negative duration in seconds with three decimals, rounded half up: `0.042`, `1.500`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let thousandths = seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    public func report() {
        guard enabled else { return }
        let text = phases.map { "\($0.0) \(Self.seconds($0.1)) s" }.joined(separator: ", ")
        Console.error("timings: \(text)")
    }
}

/// Ends a successful run at once: exits 0 without releasing the pages,
/// the model and the rendered files one object at a time (tens of milliseconds on a large
/// corpus, for memory the process hands back whole when it exits). The arguments are what the
/// caller would otherwise release on return.
public func exitSkippingTeardown(_ values: Any...) -> Never {
    // exit(3) flushes the standard streams.
    withExtendedLifetime(values) { exit(0) }
}

extension ParsableCommand {
    /// Parses the command line and runs the command, mapping usage errors to exit code 2
    /// (ArgumentParser's default is 64) so that the documented codes hold: 0 ok, 1 drift or lint
    /// errors, 2 bad input or usage.
    public static func runMappingUsageErrors() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                processExit(2)
            }
            exit(withError: error)
        }
    }
}
