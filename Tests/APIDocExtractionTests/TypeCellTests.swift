@testable import APIDocExtraction
import APIDocMarkdown
import Testing

/// Type cells as written in property, relationship and parameter tables.
@Suite("Type cells")
struct TypeCellTests {
    @Test func primitives() {
        #expect(shape("String") == one(.primitive("Edm.String")))
        #expect(shape("string") == one(.primitive("Edm.String")))
        #expect(shape("`string`") == one(.primitive("Edm.String")))
        #expect(shape("Boolean") == one(.primitive("Edm.Boolean")))
        #expect(shape("DateTimeOffset") == one(.primitive("Edm.DateTimeOffset")))
        #expect(shape("Edm.String") == one(.primitive("Edm.String")))
        #expect(shape("Edm.Int64") == one(.primitive("Edm.Int64")))
        #expect(shape("Json") == one(.primitive("Edm.Untyped")))
        #expect(shape("Stream") == one(.primitive("Edm.Stream")))
        #expect(shape("Binary") == one(.primitive("Edm.Binary")))
        #expect(shape("Guid") == one(.primitive("Edm.Guid")))
        #expect(shape("Duration") == one(.primitive("Edm.Duration")))
    }

    @Test func primitiveCollections() {
        #expect(shape("Int32 collection") == many(.primitive("Edm.Int32")))
        #expect(shape("String collection") == many(.primitive("Edm.String")))
        #expect(shape("Collection(String)") == many(.primitive("Edm.String")))
        #expect(shape("collection(string)") == many(.primitive("Edm.String")))
        #expect(shape("Collection(Edm.Guid)") == many(.primitive("Edm.Guid")))
    }

    /// ASCII cells are read on their bytes, other text on characters: the answers are the same.
    @Test func wordsAndIdentifiersAsciiOrNot() {
        #expect(TypeCellParser.hasWord("string collection", "collection"))
        #expect(TypeCellParser.hasWord("string collection\u{00A0}", "collection"))
        #expect(TypeCellParser.hasWord("collection(string)", "collection"))
        #expect(!TypeCellParser.hasWord("collections", "collection"))
        #expect(!TypeCellParser.hasWord("collections é", "collection"))
        #expect(!TypeCellParser.hasWord("my.collection", "collection"))
        #expect(!TypeCellParser.hasWord("my.collection é", "collection"))
        #expect(!TypeCellParser.hasWord("", "collection"))
        #expect(TypeCellParser.isIdentifier("callState") && TypeCellParser.isIdentifier("_x.y1"))
        #expect(!TypeCellParser.isIdentifier("1x") && !TypeCellParser.isIdentifier("a-b") && !TypeCellParser.isIdentifier(""))
        #expect(TypeCellParser.isIdentifier("café") && !TypeCellParser.isIdentifier("a\u{00A0}b"))
        #expect(shape("String collection\u{00A0}") == many(.primitive("Edm.String")))
    }

    @Test func qualifiersAroundAPrimitive() {
        #expect(shape("String (optional)") == one(.primitive("Edm.String")))
        #expect(shape("string (url)") == one(.primitive("Edm.String")))
        #expect(shape("**Boolean**") == one(.primitive("Edm.Boolean")))
    }

    @Test func linkedTypes() {
        #expect(shape("[call](call.md)") == one(.named("call", "call.md")))
        #expect(shape("[identitySet](../resources/identityset.md)") == one(.named("identitySet", "../resources/identityset.md")))
        #expect(shape("[callRoute](callroute.md) collection") == many(.named("callRoute", "callroute.md")))
        #expect(shape("collection([changeNotification](changenotification.md))") == many(.named("changeNotification", "changenotification.md")))
        #expect(shape("Collection([recipient](recipient.md))") == many(.named("recipient", "recipient.md")))
        #expect(shape("[fileHashType](filehashtypeenumtype.md) enum") == one(.named("fileHashType", "filehashtypeenumtype.md")))
    }

    @Test func linkTextThatIsNoIdentifierUsesTheLinkTarget() {
        #expect(shape("[Identity set](identityset.md)") == one(.named("identityset", "identityset.md")))
    }

