import APIDocExtraction
import APIDocJSON
import APIDocMarkdown
import APIDocModel
import APIDocSwiftEmitter
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The settings of a project, read from `apidocgen.json` (in the current folder, or named with
/// `--config`). Every key is optional; command-line options override the file. Relative paths in
/// the file are relative to the folder that holds it. An unknown key is an error that names it.
///
/// ```json
/// {
///   "input": "docs",
///   "output": "Generated",
///   "moduleName": "GraphAPI",
///   "accessLevel": "public",
///   "pages": { "include": ["api/**", "resources/**"], "exclude": ["api/call-record.md"] },
///   "paths": { "include": ["/communications/**"], "exclude": ["/app/**"] },
///   "typeNames": { "microsoft.graph.call": "GraphCall" },
///   "operationNames": { "createCall": "placeCall" },
///   "suppressions": ".apidocgen-suppressions"
/// }
/// ```
public struct Configuration: Hashable, Sendable {
    public static let defaultFileName = "apidocgen.json"
    public static let knownKeys = ["input", "output", "moduleName", "accessLevel", "pages", "paths", "typeNames", "operationNames", "suppressions"]
    static let filterKeys = ["include", "exclude"]
    /// The rule of diagnostics about the configuration's content (an override that names nothing).
    public static let rule = "config"

    public var input: String?
    public var output: String?
    public var moduleName: String?
    public var accessLevel: SwiftEmitter.AccessLevel?
    /// Globs over page paths relative to the input folder (`api/call-get.md`).
    public var pages = GlobFilter()
    /// Globs over operation paths as documented (`/communications/calls/{id}`).
    public var paths = GlobFilter()
    /// Swift type names by OData type name (`microsoft.graph.call`, or `call` in the default namespace).
    public var typeNames: [String: String] = [:]
    /// Operation names by the name apidocgen gives them (`apidocgen model` prints them).
    public var operationNames: [String: String] = [:]
    public var suppressions: String?
    /// The file as shown in messages, and the folder its relative paths are relative to.
    public var file: String
    public var directory: URL
    /// Where each override key is in the file: `typeNames/<key>`, `operationNames/<key>`.
    public var locations: [String: SourceLocation] = [:]

    public init(file: String = defaultFileName, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        self.file = file
        self.directory = directory.standardizedFileURL
    }

    // MARK: Reading

    /// Reads the configuration: `path` when given (it must exist), else `apidocgen.json` in
    /// `directory` when it exists, else nil.
    public static func load(path: String?, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) throws(GeneratorError) -> Configuration? {
        guard let (url, shown) = ProjectFile.locate(path: path, directory: directory, defaultName: defaultFileName) else { return nil }
        // A folder is unreadable to `FileBytes.load` too.
        guard let data = FileBytes.load(url.path).data else {
            throw GeneratorError.input("cannot read the configuration file '\(shown)'")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: shown, directory: url.deletingLastPathComponent())
    }

    /// Parses the text of a configuration file. JSON with `//` and `/* */` comments and trailing
    /// commas; anything else that is not strict JSON, an unknown key or a value of the wrong
    /// type is an error with the file, line and column.
    public static func parse(_ text: String, file: String = defaultFileName, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) throws(GeneratorError) -> Configuration {
        func fail(_ position: JSONPosition, _ message: String) -> GeneratorError {
            GeneratorError.input("\(file):\(position.line):\(position.column): error: \(message)")
        }
        let parsed: JSONParseResult
        do {
            parsed = try LenientJSON.parse(text)
        } catch {
            throw fail(error.position, "the configuration is not valid JSON: \(error.message)")
        }
        if let issue = parsed.issues.first(where: { $0.kind != .comment && $0.kind != .trailingComma }) {
            throw fail(issue.position, "the configuration is not valid JSON: \(issue.message)")
        }
        guard let members = parsed.node.members else {
            throw fail(parsed.node.position, "the configuration must be a JSON object")
        }
        var configuration = Configuration(file: file, directory: directory)

        func string(_ member: JSONMember, _ name: String) throws(GeneratorError) -> String {
            guard let value = member.value.stringValue else {
                throw fail(member.value.position, "'\(name)' must be a string")
            }
            return value
        }
        func strings(_ member: JSONMember, _ name: String) throws(GeneratorError) -> [String] {
            if let single = member.value.stringValue { return [single] }
            guard let items = member.value.arrayValue else {
                throw fail(member.value.position, "'\(name)' must be an array of strings")
            }
            var result: [String] = []
            for item in items {
                guard let value = item.stringValue else { throw fail(item.position, "'\(name)' must be an array of strings") }
                result.append(value)
            }
            return result
        }
        func object(_ member: JSONMember, _ name: String, known: [String]?) throws(GeneratorError) -> [JSONMember] {
            guard let inner = member.value.members else {
                throw fail(member.value.position, "'\(name)' must be an object")
            }
            var seen: Set<String> = []
            for item in inner {
                guard seen.insert(item.key).inserted else { throw fail(item.keyPosition, "key '\(name).\(item.key)' is given twice") }
                if let known, !known.contains(item.key) {
                    throw fail(item.keyPosition, "unknown key '\(name).\(item.key)'\(suggestion(item.key, known)); known keys: \(known.joined(separator: ", "))")
                }
            }
            return inner
        }
        func filter(_ member: JSONMember) throws(GeneratorError) -> GlobFilter {
            var include: [String] = []
            var exclude: [String] = []
            for item in try object(member, member.key, known: filterKeys) {
                if item.key == "include" { include = try strings(item, "\(member.key).include") }
                if item.key == "exclude" { exclude = try strings(item, "\(member.key).exclude") }
            }
            return GlobFilter(include: include, exclude: exclude)
        }
        func names(_ member: JSONMember) throws(GeneratorError) -> [String: String] {
            var result: [String: String] = [:]
            for item in try object(member, member.key, known: nil) {
                let value = try string(item, "\(member.key).\(item.key)")
                guard !value.isEmpty else { throw fail(item.value.position, "'\(member.key).\(item.key)' must not be empty") }
                result[item.key] = value
                configuration.locations["\(member.key)/\(item.key)"] = SourceLocation(line: item.keyPosition.line, column: item.keyPosition.column)
            }
            return result
        }

        var seen: Set<String> = []
        for member in members {
            guard seen.insert(member.key).inserted else { throw fail(member.keyPosition, "key '\(member.key)' is given twice") }
            switch member.key {
            case "input": configuration.input = try string(member, "input")
            case "output": configuration.output = try string(member, "output")
            case "moduleName": configuration.moduleName = try string(member, "moduleName")
            case "accessLevel":
                let value = try string(member, "accessLevel")
                guard let level = SwiftEmitter.AccessLevel(rawValue: value) else {
                    throw fail(member.value.position, "'accessLevel' is '\(value)'; it must be one of: \(SwiftEmitter.AccessLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.accessLevel = level
            case "pages": configuration.pages = try filter(member)
            case "paths": configuration.paths = try filter(member)
            case "typeNames": configuration.typeNames = try names(member)
            case "operationNames": configuration.operationNames = try names(member)
            case "suppressions": configuration.suppressions = try string(member, "suppressions")
            default:
                throw fail(member.keyPosition, "unknown key '\(member.key)'\(suggestion(member.key, knownKeys)); known keys: \(knownKeys.joined(separator: ", "))")
            }
        }
        if let moduleName = configuration.moduleName, moduleName.isEmpty {
            throw fail(parsed.node.position, "'moduleName' must not be empty")
        }
        return configuration
    }

    /// `; did you mean 'output'?` for a key within two edits of a known one.
    static func suggestion(_ key: String, _ known: [String]) -> String {
        let scored = known.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        return scored.map { "; did you mean '\($0.0)'?" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

// MARK: - Resolved settings

/// What a run uses: the configuration file's values with the command line's on top, paths
/// resolved, defaults filled in.
public struct Settings: Sendable {
    /// Values given on the command line (nil: not given).
    public struct Overrides: Sendable {
        public var input: String?
        public var output: String?
        public var moduleName: String?
        public var accessLevel: SwiftEmitter.AccessLevel?
        public var suppressions: String?

        public init(input: String? = nil, output: String? = nil, moduleName: String? = nil, accessLevel: SwiftEmitter.AccessLevel? = nil, suppressions: String? = nil) {
            self.input = input
            self.output = output
            self.moduleName = moduleName
            self.accessLevel = accessLevel
            self.suppressions = suppressions
        }
    }

    public var input: PageLoader.Input
    public var output: URL
    /// The output folder as shown in messages.
    public var outputName: String
    public var moduleName: String
    public var accessLevel: SwiftEmitter.AccessLevel
    public var pages: GlobFilter
    public var paths: GlobFilter
    public var typeNames: [String: String]
    public var operationNames: [String: String]
    /// The suppressions file to read (a path as given, relative to the current folder), or nil for the default.
    public var suppressions: String?
    public var configuration: Configuration?

    public init(configuration: Configuration?, overrides: Overrides = Overrides(),
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        let cwd = currentDirectory.standardizedFileURL
        let base = configuration?.directory ?? cwd
        /// A path from the configuration: relative to its folder, shown as written when that folder is the current one.
        func fromConfiguration(_ path: String) -> (url: URL, shown: String) {
            let url = URL(fileURLWithPath: path, isDirectory: true, relativeTo: base).standardizedFileURL
            if base.path == cwd.path || path.hasPrefix("/") { return (url, path) }
            // Shown relative to the current folder when inside it, else as its absolute path.
            let prefix = cwd.path.hasSuffix("/") ? cwd.path : cwd.path + "/"
            return (url, url.path.hasPrefix(prefix) ? String(url.path.dropFirst(prefix.count)) : url.path)
        }
        func fromCommandLine(_ path: String) -> (url: URL, shown: String) {
            (URL(fileURLWithPath: path, isDirectory: true, relativeTo: cwd).standardizedFileURL, path)
        }
        let input = overrides.input.map(fromCommandLine) ?? configuration?.input.map(fromConfiguration) ?? fromCommandLine("docs")
        var loaderInput = PageLoader.Input(path: input.shown)
        loaderInput.root = input.url
        self.input = loaderInput
        let output = overrides.output.map(fromCommandLine) ?? configuration?.output.map(fromConfiguration) ?? fromCommandLine("Generated")
        self.output = output.url
        var outputName = output.shown
        while outputName.hasSuffix("/") && outputName.count > 1 { outputName.removeLast() }
        self.outputName = outputName
        self.moduleName = overrides.moduleName ?? configuration?.moduleName ?? "GraphAPI"
        self.accessLevel = overrides.accessLevel ?? configuration?.accessLevel ?? .public
        self.pages = configuration?.pages ?? GlobFilter()
        self.paths = configuration?.paths ?? GlobFilter()
        self.typeNames = configuration?.typeNames ?? [:]
        self.operationNames = configuration?.operationNames ?? [:]
        self.suppressions = overrides.suppressions ?? configuration?.suppressions.map { fromConfiguration($0).shown }
        self.configuration = configuration
    }

    /// The emitter's options, with type name overrides keyed by the model's qualified names.
    public func emitterOptions(for model: APIModel) -> SwiftEmitter.Options {
        var options = SwiftEmitter.Options(moduleName: moduleName, inputName: input.displayRoot)
        options.accessLevel = accessLevel
        for (key, name) in typeNames {
            if let type = Settings.type(named: key, in: model) { options.typeNames[type] = name }
        }
        return options
    }

    static func type(named key: String, in model: APIModel) -> String? {
        var key = key
        if key.hasPrefix("#") { key.removeFirst() }
        let lower = key.lowercased()
        if let exact = model.types.first(where: { $0.name == key }) { return exact.name }
        return model.types.first { $0.name.lowercased() == lower || $0.name.lowercased() == "microsoft.graph." + lower }?.name
    }

    /// The page's path relative to the input folder.
    func relativePath(_ shown: String) -> String {
        let root = input.displayRoot
        if root.isEmpty { return shown }
        return shown.hasPrefix(root + "/") ? String(shown.dropFirst(root.count + 1)) : shown
    }

    /// The model with operation paths filtered (an operation with no path left is dropped) and
    /// operations renamed; warnings for overrides that name nothing.
    public func apply(to model: APIModel) -> (model: APIModel, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var result = model
        if !paths.isEmpty {
            result.operations = model.operations.compactMap { operation in
                let kept = operation.pathDetails.filter { paths.allows($0.template) }
                if kept.count == operation.pathDetails.count { return operation }
                if kept.isEmpty { return nil }
                return operation.keepingPaths(kept)
            }
        }
        let configurationFile = configuration?.file ?? Configuration.defaultFileName
        func location(_ key: String) -> SourceLocation { configuration?.locations[key] ?? SourceLocation(line: 1, column: 1) }
        for (key, name) in operationNames.sorted(by: { $0.key < $1.key }) {
            if let index = result.operations.firstIndex(where: { $0.name == key }) {
                result.operations[index].name = name
            } else if !model.operations.contains(where: { $0.name == key }) {
                diagnostics.append(Diagnostic(file: configurationFile, location: location("operationNames/\(key)"), severity: .warning, rule: Configuration.rule,
                                              message: "operation name override '\(key)' names no operation (apidocgen model lists them)"))
            }
        }
        for key in typeNames.keys.sorted() where Settings.type(named: key, in: model) == nil {
            diagnostics.append(Diagnostic(file: configurationFile, location: location("typeNames/\(key)"), severity: .warning, rule: Configuration.rule,
                                          message: "type name override '\(key)' names no type"))
        }
        return (result, diagnostics)
    }

    /// Everything in the settings that shapes the output or the diagnostics, as text (part of the
    /// generation cache's key).
    public var fingerprint: String {
        [input.displayRoot, outputName, moduleName, accessLevel.rawValue, "\(pages)", "\(paths)",
         typeNames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
         operationNames.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
         configuration?.file ?? "",
         (configuration?.locations ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value.line):\($0.value.column)" }.joined(separator: ",")]
            .joined(separator: "\n")
    }
}

extension Pipeline {
    /// Reads the pages the settings select and resolves them; the model has the settings' path
    /// filter and operation names applied.
    public static func analyze(_ settings: Settings, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Analysis {
        analyze(settings, sources: try read(settings, workers: workers), workers: workers)
    }

    /// Reads the pages the settings select (pages outside the include/exclude globs are never opened).
    /// With `digesting`, each page is also digested as it is read (see `PageLoader.read`).
    public static func read(_ settings: Settings, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            digesting: Bool = false) throws -> PageLoader.Sources {
        let filter = settings.pages
        return try PageLoader.read(settings.input, workers: workers, digesting: digesting, include: { filter.isEmpty || filter.allows($0) })
    }

    /// Extracts and resolves pages already read for these settings. `phase` is told when each
    /// step ends (`extract`, `resolve`), for the timings `APIDOCGEN_TIMINGS=1` prints.
    public static func analyze(_ settings: Settings, sources: PageLoader.Sources, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                               phase: (String) -> Void = { _ in }) -> Analysis {
        let loaded = PageLoader.extract(sources, input: settings.input, workers: workers)
        phase("extract")
        let pages = loaded.pages
        let extra = loaded.diagnostics
        var analysis = analyze(pages: pages, extra: extra, workers: workers)
        let applied = settings.apply(to: analysis.model)
        analysis.model = applied.model
        if !applied.diagnostics.isEmpty {
            analysis.diagnostics = (analysis.diagnostics + applied.diagnostics).sorted {
                ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message)
            }
        }
        phase("resolve")
        return analysis
    }
}
