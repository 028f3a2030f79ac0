import APIDocRuntime
import FlyingFox
import Foundation
import Testing

/// A retry clock in which waiting takes no real time: each wait is recorded and moves the
/// clock's time forward by its duration.
final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration = .zero
    private var recorded: [Duration] = []

    /// The waits so far, in order.
    var waits: [Duration] { locked { recorded } }

    var retryClock: RetryClock {
        RetryClock(now: { self.locked { self.elapsed } }, sleep: { duration in self.record(duration) })
    }

    private func record(_ duration: Duration) {
        locked {
            recorded.append(duration)
            elapsed += duration
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// A policy with `clock` and a jitter that always picks the upper bound (deterministic waits).
func testPolicy(_ clock: VirtualClock, maxAttempts: Int = 4, retryNonIdempotent: Bool = false) -> RetryPolicy {
    RetryPolicy(
        maxAttempts: maxAttempts, retryNonIdempotent: retryNonIdempotent, jitter: { $0 }, clock: clock.retryClock)
}

/// Answers the first requests with `responses` in turn, and every later one with `final`
/// (`200 {"ok":true}` by default).
func sequence(_ responses: [FlyingFox.HTTPResponse], then final: FlyingFox.HTTPResponse = json(#"{"ok":true}"#))
    -> LoopbackServer.Handler
{
    let counter = Counter()
    return { _ in
        let index = await counter.next() - 1
        return index < responses.count ? responses[index] : final
    }
}

struct OK: Codable, Hashable, Sendable { var ok: Bool }

@Suite struct RetryTests {
    let get = GraphRequest(method: "GET", path: "/me")

    @Test func tooManyRequestsWaitsRetryAfterThenSucceeds() async throws {
        let clock = VirtualClock()
        let throttled = json(429, #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#, headers: ["Retry-After": "2"])
        try await LoopbackServer.with(sequence([throttled])) { server in
            let result = try await server.client(retryPolicy: testPolicy(clock)).send(get, decoding: OK.self)
            #expect(result == OK(ok: true))
            #expect(clock.waits == [.seconds(2)])
            let seen = await server.requests
            #expect(seen.count == 2)
            #expect(seen.first?.headers["retry-attempt"] == nil)
            #expect(seen.last?.headers["retry-attempt"] == "1")
            #expect(seen.allSatisfy { $0.headers["authorization"] == "Bearer secret-token" })
        }
    }

    @Test func serviceUnavailableTwiceThenSuccessForGET() async throws {
        let clock = VirtualClock()
        try await LoopbackServer.with(sequence([reply(503, body: "busy"), reply(504)])) { server in
            let result = try await server.client(retryPolicy: testPolicy(clock)).send(get, decoding: OK.self)
            #expect(result == OK(ok: true))
            // No Retry-After: exponential backoff, 1 s then 2 s (the jitter picks the bound).
            #expect(clock.waits == [.seconds(1), .seconds(2)])
            #expect(await server.requests.map { $0.headers["retry-attempt"] } == [nil, "1", "2"])
        }
    }

    @Test func postIsNotRetriedByDefault() async throws {
        let clock = VirtualClock()
        try await LoopbackServer.with(sequence([reply(503)])) { server in
            var post = GraphRequest(method: "POST", path: "/me/events")
            try post.setJSONBody(["subject": "x"])
            let error = await #expect(throws: GraphError.self) {
                try await server.client(retryPolicy: testPolicy(clock)).send(post)
            }
            #expect(error?.status == 503)
            #expect(clock.waits.isEmpty)
            #expect(await server.seen.count == 1)
        }
    }

    @Test func postIsRetriedWhenThePolicySaysSo() async throws {
        let clock = VirtualClock()
        try await LoopbackServer.with(sequence([reply(503)])) { server in
            var post = GraphRequest(method: "POST", path: "/me/events")
            try post.setJSONBody(["subject": "x"])
            let client = server.client(retryPolicy: testPolicy(clock, retryNonIdempotent: true))
            #expect(try await client.send(post, decoding: OK.self) == OK(ok: true))
            let seen = await server.requests
            #expect(seen.count == 2)
            #expect(seen.map { String(decoding: $0.body, as: UTF8.self) } == [#"{"subject":"x"}"#, #"{"subject":"x"}"#])
        }
    }

    @Test func exhaustedRetriesThrowTheLastGraphError() async throws {
        let clock = VirtualClock()
        let throttled = json(429, #"{"error":{"code":"TooManyRequests","message":"m"}}"#, headers: ["Retry-After": "1"])
        try await LoopbackServer.with({ _ in throttled }) { server in
            let error = await #expect(throws: GraphError.self) {
                try await server.client(retryPolicy: testPolicy(clock, maxAttempts: 3)).send(get)
            }
            #expect(error?.status == 429)
            #expect(error?.code == "TooManyRequests")
            #expect(error?.retryAfter == 1)
            #expect(clock.waits == [.seconds(1), .seconds(1)])
            #expect(await server.seen.count == 3)
        }
    }

    @Test func aWaitBeyondTheTimeBudgetIsNotMade() async throws {
        let clock = VirtualClock()
        var policy = testPolicy(clock)
        policy.maxTotalTime = .seconds(60)
        try await LoopbackServer.with({ _ in reply(503, headers: ["Retry-After": "120"]) }) { server in
            let error = await #expect(throws: GraphError.self) {
                try await server.client(retryPolicy: policy).send(get)
            }
            #expect(error?.retryAfter == 120)
            #expect(clock.waits.isEmpty)
            #expect(await server.seen.count == 1)
        }
    }

    @Test func noneNeverRetriesAndOtherStatusesAreNotRetried() async throws {
        try await LoopbackServer.with({ _ in reply(503, headers: ["Retry-After": "0"]) }) { server in
            await #expect(throws: GraphError.self) { try await server.client(retryPolicy: .none).send(get) }
            #expect(await server.seen.count == 1)
        }
        let clock = VirtualClock()
        try await LoopbackServer.with({ _ in reply(500) }) { server in
            await #expect(throws: GraphError.self) { try await server.client(retryPolicy: testPolicy(clock)).send(get) }
            #expect(await server.seen.count == 1)
            #expect(clock.waits.isEmpty)
        }
    }

    @Test func retryAfterAsHTTPDateIsWaitedFromTheResponseDate() async throws {
        let clock = VirtualClock()
        let headers = ["Date": "Wed, 21 Oct 2015 07:28:00 GMT", "Retry-After": "Wed, 21 Oct 2015 07:28:07 GMT"]
        try await LoopbackServer.with(sequence([reply(429, headers: headers)])) { server in
            _ = try await server.client(retryPolicy: testPolicy(clock)).send(get)
            #expect(clock.waits == [.seconds(7)])
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellationWhileWaitingStopsAtOnce() async throws {
        let waiting = AsyncStream<Duration>.makeStream()
        let clock = RetryClock.continuous
        var policy = RetryPolicy.default
        policy.clock = RetryClock(now: clock.now) { duration in
            waiting.continuation.yield(duration)
            try await clock.sleep(duration)  // the real Task.sleep
        }
        try await LoopbackServer.with({ _ in reply(429, headers: ["Retry-After": "30"]) }) { server in
            let client = server.client(retryPolicy: policy)
            let task = Task { try await client.send(get) }
            var iterator = waiting.stream.makeAsyncIterator()
            #expect(await iterator.next() == .seconds(30))
            let start = ContinuousClock.now
            task.cancel()
            let outcome = await task.result
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(2), "took \(elapsed) to stop")
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(await server.seen.count == 1)
        }
    }
}
