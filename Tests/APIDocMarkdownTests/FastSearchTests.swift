@testable import APIDocMarkdown
import Testing

/// The byte-wise search the generator uses in place of `contains(_:)` and `range(of:)`.
@Suite("Byte-wise text search")
struct FastSearchTests {
    @Test func findsTheFirstOccurrenceFromAnIndex() throws {
        let text = "one two one two"
        let first = try #require(text.utf8Range(of: "two"))
        #expect(text[first] == "two")
        #expect(text.utf8.distance(from: text.startIndex, to: first.lowerBound) == 4)
        let second = try #require(text.utf8Range(of: "two", from: first.upperBound))
        #expect(text.utf8.distance(from: text.startIndex, to: second.lowerBound) == 12)
        #expect(text.utf8Range(of: "two", from: second.upperBound) == nil)
        #expect(text.utf8Range(of: "three") == nil)
        #expect(text.utf8Range(of: "one two one two!") == nil)
    }

    /// With `ignoringCase`, a lower-case needle finds the text in any letter case, in a slice
    /// too, from an index of the slice.
    @Test func findsALowerCaseNeedleInAnyCase() throws {
        let text = "x: One DEPRECATED path, one Deprecated form"[...].dropFirst(3)
        let first = try #require(text.utf8Range(of: "deprecated", ignoringCase: true))
        #expect(text[first] == "DEPRECATED")
        let second = try #require(text.utf8Range(of: "deprecated", from: first.upperBound, ignoringCase: true))
        #expect(text[second] == "Deprecated")
        #expect(text.utf8Range(of: "deprecated", from: second.upperBound, ignoringCase: true) == nil)
        #expect(text.utf8Range(of: "deprecated") == nil)
    }

    @Test func anEmptyNeedleMatchesAtTheStart() {
        let text = "abc"
        #expect(text.utf8Range(of: "") == text.startIndex..<text.startIndex)
        #expect("".utf8Contains(""))
        #expect(!"".utf8Contains("a"))
    }

    @Test func multiByteTextAndSubstringsGiveIndicesOfTheirOwnString() throws {
        let text = "naïve café — crème brûlée"
        let range = try #require(text.utf8Range(of: "crème"))
        #expect(text[range] == "crème")
        // A Substring that does not start at the start of its string.
        let tail = text[try #require(text.utf8Range(of: "café")).lowerBound...]
        let inTail = try #require(tail.utf8Range(of: "brûlée"))
        #expect(tail[inTail] == "brûlée")
        #expect(text[inTail] == "brûlée")
        #expect(tail.utf8Contains("—"))
        #expect(!tail.utf8Contains("naïve"))
    }

    @Test func replacesEveryOccurrenceLeftToRight() {
        #expect("a|b|c".replacingUTF8("|", with: " or ") == "a or b or c")
        #expect("aaa".replacingUTF8("aa", with: "X") == "Xa")
        #expect("a\\|b".replacingUTF8("\\|", with: "|") == "a|b")
        // A replacement that contains the needle is not searched again.
        #expect("xx".replacingUTF8("x", with: "xx") == "xxxx")
        #expect("abc".replacingUTF8("", with: "-") == "abc")
        #expect("abc".replacingUTF8("z", with: "-") == "abc")
        #expect("été".replacingUTF8("t", with: "T") == "éTé")
    }

    @Test func caseInsensitiveSearchFoldsASCIIOnly() {
        #expect("Inherits From [entity]".containsIgnoringCase("inherits from"))
        #expect(!"Inherits".containsIgnoringCase("inherits from"))
        #expect("ÉTÉ and MORE"[...].containsIgnoringCase("more"))
        #expect("abc".containsIgnoringCase(""))
    }

    /// The search folding ASCII capitals, as a plain loop over the folded bytes.
    static func containsFoldingASCII(_ text: String, _ needle: String) -> Bool {
        let folded = Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let bytes = Array(needle.utf8)
        if bytes.isEmpty { return true }
        guard folded.count >= bytes.count else { return false }
        return (0...(folded.count - bytes.count)).contains { Array(folded[$0..<($0 + bytes.count)]) == bytes }
    }

    @Test func caseInsensitiveSearchAgreesWithFoldingEveryByte() {
        // Needles whose first byte is a letter (found in either case) and not (found as it is);
        // texts with both cases, repeats, near misses, text beyond ASCII and matches at the end.
        let needles = ["value", "must be one of", "v", "alue", "$top", " of", "é", "inherits from", "zz"]
        var texts = ["", "v", "V", "Value", "VALUE", "vvvalue", "VvAlUe", "valu", "xvaluex", "Possible values are", "must be ONE of",
                     "Must Be One Ofx", "a $TOP b", "vVvV alue", "naïve VALUE é", "ÉTÉ value", "value", "zZ", "Zz", "inherits From"]
        // Every arrangement of a few pieces, for matches straddling each other.
        let pieces = ["v", "V", "alue", "AL", "ue", " ", "é", "must be one of", "M"]
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            for needle in needles {
                #expect(text.containsIgnoringCase(needle) == Self.containsFoldingASCII(text, needle), "\(text) \(needle)")
                #expect(text.dropFirst().containsIgnoringCase(needle) == Self.containsFoldingASCII(String(text.dropFirst()), needle), "\(text) \(needle)")
            }
        }
    }

