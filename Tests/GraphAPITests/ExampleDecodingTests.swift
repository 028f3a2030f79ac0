import APIDocExtraction
import APIDocJSON
import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// Every response example of `docs/api` and every JSON representation of `docs/resources`,
/// checked against the generated types.
///
/// A response example whose body is JSON and whose annotation names a type is either
/// - **decoded**: decoded as that type (or as `CollectionPage` of it when the annotation says
///   `isCollection` or the body has a top-level `value` array) with `GraphJSON.decoder()`,
///   re-encoded with `GraphJSON.encoder()`, and compared with the documented body using
///   `JSONValue.isEquivalent`: nothing may be lost, added or changed; and, since a member the
///   type does not model would survive that in `additionalProperties`, also checked by shape:
///   every member must be a property of the type that reads its object; or
/// - **shape-checked**, when it is a template by the rule documented on `Placeholder`
///   (placeholder strings such as `"String"`, `"Integer"`, `"String (identifier)"`,
///   `"a | b"`): see `ShapeCheck` (every key must be a property of the type that reads the object,
///   type stubs must name a type the property holds, alternatives must be documented members).
///
/// Anything else is skipped, with the reason counted and printed.
@Suite struct ExampleDecodingTests {
    /// What checking the response examples of some pages found.
    struct Survey {
        var decoded = 0
        var shapeChecked = 0
        var skipped: [String: Int] = [:]
        /// Failure messages, `page:line: property 'path' ...`.
        var failures: [String] = []

        var summary: String {
            let count = skipped.values.reduce(0, +)
            let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return "examples: \(decoded) decoded, \(shapeChecked) shape-checked, \(count) skipped" + (reasons.isEmpty ? "" : " (\(reasons))")
        }

        mutating func check(_ page: Page) {
            for example in page.examples where example.kind == .response {
                guard let body = example.body else {
                    skipped[example.bodyText == nil ? "no body" : "body is not JSON", default: 0] += 1
                    continue
                }
                guard let name = example.odataType else {
                    skipped["annotation names no type", default: 0] += 1
                    continue
                }
                guard let type = ODataTypes.type(named: name) else {
                    failures.append("\(DocsCorpus.location(page, example.annotationLocation.line)): the response annotation names \"\(name)\", which is no generated type (ODataTypes.type(named:) is nil)")
                    continue
                }
                let collection = example.isCollection || body["value"]?.arrayValue != nil
                var findings: [DocFinding]
                if Placeholder.isTemplate(body) {
                    findings = ShapeCheck.check(body, as: type, collection: collection)
                    shapeChecked += 1
                } else {
                    // Lossless, and every member typed: a round trip alone would also pass for a
                    // member kept in `additionalProperties`, so the shape rules apply as well.
                    findings = RoundTripCheck.check(body, as: type, collection: collection)
                    let reported = Set(findings.map(\.path))
                    findings += ShapeCheck.check(body, as: type, collection: collection).filter { !reported.contains($0.path) }
                    decoded += 1
                }
                failures += findings.map { $0.formatted(page) }
            }
        }
    }

    @Test func responseExamplesRoundTripOrMatchTheirTypeByShape() throws {
        let pages = DocsCorpus.apiPages
        try #require(!pages.isEmpty, "no pages found in \(DocsCorpus.packageRoot.path)/docs/api")
        var survey = Survey()
        for page in pages {
            survey.check(page)
        }
        for failure in survey.failures {
            Issue.record(Comment(rawValue: failure))
        }
        print(survey.summary)
        #expect(survey.decoded > 0, "no response example was decoded")
    }

