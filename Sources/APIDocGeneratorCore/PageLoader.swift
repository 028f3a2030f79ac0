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
        /// How paths are shown in the model and in generated headers: the folder as the user gave it
        /// when relative (`docs`), else its last component, so no machine path leaks into output.
        public var displayRoot: String
        /// How the folder is printed in diagnostics: as the user gave it (`/work/docs`,
        /// `../docs`), so that a printed path opens from where apidocgen runs.
        public var printedRoot: String

        public init(root: URL, displayRoot: String, printedRoot: String? = nil) {
            self.root = root
            self.displayRoot = displayRoot
            self.printedRoot = printedRoot ?? displayRoot
        }

        public init(path: String) {
            let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            var display = path
            while display.hasSuffix("/") && display.count > 1 { display.removeLast() }
            var printed: String?
            if display.hasPrefix("/") || display.hasPrefix("~") || display.contains("..") {
                printed = display
                display = url.lastPathComponent
            }
            if display.hasPrefix("./") { display.removeFirst(2) }
            self.init(root: url, displayRoot: display, printedRoot: printed)
        }

        /// A diagnostic's file as printed: a page's path (`docs/api/x.md`) under `printedRoot`
        /// instead of `displayRoot`; any other file as it is.
        public func printed(_ file: String) -> String {
            guard printedRoot != displayRoot, !displayRoot.isEmpty, file.hasPrefix(displayRoot) else { return file }
            let rest = file.dropFirst(displayRoot.count)
            guard rest.isEmpty || rest.hasPrefix("/") else { return file }
            return printedRoot + rest
        }
    }

    /// What lies below an input folder: its `.md` files and the folders that could not be listed.
    public struct Listing: Sendable {
        /// Paths relative to the input folder of every `.md` file below it, sorted.
        public var files: [String] = []
        /// Paths relative to the input folder of the folders below it that could not be listed
        /// (no permission, removed while listed), sorted: their pages are missing from `files`.
        public var unlistedFolders: [String] = []
    }

    /// Relative paths (from root) of every `.md` file below it, sorted.
    public static func markdownFiles(in root: URL) throws -> [String] {
        try listing(of: root).files
    }

    /// The `.md` files below `root` and the folders below it that could not be listed; throws
    /// when `root` itself is not a folder or cannot be listed.
    public static func listing(of root: URL) throws -> Listing {
        guard FileBytes.isDirectory(root.path) == true else {
            throw GeneratorError.input("input folder '\(root.path)' does not exist or is not a folder")
        }
        var listing = Listing()
        guard walk(root.standardizedFileURL.path, relative: "", into: &listing) else {
            throw GeneratorError.input("cannot list '\(root.path)'")
        }
        listing.files.sort()
        listing.unlistedFolders.sort()
        return listing
    }

    /// Adds the `.md` files under `directory` (hidden names skipped, symbolic links to folders not
    /// followed) to the listing, as paths relative to the input folder, and the folders below it
    /// that cannot be opened to its unlisted ones. Plain `readdir`: listing thousands of pages
    /// through URLs costs more than reading them. False when `directory` itself cannot be opened.
    static func walk(_ directory: String, relative: String, into listing: inout Listing) -> Bool {
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
                // Any other kind named `.md` (a FIFO, a socket) is listed too: reading it says why it is not read.
                listing.files.append(path)
            }
        }
        for folder in folders {
            let path = relative.isEmpty ? folder : relative + "/" + folder
            if !walk(directory + "/" + folder, relative: path, into: &listing) { listing.unlistedFolders.append(path) }
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
        /// Diagnostics about the selection itself (folders that cannot be listed, too many pages).
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
        let listing = try listing(of: input.root)
        var files = listing.files.filter(include)
        // A folder that cannot be listed hides pages the output would otherwise have: an error, so
        // that the run writes nothing rather than an API with those types missing. (Whether
        // `include` would have selected any of its pages cannot be known.)
        var diagnostics = listing.unlistedFolders.map { folder in
            Diagnostic(file: shownPath(folder, in: input), location: .init(line: 1, column: 1), severity: .error, rule: "input",
                       message: "cannot list the folder; its pages are not read")
        }
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
        case .notAFile:
            return .skipped(Diagnostic(file: shown, location: start, severity: .error, rule: "input",
                                       message: "not a regular file (a FIFO, a socket or a device); it is not read"))
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
