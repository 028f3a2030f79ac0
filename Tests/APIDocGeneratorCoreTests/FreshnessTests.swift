import APIDocGeneratorCore
import Foundation
import Testing

/// Generated/ is exactly what docs/ produces (swift-syntax's VerifySourceCode idea): a change to
/// the docs or the generator without a regeneration fails here, and in CI's `generate --check`.
@Suite struct FreshnessTests {
    @Test func generatedFolderMatchesAFreshGeneration() throws {
        let analysis = try Pipeline.analyze(PageLoader.Input(root: PackagePaths.docs, displayRoot: "docs"))
        let files = Pipeline.render(analysis)
        let plan = try OutputWriter(output: PackagePaths.generated).plan(files)
        #expect(plan.writes.keys.sorted() == [], "Generated/ is stale; run `make generate`")
        #expect(plan.removals == [], "Generated/ holds files docs/ no longer produces")
        #expect(plan.unchanged == files.count)
        #expect(files.count > 80)
    }

    @Test func docsGenerateWithoutWarnings() throws {
        let analysis = try Pipeline.analyze(PageLoader.Input(root: PackagePaths.docs, displayRoot: "docs"))
        let problems = analysis.diagnostics.filter { $0.severity >= .warning }.map(\.description)
        #expect(problems == [])
    }

    @Test func outputIsTheSameWithOneWorkerOrMany() throws {
        let serial = try Pipeline.analyze(PageLoader.Input(root: PackagePaths.docs, displayRoot: "docs"), workers: 1)
        let parallel = try Pipeline.analyze(PageLoader.Input(root: PackagePaths.docs, displayRoot: "docs"), workers: 4)
        #expect(serial.model == parallel.model)
        let a = Pipeline.render(serial).map { $0.name + "\n" + $0.text }
        let b = Pipeline.render(parallel).map { $0.name + "\n" + $0.text }
        #expect(a == b)
        #expect(serial.diagnostics == parallel.diagnostics)
    }
}
