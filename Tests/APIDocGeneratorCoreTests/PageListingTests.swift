import APIDocGeneratorCore
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

    @Test func aMissingFolderIsAnInputError() {
        #expect(throws: GeneratorError.self) {
            try PageLoader.markdownFiles(in: URL(fileURLWithPath: "/nonexistent-apidocgen-input"))
        }
    }
}
