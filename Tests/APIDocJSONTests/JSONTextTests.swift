import APIDocJSON
import Testing

@Suite("jsonText() renders compact strict JSON")
struct JSONTextTests {
    @Test func compactStrictTextRoundTripsExactly() throws {
        let texts = [
            #"{"z":1,"a":[1.50,-3e2,0,true,false,null],"m":{"":"","k":{}},"s":"é😀"}"#,
            #"[]"#,
            #""just a string""#,
            #"[[[{"a":[]}]]]"#,
        ]
        for text in texts {
            #expect(try LenientJSON.parse(text).node.jsonText() == text)
        }
    }

    @Test func whitespaceIsRemoved() throws {
        let result = try LenientJSON.parse("{\n  \"a\" : [ 1 , 2 ] ,\n  \"b\" : { }\n}")
        #expect(result.node.jsonText() == #"{"a":[1,2],"b":{}}"#)
    }

    @Test func stringsAreEscaped() throws {
        let result = try LenientJSON.parse(#"["q\"b\\s\/ \b\f\n\r\t \u0001 \u007f é"]"#)
        #expect(result.node.jsonText() == "[\"q\\\"b\\\\s/ \\b\\f\\n\\r\\t \\u0001 \u{7F} é\"]")
    }

    @Test func lenientTextBecomesStrictText() throws {
        let lenient = """
            // example
            { isCollection: true, 'name': 'x', "n": 007, "t": "a\tb",
              "list": [1, 2, ..., ], "w": String
              "more": {"a": 1, ...}, ...
            }
            """
        let first = try LenientJSON.parse(lenient)
        #expect(!first.issues.isEmpty)
        let strict = first.node.jsonText()
        #expect(strict == #"{"isCollection":true,"name":"x","n":7,"t":"a\tb","list":[1,2],"w":"String","more":{"a":1}}"#)
        let second = try LenientJSON.parse(strict)
        #expect(second.issues.isEmpty)
        #expect(second.node.jsonText() == strict)
    }

    @Test func numbersAreNormalisedOnlyWhenNeeded() throws {
        #expect(JSONNode(value: .number("-00.50e+01")).jsonText() == "-0.50e+01")
        #expect(JSONNode(value: .number("0000000000")).jsonText() == "0")
        #expect(JSONNode(value: .number("12")).jsonText() == "12")
        #expect(JSONNode(value: .number("0x1F")).jsonText() == #""0x1F""#)
    }

    @Test func ellipsisAlone() throws {
        let result = try LenientJSON.parse("...")
        #expect(result.node.isEllipsis)
        #expect(result.node.jsonText() == "null")
    }
}
