import Foundation

/// When and how long ``GraphClient`` waits before sending a request again.
///
/// By default (``default``) a response with status 429, 503 or 504 to a `GET`, `HEAD`, `PUT`,
/// `DELETE` or `OPTIONS` request is retried, up to 4 attempts in all and within 180 seconds
/// from the first attempt. Each wait is the response's `Retry-After` when it has one (seconds or
/// an HTTP date), else exponential backoff with full jitter: a random time between 0 and
/// `min(maxBackoff, initialBackoff * 2^(retry - 1))`. When the wait would end after the time
/// budget, the client gives up at once and throws the last response's ``GraphError``.
///
/// ```swift
/// var client = APIDocRuntime.GraphClient(authorization: token)
/// client.retryPolicy.maxAttempts = 6
/// client.retryPolicy.retryNonIdempotent = true   // also POST and PATCH
/// client.retryPolicy = .none                     // never retry
/// ```
///
/// Waiting uses ``clock``, `Task.sleep` by default, so cancelling the task ends the wait at
/// once with `CancellationError`. Tests substitute a clock that records the waits.
public struct RetryPolicy: Sendable {
    /// The most attempts for one request, the first one included; 1 or less never retries.
    public var maxAttempts: Int
    /// The longest time from the first attempt to the end of the last wait; no retry is made
    /// whose wait would end later.
    public var maxTotalTime: Duration
    /// The upper bound of the first backoff (without `Retry-After`); it doubles with each retry.
    public var initialBackoff: Duration
    /// The largest upper bound of a backoff.
    public var maxBackoff: Duration
    /// The status codes that are retried.
    public var retryableStatuses: Set<Int>
    /// Whether requests whose method is not idempotent (`POST`, `PATCH`, ...) are retried too.
    public var retryNonIdempotent: Bool
    /// Picks the actual backoff for an upper bound; full jitter (uniformly random between zero
    /// and the bound) by default.
    public var jitter: @Sendable (Duration) -> Duration
    /// Tells the time and waits.
    public var clock: RetryClock

    /// Creates a policy; every parameter has the value ``default`` uses.
    public init(
        maxAttempts: Int = 4,
        maxTotalTime: Duration = .seconds(180),
        initialBackoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(30),
        retryableStatuses: Set<Int> = [429, 503, 504],
        retryNonIdempotent: Bool = false,
        jitter: @escaping @Sendable (Duration) -> Duration = RetryPolicy.fullJitter,
        clock: RetryClock = .continuous
    ) {
        self.maxAttempts = maxAttempts
        self.maxTotalTime = maxTotalTime
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.retryableStatuses = retryableStatuses
        self.retryNonIdempotent = retryNonIdempotent
        self.jitter = jitter
        self.clock = clock
    }

    /// 429, 503 and 504, idempotent methods only, 4 attempts, 180 seconds, backoff from 1 to
    /// 30 seconds with full jitter.
    public static var `default`: RetryPolicy { RetryPolicy() }

    /// Never retries.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    static let longestWait: Double = 365 * 86_400

    /// The methods retried without ``retryNonIdempotent``.
    public static let idempotentMethods: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]

    /// A duration chosen uniformly at random between zero and `bound`.
    public static func fullJitter(_ bound: Duration) -> Duration {
        let seconds = bound.inSeconds
        return seconds > 0 ? .seconds(Double.random(in: 0...seconds)) : .zero
    }

    /// Whether a response with `status` to a request with `method` may be retried (attempts
    /// and time not considered). Methods are compared case-insensitively.
    public func isRetryable(method: String, status: Int) -> Bool {
        retryableStatuses.contains(status)
            && (retryNonIdempotent || Self.idempotentMethods.contains(method.uppercased()))
    }

    /// The backoff before retry number `retry` (1 for the first retry) when the response has
    /// no `Retry-After`: ``jitter`` applied to `min(maxBackoff, initialBackoff * 2^(retry - 1))`.
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = Double(max(0, min(retry - 1, 62)))
        let bound = min(maxBackoff.inSeconds, initialBackoff.inSeconds * pow(2, exponent))
        let chosen = jitter(.seconds(max(0, bound)))
        return max(.zero, chosen)
    }

    /// The wait before retry number `retry` of a request answered by `response`: its
    /// `Retry-After` (see ``RetryAfter/delay(for:now:)``), else ``backoff(beforeRetry:)``.
    public func delay(beforeRetry retry: Int, after response: HTTPResponse, now: Date = Date()) -> Duration {
        if let seconds = RetryAfter.delay(for: response, now: now) {
            return .seconds(min(seconds, Self.longestWait))  // a year: beyond any budget, and no overflow
        }
        return backoff(beforeRetry: retry)
    }

    /// Sends `request` through `send` until a response is not retryable, or attempts or time
    /// run out, and returns the last response. Retries carry a `Retry-Attempt: n` header.
    ///
    /// - Throws: What `send` throws, and `CancellationError` when the task is cancelled while
    ///   waiting.
    func run(
        _ request: HTTPRequest, send: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let start = clock.now()
        var attempt = request
        var retry = 0
        while true {
            let response = try await send(attempt)
            guard retry + 1 < maxAttempts, isRetryable(method: request.method, status: response.status) else {
                return response
            }
            retry += 1
            let wait = delay(beforeRetry: retry, after: response)
            guard clock.now() - start + wait <= maxTotalTime else { return response }
            try await clock.sleep(wait)
            try Task.checkCancellation()
            HTTPHeaders.set("Retry-Attempt", String(retry), in: &attempt.headers)
        }
    }
}

/// The time source and the wait used by ``RetryPolicy``.
///
/// ``continuous`` uses `ContinuousClock` and `Task.sleep(for:)`, which throws
/// `CancellationError` as soon as the task is cancelled. A test can count time itself:
///
/// ```swift
/// let waits = Waits()   // an actor that records durations
/// let clock = RetryClock(now: { .zero }, sleep: { await waits.record($0) })
/// ```
public struct RetryClock: Sendable {
    /// The time elapsed since some fixed origin; only differences are used.
    public var now: @Sendable () -> Duration
    /// Waits for a duration; should throw `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two operations.
    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// `ContinuousClock` time and `Task.sleep(for:)`.
    public static var continuous: RetryClock {
        let origin = ContinuousClock.now
        return RetryClock(now: { ContinuousClock.now - origin }, sleep: { try await Task.sleep(for: $0) })
    }
}

extension Duration {
    /// The duration in seconds, with the fraction.
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
