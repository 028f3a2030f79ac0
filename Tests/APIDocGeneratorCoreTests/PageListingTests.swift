@testable import APIDocGeneratorCore
import Foundation
import Testing

/// Which files of an input folder are pages.
@Suite("Page listing")
struct PageListingTests {
    @Test func markdownFilesAtAnyDepthSortedWithoutHiddenOnes() throws {
        let folder = try TemporaryFolder()
        for path in ["b.md", "a/z.md", "a/b/c/deep.md", "UPPER.MD", "notes.txt", "md", "x.md.bak", ".hidden.md", ".git/config.md", "a/.cache/page.md", "a/readme.markdown"] {
            try folder.write("# Page\n", to: path)
        }
        #expect(try PageLoader.markdownFiles(in: folder.url) == ["UPPER.MD", "a/b/c/deep.md", "a/z.md", "b.md"])
    }

    @Test func linkedPagesAreListedAndLinkedFoldersAreNotEntered() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("# Elsewhere\n", to: "elsewhere.md")
        try folder.write("# Page\n", to: "api/page.md")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.url.appendingPathComponent("linked.md").path, withDestinationPath: outside.url.appendingPathComponent("elsewhere.md").path)
        // A link to a folder, here one that contains the link itself: entering it would never end.
        try fm.createSymbolicLink(atPath: folder.url.appendingPathComponent("api/loop").path, withDestinationPath: folder.url.path)
        #expect(try PageLoader.markdownFiles(in: folder.url) == ["api/page.md", "linked.md"])
    }

    /// The digest of the pages (the generation record's key) is the same whether each page was
    /// digested as it was read or afterwards, and changes with any byte, name or skipped page.
    @Test func pagesDigestTheSameWhenReadOrAfterwards() throws {
        let folder = try TemporaryFolder()
        try folder.write("# One\n", to: "api/one.md")
        try folder.write("# Two\n", to: "resources/two.md")
        let input = PageLoader.Input(root: folder.url, displayRoot: "docs")
        let digests = try [false, true].flatMap { digesting in
            try [1, 3].map { workers in try PageLoader.read(input, workers: workers, digesting: digesting).digest }
        }
        #expect(Set(digests).count == 1)
        try folder.write("# Two.\n", to: "resources/two.md")
        let edited = try PageLoader.read(input, workers: 2, digesting: true).digest
        #expect(edited != digests[0])
        #expect(try PageLoader.read(input, workers: 2, digesting: false).digest == edited)
        try folder.write("# Two.\n", to: "resources/three.md")
        #expect(try PageLoader.read(input, workers: 2, digesting: true).digest != edited)
        let limited = try PageLoader.read(input, workers: 2, maximumPages: 2, digesting: true)
        #expect(limited.files.count == 2)
        #expect(limited.digest == (try PageLoader.read(input, workers: 1, maximumPages: 2, digesting: false)).digest)
    }

    @Test func aMissingFolderIsAnInputError() {
        #expect(throws: GeneratorError.self) {
            try PageLoader.markdownFiles(in: URL(fileURLWithPath: "/nonexistent-apidocgen-input"))
        }
    }
}

/// Whole-file reads of pages and generated files.
@Suite("File reads")
struct FileBytesTests {
    @Test func readsWholeFilesAndRefusesLargeOnesUnread() throws {
        let folder = try TemporaryFolder()
        let text = String(repeating: "0123456789", count: 10_000)
        try folder.write(text, to: "big.md")
        try folder.write("", to: "empty.md")
        let big = folder.url.appendingPathComponent("big.md").path
        guard case .bytes(let data) = FileBytes.load(big) else { Issue.record("not read"); return }
        #expect(data == Data(text.utf8))
        guard case .tooLarge(let size) = FileBytes.load(big, limit: 99_999) else { Issue.record("read over the limit"); return }
        #expect(size == 100_000)
        if case .bytes = FileBytes.load(big, limit: 100_000) {} else { Issue.record("a file of exactly the limit is refused") }
        #expect(FileBytes.load(folder.url.appendingPathComponent("empty.md").path).data == Data())
        #expect(FileBytes.load(folder.url.appendingPathComponent("missing.md").path).data == nil)
        #expect(FileBytes.load(folder.url.path).data == nil)
    }

    @Test func filesOfAFolderAreReadRelativeToItOrByTheirWholePath() throws {
        let folder = try TemporaryFolder()
        try folder.write("top", to: "a.md")
        try folder.write("nested", to: "api/b.md")
        let files = FileFolder(folder.url.path)
        #expect(files.contents("a.md") == Data("top".utf8))
        #expect(files.contents("api/b.md") == Data("nested".utf8))
        #expect(files.contents("missing.md") == nil)
        #expect(files.contents("api") == nil)
        if case .tooLarge(3) = files.load("a.md", limit: 2) {} else { Issue.record("read over the limit") }
        // A folder that cannot be opened: its files are opened by their whole path (here: none).
        let missing = FileFolder(folder.url.appendingPathComponent("gone").path)
        #expect(missing.contents("a.md") == nil)
        // A path that is a file, not a folder: the same.
        let notFolder = FileFolder(folder.url.appendingPathComponent("a.md").path)
        #expect(notFolder.contents("x") == nil)
    }

    /// A FIFO (or socket, or device) named like a page is not read: opening a FIFO to read would
    /// wait for a writer that never comes. The load is bounded by a watchdog that writes to the
    /// FIFO, so that a regression fails here instead of hanging the tests.
    @Test func aFIFONamedLikeAPageIsNotReadAndNotWaitedFor() throws {
        let folder = try TemporaryFolder()
        try folder.write("# Page\n", to: "api/page.md")
        let fifo = folder.url.appendingPathComponent("api/fifo.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(try PageLoader.markdownFiles(in: folder.url) == ["api/fifo.md", "api/page.md"])
        let done = DispatchSemaphore(value: 0)
        let result = LockedBox<(sources: PageLoader.Sources?, direct: FileBytes.Outcome?)>((nil, nil))
        let input = PageLoader.Input(root: folder.url, displayRoot: "docs")
        Thread {
            let sources = try? PageLoader.read(input, workers: 1)
            result.set((sources, FileBytes.load(fifo)))
            done.signal()
        }.start()
        // Each open of the FIFO that waits gets a writer from the watchdog (two reads at most).
        var finished = false
        for _ in 0..<3 where !finished {
            finished = done.wait(timeout: .now() + 20) == .success
            if !finished {
                Issue.record("reading the input waited on the FIFO")
                let writer = open(fifo, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
            }
        }
        let sources = try #require(result.value.sources)
        guard sources.contents.count == 2, case .skipped(let diagnostic) = sources.contents[0], case .bytes(let page) = sources.contents[1] else {
            Issue.record("the FIFO was read, or the page was not: \(sources.contents)")
            return
        }
        #expect(diagnostic.description == "docs/api/fifo.md:1:1: error: not a regular file (a FIFO, a socket or a device); it is not read [input]")
        #expect(page == Data("# Page\n".utf8))
        if case .notAFile = result.value.direct {} else { Issue.record("FileBytes read the FIFO") }
    }
}

/// A value set by one thread and read by another.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    func set(_ value: T) { lock.lock(); stored = value; lock.unlock() }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
}
