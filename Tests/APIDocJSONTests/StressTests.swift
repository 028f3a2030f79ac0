import APIDocJSON
import Testing

@Suite("Large and deep input completes")
struct StressTests {
    @Test func nestingAtTheLimit() throws {
        let depth = LenientJSON.maximumDepth
        let arrays = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        var node = try LenientJSON.parse(arrays).node
        var levels = 0
        while let inner = node.arrayValue?.first {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.value == .number("1"))
        #expect(node.position == at(1, depth + 1))

        let objects = String(repeating: "{\"a\":", count: depth) + "null" + String(repeating: "}", count: depth)
        let result = try LenientJSON.parse(objects)
        #expect(result.issues.isEmpty)
        #expect(result.node.jsonText() == objects)
    }

    @Test func hundredThousandElements() throws {
        let count = 100_000
        let text = "[" + (0..<count).map { "\($0)" }.joined(separator: ",\n") + "]"
        let result = try LenientJSON.parse(text)
        let elements = try #require(result.node.arrayValue)
        #expect(elements.count == count)
        #expect(elements.last?.numberText == "\(count - 1)")
        #expect(elements.last?.position == at(count, 1))
        #expect(result.issues.isEmpty)
    }

    @Test func largeObjectWithDistinctKeys() throws {
        let count = 50_000
        let text = "{" + (0..<count).map { "\"key\($0)\": \"\($0)\"" }.joined(separator: ", ") + "}"
        let result = try LenientJSON.parse(text)
        #expect(result.node.members?.count == count)
        #expect(result.issues.isEmpty)
    }

    @Test func megabytesOfLenientText() throws {
        // About 4 MB of members with comments, trailing commas and a long escaped string.
        let line = "  // note\n  {\"id\": \"\\u00e9x\\ty\", 'k': String, \"n\": 007, },\n"
        let text = "[\n" + String(repeating: line, count: 60_000) + "]"
        let result = try LenientJSON.parse(text)
        #expect(result.node.arrayValue?.count == 60_000)
        #expect(result.issues.count == 60_000 * 5 + 1)
        #expect(result.node.arrayValue?.last?["id"]?.stringValue == "éx\ty")
    }
}
