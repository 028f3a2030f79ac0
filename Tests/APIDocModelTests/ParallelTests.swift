import APIDocModel
import Foundation
import Testing

/// The one way work is spread over threads: results in input order, each one moved out once.
@Suite("Parallel")
struct ParallelTests {
    /// Counts the results freed, to see that none is copied away, lost or freed twice.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    final class Token: Sendable {
        let value: Int
        let freed: Counter
        init(_ value: Int, freed: Counter) {
            self.value = value
            self.freed = freed
        }
        deinit { freed.increment() }
    }

    @Test func mapKeepsTheInputOrderOnAnyNumberOfThreads() {
        let expected = (0..<1_000).map { "item \($0 * 3)" }
        for workers in [1, 2, 8] {
            #expect(Parallel.map(1_000, workers: workers) { "item \($0 * 3)" } == expected)
        }
        #expect(Parallel.map(0, workers: 4) { $0 }.isEmpty)
    }

    @Test func compactMapKeepsTheOrderDropsNilsAndFreesEachResultOnce() {
        for workers in [1, 2, 8] {
            let freed = Counter()
            do {
                let tokens = Parallel.compactMap(1_000, workers: workers) { $0 % 3 == 0 ? nil : Token($0, freed: freed) }
                withExtendedLifetime(tokens) {
                    #expect(tokens.map(\.value) == (0..<1_000).filter { $0 % 3 != 0 })
                    #expect(freed.value == 0, "a result was freed while the array holds it")
                }
            }
            #expect(freed.value == 666, "\(workers) workers")
        }
    }
}
