import APIDocRuntime
import Foundation
import Testing

/// A hand-written type in exactly the shape the generator emits.
public struct Sample: Codable, Hashable, Sendable {
    public var id: Swift.String?
    public var name: Swift.String?
    public var additionalProperties: [Swift.String: APIDocRuntime.JSONValue]
    enum CodingKeys: Swift.String, Swift.CodingKey, Swift.CaseIterable { case id = "id"; case name = "name" }
    public init(id: Swift.String? = nil, name: Swift.String? = nil, additionalProperties: [Swift.String: APIDocRuntime.JSONValue] = [:]) {
        self.id = id
        self.name = name
        self.additionalProperties = additionalProperties
    }
    public init(from decoder: any Swift.Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decodeIfPresent(Swift.String.self, forKey: .id)
        self.name = try container.decodeIfPresent(Swift.String.self, forKey: .name)
        self.additionalProperties = try APIDocRuntime.AdditionalProperties.decode(from: decoder, knownKeys: Sample.knownKeys)
    }
    public func encode(to encoder: any Swift.Encoder) throws {
        try APIDocRuntime.AdditionalProperties.encode(additionalProperties, to: encoder)   // first, so typed values below win
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
    }
    static let knownKeys: Set<Swift.String> = Set(CodingKeys.allCases.map(\.rawValue))
}

@Suite struct AdditionalPropertiesTests {
    let input = #"{"id":"1","x":{"a":[1,2.5,null]},"name":null}"#

    @Test func decodesUnknownKeysAndExplicitNull() throws {
        let sample = try JSONDecoder().decode(Sample.self, from: Data(input.utf8))
        #expect(sample.id == "1")
        #expect(sample.name == nil)
        #expect(sample.additionalProperties == ["x": ["a": [1, 2.5, nil]], "name": nil])
        #expect(sample.additionalProperties["id"] == nil)
    }

    @Test func roundTripsExactly() throws {
        let sample = try JSONDecoder().decode(Sample.self, from: Data(input.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(text == #"{"id":"1","name":null,"x":{"a":[1,2.5,null]}}"#)
        let reparsed = try JSONValue.parse(Data(text.utf8))
        #expect(reparsed.isEquivalent(to: try JSONValue.parse(Data(input.utf8))))
        #expect(try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) == sample)
    }

    @Test func typedValueWinsOverAdditionalProperty() throws {
        var sample = try JSONDecoder().decode(Sample.self, from: Data(input.utf8))
        sample.name = "typed"
        sample.additionalProperties["id"] = "stale"
        let value = try JSONValue.parse(GraphJSON.encoder().encode(sample))
        #expect(value == ["id": "1", "name": "typed", "x": ["a": [1, 2.5, nil]]])
    }

    @Test func defaultEncoderKeepsBothContainersInOneObject() throws {
        // Without sortedKeys, to be sure no output formatting hides a second object.
        let sample = Sample(id: "7", name: "n", additionalProperties: ["extra": true, "name": "old"])
        let data = try JSONEncoder().encode(sample)
        let object = try #require(try JSONValue.parse(data).objectValue)
        #expect(object == ["id": "7", "name": "n", "extra": true])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.components(separatedBy: "\"name\"").count == 2, "key written once: \(text)")
    }

    @Test func nonObjectThrows() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Sample.self, from: Data("[1]".utf8))
        }
    }
}
