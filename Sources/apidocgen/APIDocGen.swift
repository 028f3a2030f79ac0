import APIDocCLI
import APIDocGeneratorCore
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@main
struct APIDocGen: ParsableCommand {
    /// Usage errors exit with code 2 (see `runMappingUsageErrors`).
    static func main() { runMappingUsageErrors() }

    static let configuration = CommandConfiguration(
        commandName: "apidocgen",
        abstract: "Generate Swift Codable types and async request functions from API reference pages written in markdown.",
        discussion: """
            Exit codes: 0 success; 1 drift (generate --check) or lint errors; 2 bad input or usage.
            Diagnostics are printed as path:line:col: severity: message [rule].
            """,
        subcommands: [Generate.self, Model.self, Lint.self, Parse.self],
        defaultSubcommand: Generate.self
    )
}

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of markdown pages to read.")
    var input: String = "docs"

    @Option(name: .long, help: "Worker threads for reading pages (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount
}

struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the intermediate model (types and operations) as JSON.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        let settings = try project.settings()
        let analysis = try runOrExit { try Pipeline.analyze(settings, workers: project.workers) }
        print(try Pipeline.modelJSON(analysis.model))
        Console.printDiagnostics(analysis.diagnostics, minimum: .warning)
    }
}
