import APIDocGeneratorCore
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How diagnostics are printed.
public enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}

/// The options every command that reads the docs takes: the configuration file and the input.
public struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file (default: apidocgen.json in the current folder, when it exists).", valueName: "file"))
    public var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder of markdown pages to read (default: the configuration's input, else docs).", valueName: "folder"))
    public var input: String?

    @Option(name: .long, help: "Worker threads for reading pages (default: the number of cores).")
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    /// The configuration file's settings with the command line's on top.
    public func settings(_ overrides: Settings.Overrides = Settings.Overrides()) throws -> Settings {
        let configuration = try runOrExit { try Configuration.load(path: config) }
        var overrides = overrides
        overrides.input = input
        return Settings(configuration: configuration, overrides: overrides)
    }
}
