import APIDocExtraction
import APIDocMarkdown
@testable import APIDocModel
import Testing

/// Base types (from the annotation's `baseType` or an "Inherits from" sentence), entity kind,
/// abstract types and base-type cycles.
@Suite("Base types and kinds")
struct BaseTypeTests {
    let entity = resourceDoc("entity", annotation: ["\"keyProperty\": \"id\""], properties: ["|id|String|The identifier. Read-only.|"])
    let mediaConfig = resourceDoc("mediaConfig", annotation: ["\"abstract\": true"], properties: [
        "|removeFromDefaultAudioGroup|Boolean|Leave the default group.|",
    ])

    @Test func baseTypeFromTheAnnotation() throws {
        let derived = resourceDoc("serviceHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: [
            "|preFetchMedia|String collection|Files to fetch.|",
        ])
        let (model, diagnostics) = resolve(derived, mediaConfig)
        #expect(model.type(named: graph("serviceHostedMediaConfig")) == TypeDefinition(
            name: graph("serviceHostedMediaConfig"), kind: .complex, baseType: graph("mediaConfig"),
            properties: [Property(name: "preFetchMedia", type: "Edm.String", collection: true, description: "Files to fetch.",
                                  source: derived.source(of: "|preFetchMedia|"))],
            source: derived.path + ":1"))
        #expect(model.type(named: graph("mediaConfig"))?.baseType == nil)
        #expect(diagnostics.lines == [])
    }

    @Test func baseTypeFromAnUnqualifiedAnnotation() throws {
        let derived = resourceDoc("serviceHostedMediaConfig", annotation: ["\"baseType\": \"mediaConfig\""], properties: ["|x|String|X.|"])
        let (model, diagnostics) = resolve(derived, mediaConfig)
        #expect(model.type(named: graph("serviceHostedMediaConfig"))?.baseType == graph("mediaConfig"))
        #expect(diagnostics.lines == [])
    }

    @Test func baseTypeFromAnInheritsFromSentence() throws {
        let derived = resourceDoc("appHostedMediaConfig",
                                  intro: "Used when the application hosts its own media. Inherits from [mediaConfig](../resources/MediaConfig.md).",
                                  properties: ["|blob|String|The media blob.|"])
        let (model, diagnostics) = resolve(derived, mediaConfig)
        #expect(model.type(named: graph("appHostedMediaConfig"))?.baseType == graph("mediaConfig"))
        #expect(model.type(named: graph("appHostedMediaConfig"))?.kind == .complex)
        #expect(diagnostics.lines == [])
    }

    @Test func annotationWinsOverTheSentence() throws {
        let other = resourceDoc("otherBase", properties: ["|y|String|Y.|"])
        let derived = resourceDoc("appHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.otherBase\""],
                                  intro: "Inherits from [mediaConfig](mediaconfig.md).", properties: ["|blob|String|B.|"])
        let (model, _) = resolve(derived, mediaConfig, other)
        #expect(model.type(named: graph("appHostedMediaConfig"))?.baseType == graph("otherBase"))
    }

    @Test func missingBaseTypeWarnsAtTheAnnotation() throws {
        let derived = resourceDoc("orphan", annotation: ["\"baseType\": \"microsoft.graph.nowhere\""], properties: ["|x|String|X.|"])
        let (model, diagnostics) = resolve(derived)
        #expect(model.type(named: graph("orphan"))?.baseType == nil)
        // The annotation's position is that of its `{`, after `<!-- `.
        let annotation = derived.location(of: "<!-- {")
        #expect(diagnostics.lines == [
            "\(derived.path):\(annotation.line):\(annotation.column + 5): warning: base type 'microsoft.graph.nowhere' of 'microsoft.graph.orphan' is not defined in the input; the type has no base [missing-page]",
        ])
    }

    @Test func entityByKeyProperty() throws {
        let (model, diagnostics) = resolve(entity)
        #expect(model.type(named: graph("entity")) == TypeDefinition(
            name: graph("entity"), kind: .entity,
            properties: [Property(name: "id", type: "Edm.String", collection: false, readOnly: true, description: "The identifier. Read-only.",
                                  source: entity.source(of: "|id|"))],
            source: entity.path + ":1"))
        #expect(diagnostics.lines == [])
    }

    @Test func entityByAnEntityAncestor() throws {
        let call = resourceDoc("call", annotation: ["\"baseType\": \"microsoft.graph.entity\""], properties: ["|subject|String|S.|"])
        // Two levels below the entity, through an intro sentence.
        let special = resourceDoc("specialCall", intro: "Inherits from [call](call.md).", properties: ["|extra|String|E.|"])
        let plain = resourceDoc("identity", properties: ["|displayName|String|D.|"])
        let (model, diagnostics) = resolve(special, call, entity, plain)
        #expect(model.type(named: graph("call"))?.kind == .entity)
        #expect(model.type(named: graph("specialCall"))?.kind == .entity)
        #expect(model.type(named: graph("specialCall"))?.baseType == graph("call"))
        #expect(model.type(named: graph("identity"))?.kind == .complex)
        #expect(diagnostics.lines == [])
    }

    @Test func entityByAKeyedAncestorOfAnotherName() throws {
        let keyed = resourceDoc("directoryObject", annotation: ["\"keyProperty\": \"objectId\""], properties: ["|objectId|String|O.|"])
        let user = resourceDoc("user", annotation: ["\"baseType\": \"microsoft.graph.directoryObject\""], properties: ["|name|String|N.|"])
        let (model, _) = resolve(user, keyed)
        #expect(model.type(named: graph("directoryObject"))?.kind == .entity)
        #expect(model.type(named: graph("user"))?.kind == .entity)
    }

    @Test func abstractAndOpenTypes() throws {
        let open = resourceDoc("openThing", annotation: ["\"openType\": true"], properties: ["|x|String|X.|"])
        let isAbstract = resourceDoc("alsoAbstract", annotation: ["\"isAbstract\": true"], properties: ["|x|String|X.|"])
        let (model, _) = resolve(mediaConfig, open, isAbstract)
        #expect(model.type(named: graph("mediaConfig"))?.abstract == true)
        #expect(model.type(named: graph("mediaConfig"))?.openType == false)
        #expect(model.type(named: graph("openThing"))?.abstract == false)
        #expect(model.type(named: graph("openThing"))?.openType == true)
        #expect(model.type(named: graph("alsoAbstract"))?.abstract == true)
    }

    @Test func rowsInheritedFromTheBaseStayOnTheBase() throws {
        // APIModel: "Own properties, in document order (inherited ones live on the base type)".
        let derived = resourceDoc("serviceHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: [
            "|preFetchMedia|String collection|Files to fetch.|",
            "|removeFromDefaultAudioGroup|Boolean|Leave the default group. Inherited from [mediaConfig](mediaconfig.md).|",
        ])
        let (model, _) = resolve(derived, mediaConfig)
        #expect(model.type(named: graph("serviceHostedMediaConfig"))?.properties.map(\.name) == ["preFetchMedia"])
        #expect(model.type(named: graph("mediaConfig"))?.properties.map(\.name) == ["removeFromDefaultAudioGroup"])
    }

    /// A derived page that says more of an inherited row than its base keeps its words (for the
    /// generated type's docs); one that only adds "Inherited from x." does not.
    @Test func aDerivedPagesOwnDescriptionOfAnInheritedRowIsKept() throws {
        let derived = resourceDoc("serviceHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: [
            "|preFetchMedia|String collection|Files to fetch.|",
            "|removeFromDefaultAudioGroup|Boolean|Leave the default group before the call starts. Inherited from [mediaConfig](mediaconfig.md).|",
        ])
        let quiet = resourceDoc("appHostedMediaConfig", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: [
            "|removeFromDefaultAudioGroup|Boolean|Leave the default group. Inherited from [mediaConfig](mediaconfig.md).|",
        ])
        let (model, _) = resolve(derived, quiet, mediaConfig)
        #expect(model.type(named: graph("serviceHostedMediaConfig"))?.inheritedDescriptions
                == ["removeFromDefaultAudioGroup": "Leave the default group before the call starts."])
        #expect(model.type(named: graph("appHostedMediaConfig"))?.inheritedDescriptions == [:])
        #expect(model.type(named: graph("appHostedMediaConfig"))?.properties.isEmpty == true)
    }

    /// Inherited rows are worked out type by type on several threads: every type sees the rows
    /// as its bases' pages give them (not as they are once the bases' own inherited rows are
    /// dropped), whatever the number of workers.
    @Test func inheritedRowsAreDroppedAlikeOnSeveralThreads() throws {
        var docs = [mediaConfig]
        for index in 0..<12 {
            docs.append(resourceDoc("derived\(index)", annotation: ["\"baseType\": \"microsoft.graph.mediaConfig\""], properties: [
                "|own\(index)|String|Its own.|",
                "|removeFromDefaultAudioGroup|Boolean|Leave the group, \(index) times. Inherited from [mediaConfig](mediaconfig.md).|",
            ]))
            docs.append(resourceDoc("leaf\(index)", annotation: ["\"baseType\": \"microsoft.graph.derived\(index)\""], properties: [
                "|own\(index)|String|Its own. Inherited from [derived\(index)](derived\(index).md).|",
                "|removeFromDefaultAudioGroup|Boolean|Leave the default group. Inherited from [mediaConfig](mediaconfig.md).|",
                "|leafOnly|Int32|Only here.|",
            ]))
        }
        let serial = Resolver.resolve(docs.map(\.page), workers: 1)
        #expect(serial.model.type(named: graph("derived3"))?.properties.map(\.name) == ["own3"])
        #expect(serial.model.type(named: graph("derived3"))?.inheritedDescriptions == ["removeFromDefaultAudioGroup": "Leave the group, 3 times."])
        #expect(serial.model.type(named: graph("leaf3"))?.properties.map(\.name) == ["leafOnly"])
        // The nearest base's row as its page gives it (derived3 keeps none of it once its own
        // inherited rows are dropped): the leaf says something else, and that is kept.
        #expect(serial.model.type(named: graph("leaf3"))?.inheritedDescriptions == ["removeFromDefaultAudioGroup": "Leave the default group."])
        for workers in [2, 4] {
            let parallel = Resolver.resolve(docs.map(\.page), workers: workers)
            #expect(parallel.model == serial.model)
            #expect(parallel.diagnostics == serial.diagnostics)
        }
    }

    /// The note goes wherever the pages put it; "inherited from" as prose stays.
    @Test func theInheritedNoteIsTakenAwayWhereverItStands() {
        #expect(Resolver.withoutInheritedNote("Unique identifier. Read-only. Inherited from entity.") == "Unique identifier. Read-only.")
        #expect(Resolver.withoutInheritedNote("inherited from entity") == "")
        #expect(Resolver.withoutInheritedNote("Inherited from riskyUser. Possible values are: `low`, `high`.") == "Possible values are: `low`, `high`.")
        #expect(Resolver.withoutInheritedNote("Compliance Setting State Device Summary Inherited from deviceCompliancePolicy")
                == "Compliance Setting State Device Summary")
        #expect(Resolver.withoutInheritedNote("The app's name. Inherited from mobileApp. Possible values are: `a`.") == "The app's name. Possible values are: `a`.")
        #expect(Resolver.withoutInheritedNote("Ünïcode name. Inherited from microsoft.graph.entity.") == "Ünïcode name.")
        #expect(Resolver.withoutInheritedNote("Not inherited from anything here.") == "Not inherited from anything here.")
        #expect(Resolver.withoutInheritedNote("The status of the printer.Inherited from printerBase. Read-only.") == "The status of the printer. Read-only.")
        #expect(Resolver.withoutInheritedNote("") == "")
    }

    /// Each derived page is compared with its nearest base's page as written, whatever the order
    /// of the type names: the same three pages under other names keep the same words.
    @Test func derivedWordsAreComparedWithTheNearestBasePage() throws {
        func pages(_ middle: String, _ leaf: String) -> [Doc] {
            [resourceDoc("thing", properties: ["|id|String|Unique identifier.|"]),
             resourceDoc(middle, annotation: ["\"baseType\": \"microsoft.graph.thing\""],
                         properties: ["|id|String|Identifier of the \(middle). Inherited from [thing](thing.md).|"]),
             resourceDoc(leaf, annotation: ["\"baseType\": \"microsoft.graph.\(middle)\""],
                         properties: ["|id|String|Unique identifier. Inherited from [thing](thing.md).|"])]
        }
        for (middle, leaf) in [("alpha", "zeta"), ("alpha", "aardvark")] {
            let (model, _) = resolve(pages(middle, leaf))
            #expect(model.type(named: graph(middle))?.inheritedDescriptions == ["id": "Identifier of the \(middle)."], "\(leaf)")
            // The leaf says more than its nearest base: what it says is kept, in either order.
            #expect(model.type(named: graph(leaf))?.inheritedDescriptions == ["id": "Unique identifier."], "\(leaf)")
        }
    }

    @Test func twoTypeCycleIsBrokenOnceWithAWarning() throws {
        let a = resourceDoc("alpha", annotation: ["\"baseType\": \"microsoft.graph.beta\""], properties: ["|a|String|A.|"])
        let b = resourceDoc("beta", annotation: ["\"baseType\": \"microsoft.graph.alpha\""], properties: ["|b|String|B.|"])
        let (model, diagnostics) = resolve(a, b)
        let bases = [model.type(named: graph("alpha"))?.baseType, model.type(named: graph("beta"))?.baseType]
        // Exactly one link of the cycle is cut.
        #expect(bases.compactMap { $0 }.count == 1)
        let cycle = diagnostics.rule("base-cycle")
        #expect(cycle.count == 1)
        #expect(diagnostics.count == 1)
        let cut = bases[0] == nil ? (name: graph("alpha"), doc: a) : (name: graph("beta"), doc: b)
        #expect(cycle.first?.file == cut.doc.path)
        #expect(cycle.first?.severity == .warning)
        #expect(cycle.first?.message == "base types of '\(cut.name)' form a cycle; '\(cut.name)' is given no base")
    }

    @Test func selfBaseIsIgnored() throws {
        let a = resourceDoc("alpha", annotation: ["\"baseType\": \"microsoft.graph.alpha\""], properties: ["|a|String|A.|"])
        let (model, _) = resolve(a)
        #expect(model.type(named: graph("alpha"))?.baseType == nil)
    }

    @Test func typeDerivingFromACycleKeepsItsBase() throws {
        // alpha -> beta -> gamma -> beta: alpha is not part of the cycle; only the cycle is cut.
        let a = resourceDoc("alpha", annotation: ["\"baseType\": \"microsoft.graph.beta\""], properties: ["|a|String|A.|"])
        let b = resourceDoc("beta", annotation: ["\"baseType\": \"microsoft.graph.gamma\""], properties: ["|b|String|B.|"])
        let c = resourceDoc("gamma", annotation: ["\"baseType\": \"microsoft.graph.beta\""], properties: ["|c|String|C.|"])
        let (model, diagnostics) = resolve(a, b, c)
        #expect(model.type(named: graph("alpha"))?.baseType == graph("beta"))
        let cycleBases = [model.type(named: graph("beta"))?.baseType, model.type(named: graph("gamma"))?.baseType]
        #expect(cycleBases.compactMap { $0 }.count == 1)
        #expect(diagnostics.rule("base-cycle").count == 1)
        #expect(!diagnostics.rule("base-cycle").contains { $0.message.contains("'microsoft.graph.alpha'") })
    }

    @Test func inheritsFromAMissingPageWarns() throws {
        // Like a `baseType` annotation naming no type, the sentence's link leads nowhere: say so.
        let derived = resourceDoc("orphan", intro: "Inherits from [nowhere](../resources/nowhere.md).", properties: ["|x|String|X.|"])
        let (model, diagnostics) = resolve(derived)
        #expect(model.type(named: graph("orphan"))?.baseType == nil)
        #expect(diagnostics.rule("missing-page").count == 1)
        #expect(diagnostics.rule("missing-page").first?.file == derived.path)
        #expect(diagnostics.rule("missing-page").first?.message.contains("nowhere.md") == true)
    }

    @Test func baseCycleWarningPointsAtTheTypeNotAtTheTopOfTheFile() throws {
        func page(_ name: String, base: String) -> Doc {
            Doc("docs/resources/\(name).md", """
                ---
                title: "\(name) resource type"
                ---

                # \(name) resource type

                Namespace: microsoft.graph

                ## Properties

                |Property|Type|Description|
                |:---|:---|:---|
                |x|String|X.|

                ## JSON representation

                <!-- {
                  "blockType": "resource",
                  "baseType": "microsoft.graph.\(base)",
                  "@odata.type": "microsoft.graph.\(name)"
                } -->
                ```json
                {}
                ```
                """)
        }
        let a = page("alpha", base: "beta")
        let b = page("beta", base: "alpha")
        let (_, diagnostics) = resolve(a, b)
        let cycle = try #require(diagnostics.rule("base-cycle").first)
        let doc = cycle.file == a.path ? a : b
        // The title (line 5) or the annotation that names the base (line 17), not 1:1.
        #expect([doc.line(of: "# "), doc.line(of: "<!-- {")].contains(cycle.line), "\(cycle)")
    }
}
