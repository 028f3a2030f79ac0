import APIDocExtraction
import APIDocLint
import APIDocModel
import APIDocSwiftEmitter
import Dispatch
import Foundation

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
        return analyze(pages: loaded.pages, extra: loaded.diagnostics)
    }

    public static func analyze(pages: [Page], extra: [Diagnostic] = []) -> Analysis {
        let (model, resolution) = Resolver.resolve(pages)
        var diagnostics = extra + pages.flatMap(\.diagnostics) + resolution
        // Every page yields operations or types, or says why not.
        for page in pages where !page.isOperation && !page.definesType && page.enums.isEmpty {
            diagnostics.append(Diagnostic(file: page.path, location: page.titleLocation, severity: .note, rule: "no-content",
                                          message: "page documents no operation (no METHOD line under an HTTP request heading), no type (no resource annotation or Properties table) and no enum"))
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
        let files = SwiftEmitter.emit(analysis.model, options: options)
        guard workers > 1, files.count > 1 else { return SwiftEmitter.render(files) }
        // Rendering is independent per file: spread it over the cores, keep the order.
        let texts = TextSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            texts.set(index, SwiftRenderer.render(files[index]))
        }
        let rendered = texts.values()
        return files.indices.map { (files[$0].name, rendered[$0]) }
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

/// Rendered texts written by concurrent workers, each index once.
final class TextSlots: @unchecked Sendable {
    private var storage: [String]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) {
        lock.lock()
        storage[index] = text
        lock.unlock()
    }

    func values() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
