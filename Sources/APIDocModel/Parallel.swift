import Dispatch

/// Work spread over threads with results in input order, so that the output never depends on
/// the number of threads. Used by the resolver, the emitter and the pipeline.
public enum Parallel {
    /// `(0..<count).map(transform)` over `workers` threads (1: on the calling thread), in order.
    public static func map<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).map(transform) }
        let results = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, transform($0)) }
        return results.moveValues()
    }

    /// `(0..<count).compactMap(transform)` over `workers` threads, in order; the results are
    /// moved, not copied, into the array (for large values such as pages).
    public static func compactMap<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T?) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).compactMap(transform) }
        let results = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            if let value = transform(index) { results.set(index, value) }
        }
        return results.moveValues()
    }
}

/// Results written by concurrent workers, each index once: every slot is its own memory, and
/// `concurrentPerform` returns only after every write, so no lock is needed.
final class ResultBuffer<T: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T>
    /// Which slots hold a value (the others were never set, or were moved out).
    private let filled: UnsafeMutableBufferPointer<Bool>

    init(count: Int) {
        storage = .allocate(capacity: count)
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false)
    }

    deinit {
        for index in filled.indices where filled[index] { (storage + index).deinitialize(count: 1) }
        storage.deallocate()
        filled.deallocate()
    }

    /// Stores the result of `index`; at most once per index.
    func set(_ index: Int, _ value: T) {
        (storage + index).initialize(to: value)
        filled[index] = true
    }

    /// The results that were set, in index order, moved out (no copies): call once, after every `set`.
    func moveValues() -> [T] {
        var result: [T] = []
        result.reserveCapacity(filled.count)
        for index in filled.indices where filled[index] {
            result.append((storage + index).move())
            filled[index] = false
        }
        return result
    }
}