    /// The same survey on an edited copy of `docs/api/call-get.md` (in memory) fails with the
    /// page, line and property.
    @Test func responseExampleSurveyReportsPageLineAndProperty() throws {
        let url = DocsCorpus.packageRoot.appendingPathComponent("docs/api/call-get.md")
        let source = try String(contentsOf: url, encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let subjectLine = try #require(lines.firstIndex { $0.contains(#""subject": "Weekly support review""#) }) + 1
        let stateLine = try #require(lines.firstIndex { $0.contains(#""state": "established""#) }) + 1
        let edited = source
            .replacingOccurrences(of: #""subject": "Weekly support review""#, with: #""subjekt": "Weekly support review""#)
            .replacingOccurrences(of: #""ringingTimeoutInSeconds": 60"#, with: #""ringingTimeoutInSeconds": "sixty""#)
        var survey = Survey()
        survey.check(PageExtractor.extract(path: "docs/api/call-get.md", source: edited))
        #expect(survey.decoded == 2)
        #expect(survey.failures.contains { $0.hasPrefix("docs/api/call-get.md:\(subjectLine): property 'subjekt' is not a property of Call") },
                "\(survey.failures)")
        #expect(survey.failures.contains { $0.contains(": property 'ringingTimeoutInSeconds' does not decode") }, "\(survey.failures)")
        #expect(survey.failures.count == 2, "\(survey.failures)")
        #expect(stateLine < subjectLine)

        var clean = Survey()
        clean.check(PageExtractor.extract(path: "docs/api/call-get.md", source: source))
        #expect(clean.failures.isEmpty && clean.decoded == 2)
    }

    @Test func resourceJSONRepresentationsMatchTheirTypeByShape() throws {
        let pages = DocsCorpus.resourcePages
        try #require(!pages.isEmpty, "no pages found in \(DocsCorpus.packageRoot.path)/docs/resources")

        var checked = 0
        var withoutRepresentation: [String] = []
        for page in pages {
            guard let resource = page.resource else {
                withoutRepresentation.append(page.path)
                continue
            }
            guard let json = resource.json else {
                if resource.jsonLocation != nil {
                    Issue.record("\(DocsCorpus.location(page, resource.jsonLocation?.line)): the JSON representation does not parse")
                } else {
                    withoutRepresentation.append(page.path)
                }
                continue
            }
            guard let name = resource.odataType, let type = ODataTypes.type(named: name) else {
                Issue.record("\(DocsCorpus.location(page, resource.location.line)): the resource annotation names \(resource.odataType.map { "\"\($0)\"" } ?? "no type"), which is no generated type")
                continue
            }
            checked += 1
            for finding in ShapeCheck.check(json, as: type, collection: false) {
                Issue.record(Comment(rawValue: finding.formatted(page)))
            }
        }
        print("resource representations: \(checked) shape-checked, \(withoutRepresentation.count) pages without one (\(withoutRepresentation.joined(separator: ", ")))")
        #expect(checked > 0, "no JSON representation was checked")
    }

    // MARK: The rule and the checks themselves

    @Test func placeholderRuleTellsTemplatesFromExamples() throws {
        for text in ["String", "Integer", "Int32", "Boolean", "Guid", "String (identifier)", "String (timestamp)",
                     "String (ISO 8601 duration)", "Edm.DateTimeOffset", "incoming | outgoing", "a|b"] {
            #expect(Placeholder.isPlaceholder(text), "\"\(text)\" should be a placeholder")
        }
        for text in ["established", "Contoso Help Desk Bot", "https://bot.contoso.com/api/calls", "en-US",
                     "f6dffcb0-a19c-4b41-9a92-11caa1f1bb66", "a | b c", "Strings", "String theory (1999"] {
            #expect(!Placeholder.isPlaceholder(text), "\"\(text)\" should not be a placeholder")
        }

        let seed = try #require(DocsCorpus.apiPages.first { $0.path == "docs/api/application-post-calls.md" })
        let seedResponse = try #require(seed.examples.first { $0.kind == .response }?.body)
        let first = try #require(Placeholder.firstPlaceholder(in: seedResponse), "the seed page's response is a template")
        #expect(first.path == [.key("state")] && first.text == "String")

        let get = try #require(DocsCorpus.apiPages.first { $0.path == "docs/api/call-get.md" })
        let getResponses = get.examples.filter { $0.kind == .response }.compactMap(\.body)
        #expect(getResponses.count == 2)
        for body in getResponses {
            #expect(!Placeholder.isTemplate(body), "call-get's examples are concrete")
        }

        let stub = try LenientJSON.parse(##"{"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}"##).node
        #expect(Placeholder.stubType(stub) == "#microsoft.graph.serviceHostedMediaConfig")
        #expect(!Placeholder.isTemplate(stub), "a stub alone is a valid value, not a template")
    }

    @Test func shapeCheckReportsWhatIsNotAPropertyOfTheType() throws {
        let template = try LenientJSON.parse("""
            {
              "subject": "String",
              "notAProperty": "String",
              "ringingTimeoutInSeconds": "Integer",
              "state": "incoming | bogusState",
              "source": {"@odata.type": "microsoft.graph.toneInfo"},
              "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"},
              "targets": [{"@odata.type": "#microsoft.graph.invitationParticipantInfo", "alsoNotAProperty": "String"}],
              "callOptions": {"hideBotAfterEscalation": "Integer"},
              "requestedModalities": ["audio | teleportation"]
            }
            """).node
        let findings = ShapeCheck.check(template, as: Call.self, collection: false)
        let byPath = Dictionary(grouping: findings, by: { $0.path.text })
        #expect(byPath["notAProperty"]?.first?.line == 3)
        #expect(byPath["notAProperty"]?.first?.message.contains("is not a property of Call") == true)
        #expect(byPath["state"]?.first?.message.contains("bogusState") == true)
        #expect(byPath["source.@odata.type"] != nil, "a toneInfo stub where a participantInfo is declared")
        #expect(byPath["mediaConfig.@odata.type"] == nil, "a derived type in a polymorphic property is fine")
        #expect(byPath["targets[0].alsoNotAProperty"] != nil)
        #expect(byPath["callOptions.hideBotAfterEscalation"] != nil, "\"Integer\" where a Boolean is declared")
        #expect(byPath["requestedModalities[0]"]?.first?.message.contains("teleportation") == true)
        #expect(byPath["subject"] == nil && byPath["ringingTimeoutInSeconds"] == nil)
        #expect(findings.count == 6, "\(findings.map(\.message))")

        #expect(ShapeCheck.check(try LenientJSON.parse(#"{"subject": "String"}"#).node, as: Call.self, collection: false).isEmpty)
    }

    @Test func roundTripCheckReportsLostAndChangedMembers() throws {
        // `Call.ringingTimeoutInSeconds` is an Int32: a string does not decode; a well-formed body is clean.
        let bad = try LenientJSON.parse(#"{"id": "x", "ringingTimeoutInSeconds": "sixty"}"#).node
        let badFindings = RoundTripCheck.check(bad, as: Call.self, collection: false)
        #expect(badFindings.count == 1)
        #expect(badFindings.first?.path == [.key("ringingTimeoutInSeconds")])
        #expect(badFindings.first?.line == 1)

        let good = try LenientJSON.parse(#"{"id": "x", "ringingTimeoutInSeconds": 15, "extra": [1, {"a": null}]}"#).node
        #expect(RoundTripCheck.check(good, as: Call.self, collection: false).isEmpty)

        var findings: [DocFinding] = []
        RoundTripCheck.diff(good, ["id": "y", "extra": [1, ["a": nil]], "added": true], [], &findings)
        #expect(Set(findings.map(\.path.text)) == ["id", "ringingTimeoutInSeconds", "added"])
    }
}