    @Test func subNamespaceLinkText() {
        // callrecords-session.md
        #expect(shape("[microsoft.graph.callRecords.segment](callrecords-segment.md) collection")
            == many(.named("microsoft.graph.callRecords.segment", "callrecords-segment.md")))
    }

    @Test func oneOfSeveralLinkedTypes() throws {
        let type = try #require(types(["[appHostedMediaConfig](apphostedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)"]).first)
        guard case .oneOf(let choices) = type.kind else {
            Issue.record("expected oneOf, got \(type.kind)")
            return
        }
        #expect(choices.map(\.kind) == [.named("appHostedMediaConfig", "apphostedmediaconfig.md"), .named("serviceHostedMediaConfig", "servicehostedmediaconfig.md")])
        #expect(!type.collection)
        #expect(shape("[A](a.md) or [B](b.md)") == one(.oneOf([
            TypeRef(kind: .named("A", "a.md"), collection: false, location: at(7, 5)),
            TypeRef(kind: .named("B", "b.md"), collection: false, location: at(7, 5)),
        ])))
    }

    @Test func unlinkedTypeNames() {
        #expect(shape("callState") == one(.named("callState")))
        #expect(shape("modality collection") == many(.named("modality")))
        #expect(shape("`callDirection`") == one(.named("callDirection")))
        #expect(shape("microsoft.graph.externalConnectors.label collection") == many(.named("microsoft.graph.externalConnectors.label")))
    }

    @Test func referenceStyleLinks() {
        // baseitem.md: `[identitySet][]` with the definition at the bottom of the page.
        let definitions = "[identitySet]: identityset.md\n[itemReference]: itemreference.md"
        #expect(shape("[identitySet][]", definitions: definitions) == one(.named("identitySet", "identityset.md")))
        #expect(shape("[itemReference][]", definitions: definitions) == one(.named("itemReference", "itemreference.md")))
    }

    @Test func freeTextIsUnknown() {
        #expect(shape("A collection of the requested, derived type")?.kind == .unknown("A collection of the requested, derived type"))
        #expect(shape("A collection of the requested, derived type of [place](place.md)") == many(.named("place", "place.md")))
        #expect(shape("See the description") == one(.unknown("See the description")))
    }

    @Test func typeLocationIsTheTypeCell() throws {
        let type = try #require(types(["String", "[call](call.md)"]).last)
        #expect(type.location == at(8, 5))
    }

    @Test func externalLinksAreNotTypes() {
        #expect(TypeCellParser.isTypeLink("call.md"))
        #expect(TypeCellParser.isTypeLink("../resources/call.md#properties"))
        #expect(TypeCellParser.isTypeLink("/graph/api/resources/users"))
        #expect(!TypeCellParser.isTypeLink("https://docs.microsoft.com/x"))
        #expect(!TypeCellParser.isTypeLink("#anchor"))
        #expect(!TypeCellParser.isTypeLink("image.png"))
    }

    @Test func linkStems() {
        #expect(LinkTarget.stem("../resources/callRoute.md") == "callroute")
        #expect(LinkTarget.stem("call.md#properties") == "call")
        #expect(LinkTarget.stem("Call.MD") == "call")
        // The ASCII path on the bytes agrees with lower-casing the Characters and cutting `.md`.
        func byCharacters(_ destination: String) -> String {
            var text = Substring(destination)
            if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
            if let query = text.firstIndex(of: "?") { text = text[..<query] }
            if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
            var stem = text.lowercased()
            if stem.hasSuffix(".md") { stem.removeLast(3) }
            return stem
        }
        let destinations = ["", ".md", "md", "a.md", "A.Md", "x/.MD", "../api/User-Get.md?view=graph-rest-1.0#request", "dir/", "a.mdx", "a.md.md",
                            "/graph/api/resources/users", "Café.md", "../resources/ÉVÉNEMENT.MD#x", "a?b/c.md", "a#b?c", "x.md/", "日本.md"]
        for destination in destinations {
            #expect(LinkTarget.stem(destination) == byCharacters(destination), "\(destination)")
        }
    }

    @Test func publicParserOnInlines() {
        let document = MarkdownDocument.parse("[x]: x.md\n")
        let type = TypeCellParser.parse(inlines: document.inlines("[x][] collection"), location: at(3, 4))
        #expect(type == TypeRef(kind: .named("x", "x.md"), collection: true, location: at(3, 4)))
    }

    /// The one-word reading (no link, no separator) gives what the reading by words gives, for
    /// every kind of word: primitives in any case, `Edm.` names, identifiers, filler words, noise
    /// words, words that start with a digit or `json`.
    @Test func oneWordCellsReadAsTheWordsReadThem() {
        let words = [
            "String", "string", "STRING", "Edm.String", "edm.int64", "Int32", "DateTimeOffset", "timestamp", "Json", "json5", "JSONObject",
            "callState", "microsoft.graph.call", "_private", "x", "a", "an", "the", "of", "enum", "Enum", "collection", "Collection",
            "Optional", "optional", "OPTIONAL", "Required", "isRequired", "optionalClaims", "1abc", "123", "v1.0", ".hidden", "a_b.c",
            "Edm.", "edm", "Untyped", "object", "Any", "bool", "Binary",
        ]
        let location = SourceLocation(line: 3, column: 4)
        var readAsOneWord = 0
        for word in words {
            let inlines: [Inline] = [.text(word)]
            let slow = TypeCellParser.parseWords(word, lower: word.lowercased(), inlines: inlines, location: location)
            if let fast = TypeCellParser.singleWord(word, lower: word.lowercased(), inlines: inlines, location: location) {
                readAsOneWord += 1
                #expect(fast == slow, "\(word)")
            }
            #expect(TypeCellParser.parse(inlines: inlines, location: location) == slow, "\(word)")
        }
        #expect(readAsOneWord == words.count - 14)
        // Read the long way: more than one word, a link, a separator, text beyond ASCII.
        for text in ["String collection", "Collection(String)", "`String`", "String (optional)", "Straße", ""] {
            #expect(TypeCellParser.singleWord(text, lower: text.lowercased(), inlines: [.text(text)], location: location) == nil, "\(text)")
        }
        let linked: [Inline] = [.link(destination: "call.md", children: [.text("call")])]
        #expect(TypeCellParser.singleWord("call", lower: "call", inlines: linked, location: location) == nil)
        #expect(TypeCellParser.parse(inlines: linked, location: location).kind == .named(name: "call", link: "call.md"))
        // Filler and noise words are the ones the long way drops.
        for word in ["collection", "of", "the", "Optional", "Required"] {
            #expect(TypeCellParser.singleWord(word, lower: word.lowercased(), inlines: [.text(word)], location: location) == nil, "\(word)")
        }
    }

    /// Links told on the bytes as by the lower-cased text (a fragment beyond ASCII sends the same
    /// path the lower-cased way).
    @Test func typeLinksOnBytesAsOnTheLowerCasedText() {
        let samples = [
            "call.md", "Call.MD", "../resources/call.md", "/graph/api/resources/users", "HTTPS://x.com/a.md", "http://a", "Http://a.md", "https:/x.md",
            "a.b", "x.mdx", "md", ".md", "", "./call", "x.Md", "call.md?view=graph-rest-1.0", "resources/call", "#properties",
        ]
        for sample in samples {
            #expect(TypeCellParser.isTypeLink(sample + "#é") == TypeCellParser.isTypeLink(sample + "#e"), "\(sample)")
        }
        // Without a fragment: text beyond ASCII before the path sends it the lower-cased way.
        for sample in samples where !sample.hasPrefix("#") && !sample.lowercased().hasPrefix("http") {
            #expect(TypeCellParser.isTypeLink(sample) == TypeCellParser.isTypeLink("é/" + sample), "\(sample)")
        }
        #expect(!TypeCellParser.isTypeLink("HTTPS://graph.microsoft.com/v1.0/me"))
        #expect(TypeCellParser.isTypeLink("Call.MD"))
        #expect(!TypeCellParser.isTypeLink("#anchor.md"))
    }
}
