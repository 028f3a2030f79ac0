import APIDocRuntime
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func decodesInDocumentedOrder() throws {
        let value = try JSONValue.parse(Data(#"[null, true, false, 1, -7, 1.5, "s", [], {}, 9223372036854775808]"#.utf8))
        #expect(value == .array([.null, .bool(true), .bool(false), .integer(1), .integer(-7), .double(1.5), .string("s"), .array([]), .object([:]), .double(9223372036854775808)]))
    }

    @Test func integerVersusDouble() throws {
        #expect(try JSONValue.parse(Data("1".utf8)) == .integer(1))
        #expect(try JSONValue.parse(Data("1.5".utf8)) == .double(1.5))
        #expect(try JSONValue.parse(Data("\"1\"".utf8)) == .string("1"))
        #expect(try JSONValue.parse(Data("true".utf8)) == .bool(true))
    }

    @Test func nestedObject() throws {
        let value = try JSONValue.parse(Data(#"{"a":{"b":[1,{"c":null}]},"d":"x"}"#.utf8))
        #expect(value["a"]?["b"]?[1]?["c"] == .null)
        #expect(value["d"]?.stringValue == "x")
        #expect(value["missing"] == nil)
        #expect(value["a"]?["b"]?[5] == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.string("x")["a"] == nil)
    }

    @Test func literals() {
        let value: JSONValue = ["n": nil, "b": true, "i": 3, "d": 2.5, "s": "t", "a": [1, "x"]]
        #expect(value == .object([
            "n": .null, "b": .bool(true), "i": .integer(3), "d": .double(2.5), "s": .string("t"),
            "a": .array([.integer(1), .string("x")]),
        ]))
    }

    @Test func equivalenceComparesNumbersNumerically() {
        #expect(JSONValue.integer(1).isEquivalent(to: .double(1.0)))
        #expect(JSONValue.double(1.0).isEquivalent(to: .integer(1)))
        #expect(JSONValue.integer(1) != .double(1.0))
        #expect(!JSONValue.integer(1).isEquivalent(to: .double(1.5)))
        #expect(!JSONValue.integer(1).isEquivalent(to: .string("1")))
        #expect(!JSONValue.bool(true).isEquivalent(to: .integer(1)))
        #expect(!JSONValue.null.isEquivalent(to: .integer(0)))
        let a: JSONValue = ["x": [1, 2.0, ["y": 3]]]
        let b: JSONValue = ["x": [1.0, 2, ["y": 3.0]]]
        #expect(a.isEquivalent(to: b))
        #expect(!a.isEquivalent(to: ["x": [1, 2, ["y": 4]]]))
        #expect(!a.isEquivalent(to: ["x": [1, 2]]))
        #expect(!a.isEquivalent(to: ["x": [1, 2, ["y": 3]], "z": nil]))
    }

    @Test func encodesRoundTrip() throws {
        let text = #"{"a":[1,2.5,null,true,"s/t"],"b":{"c":-3}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(String(decoding: try value.jsonData(), as: UTF8.self) == text)
        #expect(value.description == text)
        #expect(try JSONValue.parse(JSONEncoder().encode(value)) == value)
    }

    @Test func accessors() {
        #expect(JSONValue.integer(4).doubleValue == 4)
        #expect(JSONValue.double(4).int64Value == 4)
        #expect(JSONValue.double(4.5).int64Value == nil)
        #expect(JSONValue.bool(false).boolValue == false)
        #expect(JSONValue.null.isNull)
        #expect(JSONValue.string("a").arrayValue == nil)
        #expect(JSONValue.object(["k": 1]).objectValue == ["k": 1])
    }

    @Test func convertsCodableValues() throws {
        struct Point: Codable, Equatable { var x: Int; var label: String? }
        let value = try JSONValue(encoding: Point(x: 3, label: "p"))
        #expect(value == ["x": 3, "label": "p"])
        #expect(try value.decode(as: Point.self) == Point(x: 3, label: "p"))
    }

    @Test func invalidJSONThrows() {
        #expect(throws: DecodingError.self) { try JSONValue.parse(Data("{nope".utf8)) }
        #expect(throws: (any Error).self) { try JSONValue.parse(Data()) }
    }
}

@Suite struct AnyCodingKeyTests {
    @Test func keys() {
        let literal: AnyCodingKey = "@odata.type"
        #expect(literal.stringValue == "@odata.type")
        #expect(literal.intValue == nil)
        #expect(AnyCodingKey(intValue: 3)?.stringValue == "3")
        #expect(AnyCodingKey(intValue: 3)?.intValue == 3)
        #expect(AnyCodingKey(stringValue: "a") == AnyCodingKey("a"))
    }
}
