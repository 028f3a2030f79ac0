import APIDocMarkdown
import Foundation
import Testing

/// Parses the same page many times: under `-sanitize=address` this finds leaks and use-after-free
/// in the cmark wrapper; without it, it checks that parsing is deterministic.
@Suite("Repeated parsing")
struct RepeatedParseTests {
    static let seedPage: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? String(contentsOf: root.appendingPathComponent("docs/api/application-post-calls.md"), encoding: .utf8)
    }()

    @Test func parseAThousandTimes() throws {
        let source = try #require(Self.seedPage, "docs/api/application-post-calls.md is part of the package")
        let first = MarkdownDocument.parse(source)
        #expect(first.blocks.count > 20)
        #expect(first.tables.count == 3)
        for _ in 0..<1_000 {
            let again = MarkdownDocument.parse(source)
            guard again.blocks == first.blocks, again.frontMatter == first.frontMatter,
                  again.linkDefinitions == first.linkDefinitions, again.notes == first.notes else {
                Issue.record("a repeated parse differs from the first one")
                return
            }
        }
    }

    @Test func hostileNestingIsBounded() {
        let deep = String(repeating: "> ", count: 200) + "text\n" + String(repeating: "* ", count: 200) + "item\n"
        let document = MarkdownDocument.parse(deep)
        #expect(!document.blocks.isEmpty)
        #expect(document.notes.contains { $0.message.contains("nested deeper") })
    }

    @Test func emptyAndBlankInput() {
        #expect(MarkdownDocument.parse("").blocks.isEmpty)
        #expect(MarkdownDocument.parse("\n\n   \n").blocks.isEmpty)
        #expect(MarkdownDocument.parse("").frontMatter == nil)
    }
}