    @Test func splitOnASCIIBytesAsTheCharacterSplit() {
        let texts = ["a/b//c/", "/", "", "é/ü/日本", "x\r\n/y", "🇫🇷/a", "{a}/b/{c}"]
        for text in texts {
            let expected = text.split(separator: "/").map(String.init)
            #expect(text.splitASCII(where: { $0 == UInt8(ascii: "/") }).map(String.init) == expected, "\(text)")
            // A Substring that does not start at the start of its string: pieces index the string.
            let tail = text.dropFirst()
            let pieces = tail.splitASCII(where: { $0 == UInt8(ascii: "/") })
            #expect(pieces.map(String.init) == tail.split(separator: "/").map(String.init), "\(text)")
            #expect(pieces.map(\.startIndex) == tail.split(separator: "/").map(\.startIndex), "\(text)")
        }
    }

    @Test func trimBoundsLeaveCutsCharactersCouldDisagreeWithToThem() throws {
        func bounds(_ text: String) -> (start: Int, end: Int)? {
            var text = text
            return text.withUTF8 { ASCIITrim.bounds($0) { $0 == 0x20 || $0 == 0x0D } }
        }
        let plain = try #require(bounds("  ab "))
        #expect(plain.start == 2 && plain.end == 4)
        let all = try #require(bounds("   "))
        #expect(all.start == 3 && all.end == 3)
        #expect(bounds(" \u{301}x") == nil)
        #expect(bounds("x\u{600} ") == nil)
        #expect(bounds("\r\nx") == nil)
        // Beyond ASCII beside a cut, whatever the character: Characters decide.
        #expect(bounds("é ") == nil)
        #expect(bounds(" é") == nil)
        let inner = try #require(bounds(" a é b "))
        #expect(inner.start == 1 && inner.end == 7)
        let untouched = try #require(bounds("é"))
        #expect(untouched.start == 0 && untouched.end == 2)
    }

