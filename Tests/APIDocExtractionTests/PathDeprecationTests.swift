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

    @Test func aSentenceWithoutTheWordOrWithoutAPathSpanMarksNothing() {
        for note in ["The `/app` path still works.", "This API is deprecated.", "Deprecated: `/app`.", "The `app` form is deprecated."] {
            let page = page(Self.fence + "\n\n" + note)
            #expect(page.httpRequests.allSatisfy { $0.deprecation == nil }, "\(note)")
            #expect(page.pathDeprecations.isEmpty, "\(note)")
        }
    }

    @Test func aNoteThatCoversNoPathIsReported() {
        let page = page(Self.fence + "\n\nThe `/beta/app` form is deprecated.")
        #expect(page.httpRequests.allSatisfy { $0.deprecation == nil })
        let diagnostic = page.diagnostics.first { $0.rule == "deprecated-path" }
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.location == at(11, 1))
        #expect(diagnostic?.message == "the note calls the paths under '/beta/app' deprecated, but no request path of the page starts with it")
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
