@testable import APIDocSwiftEmitter
import APIDocModel
import Testing

/// The byte-wise paths for ASCII text give what the Character-wise paths give.
@Suite("ASCII fast paths")
struct TextFastPathTests {
    /// Deterministic pseudo-random ASCII prose: words of 1 to 30 letters, runs of spaces, punctuation.
    static func prose(_ seed: UInt64, words: Int) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:`'-_()[]{}/@#$%")
        var text = String(repeating: " ", count: next(3))
        for _ in 0..<words {
            text += String((0..<(1 + next(30))).map { _ in alphabet[next(alphabet.count)] })
            text += String(repeating: " ", count: 1 + (next(5) == 0 ? next(4) : 0))
        }
        if next(2) == 0 { text += String(repeating: "x", count: 150) }
        return text
    }

    @Test func wrappingASCIIOnBytesMatchesWrappingOnCharacters() throws {
        for seed in UInt64(1)...200 {
            let text = Self.prose(seed, words: Int(seed % 60))
            for width in [1, 20, 100] {
                let fast = try #require(Docs.asciiWrap(text, width: width))
                #expect(fast == Docs.characterWrap(text, width: width), "seed \(seed), width \(width)")
                #expect(Docs.wrap(text, width: width) == fast)
            }
        }
    }

    @Test func textBeyondPrintableASCIITakesTheCharacterPath() {
        #expect(Docs.asciiWrap("café au lait", width: 100) == nil)
        #expect(Docs.asciiWrap("tab\there", width: 100) == nil)
        #expect(Docs.wrap("café au lait", width: 8) == ["café au", "lait"])
        // "\r\n" is one Character: the width counts it once.
        #expect(Docs.wrap("ab\r\ncd ef", width: 8) == ["ab\r\ncd ef"])
    }

    @Test func casingASCIINamesOnBytesMatchesCasingWordsOnScalars() throws {
        // One word already in shape takes a path of its own: `callId`, `Call`, `ABC`, `1abc`, ...
        let names = ["@odata.type", "user-id", "period_value", "with spaces", "URLPath", "2fa", "", "---", "a.b.c", "x[0]", "ID",
                     "callId", "Call", "x", "X", "a1", "ABC", "abc", "aBC", "AbC", "1abc", "9", "Z9", "callID"]
            + (UInt64(1)...100).map { Self.prose($0, words: Int($0 % 5)) }
        for name in names {
            let words = SwiftNames.words(name)
            let upper = try #require(SwiftNames.asciiCamel(name, lowerFirstWord: false))
            #expect(upper == words.map(SwiftNames.upperFirst).joined(), "\(name)")
            let lower = try #require(SwiftNames.asciiCamel(name, lowerFirstWord: true))
            let expected = words.enumerated().map { $0.offset == 0 ? SwiftNames.characterLowerFirst($0.element) : SwiftNames.upperFirst($0.element) }
            #expect(lower == expected.joined(), "\(name)")
            for word in words {
                #expect(try #require(SwiftNames.asciiLowerFirst(word)) == SwiftNames.characterLowerFirst(word), "\(word)")
            }
        }
        #expect(SwiftNames.asciiCamel("naïve", lowerFirstWord: true) == nil)
        #expect(SwiftNames.asciiLowerFirst("Éclair") == nil)
        #expect(SwiftNames.words("naïve-name") == ["naïve", "name"])
    }

    @Test func joiningInOneAllocationMatchesJoinedAndConcatenation() {
        let samples: [[String]] = [
            [], [""], ["a"], ["a", "b"], ["", "", ""], ["callId: Swift.String", "_ body: AnswerCallRequestBody"],
            ["é", "日本", "\u{1F600}", "e\u{301}"], (0..<40).map { "part\($0)" }, [String(repeating: "x", count: 300), "y"],
        ]
        for parts in samples {
            for separator in ["", ", ", " + ", ",\n        ", "→"] {
                #expect(SwiftNames.join(parts, separator: separator) == parts.joined(separator: separator), "\(parts) \(separator)")
                #expect(SwiftNames.join(parts, separator: separator, prefix: "f(", suffix: ") -> T") == "f(" + parts.joined(separator: separator) + ") -> T")
                #expect(SwiftNames.join(parts.prefix(2), separator: separator) == parts.prefix(2).joined(separator: separator))
            }
        }
        #expect(SwiftNames.concat("a", "") == "a")
        #expect(SwiftNames.concat("case .", "communications", "(let callId)", ":") == "case .communications(let callId):")
        let long = String(repeating: "y", count: 100)
        #expect(SwiftNames.concat("é", "日本", "\u{1F600}", "", "x", long) == "é日本\u{1F600}x" + long)
    }

    @Test func commentAndDocTextOfASCIIAreKeptAsTheyAre() {
        #expect(SwiftNames.commentText("docs/api/call-get.md") == "docs/api/call-get.md")
        #expect(SwiftNames.commentText("a\nb\u{0}c\u{2028}d") == "a b c d")
        #expect(SwiftNames.docText("  The call.  ") == "The call.")
        #expect(SwiftNames.docText("line\r\nbreak\tand\u{7F}é") == "line  breakandé")
    }

    @Test func charactersCountedByBytesOnlyWhereEachByteIsOne() {
        for text in ["", "func x(a: Int)", "a\r\nb", "\r", "café", "e\u{301}", "\u{1F1EB}\u{1F1F7}", "tab\there"] {
            #expect(SwiftNames.characterCount(text) == text.count, "\(text.debugDescription)")
        }
    }

    /// The case names of a path enum as they were chosen by joining each prefix and comparing sets.
    static func caseNamesByJoining(_ paths: [OperationPath]) -> [String] {
        let literalSegments = paths.map { path in
            path.template.split(separator: "/").filter { !$0.contains("{") }.map(String.init)
        }
        let longest = literalSegments.map { $0.count }.max() ?? 0
        var chosen: [String] = []
        for count in 1...max(1, longest) {
            let prefixes = literalSegments.map { $0.prefix(count).joined(separator: " ") }
            if count < max(1, longest) && Set(prefixes).count < prefixes.count { continue }
            let candidates = prefixes.map { SwiftNames.memberName($0, reserved: ["init"]) }
            if Set(candidates).count == candidates.count || count == max(1, longest) { chosen = candidates; break }
        }
        return SwiftNames.uniqued(chosen)
    }

    @Test func pathCaseNamesAsWhenPrefixesWereJoined() {
        let translator = OperationTranslator(context: EmitterContext(model: APIModel(types: [], operations: []), reservedTypeNames: []))
        let lists: [[String]] = [
            ["/me/events", "/users/{id}/events", "/groups/{id}/calendar/events"],
            ["/a/b/c", "/a/b/d", "/a/e"],
            ["/x/y", "/x/y/z", "/x"],
            ["/a b/c", "/a/b c"],
            ["/a b", "/a/b"],
            ["/init", "/init/x"],
            ["/{id}", "/{id}/x"],
            ["/same/path", "/same/path"],
            ["/é/a", "/e\u{301}/a"],
        ]
        for templates in lists {
            let paths = templates.map { OperationPath(template: $0, parameters: []) }
            #expect(translator.caseNames(paths) == Self.caseNamesByJoining(paths), "\(templates)")
        }
    }

    /// The sub-namespace as it was found by cutting every name at its dots.
    static func subNamespaceByCutting(_ qualified: String) -> String {
        var parts = qualified.split(separator: ".").map(String.init)
        guard parts.count > 1 else { return "" }
        parts.removeLast()
        if parts.count >= 2 && parts[0].lowercased() == "microsoft" && parts[1].lowercased() == "graph" { parts.removeFirst(2) }
        return parts.joined(separator: " ")
    }

    @Test func subNamespacesAsWhenEveryNameWasCutAtItsDots() {
        let names = ["microsoft.graph.call", "microsoft.graph.callRecords.session", "Microsoft.Graph.call", "microsoft.graph.", "microsoft.graph",
                     "microsoft.graph..x", "MICROSOFT.GRAPH.A.B", "other.ns.x", "call", "", "microsoft.graphx.y", "microsoft.graph.é"]
        for name in names {
            #expect(EmitterContext.subNamespace(name) == Self.subNamespaceByCutting(name), "\(name)")
        }
    }

    @Test func literalPathSegmentsArePercentEncodedByteByByte() {
        #expect(PathEncoding.encodeLiteral("microsoft.graph.delta()") == "microsoft.graph.delta()")
        #expect(PathEncoding.encodeLiteral("a b/c?d#é") == "a%20b/c%3Fd%23%C3%A9")
        #expect(PathEncoding.encodeLiteral("-._~/:@!$&'()*+,;=%") == "-._~/:@!$&'()*+,;=%")
        #expect(PathEncoding.encodeLiteral("\u{0}\u{7F}") == "%00%7F")
    }
}
