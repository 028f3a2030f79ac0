import APIDocCLI
import APIDocGeneratorCore
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The benchmark floor: read every page and parse it with cmark, nothing else.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every page and parse it with cmark, nothing else (the floor the benchmark compares with).",
        shouldDisplay: false)

    @OptionGroup var options: InputOptions

    @Flag(name: .long, help: "Parse with cmark alone and discard the result (no markdown tree, no pipe tables): cmark's share of the floor.")
    var cmarkOnly = false

    func run() throws {
        let count = try runOrExit { try PageLoader.parseOnly(PageLoader.Input(path: options.input), workers: options.workers, cmarkOnly: cmarkOnly) }
        print("parsed \(count.pages) pages, \(count.blocks) top-level blocks")
    }
}
