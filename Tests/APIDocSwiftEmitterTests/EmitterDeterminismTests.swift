import APIDocModel
import APIDocSwiftEmitter
import Testing

/// The same model gives the same files, byte for byte.
@Suite("Emitter determinism")
struct EmitterDeterminismTests {
    static let model = CompileTests.largeModel

    @Test func emittingTwiceGivesIdenticalFiles() {
        let first = SwiftEmitter.emit(Self.model)
        let second = SwiftEmitter.emit(Self.model)
        #expect(first == second)
        let a = SwiftEmitter.render(first)
        let b = SwiftEmitter.render(second)
        #expect(a.map(\.name) == b.map(\.name))
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.name) == a.map(\.name).sorted())
    }

    @Test func translatingAndRenderingInOnePassGivesTheSameFilesOnAnyNumberOfThreads() {
        let reference = SwiftEmitter.render(SwiftEmitter.emit(Self.model))
        #expect(reference.count > 10)
        for workers in [1, 2, 5] {
            let fused = SwiftEmitter.emitRendered(Self.model, workers: workers)
            #expect(fused.map(\.name) == reference.map(\.name))
            #expect(fused.map(\.text) == reference.map(\.text))
        }
    }

    @Test func orderOfTheModelDoesNotMatter() {
        let reordered = APIModel(types: Self.model.types.reversed(), operations: Self.model.operations.reversed())
        let expected = emitted(Self.model)
        let actual = emitted(reordered)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for name in expected.keys.sorted() where actual[name] != expected[name] {
            Issue.record("\(name) differs when the model's types and operations come in another order")
        }
    }

    @Test func noMachineSpecificText() {
        let text = SwiftEmitter.render(SwiftEmitter.emit(Self.model)).map(\.text).joined()
        #expect(!text.contains("/tmp/"))
        #expect(!text.contains("/work/"))
        #expect(!text.contains("/home/"))
    }
}
