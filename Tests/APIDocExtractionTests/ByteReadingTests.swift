@testable import APIDocExtraction
import APIDocMarkdown
import Testing

/// Readers that work on the UTF-8 bytes, each against the reading by Characters it replaces.
@Suite("Byte-level readers against Character readings")
struct ByteReadingTests {
    /// Texts with spaces, tabs, carriage returns and marks at both ends, text beyond ASCII and
    /// empty lines.
    static let texts = [
        "", " ", "\t", "\r", " \t\r ", "a", " a ", "\ta\t", "a\r", "\r\na", "é ", " é", " naïve café ", "`x`", "**x**", "`*x:*`",
        "x y", "  x  y  ", "日本 ", "\u{1F600}\t", "a b\r", "*", "``", ":", "x:", ":x", "\"quoted\"", "'x'",
        // A mark after a space joins it; a prepend character joins the space after it; CR LF is one character.
        " \u{301}x", "x\u{600} ", "\u{600} x", "x \u{301}", "\r\nx", "x\r\n", " \r\n ", "\r\r\n", "*\u{301}x", "x*\u{600}*",
    ]

    @Test func optionNamesAreTheWordsCharactersGive() {
        /// `$` and the letters after it, read Character by Character.
        func byCharacters(_ lower: String) -> [(ODataQueryOption, Int)] {
            var result: [(ODataQueryOption, Int)] = []
            var index = lower.startIndex
            while let dollar = lower[index...].firstIndex(of: "$") {
                var end = lower.index(after: dollar)
                while end < lower.endIndex, lower[end].isLetter { end = lower.index(after: end) }
                let word = String(lower[dollar..<end])
                if let option = ODataQueryOption.allCases.first(where: { $0.rawValue == word }) {
                    result.append((option, lower.utf8.distance(from: lower.startIndex, to: dollar)))
                }
                index = end
            }
            return result
        }
        let texts = [
            "", "$", "$$", "$top", "use $top.", "$top,$skip and $filter", "$topx", "$top1", "$top-$skip", "($select)", "$select's",
            "$topé", "$top\u{301}", "$\u{301}top", "é$top", "$top é $skip", "$TOP", "$orderby/$count", "a$searchb", "$top\n$skip",
            "$expand—$select", "$top’s", "日本$filter語", "$filter日本", "$ top", "$$top", "$count=true&$top=5",
            // A prepend character before `$` makes one character of both.
            "\u{600}$select x", "$sel\u{600}$top", "é$select", "\u{600}x $top",
        ]
        for text in texts {
            let bytes = QueryOptionReader.options(in: text).map { ($0.0, text.utf8.distance(from: text.startIndex, to: $0.1)) }
            let characters = byCharacters(text)
            #expect(bytes.map(\.0) == characters.map(\.0), "\(text)")
            #expect(bytes.map(\.1) == characters.map(\.1), "\(text)")
        }
    }

