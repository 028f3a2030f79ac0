import APIDocExtraction
import APIDocMarkdown
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Known diagnostics that a project accepts, read from a suppressions file: one `rule path-glob`
/// pair a line (`example-enum docs/api/call-*.md`), `#` starting a comment, blank lines ignored.
/// The rule is a rule name as printed in brackets, or `*` for every rule; the glob (see `Glob`)
/// matches the diagnostic's path as printed (`docs/api/call-get.md`), so it is written relative
/// to the folder apidocgen runs in. Matching diagnostics are dropped from the output and the
/// counts; a suppression that matches nothing is reported (`unused-suppression`), so the file
/// does not keep entries after the docs are fixed.
public struct Suppressions: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var rule: String
        public var glob: Glob
        public var line: Int
        public var column: Int

        public init(rule: String, glob: String, line: Int, column: Int = 1) {
            self.rule = rule
            self.glob = Glob(glob)
            self.line = line
            self.column = column
        }

        public func matches(_ diagnostic: Diagnostic) -> Bool {
            (rule == "*" || rule == diagnostic.rule) && glob.matches(diagnostic.file)
        }
    }

    /// The file's name as shown in diagnostics.
    public var file: String
    public var entries: [Entry]

    /// The file read when none is named: `.apidocgen-suppressions` in the current folder.
    public static let defaultFileName = ".apidocgen-suppressions"
    public static let unusedRule = "unused-suppression"

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Parses the text of a suppressions file. A line that is not `rule glob` is bad input.
    public static func parse(_ text: String, file: String) throws(GeneratorError) -> Suppressions {
        var entries: [Entry] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            guard fields.count == 2 else {
                throw GeneratorError.input("\(file):\(lineNumber):1: error: expected 'rule path-glob' (two fields), found \(fields.count): '\(line.trimmingSpacesSub())'")
            }
            let column = line.distance(from: line.startIndex, to: fields[0].startIndex) + 1
            entries.append(Entry(rule: String(fields[0]), glob: String(fields[1]), line: lineNumber, column: column))
        }
        return Suppressions(file: file, entries: entries)
    }

    /// Reads the suppressions file: `path` when given (it must exist), else the default file in
    /// `directory` when it exists, else nil.
    public static func load(path: String?, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws(GeneratorError) -> Suppressions? {
        guard let (url, shown) = ProjectFile.locate(path: path, directory: directory, defaultName: defaultFileName) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw GeneratorError.input("cannot read the suppressions file '\(shown)'")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: shown)
    }

    /// Drops the diagnostics an entry matches and adds a warning for each entry that matched none.
    /// `evaluated(rule)` says whether this run could have produced diagnostics of that rule
    /// (`generate` does not run the example checks); entries for rules it could not have
    /// produced, and `*` entries, are not reported as unused when they match nothing.
    public func apply(to diagnostics: [Diagnostic], evaluated: (String) -> Bool = { _ in true }) -> [Diagnostic] {
        var used = [Bool](repeating: false, count: entries.count)
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            var suppressed = false
            for (index, entry) in entries.enumerated() where entry.matches(diagnostic) {
                used[index] = true
                suppressed = true
            }
            if !suppressed { kept.append(diagnostic) }
        }
        for (index, entry) in entries.enumerated() where !used[index] {
            if entry.rule == "*" && !evaluated("*") { continue }
            if entry.rule != "*" && !evaluated(entry.rule) { continue }
            kept.append(Diagnostic(file: file, location: SourceLocation(line: entry.line, column: entry.column), severity: .warning,
                                   rule: Suppressions.unusedRule,
                                   message: "suppression '\(entry.rule) \(entry.glob.pattern)' matches no diagnostic; remove it"))
        }
        return kept
    }
}

/// Where a project file (configuration, suppressions) is read from.
enum ProjectFile {
    /// `path` (relative to `directory`) when given; else `defaultName` in `directory` when it
    /// exists; else nil. Also how the file is named in messages.
    static func locate(path: String?, directory: URL, defaultName: String) -> (url: URL, shown: String)? {
        if let path { return (URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL, path) }
        let url = directory.appendingPathComponent(defaultName)
        return FileManager.default.fileExists(atPath: url.path) ? (url, defaultName) : nil
    }
}
