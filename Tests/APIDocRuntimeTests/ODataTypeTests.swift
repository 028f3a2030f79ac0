import APIDocRuntime
import Foundation
import Testing

/// Decodes with `ODataType.peek`, then decodes the value itself from the same decoder.
struct Peeked: Decodable {
    var odataType: String?
    var body: JSONValue

    init(from decoder: any Decoder) throws {
        odataType = try ODataType.peek(decoder)
        body = try JSONValue(from: decoder)
    }
}

/// A two-case polymorphic type in the shape the generator emits.
enum Attachment: Decodable, Equatable {
    case file(name: String)
    case item(name: String)
    case unknown(JSONValue)

    private enum CodingKeys: String, CodingKey { case name }

    init(from decoder: any Decoder) throws {
        let odataType = try ODataType.peek(decoder)
        if let odataType, ODataType.matches(odataType, "microsoft.graph.fileAttachment") {
            self = .file(name: try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name))
        } else if let odataType, ODataType.matches(odataType, "microsoft.graph.itemAttachment") {
            self = .item(name: try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name))
        } else {
            self = .unknown(try JSONValue(from: decoder))
        }
    }
}

@Suite struct ODataTypeTests {
    func peek(_ json: String) throws -> Peeked {
        try JSONDecoder().decode(Peeked.self, from: Data(json.utf8))
    }

    @Test func peeksObjectAnnotation() throws {
        let value = try peek(##"{"@odata.type":"#microsoft.graph.call","id":"1"}"##)
        #expect(value.odataType == "#microsoft.graph.call")
        #expect(value.body == ["@odata.type": "#microsoft.graph.call", "id": "1"])
    }

    @Test func nilWithoutAnnotationOrObject() throws {
        #expect(try peek(#"{"id":"1"}"#).odataType == nil)
        #expect(try peek(#"[1,2]"#).odataType == nil)
        #expect(try peek(#""text""#).odataType == nil)
        #expect(try peek(#"null"#).odataType == nil)
        #expect(try peek(#"{"@odata.type":42}"#).odataType == nil)
        #expect(try peek(#"[1,2]"#).body == [1, 2])
    }

    @Test func matchesIgnoringHashAndCase() {
        #expect(ODataType.matches("#microsoft.graph.call", "microsoft.graph.call"))
        #expect(ODataType.matches("microsoft.graph.call", "#microsoft.graph.call"))
        #expect(ODataType.matches("#Microsoft.Graph.Call", "microsoft.graph.call"))
        #expect(ODataType.matches("microsoft.graph.call", "microsoft.graph.call"))
        #expect(!ODataType.matches("#microsoft.graph.callRecord", "microsoft.graph.call"))
        #expect(!ODataType.matches("##microsoft.graph.call", "microsoft.graph.call"))
        #expect(!ODataType.matches("#graph.call", "microsoft.graph.call"))
        #expect(!ODataType.matches("", "microsoft.graph.call"))
    }

    @Test func annotationAddsHash() {
        #expect(ODataType.annotation("microsoft.graph.user") == "#microsoft.graph.user")
        #expect(ODataType.annotation("#microsoft.graph.user") == "#microsoft.graph.user")
    }

    @Test func drivesPolymorphicDecoding() throws {
        let json = ##"""
        [{"@odata.type":"#microsoft.graph.fileAttachment","name":"a.txt"},
         {"@odata.type":"#microsoft.graph.itemAttachment","name":"mail"},
         {"name":"plain"}]
        """##
        let values = try JSONDecoder().decode([Attachment].self, from: Data(json.utf8))
        #expect(values == [.file(name: "a.txt"), .item(name: "mail"), .unknown(["name": "plain"])])
    }
}
