import APIDocJSON
import Testing

@Suite("Positions of members and nested values")
struct PositionTests {
    @Test func multiLineTextWithOrigin() throws {
        let text = """
            {
              "a": 1,
              "b": [true, {"c": null}]
            }
            """
        let result = try LenientJSON.parse(text, origin: at(10, 5))
        #expect(result.issues.isEmpty)
        let root = result.node
        #expect(root.position == at(10, 5))
        let members = try #require(root.members)
        #expect(members.map(\.keyPosition) == [at(11, 3), at(12, 3)])
        #expect(members[0].value.position == at(11, 8))
        let array = members[1].value
        #expect(array.position == at(12, 8))
        let elements = try #require(array.arrayValue)
        #expect(elements.map(\.position) == [at(12, 9), at(12, 15)])
        #expect(elements[1].members?.first?.keyPosition == at(12, 16))
        #expect(elements[1]["c"]?.position == at(12, 21))
    }

    @Test func originColumnOffsetsOnlyTheFirstLine() throws {
        let result = try LenientJSON.parse("{\"a\": 1,\n\"b\": 2}", origin: at(3, 7))
        #expect(result.node.position == at(3, 7))
        #expect(result.node.members?.map(\.keyPosition) == [at(3, 8), at(4, 1)])
        #expect(result.node["a"]?.position == at(3, 13))
        #expect(result.node["b"]?.position == at(4, 6))
    }

    @Test func columnsCountUTF8Bytes() throws {
        // "é" is two bytes, "😀" four.
        let result = try LenientJSON.parse("{\"é\": 1, \"😀\": 2}")
        #expect(result.node["é"]?.position == at(1, 8))
        #expect(result.node.members?.last?.keyPosition == at(1, 11))
        #expect(result.node["😀"]?.position == at(1, 19))
    }

    @Test func carriageReturnLineEndings() throws {
        let result = try LenientJSON.parse("[\r\n1,\r\n\r\n  2,\r3]")
        #expect(result.node.arrayValue?.map(\.position) == [at(2, 1), at(4, 3), at(5, 1)])
    }

    @Test func linesInsideStringsAndCommentsAreCounted() throws {
        let text = "{\"a\": \"one\ntwo\", /* x\ny */ \"b\":\n  [3]}"
        let result = try LenientJSON.parse(text, origin: at(2, 4))
        #expect(result.node.members?.last?.keyPosition == at(4, 6))
        #expect(result.node["b"]?.position == at(5, 3))
        #expect(result.node["b"]?.arrayValue?.first?.position == at(5, 4))
        #expect(result.issues.map(\.position) == [at(2, 14), at(3, 7)])
    }

    @Test func positionsCompareInDocumentOrder() {
        #expect(at(1, 9) < at(2, 1))
        #expect(at(2, 1) < at(2, 3))
        #expect(!(at(2, 3) < at(2, 3)))
        #expect(at(12, 5).description == "12:5")
    }
}
