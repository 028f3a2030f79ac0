import APIDocExtraction
import APIDocLint
import APIDocModel
import APIDocSwiftEmitter
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The whole pipeline over values: pages -> model -> Swift files. Only `OutputWriter` and the CLI
/// touch the disk (and `PageLoader` reads the input).
public enum Pipeline {
    public struct Analysis: Sendable {
        public var pages: [Page]
        public var model: APIModel
        /// Extraction and resolution diagnostics, sorted by file and position.
        public var diagnostics: [Diagnostic]
    }

    public static func analyze(_ input: PageLoader.Input, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Analysis {
        let loaded = try PageLoader.load(input, workers: workers)
        return analyze(pages: loaded.pages, extra: loaded.diagnostics, workers: workers)
    }

    public static func analyze(pages: [Page], extra: [Diagnostic] = [], workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> Analysis {
        let (model, resolution) = Resolver.resolve(pages, workers: workers)
        var diagnostics = extra + pages.flatMap(\.diagnostics) + resolution
        // Every page yields operations or types, or says why not.
        // (Pages borrowed from the buffer by index: `for page in pages` would copy each.)
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices where !pages[index].isOperation && !pages[index].definesType && pages[index].enums.isEmpty {
                diagnostics.append(Diagnostic(file: pages[index].path, location: pages[index].titleLocation, severity: .note, rule: "no-content",
                                              message: "page documents no operation (no METHOD line under an HTTP request heading), no type (no resource annotation or Properties table) and no enum"))
            }
        }
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message) }
        return Analysis(pages: pages, model: model, diagnostics: diagnostics)
    }

    /// The model as pretty-printed JSON with sorted keys (stable, diffable).
    public static func modelJSON(_ model: APIModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }
}

extension Pipeline {
    /// The generated files for an analysis, rendered, sorted by name.
    public static func render(_ analysis: Analysis, options: SwiftEmitter.Options = SwiftEmitter.Options(),
                              workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> [(name: String, text: String)] {
        // Each file is translated and rendered by one thread, the files spread over the cores, in order.
        SwiftEmitter.emitRendered(analysis.model, options: options, workers: workers)
    }

    /// `render`, and each file's digest (for the generation record), computed by the thread that
    /// rendered the file.
    public static func renderWithDigests(_ analysis: Analysis, options: SwiftEmitter.Options = SwiftEmitter.Options(),
                                         workers: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> (files: [(name: String, text: String)], digests: [String: String]) {
        let rendered = SwiftEmitter.emitRendered(analysis.model, options: options, workers: workers) { StableDigest(of: $0).hex }
        var digests: [String: String] = [:]
        digests.reserveCapacity(rendered.count)
        for file in rendered { digests[file.name] = file.summary }
        return (rendered.map { ($0.name, $0.text) }, digests)
    }
}

extension Pipeline {
    /// Extraction and resolution diagnostics plus the example checks, sorted.
    public static func lint(_ analysis: Analysis) -> Linter.Report {
        var report = Linter.lint(pages: analysis.pages, model: analysis.model)
        report.diagnostics = (analysis.diagnostics + report.diagnostics).sorted {
            ($0.file, $0.line, $0.column, $0.rule, $0.message) < ($1.file, $1.line, $1.column, $1.rule, $1.message)
        }
        return report
    }
}
