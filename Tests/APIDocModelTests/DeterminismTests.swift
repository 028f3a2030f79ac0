import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Foundation
import Testing

/// Resolution does not depend on the order the pages come in.
@Suite("Determinism")
struct DeterminismTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pages that exercise every order-sensitive path: duplicates, enum conflicts, name clashes,
    /// prose enums, request bodies defined from tables, one-of, missing pages.
    var docs: [Doc] {
        [
            resourceDoc("entity", annotation: ["\"keyProperty\": \"id\""], properties: ["|id|String|I.|"]),
            resourceDoc("call", annotation: ["\"baseType\": \"microsoft.graph.entity\""], properties: [
                "|state|callState|Possible values are: `incoming`, `ringing`.|",
                "|config|[mediaConfig](mediaconfig.md)|C.|",
                "|missing|[nothing](nothing.md)|M.|",
                "|choice|[identity](identity.md) or [chatInfo](chatinfo.md)|X.|",
            ]),
            resourceDoc("call", path: "docs/resources/call-copy.md", properties: ["|other|String|O.|"]),
            resourceDoc("mediaConfig", annotation: ["\"abstract\": true"], properties: ["|r|Boolean|R.|"]),
            resourceDoc("appHostedMediaConfig", intro: "Inherits from [mediaConfig](mediaconfig.md).", properties: ["|blob|String|B.|"]),
            resourceDoc("identity", properties: ["|displayName|String|D.|"]),
            resourceDoc("chatInfo", properties: ["|threadId|String|T.|", "|mode|chatMode|Possible values are: `a`, `b`.|"]),
            resourceDoc("meetingInfo", properties: ["|mode|chatMode|Possible values are: `b`, `c`.|"]),
            Doc("docs/resources/enums.md", "# Enums\n\nNamespace: microsoft.graph\n\n### callState values\n\n|Member|\n|:---|\n|incoming|\n|established|\n"),
            apiDoc("docs/api/call-get.md", title: "Get call", requests: ["GET /communications/calls/{id}"],
                   response: "If successful, this method returns a `200 OK` response code and a [call](../resources/call.md) object in the response body."),
            apiDoc("docs/api/call-get-app.md", title: "Get call", requests: ["GET /app/calls/{id}"]),
            apiDoc("docs/api/widget-post.md", title: "Create widgets", requests: ["POST /widgets"],
                   body: "In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.\n\n|Property|Type|Description|\n|:---|:---|:---|\n|name|String|N.|\n|kind|widgetKind|Possible values are: `x`, `y`.|"),
            apiDoc("docs/api/call-answer.md", title: "call: answer", requests: ["POST /communications/calls/{id}/answer", "POST /app/calls/{id}/answer"],
                   body: "In the request body, provide a JSON object with the following parameters.\n\n|Parameter|Type|Description|\n|:---|:---|:---|\n|mediaConfig|[appHostedMediaConfig](../resources/apphostedmediaconfig.md)|M.|"),
        ]
    }

    @Test func shuffledPagesGiveTheIdenticalModel() throws {
        let pages = docs.map(\.page)
        let reference = Resolver.resolve(pages)
        #expect(!reference.model.types.isEmpty)
        #expect(!reference.diagnostics.isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let referenceJSON = try encoder.encode(reference.model)
        var generator = SplitMix64(state: 20_240_601)
        for _ in 0..<12 {
            let shuffled = pages.shuffled(using: &generator)
            let result = Resolver.resolve(shuffled)
            #expect(result.model == reference.model)
            #expect(result.diagnostics == reference.diagnostics)
            #expect(try encoder.encode(result.model) == referenceJSON)
        }
        let reversed = Resolver.resolve(pages.reversed())
        #expect(reversed.model == reference.model)
        #expect(reversed.diagnostics == reference.diagnostics)
    }

    @Test func resolvingOnSeveralThreadsGivesTheIdenticalModel() {
        let pages = docs.map(\.page)
        let serial = Resolver.resolve(pages, workers: 1)
        #expect(serial.model.types.contains { !$0.properties.isEmpty })
        #expect(serial.diagnostics.contains { $0.rule == "missing-page" })
        #expect(serial.diagnostics.contains { $0.rule == "one-of" })
        #expect(serial.model.operations.contains { $0.requestBody != nil })
        for workers in [2, 3, 8] {
            let parallel = Resolver.resolve(pages, workers: workers)
            #expect(parallel.model == serial.model)
            #expect(parallel.diagnostics == serial.diagnostics)
        }
    }

    @Test func typesAndOperationsAreSorted() throws {
        let (model, diagnostics) = resolve(docs)
        #expect(model.types.map(\.name) == model.types.map(\.name).sorted())
        #expect(model.operations.map(\.name) == model.operations.map(\.name).sorted())
        let keys = diagnostics.map { [$0.file, String(format: "%06d", $0.line), String(format: "%06d", $0.column)] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
