import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// `[A](a.md) or [B](b.md)`: the nearest common base type, or any JSON with a warning.
@Suite("One of several types")
struct OneOfTests {
    let entity = resourceDoc("entity", annotation: ["\"keyProperty\": \"id\""], properties: ["|id|String|I.|"])
    let mediaConfig = resourceDoc("mediaConfig", annotation: ["\"abstract\": true"], properties: ["|removeFromDefaultAudioGroup|Boolean|R.|"])
    let appHosted = resourceDoc("appHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: ["|blob|String|B.|"])
    let serviceHosted = resourceDoc("serviceHostedMediaConfig", intro: "Inherits from [mediaConfig](mediaconfig.md).", properties: ["|preFetchMedia|String collection|P.|"])
    let identity = resourceDoc("identity", properties: ["|displayName|String|D.|"])
    let chatInfo = resourceDoc("chatInfo", properties: ["|threadId|String|T.|"])

    func resolveCell(_ cell: String, extra: [Doc] = []) -> (Property?, [Diagnostic], Doc) {
        let holder = resourceDoc("holder", properties: ["|choice|\(cell)|One of them.|"])
        let (model, diagnostics) = resolve([holder, entity, mediaConfig, appHosted, serviceHosted, identity, chatInfo] + extra)
        return (model.property(graph("holder"), "choice"), diagnostics, holder)
    }

    @Test func siblingsResolveToTheirCommonBase() {
        let (property, diagnostics, _) = resolveCell("[appHostedMediaConfig](../resources/apphostedmediaconfig.md) or [serviceHostedMediaConfig](../resources/servicehostedmediaconfig.md)")
        #expect(property?.type == graph("mediaConfig"))
        #expect(property?.collection == false)
        #expect(diagnostics.lines == [])
    }

    @Test func baseAndDerivedResolveToTheBase() {
        let (property, _, _) = resolveCell("[mediaConfig](mediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)")
        #expect(property?.type == graph("mediaConfig"))
    }

    @Test func nearestCommonBaseIsChosen() {
        let special = resourceDoc("specialMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.appHostedMediaConfig\""], properties: ["|s|String|S.|"])
        let other = resourceDoc("otherMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.appHostedMediaConfig\""], properties: ["|o|String|O.|"])
        let (property, _, _) = resolveCell("[specialMediaConfig](specialmediaconfig.md) or [otherMediaConfig](othermediaconfig.md)", extra: [special, other])
        #expect(property?.type == graph("appHostedMediaConfig"))
    }

    @Test func collectionOfOneOf() {
        let (property, _, _) = resolveCell("Collection of [appHostedMediaConfig](apphostedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)")
        #expect(property?.type == graph("mediaConfig"))
        #expect(property?.collection == true)
    }

    @Test func typesWithoutACommonBaseAreUntypedWithAWarning() {
        let (property, diagnostics, holder) = resolveCell("[identity](identity.md) or [chatInfo](chatinfo.md)")
        #expect(property?.type == "Edm.Untyped")
        #expect(diagnostics.lines == [
            holder.diagnostic(at: "[identity](",
                              "property 'choice' may be any of microsoft.graph.identity, microsoft.graph.chatInfo, which share no base type; it is read as any JSON value",
                              rule: "one-of"),
        ])
    }

    @Test func entityAloneIsTooGeneralACommonBase() {
        let user = resourceDoc("user", annotation: ["\"baseType\": \"microsoft.graph.entity\""], properties: ["|u|String|U.|"])
        let group = resourceDoc("group", annotation: ["\"baseType\": \"microsoft.graph.entity\""], properties: ["|g|String|G.|"])
        let (property, diagnostics, _) = resolveCell("[user](user.md) or [group](group.md)", extra: [user, group])
        #expect(property?.type == "Edm.Untyped")
        #expect(diagnostics.rule("one-of").count == 1)
    }

    @Test func oneOfInAParameterTable() throws {
        let answer = apiDoc("docs/api/call-answer.md", title: "call: answer", requests: ["POST /communications/calls/{id}/answer"],
                            body: """
                                In the request body, provide a JSON object with the following parameters.

                                |Parameter|Type|Description|
                                |:---|:---|:---|
                                |mediaConfig|[appHostedMediaConfig](../resources/apphostedmediaconfig.md) or [serviceHostedMediaConfig](../resources/servicehostedmediaconfig.md)|How media is hosted.|
                                """)
        let (model, diagnostics) = resolve(answer, mediaConfig, appHosted, serviceHosted)
        #expect(model.property(graph("answerCallRequestBody"), "mediaConfig")?.type == graph("mediaConfig"))
        #expect(diagnostics.lines == [])
    }
}
