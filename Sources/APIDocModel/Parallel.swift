import Dispatch

/// Work spread over threads with results in input order, so that the output never depends on
/// the number of threads. Used by the resolver, the emitter and the pipeline.
public enum Parallel {
    /// `(0..<count).map(transform)` over `workers` threads (1: on the calling thread), in order.
    public static func map<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).map(transform) }
        let results = ResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, transform($0)) }
        return results.values()
    }

    /// `(0..<count).compactMap(transform)` over `workers` threads, in order; the results are
    /// moved, not copied, into the array (for large values such as pages).
    public static func compactMap<T: Sendable>(_ count: Int, workers: Int, _ transform: @Sendable (Int) -> T?) -> [T] {
        guard workers > 1, count > 1 else { return (0..<count).compactMap(transform) }
        let results = ResultBuffer<T?>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, transform($0)) }
        return results.compactValues()
    }
}

/// Results written by concurrent workers, each index once: every slot is its own memory, and
/// `concurrentPerform` returns only after every write, so no lock is needed.
final class ResultBuffer<T: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    /// The non-nil results of a buffer of optionals, moved out: call once, after every `set`.
    func compactValues<Wrapped>() -> [Wrapped] where T == Wrapped? {
        var result: [Wrapped] = []
        result.reserveCapacity(storage.count)
        for index in storage.indices {
            if case .some(.some(let value)) = storage.moveElement(from: index) { result.append(value) }
        }
        storage.initialize(repeating: nil)
        return result
    }

    /// The results, moved out (no copies): call once, after every `set`.
    func values() -> [T] {
        var result: [T] = []
        result.reserveCapacity(storage.count)
        for index in storage.indices { result.append(storage.moveElement(from: index)!) }
        storage.initialize(repeating: nil)
        return result
    }
}
