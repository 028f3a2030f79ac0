import APIDocGeneratorCore
import Foundation
import Testing

/// Mutated pages read from disk by the concurrent loader: the same result with one worker or
/// several (and, under `make sanitize`, no data race while the workers read bad input).
@Suite("Concurrent loading of bad input")
struct ConcurrentLoadingTests {
    @Test("Mutated pages load the same with 1 worker and with 4")
    func sameWithOneWorkerOrMany() throws {
        let folder = try TemporaryFolder("concurrent")
        let mutator = Mutator(docSeeds: Seeds.docs, corpusSeeds: Seeds.corpus, seed: FuzzTests.seed &+ 2)
        var written = 0
        for index in 0..<Settings.integer("APIDOCGEN_CONCURRENT_INPUTS", default: 60) {
            let input = mutator.input(index)
            for page in input.pages {
                // Each input in a folder of its own, so that its pages keep their names.
                try folder.write(page.bytes, to: "input-\(index)/" + page.path)
                written += 1
            }
        }
        let input = PageLoader.Input(root: folder.url, displayRoot: "fuzz")
        let serial = try Pipeline.analyze(input, workers: 1)
        let parallel = try Pipeline.analyze(input, workers: 4)
        #expect(serial.pages.count == written)
        #expect(serial.model == parallel.model)
        #expect(serial.diagnostics == parallel.diagnostics)
        let a = Pipeline.render(serial).map { $0.name + "\n" + $0.text }
        let b = Pipeline.render(parallel).map { $0.name + "\n" + $0.text }
        #expect(a == b)
        let lintA = Pipeline.lint(serial), lintB = Pipeline.lint(parallel)
        #expect(lintA.diagnostics == lintB.diagnostics)
    }
}
