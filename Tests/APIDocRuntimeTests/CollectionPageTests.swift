import APIDocRuntime
import Foundation
import Testing

@Suite struct CollectionPageTests {
    struct Item: Codable, Hashable, Sendable { var id: String }

    let json = #"""
    {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","@odata.count":42,
     "@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=X%27Y","value":[{"id":"1"},{"id":"2"}],
     "custom":{"k":[true,null]}}
    """#

    @Test func decodesKnownAndUnknownKeys() throws {
        let page = try GraphJSON.decoder().decode(CollectionPage<Item>.self, from: Data(json.utf8))
        #expect(page.value == [Item(id: "1"), Item(id: "2")])
        #expect(page.nextLink == "https://graph.microsoft.com/v1.0/users?$skiptoken=X%27Y")
        #expect(page.count == 42)
        #expect(page.context == "https://graph.microsoft.com/v1.0/$metadata#users")
        #expect(page.additionalProperties == ["custom": ["k": [true, nil]]])
    }

    @Test func roundTrips() throws {
        let page = try GraphJSON.decoder().decode(CollectionPage<Item>.self, from: Data(json.utf8))
        let encoded = try GraphJSON.encoder().encode(page)
        #expect(try JSONValue.parse(encoded) == JSONValue.parse(Data(json.utf8)))
        #expect(try GraphJSON.decoder().decode(CollectionPage<Item>.self, from: encoded) == page)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""@odata.nextLink":"https://graph"#))
    }

    @Test func minimalPageAndDeltaLink() throws {
        let page = try JSONDecoder().decode(
            CollectionPage<JSONValue>.self, from: Data(#"{"@odata.deltaLink":"https://d","value":[1,"a"]}"#.utf8))
        #expect(page.value == [1, "a"])
        #expect(page.nextLink == nil)
        #expect(page.count == nil)
        #expect(page.deltaLink == "https://d")
        let empty = try JSONDecoder().decode(CollectionPage<Item>.self, from: Data("{}".utf8))
        #expect(empty == CollectionPage<Item>())
        #expect(try JSONValue.parse(GraphJSON.encoder().encode(empty)) == ["value": []])
    }

    @Test func typedMembersWinOnEncode() throws {
        let page = CollectionPage(
            value: [Item(id: "1")], nextLink: "https://next",
            additionalProperties: ["@odata.nextLink": "stale", "other": 1])
        #expect(try JSONValue.parse(GraphJSON.encoder().encode(page)) ==
            ["value": [["id": "1"]], "@odata.nextLink": "https://next", "other": 1])
    }
}

@Suite struct GraphJSONTests {
    @Test func encoderSortsKeysAndKeepsSlashes() throws {
        let data = try GraphJSON.encoder().encode(["b": "a/b", "a": "x"])
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":"x","b":"a/b"}"#)
    }
}
