import APIDocExtraction
import APIDocMarkdown
import APIDocModel
import Testing

/// Links in Type cells resolve to the type their page defines, matched by the file stem without
/// regard to letter case or folder.
@Suite("Link resolution")
struct LinkResolutionTests {
    let route = resourceDoc("callRoute", path: "docs/resources/callroute.md", properties: [
        "|final|[identitySet](identityset.md)|Where the call ends.|",
    ])
    let identitySet = resourceDoc("identitySet", path: "docs/resources/IdentitySet.md", properties: [
        "|displayName|String|The name.|",
    ])

    @Test func linkLetterCaseDoesNotMatter() throws {
        let call = resourceDoc("call", properties: [
            "|a|[callRoute](../resources/CallRoute.MD)|Upper-case link.|",
            "|b|[callRoute](callroute.md)|Lower-case link.|",
            "|c|[callRoute](CALLROUTE.md)|Shouting link.|",
        ])
        let (model, diagnostics) = resolve(call, route, identitySet)
        let properties = try #require(model.type(named: graph("call"))).properties
        #expect(properties.map(\.type) == [graph("callRoute"), graph("callRoute"), graph("callRoute")])
        // The file of identitySet is spelled `IdentitySet.md`; the link says `identityset.md`.
        #expect(model.property(graph("callRoute"), "final")?.type == graph("identitySet"))
        #expect(diagnostics.lines == [])
    }

    @Test func linksFromAnotherFolderAndFromTheSameFolder() throws {
        let api = apiDoc("docs/api/callroute-get.md", title: "Get callRoute", requests: ["GET /routes/{id}"],
                         response: "If successful, this method returns a `200 OK` response code and a [callRoute](../resources/callroute.md) object in the response body.")
        let sibling = resourceDoc("call", properties: [
            "|route|[callRoute](callroute.md)|Same folder.|",
            "|route2|[callRoute](./callroute.md#properties)|Same folder, with an anchor.|",
            "|route3|[callRoute](/graph/api/resources/callroute.md)|Site-absolute.|",
        ])
        let (model, diagnostics) = resolve(api, sibling, route, identitySet)
        #expect(model.operation("getCallRoute")?.response == ResponseSpec(status: 200, type: graph("callRoute"), collection: false))
        #expect(model.type(named: graph("call"))?.properties.map(\.type) == [graph("callRoute"), graph("callRoute"), graph("callRoute")])
        #expect(diagnostics.lines == [])
    }

    @Test func linkTextThatDiffersFromTheTypeNameStillResolvesByFile() throws {
        let call = resourceDoc("call", properties: [
            "|route|[Call route](callroute.md) collection|A route list.|",
            "|other|[route](callroute.md)|Another spelling.|",
        ])
        let (model, diagnostics) = resolve(call, route, identitySet)
        let properties = try #require(model.type(named: graph("call"))).properties
        #expect(properties == [
            Property(name: "route", type: graph("callRoute"), collection: true, description: "A route list.", source: call.source(of: "|route|")),
            Property(name: "other", type: graph("callRoute"), collection: false, description: "Another spelling.", source: call.source(of: "|other|")),
        ])
        #expect(diagnostics.lines == [])
    }

    @Test func referenceStyleLinkTypes() throws {
        let call = resourceDoc("call", properties: [
            "|route|[callRoute][]|Collapsed reference.|",
            "|routes|[callRoute][routeRef] collection|Full reference.|",
            "|final|[identitySet]|Shortcut reference.|",
        ], trailing: "[callRoute]: ../resources/CallRoute.md\n[routeRef]: callroute.md\n[identitySet]: identityset.md")
        let (model, diagnostics) = resolve(call, route, identitySet)
        let properties = try #require(model.type(named: graph("call"))).properties
        #expect(properties.map(\.name) == ["route", "routes", "final"])
        #expect(properties.map(\.type) == [graph("callRoute"), graph("callRoute"), graph("identitySet")])
        #expect(properties.map(\.collection) == [false, true, false])
        #expect(diagnostics.lines == [])
    }

    @Test func typeNameComesFromTheAnnotationNotTheFileName() throws {
        // The page is `route-v2.md`, the annotation names `callRoute`; links go by the file.
        let renamed = resourceDoc("callRoute", path: "docs/resources/route-v2.md", properties: ["|x|String|X.|"])
        let call = resourceDoc("call", properties: ["|route|[callRoute](route-v2.md)|R.|"])
        let (model, diagnostics) = resolve(call, renamed)
        #expect(model.types.map(\.name) == [graph("call"), graph("callRoute")])
        #expect(model.property(graph("call"), "route")?.type == graph("callRoute"))
        #expect(diagnostics.lines == [])
    }

    @Test func typeNameFromTheTitleWithoutAnAnnotation() throws {
        let doc = Doc("docs/resources/chatinfo.md", """
            # chatInfo resource type

            ## Properties

            |Property|Type|Description|
            |:---|:---|:---|
            |threadId|String|The thread.|
            """)
        let (model, diagnostics) = resolve(doc)
        #expect(model.types == [
            TypeDefinition(name: graph("chatInfo"), kind: .complex, properties: [
                Property(name: "threadId", type: "Edm.String", collection: false, description: "The thread.", source: "docs/resources/chatinfo.md:7"),
            ], source: "docs/resources/chatinfo.md:1"),
        ])
        #expect(diagnostics.lines == [])
    }

    @Test func linkToAMissingFileResolvedByNameWarns() throws {
        // The link names a file that is not there, but a page defines a type of that name.
        let call = resourceDoc("call", properties: ["|route|[callRoute](call-route.md)|R.|"])
        let (model, diagnostics) = resolve(call, route, identitySet)
        #expect(model.property(graph("call"), "route")?.type == graph("callRoute"))
        #expect(diagnostics.lines == [
            call.diagnostic(at: "[callRoute](call-route.md)",
                            "property 'route' links to 'call-route.md', a page that is not in the input; resolved by name to 'microsoft.graph.callRoute'",
                            rule: "missing-page"),
        ])
    }

    @Test func unlinkedTypeNameResolvesByName() throws {
        let call = resourceDoc("call", properties: [
            "|route|callRoute|Bare name.|",
            "|routes|callroute collection|Other case.|",
            "|qualified|microsoft.graph.callRoute|Qualified.|",
        ])
        let (model, diagnostics) = resolve(call, route, identitySet)
        #expect(model.type(named: graph("call"))?.properties.map(\.type) == [graph("callRoute"), graph("callRoute"), graph("callRoute")])
        #expect(model.type(named: graph("call"))?.properties.map(\.collection) == [false, true, false])
        #expect(diagnostics.lines == [])
    }

    @Test func primitivesAreNamedAsInOData() throws {
        let doc = resourceDoc("sample", properties: [
            "|s|String|S.|",
            "|b|Boolean|B.|",
            "|i|Int32 collection|I.|",
            "|l|Int64|L.|",
            "|t|DateTimeOffset|T.|",
            "|g|Guid|G.|",
            "|j|Json|J.|",
        ])
        let (model, diagnostics) = resolve(doc)
        let properties = try #require(model.type(named: graph("sample"))).properties
        #expect(properties.map(\.type) == ["Edm.String", "Edm.Boolean", "Edm.Int32", "Edm.Int64", "Edm.DateTimeOffset", "Edm.Guid", "Edm.Untyped"])
        #expect(properties.map(\.collection) == [false, false, true, false, false, false, false])
        #expect(diagnostics.lines == [])
    }
}
