import APIDocGeneratorCore
import ArgumentParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate Swift from the pages (default: docs/ -> Generated/).")

    @OptionGroup var options: InputOptions

    func run() throws {
        let analysis = try runOrExit { try Pipeline.analyze(PageLoader.Input(path: options.input), workers: options.workers) }
        print("pages: \(analysis.pages.count), types: \(analysis.model.types.count), operations: \(analysis.model.operations.count)")
        Console.printDiagnostics(analysis.diagnostics, minimum: .warning)
    }
}
