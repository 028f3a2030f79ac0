@testable import APIDocExtraction
import APIDocMarkdown
import Testing

/// A note of the HTTP request section that calls the paths under a prefix deprecated marks those
/// request lines, and only those.
@Suite("Deprecated paths")
struct PathDeprecationTests {
    /// A page whose HTTP request section holds `body`.
    func page(_ body: String) -> Page {
        extract("# Answer call\n\n## HTTP request\n\n" + body + "\n\n## Request headers\n")
    }

    static let fence = """
        ```http
        POST /communications/calls/{id}/answer
        POST /app/calls/{id}/answer
        POST /applications/{id}/answer
        ```
        """

    func deprecations(_ page: Page) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: page.httpRequests.map { ($0.path, $0.deprecation) })
    }

    @Test func theNoteOfTheBetaPagesInAQuote() {
        let page = page(Self.fence + "\n\n> **Note:** The `/app` path is deprecated. Going forward, use the `/communications` path.")
        let note = "The `/app` path is deprecated. Going forward, use the `/communications` path."
        // `/communications` stands after the word, in the next sentence: it is what to use.
        #expect(deprecations(page) == [
            "/communications/calls/{id}/answer": nil,
            "/app/calls/{id}/answer": note,
            // Whole segments: `/app` does not cover `/applications`.
            "/applications/{id}/answer": nil,
        ])
        #expect(page.pathDeprecations == [PathDeprecation(prefix: "/app", note: note, location: at(11, 3))])
        #expect(page.diagnostics.isEmpty)
    }

    @Test func theReplacementFirstThenTheDeprecatedPathInItsOwnSentence() {
        let page = page(Self.fence + "\n\nUse `/communications/`; the `/APP/` form is deprecated.")
        #expect(page.httpRequests.map(\.deprecation) == [nil, "Use `/communications/`; the `/APP/` form is deprecated.", nil])
        #expect(page.pathDeprecations.map(\.prefix) == ["/APP"])
    }

    /// The path each wording names: the span right after the word, else the nearest before it.
    @Test func whichSpanTheWordNames() {
        let cases: [(note: String, deprecated: [String])] = [
            ("Use `/communications` instead of the deprecated `/app` path.", ["/app"]),
            ("Both `/app` and `/communications` work, but `/app` is deprecated.", ["/app"]),
            ("`/app` is deprecated, use `/communications` instead.", ["/app"]),
            ("Deprecated: `/app`.", ["/app"]),
            ("The deprecated form of the path `/app` still answers.", ["/app"]),
            // Normalised as method lines are: a method line, a URL with a version, a link's span.
            ("`POST /app/calls/{id}/answer` is deprecated.", ["/app/calls/{id}/answer"]),
            ("The `https://graph.microsoft.com/beta/app/` URL is deprecated.", ["/app"]),
            ("[`/app`](https://example.com/app) is *deprecated*.", ["/app"]),
        ]
        for (note, deprecated) in cases {
            let page = page(Self.fence + "\n\n" + note)
            #expect(page.pathDeprecations.map(\.prefix) == deprecated, "\(note)")
            #expect(page.diagnostics.isEmpty, "\(note): \(page.diagnostics.map(\.message))")
        }
    }

    @Test func aSentenceWithoutTheWordOrWithoutAPathSpanMarksNothing() {
        for note in ["The `/app` path still works.", "This API is deprecated.", "The `app` form is deprecated.",
                     "The `/communications` path is not deprecated.", "`/app` is no longer deprecated.", "The `/app` path was undeprecated."] {
            let page = page(Self.fence + "\n\n" + note)
            #expect(page.httpRequests.allSatisfy { $0.deprecation == nil }, "\(note)")
            #expect(page.pathDeprecations.isEmpty, "\(note)")
            #expect(page.diagnostics.isEmpty, "\(note): \(page.diagnostics.map(\.message))")
        }
    }

    @Test func aNoteThatCoversNoPathIsReported() {
        let page = page(Self.fence + "\n\nThe `/teams` form is deprecated.")
        #expect(page.httpRequests.allSatisfy { $0.deprecation == nil })
        let diagnostic = page.diagnostics.first { $0.rule == "deprecated-path" }
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.location == at(11, 1))
        #expect(diagnostic?.message == "the note calls the paths under '/teams' deprecated, but no request path of the page starts with it")
    }

    /// A use of the word that names no span, in a paragraph with path spans, is reported: a
    /// wording this reading does not understand is not passed over in silence.
    @Test func aWordThatNamesNoSpanIsReported() {
        let page = page(Self.fence + "\n\nDeprecated since 2020. Use `/communications`.")
        #expect(page.pathDeprecations.isEmpty)
        #expect(page.diagnostics.map(\.rule) == ["deprecated-path"])
        #expect(page.diagnostics.first?.message.hasPrefix("the note says 'deprecated' but names no path") == true)
    }

    @Test func coversWholeSegmentsIgnoringCase() {
        let note = PathDeprecation(prefix: "/app", note: "", location: at(1, 1))
        #expect(note.covers("/app"))
        #expect(note.covers("/App/calls"))
        #expect(!note.covers("/apps/calls"))
        #expect(!note.covers("/ap"))
        #expect(!note.covers("/communications/app"))
    }
}
