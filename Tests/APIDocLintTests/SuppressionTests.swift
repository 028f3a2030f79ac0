import APIDocExtraction
import APIDocGeneratorCore
import APIDocMarkdown
import Foundation
import Testing

@Suite("Path globs")
struct GlobTests {
    @Test(arguments: [
        ("docs/api/*.md", "docs/api/call-get.md", true),
        ("docs/api/*.md", "docs/api/sub/call-get.md", false),
        ("docs/*/call-get.md", "docs/api/call-get.md", true),
        ("docs/**", "docs/api/sub/call-get.md", true),
        ("docs/**/call-get.md", "docs/call-get.md", true),
        ("docs/**/call-get.md", "docs/api/sub/call-get.md", true),
        ("docs/**/call-get.md", "docs/api/sub/call-put.md", false),
        ("**/*.md", "docs/api/x.md", true),
        ("**/*.md", "x.md", true),
        ("docs/api/call-???.md", "docs/api/call-get.md", true),
        ("docs/api/call-???.md", "docs/api/call-list.md", false),
        ("docs/api/call-?et.md", "docs/api/call/et.md", false),
        ("/communications/**", "/communications/calls/{id}/mute", true),
        ("/communications/*", "/communications/calls/{id}", false),
        ("/communications/calls/*", "/communications/calls/{id}", true),
        ("/app/**", "/communications/calls", false),
        ("*", "", true),
        ("a**b", "a/x/y/b", true),
        ("docs/api/call-get.md", "docs/api/call-get.md", true),
        ("docs/api/call-get.md", "docs/api/call-get.mdx", false),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
    }

    @Test func includeAndExclude() {
        let filter = GlobFilter(include: ["api/**", "resources/call*.md"], exclude: ["api/*-delete.md"])
        #expect(filter.allows("api/call-get.md"))
        #expect(!filter.allows("api/call-delete.md"))
        #expect(filter.allows("resources/call.md"))
        #expect(!filter.allows("resources/participant.md"))
        #expect(GlobFilter().allows("anything"))
    }
}

@Suite("Suppressions")
struct SuppressionTests {
    static func diagnostic(_ file: String, _ rule: String, line: Int = 3) -> Diagnostic {
        Diagnostic(file: file, location: SourceLocation(line: line, column: 1), severity: .warning, rule: rule, message: "m")
    }

    @Test func parsesPairsCommentsAndBlankLines() throws {
        let text = """
            # Known problems of the upstream docs.
            example-enum docs/api/call-*.md   # fixed upstream in the next drop

            \tmissing-page\tdocs/resources/**
            * docs/api/legacy-?.md
            """
        let suppressions = try Suppressions.parse(text, file: ".apidocgen-suppressions")
        #expect(suppressions.entries.map(\.rule) == ["example-enum", "missing-page", "*"])
        #expect(suppressions.entries.map(\.glob.pattern) == ["docs/api/call-*.md", "docs/resources/**", "docs/api/legacy-?.md"])
        #expect(suppressions.entries.map(\.line) == [2, 4, 5])
        #expect(suppressions.entries.map(\.column) == [1, 2, 1])
    }

    @Test func aLineThatIsNotARuleAndAGlobIsBadInput() {
        #expect(throws: GeneratorError.input("sup.txt:2:1: error: expected 'rule path-glob' (two fields), found 3: 'a b c'")) {
            try Suppressions.parse("# ok\na b c\n", file: "sup.txt")
        }
        #expect(throws: GeneratorError.self) { try Suppressions.parse("lonely\n", file: "sup.txt") }
    }

    @Test func matchingDiagnosticsAreDroppedAndUnusedEntriesReported() throws {
        let suppressions = try Suppressions.parse("""
            example-enum docs/api/*.md
            missing-page docs/resources/**
            enum-conflict docs/nowhere/*.md
            """, file: "config/sup")
        let kept = suppressions.apply(to: [
            Self.diagnostic("docs/api/call-get.md", "example-enum"),
            Self.diagnostic("docs/api/call-get.md", "example-type"),
            Self.diagnostic("docs/resources/a/b.md", "missing-page"),
            Self.diagnostic("docs/api/x.md", "missing-page"),
        ])
        #expect(kept.map(\.description) == [
            "docs/api/call-get.md:3:1: warning: m [example-type]",
            "docs/api/x.md:3:1: warning: m [missing-page]",
            "config/sup:3:1: warning: suppression 'enum-conflict docs/nowhere/*.md' matches no diagnostic; remove it [unused-suppression]",
        ])
    }

    /// `generate` does not run the example checks: suppressions of those rules are not unused there.
    @Test func entriesForRulesTheRunDidNotEvaluateAreNotUnused() throws {
        let suppressions = try Suppressions.parse("example-enum docs/**\n* docs/**\nmissing-page docs/**\n", file: "s")
        let kept = suppressions.apply(to: [], evaluated: { $0 != "*" && $0 != "example-enum" })
        #expect(kept.map(\.description) == ["s:3:1: warning: suppression 'missing-page docs/**' matches no diagnostic; remove it [unused-suppression]"])
    }

    @Test func theDefaultFileIsReadOnlyWhenItExists() throws {
        let folder = try TemporaryFolder()
        #expect(try Suppressions.load(path: nil, directory: folder.url) == nil)
        try folder.write("missing-page docs/**\n", to: ".apidocgen-suppressions")
        #expect(try Suppressions.load(path: nil, directory: folder.url)?.entries.count == 1)
        #expect(throws: GeneratorError.self) { try Suppressions.load(path: "nope.txt", directory: folder.url) }
    }
}
