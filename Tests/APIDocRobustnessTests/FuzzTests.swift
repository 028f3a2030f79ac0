import Foundation
import Testing

/// Mutated real pages through the whole pipeline (extract -> resolve -> emit -> render -> lint),
/// in memory. A crash would kill the test process, so getting to the end is the first assertion;
/// then every input is fast and its output the same on a second run (pages in reverse order).
///
/// CI runs a bounded number of inputs with a fixed seed. The environment scales it:
/// - `APIDOCGEN_FUZZ_INPUTS=100000`: how many inputs (default 1,500);
/// - `APIDOCGEN_FUZZ_SEED=n`, `APIDOCGEN_FUZZ_START=n`: which inputs;
/// - `APIDOCGEN_FUZZ_ONLY=n`: just input n (to reproduce a failure);
/// - `APIDOCGEN_FUZZ_TRACE=/path`: the index of the input being run is written there first, so
///   that a crash names its input;
/// - `APIDOCGEN_FUZZ_SAVE=1`: save every input's pages (with `APIDOCGEN_FUZZ_ONLY`: the one to debug);
/// - `APIDOCGEN_FUZZ_DETERMINISM=n`: check determinism on every n-th input (default 1: all);
/// - `APIDOCGEN_COMPILE_SAMPLE=200`: how many distinct mutated outputs are type-checked (default 20).
@Suite("Fuzzing")
struct FuzzTests {
    static let seed = UInt64(Settings.integer("APIDOCGEN_FUZZ_SEED", default: 7_2024))
    /// Per input; generous so that CI noise does not flake (inputs take milliseconds).
    static let timeLimit = Duration.seconds(2)

    static var mutator: Mutator { Mutator(docSeeds: Seeds.docs, corpusSeeds: Seeds.corpus, seed: seed) }

    /// Saves a failing input's pages where a developer can run the CLI on them; returns the folder.
    static func save(_ input: Mutator.Input, seed: UInt64 = FuzzTests.seed) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-fuzz-failures/seed-\(seed)-input-\(input.index)")
        for page in input.pages {
            let url = folder.appendingPathComponent(page.path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(page.bytes).write(to: url)
        }
        return folder.path
    }

    @Test("Mutated pages never crash, hang or generate differently twice")
    func mutatedPages() throws {
        #expect(!Seeds.docs.isEmpty, "no seed pages in docs/")
        let count = Settings.integer("APIDOCGEN_FUZZ_INPUTS", default: 1_500)
        let start = Settings.integer("APIDOCGEN_FUZZ_START", default: 0)
        let indices = Settings.string("APIDOCGEN_FUZZ_ONLY").flatMap(Int.init).map { [$0] } ?? Array(start..<(start + count))
        let determinismEvery = max(1, Settings.integer("APIDOCGEN_FUZZ_DETERMINISM", default: 1))
        let trace = Settings.string("APIDOCGEN_FUZZ_TRACE")
        let mutator = FuzzTests.mutator
        let clock = ContinuousClock()
        let began = clock.now
        var slowest: (index: Int, time: Duration, bytes: Int) = (-1, .zero, 0)
        var overLimit = 0
        var nondeterministic = 0
        var inputBytes = 0
        var mutationCounts: [Mutator.Kind: Int] = [:]
        // Of every output: equal across processes (hash seeds differ) when generation is deterministic.
        var digest = Digest()
        for index in indices {
            let input = mutator.input(index)
            if let trace { try? Data("seed \(FuzzTests.seed) input \(index)\n".utf8).write(to: URL(fileURLWithPath: trace)) }
            if Settings.string("APIDOCGEN_FUZZ_SAVE") != nil { print("input \(index) saved to \(FuzzTests.save(input))") }
            for kind in input.mutations { mutationCounts[kind, default: 0] += 1 }
            let size = input.pages.reduce(0) { $0 + $1.bytes.count }
            inputBytes += size
            let before = clock.now
            let first = InMemoryPipeline.run(input.pages)
            let elapsed = clock.now - before
            digest.add(first)
            if elapsed > slowest.time { slowest = (index, elapsed, size) }
            if elapsed > FuzzTests.timeLimit {
                // Reported, not asserted: speed is measured, never a timed test (a hang still never finishes).
                overLimit += 1
                print("fuzz: input \(index) (\(input.mutations.map(\.rawValue))) took \(elapsed)")
            }
            if index % determinismEvery == 0 {
                let second = InMemoryPipeline.run(input.pages.reversed())
                if second != first {
                    nondeterministic += 1
                    Issue.record("input \(index) (\(input.mutations.map(\.rawValue))) generates differently on a second run; saved to \(FuzzTests.save(input))")
                }
            }
        }
        let total = clock.now - began
        let summary = """
            fuzz: seed \(FuzzTests.seed), \(indices.count) inputs (\(Seeds.docs.count) docs + \(Seeds.corpus.count) corpus seed pages, \
            \(inputBytes / 1_048_576) MB of markdown), 0 crashes, \(overLimit) over \(FuzzTests.timeLimit), \(nondeterministic) nondeterministic; \
            slowest: input \(slowest.index) (\(slowest.bytes) bytes) in \(slowest.time); total \(total); output digest \(digest.hex)
            """
        print(summary)
        if Settings.string("APIDOCGEN_FUZZ_VERBOSE") != nil {
            print("mutations: " + mutationCounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))
        }
        #expect(nondeterministic == 0)
    }

    @Test("Code generated from mutated pages compiles (swiftc -typecheck -warnings-as-errors)")
    func mutatedPagesCompile() throws {
        let wanted = Settings.integer("APIDOCGEN_COMPILE_SAMPLE", default: 20)
        guard wanted > 0 else { return }
        let runtime = SwiftTypeChecker.runtime
        if case .failure(let failure) = runtime { Issue.record("\(failure)"); return }
        // Another seed than the crash run, and only inputs whose output differs from every earlier one.
        let mutator = Mutator(docSeeds: Seeds.docs, corpusSeeds: Seeds.corpus, seed: FuzzTests.seed &+ 1)
        var outputs: [[(name: String, text: String)]] = []
        var inputs: [Mutator.Input] = []
        var seen: Set<[String]> = []
        var index = 0
        while outputs.count < wanted && index < wanted * 20 {
            let input = mutator.input(index)
            index += 1
            let output = InMemoryPipeline.run(input.pages)
            guard seen.insert(output.texts).inserted else { continue }
            outputs.append(output.rendered)
            inputs.append(input)
        }
        let folder = try TemporaryFolder("compile")
        let clock = ContinuousClock()
        let began = clock.now
        let failures = SwiftTypeChecker.checkAll(outputs, under: folder.url)
        let files = outputs.reduce(0) { $0 + $1.count }
        print("compile sample: \(outputs.count) distinct outputs of \(index) mutated inputs (seed \(FuzzTests.seed &+ 1)), \(files) files, \(failures.count) do not compile; \(clock.now - began)")
        for (position, failure) in failures.sorted(by: { $0.key < $1.key }) {
            let input = inputs[position]
            Issue.record("input \(input.index) (\(input.mutations.map(\.rawValue))) generates code that does not compile; saved to \(FuzzTests.save(input, seed: FuzzTests.seed &+ 1)):\n\(failure.prefix(4_000))")
        }
    }
}