    @Test func foldedMatchAtAnOffset() {
        var text = "GET /Me/PHOTO/$Value"
        text.withUTF8 { bytes in
            StaticString("$value").withUTF8Buffer { needle in
                #expect(bytes.matchesFolded(needle, at: 14))
                #expect(!bytes.matchesFolded(needle, at: 13))
                #expect(!bytes.matchesFolded(needle, at: 15))
                #expect(!bytes.matchesFolded(needle, at: -1))
            }
            StaticString("/me/photo").withUTF8Buffer { #expect(bytes.matchesFolded($0, at: 4)) }
            StaticString("").withUTF8Buffer { #expect(bytes.matchesFolded($0, at: 20)) }
        }
    }

    @Test func linesSplitAtNewlinesWithoutTheirCarriageReturns() {
        #expect(MarkdownDocument.splitLines("a\r\nb\n\nc") == ["a", "b", "", "c"])
        #expect(MarkdownDocument.splitLines("a\n") == ["a", ""])
        #expect(MarkdownDocument.splitLines("") == [""])
        #expect(MarkdownDocument.splitLines("a\rb\r\r\n") == ["a\rb\r", ""])
        #expect(MarkdownDocument.splitLines("\u{FEFF}é\n\u{1F600}") == ["\u{FEFF}é", "\u{1F600}"])
    }

    @Test func frontMatterIsBlankedTheSameWithAndWithoutCarriageReturns() {
        let page = "---\ntitle: \"Create call\"\nms.localizationpriority: medium\n---\n\n# Create call\n\n|Name|Type|\n|:--|:--|\n|id|String|\n"
        let lf = MarkdownDocument.parse(page)
        let crlf = MarkdownDocument.parse(page.replacingUTF8("\n", with: "\r\n"))
        #expect(lf.frontMatter?["title"] == "Create call")
        #expect(crlf.frontMatter == lf.frontMatter)
        #expect(lf.blocks.count == 2)
        #expect(crlf.blocks == lf.blocks)
        #expect(lf.blocks.first?.location.line == 6)
    }

    @Test func prefixComparedWithoutCase() {
        #expect("Namespace: microsoft.graph".hasPrefixIgnoringCase("namespace:"))
        #expect("NAMESPACE:x".hasPrefixIgnoringCase("namespace:"))
        #expect("namespace:".hasPrefixIgnoringCase("namespace:"))
        #expect(!"namespace".hasPrefixIgnoringCase("namespace:"))
        #expect(!" namespace: x".hasPrefixIgnoringCase("namespace:"))
        #expect(!"nämespace: x".hasPrefixIgnoringCase("namespace:"))
        #expect("anything".hasPrefixIgnoringCase(""))
        #expect(Substring("xNameSpace:y").dropFirst().hasPrefixIgnoringCase("namespace:"))
    }

    /// The reading of inline HTML before it was done on the bytes.
    static func readsAsSpaceByLowerCasing(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        return lower.hasPrefix("<br") || lower.hasPrefix("<li") || lower.hasPrefix("</li")
    }

    @Test func plainTextOfInlineTreesIsTheConcatenatedTextOfEachInline() {
        let tags = ["<br>", "<BR/>", "<bR >", "<li>", "</LI>", "</li", "<lI x>", "<b>", "</b>", "<", "</", "<l", "<b", "", "br", "<br", "</br>", "<ul>", "<Li"]
        for tag in tags {
            #expect(Inline.htmlReadsAsSpace(tag) == Self.readsAsSpaceByLowerCasing(tag), "\(tag)")
            #expect(Inline.html(tag).plainText == (Self.readsAsSpaceByLowerCasing(tag) ? " " : ""), "\(tag)")
        }
        let trees: [[Inline]] = [
            [],
            [.text("one run")],
            [.code("only code")],
            [.text("a"), .softBreak, .strong([.text("b"), .emphasis([.code("c")])]), .lineBreak, .html("<br/>"), .html("<i>")],
            [.link(destination: "x.md", children: [.text("link "), .image(source: "i.png", children: [.text("alt")])]), .text(" after")],
            [.emphasis([]), .text("é"), .html("</LI>"), .text("z")],
        ]
        for inlines in trees {
            #expect(inlines.plainText == inlines.map(\.plainText).joined(), "\(inlines)")
        }
    }

    @Test func stringsWrittenPieceByPieceAreThePiecesJoined() {
        let pieces = ["", "a", "short", "ünïcödé ✓", String(repeating: "long text ", count: 20),
                      String("xx-substring-yy".dropFirst(3).dropLast(3)), "\u{1F600}", "e\u{301}"]
        let total = pieces.reduce(0) { $0 + $1.utf8.count }
        let written = String(utf8Count: total) { writer in
            for piece in pieces { writer.append(piece) }
        }
        #expect(written == pieces.joined())
        #expect(written.utf8.count == total)
        // Fewer bytes than the count: the string is what was written.
        #expect(String(utf8Count: 10) { $0.append("abc") } == "abc")
        #expect(String(utf8Count: 0) { _ in }.isEmpty)
    }

    @Test func firstByteFoundWhereTheCharacterSearchFindsIt() {
        let texts = ["", "a", "key: value", "naïve: café", "— é :x: ", "[label]: dest", "a b c", "日本語 テキスト", "no match here", "\u{1F600} :"]
        for text in texts {
            for byte in [UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "]"), UInt8(ascii: "|")] {
                let character = Character(Unicode.Scalar(byte))
                #expect(text.utf8FirstIndex(of: byte) == text.firstIndex(of: character), "\(text) \(byte)")
                #expect(text.utf8Contains(byte: byte) == text.contains(character), "\(text) \(byte)")
                // A Substring that starts inside its string searches only its own bytes.
                let tail = text.dropFirst()
                #expect(tail.utf8FirstIndex(of: byte) == tail.firstIndex(of: character), "\(text) \(byte)")
            }
        }
    }

    @Test func suffixAndEqualityComparedWithoutCase() {
        let titles = ["callState values", "CALLSTATE VALUES", "Values", " values", "values", "x valuës", "Members", "MEMBERS", "members ", "Properties",
                      "propertiés", "", "v", "É values"]
        for title in titles {
            #expect(title.hasSuffixIgnoringCase(" values") == title.lowercased().hasSuffix(" values"), "\(title)")
            #expect(title.hasSuffixIgnoringCase("values") == title.lowercased().hasSuffix("values"), "\(title)")
            #expect(title.equalsIgnoringCase("members") == (title.lowercased() == "members"), "\(title)")
            #expect(title.equalsIgnoringCase("properties") == (title.lowercased() == "properties"), "\(title)")
            #expect(Substring(title).hasSuffixIgnoringCase(" values") == title.lowercased().hasSuffix(" values"), "\(title)")
        }
        #expect("anything".hasSuffixIgnoringCase(""))
        #expect("".equalsIgnoringCase(""))
    }
}
