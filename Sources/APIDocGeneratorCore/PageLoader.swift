import APIDocExtraction
import APIDocMarkdown
import Dispatch
import Foundation

/// Finds the markdown pages under an input folder and extracts them concurrently. The result is
/// ordered by path whatever the number of workers, so everything downstream is deterministic.
public enum PageLoader {
    /// Pages larger than this are not read (a diagnostic says so): bounded memory per page.
    public static let maximumPageBytes = 4 * 1024 * 1024
    /// At most this many pages are read from one input folder.
    public static let maximumPages = 100_000

    public struct Input: Sendable {
        /// The folder.
        public var root: URL
        /// How paths are shown in diagnostics and generated headers: the folder as the user gave it
        /// when relative (`docs`), else its last component, so no machine path leaks into output.
        public var displayRoot: String

        public init(root: URL, displayRoot: String) {
            self.root = root
            self.displayRoot = displayRoot
        }

        public init(path: String) {
            let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            var display = path
            while display.hasSuffix("/") && display.count > 1 { display.removeLast() }
            if display.hasPrefix("/") || display.hasPrefix("~") || display.contains("..") { display = url.lastPathComponent }
            if display.hasPrefix("./") { display.removeFirst(2) }
            self.init(root: url, displayRoot: display)
        }
    }

    /// Relative paths (from root) of every `.md` file below it, sorted.
    public static func markdownFiles(in root: URL) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GeneratorError.input("input folder '\(root.path)' does not exist or is not a folder")
        }
        guard let enumerator = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw GeneratorError.input("cannot list '\(root.path)'")
        }
        let base = root.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            var relative = String(path.dropFirst(base.count))
            while relative.hasPrefix("/") { relative.removeFirst() }
            files.append(relative)
        }
        return files.sorted()
    }

    public struct Result: Sendable {
        public var pages: [Page]
        public var diagnostics: [Diagnostic]
    }

    /// Reads and extracts every page with `workers` threads (1 = serial), at most `maximumPages` of them.
    public static func load(_ input: Input, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            maximumPages: Int = PageLoader.maximumPages) throws -> Result {
        var files = try markdownFiles(in: input.root)
        var diagnostics: [Diagnostic] = []
        if files.count > maximumPages {
            diagnostics.append(Diagnostic(file: input.displayRoot, location: .init(line: 1, column: 1), severity: .warning, rule: "limit",
                                          message: "the input has \(files.count) pages; only the first \(maximumPages) are read"))
            files = Array(files.prefix(maximumPages))
        }
        let slots = ResultSlots(count: files.count)
        let root = input.root
        let display = input.displayRoot
        let names = files
        let work: @Sendable (Int) -> Void = { index in
            let relative = names[index]
            let shown = display.isEmpty ? relative : display + "/" + relative
            slots.set(index, readPage(root.appendingPathComponent(relative), shown: shown))
        }
        if workers <= 1 || files.count < 2 {
            for index in files.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: work)
        }
        var pages: [Page] = []
        for outcome in slots.values() {
            switch outcome {
            case .page(let page)?: pages.append(page)
            case .skipped(let diagnostic)?: diagnostics.append(diagnostic)
            case nil: break
            }
        }
        return Result(pages: pages, diagnostics: diagnostics)
    }

    /// Reads and parses every page with cmark and does nothing else: the benchmark's floor.
    public static func parseOnly(_ input: Input, workers: Int) throws -> (pages: Int, blocks: Int) {
        let files = try markdownFiles(in: input.root)
        let counts = BlockCounts(count: files.count)
        let root = input.root
        let work: @Sendable (Int) -> Void = { index in
            guard let data = try? Data(contentsOf: root.appendingPathComponent(files[index])) else { return }
            counts.set(index, MarkdownDocument.parse(String(decoding: data, as: UTF8.self)).blocks.count)
        }
        if workers <= 1 { for index in files.indices { work(index) } } else { DispatchQueue.concurrentPerform(iterations: files.count, execute: work) }
        return (files.count, counts.total())
    }

    enum Outcome: Sendable {
        case page(Page)
        case skipped(Diagnostic)
    }

    static func readPage(_ url: URL, shown: String) -> Outcome {
        let start = SourceLocation(line: 1, column: 1)
        guard let data = try? Data(contentsOf: url) else {
            return .skipped(Diagnostic(file: shown, location: start, severity: .error, rule: "input", message: "cannot read the file"))
        }
        if data.count > maximumPageBytes {
            return .skipped(Diagnostic(file: shown, location: start, severity: .warning, rule: "limit",
                                       message: "page is \(data.count) bytes, over the limit of \(maximumPageBytes); it is not read"))
        }
        // Invalid UTF-8 is replaced, NUL bytes are dropped: cmark reads C strings.
        var text = String(decoding: data, as: UTF8.self)
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        return .page(PageExtractor.extract(path: shown, source: text))
    }
}

final class BlockCounts: @unchecked Sendable {
    private var storage: [Int]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: 0, count: count) }

    func set(_ index: Int, _ value: Int) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func total() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return storage.reduce(0, +)
    }
}

/// Storage that concurrent workers write into by index (each index written once, by one worker).
final class ResultSlots: @unchecked Sendable {
    private var storage: [PageLoader.Outcome?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: PageLoader.Outcome) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    func values() -> [PageLoader.Outcome?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
