import APIDocGeneratorCore
import Foundation
import Testing

/// `apidocgen model` keeps the documented JSON shape.
@Suite struct ModelShapeTests {
    @Test func modelJSONHasTheDocumentedShape() throws {
        let analysis = try Pipeline.analyze(PageLoader.Input(root: PackagePaths.docs, displayRoot: "docs"))
        let json = try Pipeline.modelJSON(analysis.model)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let types = try #require(object["types"] as? [[String: Any]])
        let call = try #require(types.first { $0["name"] as? String == "microsoft.graph.call" })
        #expect(call["kind"] as? String == "entity")
        #expect(call["baseType"] as? String == "microsoft.graph.entity")
        #expect(call["abstract"] as? Bool == false)
        #expect((call["source"] as? String)?.hasPrefix("docs/resources/call.md:") == true)
        let properties = try #require(call["properties"] as? [[String: Any]])
        let state = try #require(properties.first { $0["name"] as? String == "state" })
        #expect(state["type"] as? String == "microsoft.graph.callState")
        #expect(state["collection"] as? Bool == false)
        let callState = try #require(types.first { $0["name"] as? String == "microsoft.graph.callState" })
        #expect(callState["kind"] as? String == "enum")
        let members = try #require(callState["members"] as? [[String: Any]])
        #expect(members.count == 11)
        #expect(members.allSatisfy { $0.keys.contains("value") && $0["value"] is NSNull })
        let operations = try #require(object["operations"] as? [[String: Any]])
        let create = try #require(operations.first { $0["name"] as? String == "createCall" })
        #expect(create["method"] as? String == "POST")
        #expect(create["paths"] as? [String] == ["/communications/calls"])
        #expect((create["requestBody"] as? [String: Any])?["type"] as? String == "microsoft.graph.call")
        let response = try #require(create["response"] as? [String: Any])
        #expect(response["status"] as? Int == 201)
        #expect(response["type"] as? String == "microsoft.graph.call")
        #expect(response["collection"] as? Bool == false)
        #expect((create["source"] as? String)?.hasPrefix("docs/api/application-post-calls.md:") == true)
        let get = try #require(operations.first { $0["name"] as? String == "getCall" })
        #expect(get["requestBody"] is NSNull)
    }
}
