import APIDocJSON
import Testing

@Suite("Hopeless input throws, with the position of the problem")
struct ErrorTests {
    @Test func unterminatedStringPointsAtItsOpeningQuote() throws {
        let error = try #require(syntaxError("{\n  \"a\": \"abc"))
        #expect(error.position == at(2, 8))
        #expect(error.message.contains("unterminated string"))
    }

    @Test func mismatchedBracket() throws {
        let error = try #require(syntaxError(#"{"a": [1, 2}"#))
        #expect(error.position == at(1, 12))
        #expect(error.message == "expected ',' or ']' after array element, found '}'")
        let other = try #require(syntaxError(#"{"a": 1]"#))
        #expect(other.position == at(1, 8))
        #expect(other.message == "expected ',' or '}' after object member, found ']'")
    }

    @Test func unclosedContainerAtEndOfInput() throws {
        let error = try #require(syntaxError("{\"a\": [1, 2]\n", origin: at(4, 3)))
        #expect(error.position == at(5, 1))
        #expect(error.message.contains("'{' at 4:3 is not closed"))
        #expect(error.description.hasPrefix("5:1: unexpected end of input"))
    }

    @Test func tooDeep() throws {
        let depth = LenientJSON.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(syntaxError(text))
        #expect(error.position == at(1, depth))
        #expect(error.message.contains("too deep"))
    }

    @Test func noValue() throws {
        #expect(syntaxError("")?.position == at(1, 1))
        #expect(syntaxError("  // only a comment\n")?.position == at(2, 1))
        #expect(syntaxError(#"{"a": }"#)?.position == at(1, 7))
        #expect(syntaxError("[1,,2]")?.position == at(1, 4))
        #expect(syntaxError("[1, 2, ,]")?.position == at(1, 8))
    }

    @Test func bareWordWhereKeyIsExpected() throws {
        let error = try #require(syntaxError("{ foo }"))
        #expect(error.position == at(1, 7))
        #expect(error.message.contains("expected ':'"))
        #expect(syntaxError("{ ( }")?.position == at(1, 3))
        #expect(syntaxError("{\"a\": 1, }}")?.position == nil)
    }

    @Test func invalidEscapes() throws {
        #expect(syntaxError(#"["C:\Users"]"#)?.position == at(1, 5))
        #expect(syntaxError(#"["\u12G4"]"#)?.position == at(1, 3))
        #expect(syntaxError("[\"abc\\")?.position == at(1, 2))
    }

    @Test func controlCharactersOutsideStrings() throws {
        #expect(syntaxError("[1, \u{0}]")?.position == at(1, 5))
        #expect(syntaxError("{\"a\"\u{1}: 1}")?.position == at(1, 5))
        let result = try LenientJSON.parse("[\"a\u{0}b\"]")
        #expect(result.kinds == [.controlCharacterInString])
    }

    @Test func garbageNeverCrashes() {
        // Deterministic pseudo-random texts drawn from JSON-ish pieces; each must parse or throw
        // an error positioned inside the text, and every message must stay on one line.
        let pieces = ["{", "}", "[", "]", ",", ":", "\"", "'", "\"a\":", "{\"k\":", "\u{A0}", "\\", "/", "*", "//", "/*", "*/", "...", "…", " ", "\n", "\r",
                      "\t", "\u{0}", "a", "true", "null", "1", "-", "0", "e", ".", "é", "\\u", "D800", "#", "@"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let lineCount = text.utf8.filter { $0 == 10 || $0 == 13 }.count + 1
            do {
                let result = try LenientJSON.parse(text)
                #expect(result.issues.allSatisfy { !$0.message.contains("\n") && !$0.message.contains("\r") })
            } catch {
                #expect(error.position.line >= 1 && error.position.line <= lineCount, "\(error) in \(text.debugDescription)")
                #expect(error.position.column >= 1)
                #expect(!error.message.contains("\n") && !error.message.contains("\r"))
            }
            checked += 1
        }
        #expect(checked == 3000)
    }
}
