import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard FileBytes.isDirectory(root.path) == true else {
            throw GeneratorError.input("input folder '\(root.path)' does not exist or is not a folder")
        }
        var files: [String] = []
        guard walk(root.standardizedFileURL.path, relative: "", into: &files) else {
            throw GeneratorError.input("cannot list '\(root.path)'")
        }
        return files.sorted()
    }

    /// Adds the `.md` files under `directory` (hidden names skipped, symbolic links to folders not
    /// followed) to `files`, as paths relative to the input folder. Plain `readdir`: listing
    /// thousands of pages through URLs costs more than reading them.
    static func walk(_ directory: String, relative: String, into files: inout [String]) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        var folders: [String] = []
        while let entry = readdir(handle) {
            // In place, up to its NUL: the record is only as long as the name, shorter than the
            // declared d_name array, so the array may not be copied.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            var kind = entry.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { continue }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            let path = relative.isEmpty ? name : relative + "/" + name
            if kind == UInt8(DT_DIR) {
                folders.append(name)
            } else if name.utf8.count > 3, name.lowercased().hasSuffix(".md") {
                files.append(path)
            }
        }
        for folder in folders {
            _ = walk(directory + "/" + folder, relative: relative.isEmpty ? folder : relative + "/" + folder, into: &files)
        }
        return true
    }

    public struct Result: Sendable {
        public var pages: [Page]
        public var diagnostics: [Diagnostic]
    }

    /// The bytes of the selected pages, in path order, before any parsing.
    public struct Sources: Sendable {
        /// Paths relative to the input folder, sorted.
        public var files: [String]
        /// Each file's bytes, or why it is not read (unreadable, over the size limit).
        public var contents: [Contents]
        /// Each file's digest (of its bytes, or of why it is not read), taken by the thread that
        /// read it when the sources were read `digesting`; empty otherwise.
        var contentDigests: [StableDigest]
        /// Diagnostics about the selection itself (too many pages).
        public var diagnostics: [Diagnostic]

        /// The digest of one file's bytes, or of why it is not read.
        static func digest(_ content: Contents) -> StableDigest {
            switch content {
            case .bytes(let data): return StableDigest(of: data)
            case .skipped(let diagnostic): return StableDigest(of: "skipped: \(diagnostic)")
            }
        }

        public enum Contents: Sendable {
            case bytes(Data)
            case skipped(Diagnostic)
        }

        /// A stable digest of the paths and bytes (for the generation cache).
        public var digest: StableDigest {
            var digest = StableDigest()
            let digests = contentDigests.count == files.count ? contentDigests : contents.map(Sources.digest)
            for (file, contentDigest) in zip(files, digests) {
                digest.add(file)
                digest.add(contentDigest)
            }
            for diagnostic in diagnostics { digest.add(diagnostic.description) }
            return digest
        }
    }

    /// Reads the pages under the input folder that `include` selects (given paths relative to the
    /// folder; unselected pages are never opened), with `workers` threads, at most `maximumPages`.
    /// With `digesting`, each page is digested by the thread that reads it (for `Sources.digest`).
    public static func read(_ input: Input, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            maximumPages: Int = PageLoader.maximumPages, digesting: Bool = false,
                            include: (String) -> Bool = { _ in true }) throws -> Sources {
        var files = try markdownFiles(in: input.root).filter(include)
        var diagnostics: [Diagnostic] = []
        if files.count > maximumPages {
            diagnostics.append(Diagnostic(file: input.displayRoot, location: .init(line: 1, column: 1), severity: .warning, rule: "limit",
                                          message: "the input has \(files.count) pages; only the first \(maximumPages) are read"))
            files = Array(files.prefix(maximumPages))
        }
        let folder = FileFolder(input.root.path)
        let names = files
        let read = Parallel.map(files.count, workers: workers) { index -> (Sources.Contents, StableDigest?) in
            let content = readBytes(names[index], in: folder, shown: shownPath(names[index], in: input))
            return (content, digesting ? Sources.digest(content) : nil)
        }
        return Sources(files: files, contents: read.map(\.0), contentDigests: digesting ? read.map { $0.1! } : [], diagnostics: diagnostics)
    }

    /// Extracts read pages with `workers` threads; the result is in path order.
    public static func extract(_ sources: Sources, input: Input, workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> Result {
        let pages = Parallel.compactMap(sources.files.count, workers: workers) { index -> Page? in
            guard case .bytes(let data) = sources.contents[index] else { return nil }
            return extractPage(data, shown: shownPath(sources.files[index], in: input))
        }
        var diagnostics = sources.diagnostics
        for case .skipped(let diagnostic) in sources.contents { diagnostics.append(diagnostic) }
        return Result(pages: pages, diagnostics: diagnostics)
    }

    /// Reads and extracts every page with `workers` threads (1 = serial), at most `maximumPages` of them.
    public static func load(_ input: Input, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            maximumPages: Int = PageLoader.maximumPages) throws -> Result {
        extract(try read(input, workers: workers, maximumPages: maximumPages), input: input, workers: workers)
    }

    static func shownPath(_ relative: String, in input: Input) -> String {
        input.displayRoot.isEmpty ? relative : input.displayRoot + "/" + relative
    }

    /// Reads and parses every page into the markdown tree and does nothing else: the benchmark's
    /// floor. With `cmarkOnly`, each page is parsed by cmark and the result discarded (no tree of
    /// Swift values, no pipe tables): the cost of cmark alone, for reference.
    public static func parseOnly(_ input: Input, workers: Int, cmarkOnly: Bool = false) throws -> (pages: Int, blocks: Int) {
        let files = try markdownFiles(in: input.root)
        let folder = FileFolder(input.root.path)
        let counts = Parallel.map(files.count, workers: workers) { index in
            folder.contents(files[index]).map { data in
                cmarkOnly ? data.withUnsafeBytes { MarkdownDocument.parseWithCmarkOnly($0) }
                    : MarkdownDocument.parse(String(decoding: data, as: UTF8.self)).blocks.count
            } ?? 0
        }
        return (files.count, counts.reduce(0, +))
    }

    static func readBytes(_ name: String, in folder: FileFolder, shown: String) -> Sources.Contents {
        let start = SourceLocation(line: 1, column: 1)
        switch folder.load(name, limit: maximumPageBytes) {
        case .bytes(let data):
            return .bytes(data)
        case .tooLarge(let size):
            return .skipped(Diagnostic(file: shown, location: start, severity: .warning, rule: "limit",
                                       message: "page is \(size) bytes, over the limit of \(maximumPageBytes); it is not read"))
        case .unreadable:
            return .skipped(Diagnostic(file: shown, location: start, severity: .error, rule: "input", message: "cannot read the file"))
        }
    }

    static func extractPage(_ data: Data, shown: String) -> Page {
        // Invalid UTF-8 is replaced, NUL bytes are dropped: cmark reads C strings.
        var text = String(decoding: data, as: UTF8.self)
        let hasNUL = data.withUnsafeBytes { raw in raw.count > 0 && memchr(raw.baseAddress!, 0, raw.count) != nil }
        if hasNUL { text = text.replacingUTF8("\u{0}", with: "\u{FFFD}") }
        return PageExtractor.extract(path: shown, source: text)
    }
}
