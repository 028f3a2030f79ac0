import APIDocGeneratorCore
import APIDocModel
import Foundation
import Testing

/// The seed page alone, in an otherwise empty folder, still generates code that compiles: the
/// body type is defined from the page's own table, enums from its prose, and links to pages that
/// are not there become any-JSON values with a warning.
@Suite struct SeedAloneTests {
    func analyzeSeedAlone() throws -> (TemporaryFolder, Pipeline.Analysis) {
        let folder = try TemporaryFolder()
        try folder.write(try String(contentsOf: PackagePaths.seed, encoding: .utf8), to: "docs/api/application-post-calls.md")
        let analysis = try Pipeline.analyze(PageLoader.Input(root: folder.url.appendingPathComponent("docs"), displayRoot: "docs"))
        return (folder, analysis)
    }

    @Test func modelHasCallFromTheTableAndItsEnums() throws {
        let (_, analysis) = try analyzeSeedAlone()
        let call = try #require(analysis.model.type(named: "microsoft.graph.call"))
        #expect(call.properties.count == 26)
        #expect(call.properties.first { $0.name == "state" }?.type == "microsoft.graph.callState")
        #expect(call.properties.first { $0.name == "toneInfo" }?.type == "Edm.Untyped")
        let state = try #require(analysis.model.type(named: "microsoft.graph.callState"))
        #expect(state.members.map(\.name) == ["incoming", "establishing", "ringing", "established", "hold", "transferring",
                                             "transferAccepted", "redirecting", "terminating", "terminated", "unknownFutureValue"])
        let create = try #require(analysis.model.operations.first { $0.name == "createCall" })
        #expect(create.requestBody == TypeUse(type: "microsoft.graph.call", collection: false))
        #expect(create.response == ResponseSpec(status: 201, type: "microsoft.graph.call", collection: false))
        let missing = analysis.diagnostics.filter { $0.rule == "missing-page" }
        #expect(missing.contains { $0.description.hasPrefix("docs/api/application-post-calls.md:") && $0.message.contains("toneinfo.md") })
    }

    @Test func generatedCodeCompiles() throws {
        let (folder, analysis) = try analyzeSeedAlone()
        let output = folder.url.appendingPathComponent("Generated")
        let writer = OutputWriter(output: output)
        try writer.apply(try writer.plan(Pipeline.render(analysis)))
        let failure = try typeCheck(generatedFolder: output, scratch: folder.url)
        #expect(failure == nil, "\(failure ?? "")")
    }
}
