import APIDocJSON
import Testing

@Suite("Member order and duplicate keys")
struct MemberOrderTests {
    @Test func membersKeepDocumentOrder() throws {
        let result = try LenientJSON.parse(##"{"z": 1, "a": 2, "m": 3, "@odata.type": "#x", "b": {"y": 0, "x": 0}}"##)
        #expect(result.issues.isEmpty)
        #expect(result.node.members?.map(\.key) == ["z", "a", "m", "@odata.type", "b"])
        #expect(result.node["b"]?.members?.map(\.key) == ["y", "x"])
    }

    @Test func duplicateKeysAreKeptAndReported() throws {
        let result = try LenientJSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(result.node.members?.map(\.key) == ["a", "b", "a"])
        #expect(result.node["a"]?.numberText == "1")
        #expect(result.node.members?.last?.value.numberText == "3")
        #expect(result.kinds == [.duplicateKey])
        #expect(result.issues.first?.position == at(1, 18))
        #expect(result.issues.first?.message.contains("1:2") == true)
    }

    @Test func sameKeyInDifferentObjectsIsNoDuplicate() throws {
        let result = try LenientJSON.parse(#"[{"id": 1}, {"id": 2, "child": {"id": 3}}]"#)
        #expect(result.issues.isEmpty)
    }

    @Test func duplicatesInLargeObjectsAreFound() throws {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        let text = "{" + keys.joined(separator: ",\n") + ",\n\"k3\": 99,\n\"k39\": 100}"
        let result = try LenientJSON.parse(text)
        #expect(result.node.members?.count == 42)
        #expect(result.kinds == [.duplicateKey, .duplicateKey])
        #expect(result.issues.map(\.position) == [at(41, 1), at(42, 1)])
        #expect(result.issues.first?.message.contains("4:1") == true)
    }

    @Test func ellipsisMembersAreNoDuplicates() throws {
        let result = try LenientJSON.parse("{\"a\": 1, ..., ...}")
        #expect(result.kinds == [.ellipsis, .ellipsis])
        #expect(result.node.members?.map(\.key) == ["a", "...", "..."])
    }
}
