import APIDocJSON
import Testing

@Suite("Strict JSON values and escapes")
struct StrictValueTests {
    @Test func literalsAtTopLevel() throws {
        #expect(try LenientJSON.parse("null").node.value == .null)
        #expect(try LenientJSON.parse("true").node.value == .bool(true))
        #expect(try LenientJSON.parse(" false ").node.value == .bool(false))
        #expect(try LenientJSON.parse("\"x\"").node.value == .string("x"))
        #expect(try LenientJSON.parse("42").node.value == .number("42"))
        #expect(try LenientJSON.parse("[]").node.value == .array([]))
        #expect(try LenientJSON.parse("{}").node.value == .object([]))
        #expect(try LenientJSON.parse(" \t\r\n{ \t\r\n} \t\r\n").issues.isEmpty)
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let literals = ["0", "-0", "1.50", "-3e2", "1E+10", "2.5e-3", "0.0", "123456789012345678901234567890", "-0.000001E-07"]
        let result = try LenientJSON.parse("[" + literals.joined(separator: ", ") + "]")
        #expect(result.issues.isEmpty)
        #expect(result.node.arrayValue?.map(\.value) == literals.map { .number($0) })
        #expect(result.node.arrayValue?.first?.numberText == "0")
    }

    @Test func simpleEscapes() throws {
        let result = try LenientJSON.parse(#""q\" b\\ s\/ \b\f\n\r\t end""#)
        #expect(result.issues.isEmpty)
        #expect(result.node.stringValue == "q\" b\\ s/ \u{8}\u{C}\n\r\t end")
    }

    @Test func unicodeEscapesAndSurrogatePairs() throws {
        let result = try LenientJSON.parse(#"["\u00e9\u00C9", "\u65E5\u672c", "\uD83D\uDE00", "\u0000", "a\u0022b"]"#)
        #expect(result.issues.isEmpty)
        #expect(result.node.arrayValue?.compactMap(\.stringValue) == ["éÉ", "日本", "😀", "\u{0}", "a\"b"])
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let result = try LenientJSON.parse(#"["\uD800", "\uDC00x", "\uD83D\u0041"]"#)
        #expect(result.node.arrayValue?.compactMap(\.stringValue) == ["\u{FFFD}", "\u{FFFD}x", "\u{FFFD}A"])
    }

    @Test func rawUnicodeAndNULPassThrough() throws {
        let result = try LenientJSON.parse("{\"clé\": \"héllo 日本 😀\", \"nul\": \"a\\u0000b\"}")
        #expect(result.issues.isEmpty)
        #expect(result.node["clé"]?.stringValue == "héllo 日本 😀")
        #expect(result.node["nul"]?.stringValue == "a\u{0}b")
    }

    @Test func nestedStructure() throws {
        let result = try LenientJSON.parse(#"{"a": [1, {"b": null, "c": [true, false]}], "d": {}}"#)
        #expect(result.issues.isEmpty)
        let inner = try #require(result.node["a"]?.arrayValue?[1])
        #expect(inner["b"]?.isNull == true)
        #expect(inner["c"]?.arrayValue?.compactMap(\.boolValue) == [true, false])
        #expect(result.node["d"]?.members?.isEmpty == true)
        #expect(result.node["missing"] == nil)
        #expect(result.node["a"]?["b"] == nil)
    }

    @Test func boolValueAcceptsBooleanStrings() throws {
        let result = try LenientJSON.parse(#"{"truncated": "true", "x": "false", "y": true, "z": "yes", "n": 1}"#)
        #expect(result.node["truncated"]?.boolValue == true)
        #expect(result.node["x"]?.boolValue == false)
        #expect(result.node["y"]?.boolValue == true)
        #expect(result.node["z"]?.boolValue == nil)
        #expect(result.node["n"]?.boolValue == nil)
    }

    @Test func substringInput() throws {
        let page = "<!-- { \"blockType\": \"response\" } -->"
        let start = try #require(page.firstIndex(of: "{"))
        let end = try #require(page.lastIndex(of: "}"))
        let result = try LenientJSON.parse(page[start...end], origin: at(7, 6))
        #expect(result.issues.isEmpty)
        #expect(result.node["blockType"]?.stringValue == "response")
        #expect(result.node.position == at(7, 6))
        #expect(result.node.members?.first?.keyPosition == at(7, 8))
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let result = try LenientJSON.parse("\u{FEFF}[1]")
        #expect(result.issues.isEmpty)
        #expect(result.node.arrayValue?.count == 1)
    }
}
