import APIDocMarkdown

/// A problem found in the input, printed the way compilers print them:
/// `docs/api/call-get.md:42:3: warning: message [rule]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// A stable rule name (`missing-page`, `table-shape`, ...) used for counts and suppressions.
    public var rule: String

    public init(file: String, location: SourceLocation, severity: Severity, rule: String, message: String) {
        self.file = file
        self.line = location.line
        self.column = location.column
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    public var location: SourceLocation { SourceLocation(line: line, column: column) }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(rule)]" }
}

/// Collects diagnostics for one file.
public struct DiagnosticCollector: Sendable {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public mutating func warning(_ rule: String, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: location, severity: .warning, rule: rule, message: message))
    }

    public mutating func error(_ rule: String, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: location, severity: .error, rule: rule, message: message))
    }

    public mutating func note(_ rule: String, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: location, severity: .note, rule: rule, message: message))
    }
}
