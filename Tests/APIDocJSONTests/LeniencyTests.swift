import APIDocJSON
import Testing

@Suite("Each forgiven defect, with its position")
struct LeniencyTests {
    @Test func trailingCommaInObject() throws {
        let result = try LenientJSON.parse(#"{ "blockType": "response", }"#)
        #expect(result.kinds == [.trailingComma])
        #expect(result.issues.first?.position == at(1, 26))
        #expect(result.node["blockType"]?.stringValue == "response")
    }

    @Test func trailingCommaInArray() throws {
        let result = try LenientJSON.parse("[1,2,\n]")
        #expect(result.kinds == [.trailingComma])
        #expect(result.issues.first?.position == at(1, 5))
        #expect(result.node.arrayValue?.count == 2)
    }

    @Test func comments() throws {
        let result = try LenientJSON.parse("// comment\n{\"a\": 1 /* inline */}\n// after")
        #expect(result.kinds == [.comment, .comment, .comment])
        #expect(result.issues.map(\.position) == [at(1, 1), at(2, 9), at(3, 1)])
        #expect(result.node["a"]?.numberText == "1")
    }

    @Test func nonBreakingSpacesAreReportedOnceALine() throws {
        let result = try LenientJSON.parse("{\u{A0}\u{A0}\"a\": String\u{A0}\u{A0},\n\u{A0}\"b\":\u{A0}[1\u{A0},\u{A0}true\u{A0}],\n c\u{A0}: 0}")
        #expect(result.kinds == [.comment, .bareWord, .comment, .unquotedKey, .comment])
        #expect(result.issues.map(\.position) == [at(1, 2), at(1, 11), at(2, 1), at(3, 2), at(3, 3)])
        #expect(result.node["a"]?.stringValue == "String")
        #expect(result.node["b"]?.jsonText() == "[1,true]")
        #expect(result.node["c"]?.numberText == "0")
    }

    @Test func unquotedKey() throws {
        let result = try LenientJSON.parse("{ isCollection: true, @odata.type: \"x\" }")
        #expect(result.kinds == [.unquotedKey, .unquotedKey])
        #expect(result.issues.map(\.position) == [at(1, 3), at(1, 23)])
        #expect(result.node["isCollection"]?.boolValue == true)
        #expect(result.node["@odata.type"]?.stringValue == "x")
    }

    @Test func singleQuotedStrings() throws {
        let result = try LenientJSON.parse(#"{'a': 'it\'s "so"'}"#)
        #expect(result.kinds == [.singleQuotedString, .singleQuotedString])
        #expect(result.issues.map(\.position) == [at(1, 2), at(1, 7)])
        #expect(result.node["a"]?.stringValue == "it's \"so\"")
    }

    @Test func rawControlCharacterInString() throws {
        let result = try LenientJSON.parse("{\"a\": \"x\ty\",\n \"b\": \"1\n2\"}")
        #expect(result.kinds == [.controlCharacterInString, .controlCharacterInString])
        #expect(result.issues.map(\.position) == [at(1, 9), at(2, 9)])
        #expect(result.node["a"]?.stringValue == "x\ty")
        #expect(result.node["b"]?.stringValue == "1\n2")
    }

    @Test func rawControlCharactersAreReportedOnceAString() throws {
        let result = try LenientJSON.parse("{\"description\": \"line one\n\tline two\r\nend\"}")
        #expect(result.kinds == [.controlCharacterInString])
        #expect(result.issues.first?.position == at(1, 26))
        #expect(result.issues.first?.message.contains("4 raw control characters") == true)
        #expect(result.node["description"]?.stringValue == "line one\n\tline two\r\nend")
    }

    @Test func ellipsisAsArrayElement() throws {
        let result = try LenientJSON.parse("[1, ...]")
        #expect(result.kinds == [.ellipsis])
        #expect(result.issues.first?.position == at(1, 5))
        let elements = try #require(result.node.arrayValue)
        #expect(elements.map(\.isEllipsis) == [false, true])
        #expect(elements[1].value == .string("..."))
        #expect(elements[1].stringValue == nil)
    }

    @Test func ellipsisAsMember() throws {
        let result = try LenientJSON.parse("{\"a\": 1, ... }")
        #expect(result.kinds == [.ellipsis])
        #expect(result.issues.first?.position == at(1, 10))
        let members = try #require(result.node.members)
        #expect(members.map(\.key) == ["a", "..."])
        #expect(members[1].value.isEllipsis)
        #expect(members[1].keyPosition == at(1, 10))
    }

    @Test func ellipsisAsValueAndInEmptyContainers() throws {
        let result = try LenientJSON.parse("{\"a\": ..., \"b\": [...], \"c\": {…}, \"d\": [ ... more items ... ]}")
        #expect(result.kinds == [.ellipsis, .ellipsis, .ellipsis, .ellipsis])
        #expect(result.issues.map(\.position) == [at(1, 7), at(1, 18), at(1, 30), at(1, 43)])
        #expect(result.node["a"]?.isEllipsis == true)
        #expect(result.node["b"]?.arrayValue?.first?.isEllipsis == true)
        #expect(result.node["c"]?.members?.first?.value.isEllipsis == true)
        #expect(result.node["d"]?.arrayValue?.first?.value == .string("... more items ..."))
        #expect(result.node.jsonText() == #"{"b":[],"c":{},"d":[]}"#)
    }

    @Test func bareWordValues() throws {
        let result = try LenientJSON.parse(#"{"a": String, "b": microsoft.graph.user, "c": Collection(Edm.String) }"#)
        #expect(result.kinds == [.bareWord, .bareWord, .bareWord])
        #expect(result.issues.map(\.position) == [at(1, 7), at(1, 20), at(1, 47)])
        #expect(result.node["a"]?.stringValue == "String")
        #expect(result.node["b"]?.stringValue == "microsoft.graph.user")
        #expect(result.node["c"]?.stringValue == "Collection(Edm.String)")
    }

    @Test func literalsAreNotBareWordsButLookalikesAre() throws {
        let result = try LenientJSON.parse("[true, false, null, True, nullable, 2020-01-01, -, 1.]")
        #expect(result.node.arrayValue?.prefix(3).map(\.value) == [.bool(true), .bool(false), .null])
        #expect(result.node.arrayValue?.dropFirst(3).compactMap(\.stringValue) == ["True", "nullable", "2020-01-01", "-", "1."])
        #expect(result.kinds == Array(repeating: .bareWord, count: 5))
    }

    @Test func bareWordsWithSpacesInsideAnArray() throws {
        let result = try LenientJSON.parse("[Zip file containing a package]")
        #expect(result.node.arrayValue?.first?.stringValue == "Zip file containing a package")
        #expect(result.kinds == [.bareWord])
        #expect(result.issues.first?.position == at(1, 2))
    }

    @Test func bareWordRunsToEndOfLineOrDelimiter() throws {
        // An unbalanced quote, as in a real page annotation.
        let result = try LenientJSON.parse("{\"description\": translationPreferences resource\",\n \"x\": Int32 // type\n}")
        #expect(result.node["description"]?.stringValue == "translationPreferences resource\"")
        #expect(result.node["x"]?.stringValue == "Int32")
        #expect(result.kinds == [.bareWord, .bareWord, .comment])
    }

    @Test func longWordsAreCutInMessages() throws {
        let word = String(repeating: "w", count: 500)
        let result = try LenientJSON.parse("[\(word)]")
        #expect(result.node.arrayValue?.first?.stringValue == word)
        #expect(result.issues.first?.message == "bare word \"" + String(repeating: "w", count: 40) + "…\" read as a string")
    }

    @Test func leadingZeros() throws {
        let result = try LenientJSON.parse("{\"n\": 0000000000, \"m\": -01.5}")
        #expect(result.kinds == [.leadingZero, .leadingZero])
        #expect(result.issues.map(\.position) == [at(1, 7), at(1, 24)])
        #expect(result.node["n"]?.value == .number("0000000000"))
        #expect(result.node["m"]?.value == .number("-01.5"))
    }

    @Test func missingCommaBetweenMembers() throws {
        let result = try LenientJSON.parse("{\"a\": 1\n \"b\": 2}")
        #expect(result.kinds == [.missingComma])
        #expect(result.issues.first?.position == at(1, 8))
        #expect(result.node.members?.map(\.key) == ["a", "b"])
    }

    @Test func missingCommaBetweenElements() throws {
        let result = try LenientJSON.parse("[{\"a\": 1}\n{\"a\": 2} \"x\"]")
        #expect(result.kinds == [.missingComma, .missingComma])
        #expect(result.issues.map(\.position) == [at(1, 10), at(2, 9)])
        #expect(result.node.arrayValue?.count == 3)
    }

    @Test func duplicateKey() throws {
        let result = try LenientJSON.parse(#"{"a": 1, "a": 2}"#)
        #expect(result.kinds == [.duplicateKey])
        #expect(result.issues.first?.position == at(1, 10))
    }

    @Test func trailingData() throws {
        let result = try LenientJSON.parse("{\"a\": 1}\n  {\"b\": 2}", origin: at(5, 1))
        #expect(result.kinds == [.trailingData])
        #expect(result.issues.first?.position == at(6, 3))
        #expect(result.node.members?.map(\.key) == ["a"])
    }

    @Test func trailingCommentIsNoTrailingData() throws {
        let result = try LenientJSON.parse("[1] // done\n")
        #expect(result.kinds == [.comment])
    }

    @Test func everyKindInOneText() throws {
        let text = """
            // annotation
            { isCollection: true, 'q': 1,
              "t": "a\tb", "e": [1, ...], "w": String, "z": 007
              "d": 1, "d": 2, }
            trailing
            """
        let result = try LenientJSON.parse(text)
        #expect(Set(result.kinds) == Set(JSONLeniency.allCases))
        #expect(result.issues == result.issues.sorted { $0.position < $1.position })
    }

    @Test func strictTextHasNoIssues() throws {
        let text = #"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": [{"id": "87d349ed", "n": -1.5e3, "ok": true, "x": null}]}"#
        #expect(try LenientJSON.parse(text).issues.isEmpty)
    }
}