    @Test func linesOneAtATimeAreTheLinesCutAtLineFeeds() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "a\r\nb\r\n", "GET /x\nHost: y\n\n{\n}\n", "é\n\u{1F600}\n", "x\n\n\ny"]
        for text in texts {
            var cursor = LineCursor(text)
            var lines: [Substring] = []
            var numbers: [Int] = []
            while let line = cursor.line {
                lines.append(line)
                numbers.append(cursor.number)
                cursor.advance()
            }
            let expected = text.linesAtLineFeeds()
            #expect(lines == expected, "\(text.debugDescription)")
            #expect(numbers == Array(expected.indices), "\(text.debugDescription)")
            #expect(lines.map(\.startIndex) == expected.map(\.startIndex), "\(text.debugDescription)")
        }
    }

    /// The lines of a code block, cut on the bytes, are the lines a Character split gives (a CR LF
    /// pair is one character, and does not end a line).
    @Test func codeBlockLinesAreTheLinesCharactersGive() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "a\r\nb\r\n", "GET /x\nHost: y\n\n{\n}\n", "é\n\u{1F600}\n", "x\n\n\ny", "\n\u{301}x", "\r\n\r"]
        for text in texts {
            let lines = PageExtractor.lines(of: text)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines == expected, "\(text.debugDescription)")
            #expect(lines.map(\.startIndex) == expected.map(\.startIndex), "\(text.debugDescription)")
        }
    }

    @Test func spacesTrimmedAsTheCharacterLoopTrimmedThem() {
        func byCharacters(_ text: Substring) -> Substring {
            var s = text
            while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
            while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s[..<s.index(before: s.endIndex)] }
            return s
        }
        for text in Self.texts {
            let whole = Substring(text)
            #expect(whole.trimmingSpacesSubstring() == byCharacters(whole), "\(text.debugDescription)")
            let inner = whole.dropFirst()
            #expect(inner.trimmingSpacesSubstring() == byCharacters(inner), "\(text.debugDescription)")
        }
    }

    @Test func setCharactersTrimmedAsTheCharacterLoopTrimmedThem() {
        func byCharacters(_ text: String, _ set: String) -> String {
            var s = Substring(text)
            while let f = s.first, set.contains(f) { s = s.dropFirst() }
            while let l = s.last, set.contains(l) { s = s[..<s.index(before: s.endIndex)] }
            return String(s)
        }
        for text in Self.texts {
            for set in ["`*:", "`*", "`*_ ", "`*\"'", " \t", "é", " \r", "\r\n", " \r\n", "\n"] {
                #expect(text.trimmingCharacters(in: set) == byCharacters(text, set), "\(text.debugDescription) \(set)")
            }
        }
    }

    @Test func exampleFirstLinesBeyondASCIIAreReadByCharacters() {
        func response(_ firstLine: String) -> Example? {
            extract("""
                # Get x

                ## Response

                <!-- { "blockType": "response" } -->
                ```http
                \(firstLine)
                Content-type: application/json

                {}
                ```
                """).examples.first
        }
        #expect(response("HTTP/1.1 200 OK")?.status == 200)
        // `P` with a combining mark is not `P`; a space with one is not a space.
        #expect(response("HTTP\u{301} 200")?.status == nil)
        #expect(response("HTTP/1.1 \u{301} 200")?.status == 200)
        #expect(response("HTTP/1.1 200 Ünicode")?.status == 200)
        #expect(response("HTTP/1.1 200 OK")?.headers.map(\.name) == ["Content-type"])
    }

    @Test func wordsFoundAsTheCharacterSplitFindsThem() {
        func byCharacters(_ text: String, _ word: String) -> Bool {
            text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." && $0 != "_" }).contains { $0 == word }
        }
        let texts = ["collection", "collection(x)", "a collection of x", "collections", "xcollection", "collection.x", "collection_x", "of", "",
                     "string collection", "Collection", "(collection)", "collection,", "1collection", "col lection", "x collection"]
        for text in texts {
            for word in ["collection", "of", "x", ""] {
                #expect(TypeCellParser.hasWord(text, word) == byCharacters(text, word), "\(text) \(word)")
            }
        }
    }

    /// Text with a byte no separator has is never a separator: the byte check answers for
    /// `isSeparator` without lower-casing the text.
    @Test func separatorBytesCheckedBeforeTheWords() {
        let samples = [
            "", " ", ", ", ", and ", " or ", ".", " and.", "or.", "AND", " Or ", ";", "\t,", " and and.", "and or", ", and the", "x", ". The default",
            "\u{212A}", "é", " and\u{301} ", "\u{A0}and", "an", "nor", "door", "radon", "\n", ",,", "and.and",
        ]
        var checked = 0
        for sample in samples {
            let separator = DescriptionReader.isSeparator(sample.lowercased())
            if !DescriptionReader.mayBeSeparator(sample) {
                checked += 1
                #expect(!separator, "\(sample.debugDescription)")
            }
            if separator { #expect(DescriptionReader.mayBeSeparator(sample), "\(sample.debugDescription)") }
        }
        #expect(checked == 8)
        #expect(DescriptionReader.possibleValues([.text("Possible values are: "), .code("a"), .text(", "), .code("b"), .text(" and "), .code("c"),
                                                  .text(". The default is "), .code("d"), .text(".")]) == ["a", "b", "c"])
    }
}
