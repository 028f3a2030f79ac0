import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// What is not in the input still generates: links to missing pages and unknown names become
/// any JSON (`Edm.Untyped`) with a warning at the Type cell.
@Suite("Missing pages and unknown types")
struct MissingPageTests {
    @Test func linkToAMissingPageIsUntypedWithAWarningAtTheCell() throws {
        let call = resourceDoc("call", properties: [
            "|subject|String|The subject.|",
            "|config|[mediaConfig](../resources/mediaconfig.md)|How media is handled.|",
            "|routes|[callRoute](callroute.md) collection|Routes.|",
        ])
        let (model, diagnostics) = resolve(call)
        #expect(model.type(named: graph("call"))?.properties == [
            Property(name: "subject", type: "Edm.String", collection: false, description: "The subject.", source: call.source(of: "|subject|")),
            Property(name: "config", type: "Edm.Untyped", collection: false, description: "How media is handled.", source: call.source(of: "|config|")),
            Property(name: "routes", type: "Edm.Untyped", collection: true, description: "Routes.", source: call.source(of: "|routes|")),
        ])
        #expect(model.types.map(\.name) == [graph("call")])
        #expect(diagnostics.lines == [
            call.diagnostic(at: "[mediaConfig](",
                            "property 'config' has type 'mediaConfig', which links to '../resources/mediaconfig.md', a page that is not in the input; it is read as any JSON value",
                            rule: "missing-page"),
            call.diagnostic(at: "[callRoute](",
                            "property 'routes' has type 'callRoute', which links to 'callroute.md', a page that is not in the input; it is read as any JSON value",
                            rule: "missing-page"),
        ])
    }

    /// A link to a page that is in the input but yields no type (its table has no Type column):
    /// the warning says so instead of calling the page missing.
    @Test func linkToAPageThatDefinesNoTypeSaysSo() throws {
        let call = resourceDoc("call", properties: ["|config|[mediaConfig](mediaconfig.md)|How media is handled.|"])
        let mediaConfig = Doc("docs/resources/mediaconfig.md", """
            # mediaConfig resource type

            ## Properties

            |Property|Description|
            |:---|:---|
            |mode|How media flows.|
            """)
        let (model, diagnostics) = resolve(call, mediaConfig)
        #expect(model.property(graph("call"), "config")?.type == "Edm.Untyped")
        #expect(diagnostics.lines == [
            call.diagnostic(at: "[mediaConfig](",
                            "property 'config' has type 'mediaConfig', which links to 'mediaconfig.md', a page that defines no type; it is read as any JSON value",
                            rule: "unknown-type"),
        ])
    }

    @Test func missingPageInARelationshipTable() throws {
        let call = resourceDoc("call", properties: ["|subject|String|S.|"],
                               relationships: ["|participants|[participant](participant.md) collection|Who takes part.|"])
        let (model, diagnostics) = resolve(call)
        #expect(model.property(graph("call"), "participants") == Property(
            name: "participants", type: "Edm.Untyped", collection: true, navigation: true, description: "Who takes part.",
            source: call.source(of: "|participants|")))
        #expect(diagnostics.rule("missing-page").map(\.location) == [call.location(of: "[participant](")])
    }

    @Test func unknownUnlinkedNameIsUntypedWithAWarning() throws {
        let call = resourceDoc("call", properties: ["|widget|fooBar|A widget.|"])
        let (model, diagnostics) = resolve(call)
        #expect(model.property(graph("call"), "widget")?.type == "Edm.Untyped")
        #expect(diagnostics.lines == [
            call.diagnostic(at: "fooBar|", "property 'widget' has type 'fooBar', which no page defines; it is read as any JSON value", rule: "unknown-type"),
        ])
    }

    /// The seed case: "Create calls" links `call.md`, which is not in the input, and lists the
    /// call's properties in a table: `call` is defined from that table.
    @Test func requestBodyTypeWithAMissingPageIsDefinedFromTheTable() throws {
        let post = apiDoc("docs/api/application-post-calls.md", title: "Create calls", requests: ["POST /communications/calls"],
                          body: """
                              In the request body, supply a JSON representation of the [call](../resources/call.md) object.

                              |Property|Type|Description|
                              |:---|:---|:---|
                              |subject|String|The subject.|
                              |state|callState|The state. Possible values are: `incoming`, `established`.|
                              |source|[participantInfo](../resources/participantinfo.md)|Who calls.|
                              |ringingTimeoutInSeconds|Int32|How long it rings.|
                              """,
                          response: "If successful, this method returns a `201 Created` response code and a [call](../resources/call.md) object in the response body.")
        let (model, diagnostics) = resolve(post)
        #expect(model.type(named: graph("call")) == TypeDefinition(
            name: graph("call"), kind: .complex,
            properties: [
                Property(name: "subject", type: "Edm.String", collection: false, description: "The subject.", source: post.source(of: "|subject|")),
                Property(name: "state", type: graph("callState"), collection: false,
                         description: "The state. Possible values are: `incoming`, `established`.", source: post.source(of: "|state|")),
                Property(name: "source", type: "Edm.Untyped", collection: false, description: "Who calls.", source: post.source(of: "|source|")),
                Property(name: "ringingTimeoutInSeconds", type: "Edm.Int32", collection: false, description: "How long it rings.",
                         source: post.source(of: "|ringingTimeoutInSeconds|")),
            ],
            source: post.source(of: "In the request body")))
        #expect(model.type(named: graph("callState"))?.members.map(\.name) == ["incoming", "established"])
        #expect(model.types.map(\.name) == [graph("call"), graph("callState")])
        #expect(model.operations == [
            APIDocModel.Operation(name: "createCall", title: "Create calls", description: nil, method: "POST",
                      paths: [OperationPath(template: "/communications/calls", parameters: [])],
                      requestBody: TypeUse(type: graph("call"), collection: false),
                      response: ResponseSpec(status: 201, type: graph("call"), collection: false),
                      source: post.path + ":1"),
        ])
        #expect(diagnostics.lines == [
            post.diagnostic(at: "In the request body",
                            "request body type 'call' links to '../resources/call.md', a page that is not in the input; the type is defined from this page's table",
                            rule: "missing-page"),
            post.diagnostic(at: "[participantInfo](",
                            "property 'source' has type 'participantInfo', which links to '../resources/participantinfo.md', a page that is not in the input; it is read as any JSON value",
                            rule: "missing-page"),
            post.diagnostic(at: "If successful",
                            "response links to '../resources/call.md', a page that is not in the input; resolved by name to 'microsoft.graph.call'",
                            rule: "missing-page"),
        ])
    }

    @Test func requestBodyWithAMissingPageAndNoTableIsUntyped() throws {
        let post = apiDoc("docs/api/x-post.md", title: "Create widgets", requests: ["POST /widgets"],
                          body: "In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.")
        let (model, diagnostics) = resolve(post)
        #expect(model.types == [])
        #expect(model.operations.first?.requestBody == TypeUse(type: "Edm.Untyped", collection: false))
        #expect(diagnostics.lines == [
            post.diagnostic(at: "In the request body",
                            "request body has type 'widget', which links to '../resources/widget.md', a page that is not in the input; it is read as any JSON value",
                            rule: "missing-page"),
        ])
    }

    @Test func requestBodyRowsMissingFromTheTypePageAreAdded() throws {
        let call = resourceDoc("call", properties: ["|subject|String|The subject.|"])
        let post = apiDoc("docs/api/application-post-calls.md", title: "Create calls", requests: ["POST /communications/calls"],
                          body: """
                              In the request body, supply a JSON representation of the [call](../resources/call.md) object.

                              |Property|Type|Description|
                              |:---|:---|:---|
                              |subject|String|The subject.|
                              |tenantId|String|The tenant.|
                              """)
        let (model, diagnostics) = resolve(call, post)
        #expect(model.type(named: graph("call"))?.properties.map(\.name) == ["subject", "tenantId"])
        #expect(model.property(graph("call"), "tenantId")?.source == post.source(of: "|tenantId|"))
        #expect(diagnostics.lines == [
            post.diagnostic(at: "tenantId|", "property 'tenantId' of the request body is not on the page of 'call'; it is added to the type", rule: "body-property"),
        ])
    }

    /// Request bodies define types and add rows to them in page order: a body that looks up a
    /// type an earlier body defined or changed sees it as that body left it, whatever the number
    /// of workers.
    @Test func bodiesThatDependOnEarlierBodiesResolveAsInPageOrder() throws {
        func post(_ name: String, rows: [String]) -> Doc {
            apiDoc("docs/api/\(name).md", title: "Create \(name)", requests: ["POST /\(name)"],
                   body: "In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.\n\n"
                       + "|Property|Type|Description|\n|:---|:---|:---|\n" + rows.joined(separator: "\n"))
        }
        // The first page defines `widget` (its page is missing) from its table; the second finds
        // it defined and adds the row it lacks; the third lists the row the second added and one
        // more, of which only the last is new; the fourth has a property of type `widget`.
        let first = post("a-first", rows: ["|size|Int32|The size.|"])
        let second = post("b-second", rows: ["|size|Int32|The size.|", "|color|String|The color.|"])
        let third = post("c-third", rows: ["|color|String|The color.|", "|weight|Double|The weight.|"])
        let fourth = apiDoc("docs/api/d-fourth.md", title: "Create boxes", requests: ["POST /boxes"],
                            body: "In the request body, provide a JSON object with the following parameters.\n\n"
                                + "|Parameter|Type|Description|\n|:---|:---|:---|\n|content|widget|What the box holds.|")
        let docs = [first, second, third, fourth]
        let serial = Resolver.resolve(docs.map(\.page), workers: 1)
        #expect(serial.model.type(named: graph("widget"))?.properties.map(\.name) == ["size", "color", "weight"])
        #expect(serial.model.property(graph("widget"), "color")?.source == second.source(of: "|color|"))
        #expect(serial.model.operations.compactMap { $0.requestBody?.type }.sorted()
                == [graph("createBoxesRequestBody"), graph("widget"), graph("widget"), graph("widget")])
        #expect(serial.model.property(graph("createBoxesRequestBody"), "content")?.type == graph("widget"))
        #expect(serial.diagnostics.lines == [
            first.diagnostic(at: "In the request body",
                             "request body type 'widget' links to '../resources/widget.md', a page that is not in the input; the type is defined from this page's table",
                             rule: "missing-page"),
            second.diagnostic(at: "In the request body", "request body links to '../resources/widget.md', a page that is not in the input; resolved by name to 'microsoft.graph.widget'",
                              rule: "missing-page"),
            second.diagnostic(at: "color|", "property 'color' of the request body is not on the page of 'widget'; it is added to the type", rule: "body-property"),
            third.diagnostic(at: "In the request body", "request body links to '../resources/widget.md', a page that is not in the input; resolved by name to 'microsoft.graph.widget'",
                             rule: "missing-page"),
            third.diagnostic(at: "weight|", "property 'weight' of the request body is not on the page of 'widget'; it is added to the type", rule: "body-property"),
        ])
        for workers in [2, 4] {
            let parallel = Resolver.resolve(docs.map(\.page), workers: workers)
            #expect(parallel.model == serial.model)
            #expect(parallel.diagnostics == serial.diagnostics)
        }
    }
}
