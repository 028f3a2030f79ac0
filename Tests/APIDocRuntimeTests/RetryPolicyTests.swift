import APIDocRuntime
import Foundation
import Testing

@Suite struct HTTPDateTests {
    let instant = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test func parsesTheThreeForms() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == instant)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == instant)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == instant)
        #expect(HTTPDate.parse("  sun, 06 nov 1994 08:49:37 GMT ") == instant)
        #expect(HTTPDate.parse("Thursday, 01-Jan-70 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        #expect(HTTPDate.parse("Sat, 01-Jan-00 00:00:00 GMT") == Date(timeIntervalSince1970: 946_684_800))
    }

    @Test func rejectsOtherText() {
        for text in [
            "", "120", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "2015-10-21T07:28:00Z",
            "Sun, 06 Nov 199 08:49:37 GMT", "Sun, 006 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
        ] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(instant) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 951_782_400.75)) == "Tue, 29 Feb 2000 00:00:00 GMT")
        for seconds in stride(from: -2_000_000_000, through: 4_000_000_000, by: 86_399 * 37) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(HTTPDate.parse(HTTPDate.format(date)) == date)
        }
    }

    @Test func retryAfterValues() {
        #expect(RetryAfter(headerValue: "120") == .seconds(120))
        #expect(RetryAfter(headerValue: " 2.5 ") == .seconds(2.5))
        #expect(RetryAfter(headerValue: "Sun, 06 Nov 1994 08:49:37 GMT") == .date(instant))
        #expect(RetryAfter(headerValue: "-1") == nil)
        #expect(RetryAfter(headerValue: "later") == nil)
        #expect(RetryAfter.seconds(120).description == "120s")
        #expect(RetryAfter.seconds(2.5).description == "2.5s")
        #expect(RetryAfter.date(instant).description == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(RetryAfter.date(instant).delay(from: instant.addingTimeInterval(-90)) == 90)
        #expect(RetryAfter.date(instant).delay(from: instant.addingTimeInterval(90)) == 0)
    }

    @Test func retryAfterDelayUsesTheResponseDate() {
        let response = HTTPResponse(
            status: 429, headers: ["retry-after": "Sun, 06 Nov 1994 08:50:00 GMT", "date": "Sun, 06 Nov 1994 08:49:37 GMT"])
        #expect(RetryAfter.delay(for: response, now: Date(timeIntervalSince1970: 0)) == 23)
        #expect(RetryAfter.delay(for: HTTPResponse(status: 503)) == nil)
    }
}

@Suite struct RetryPolicyTests {
    @Test func defaults() {
        let policy = RetryPolicy.default
        #expect(policy.maxAttempts == 4)
        #expect(policy.maxTotalTime == .seconds(180))
        #expect(policy.retryableStatuses == [429, 503, 504])
        #expect(policy.retryNonIdempotent == false)
        #expect(RetryPolicy.none.maxAttempts == 1)
        #expect(GraphClient().retryPolicy.maxAttempts == 4)
        #expect(GraphClient().middleware.isEmpty)
    }

    @Test func onlyIdempotentMethodsAndRetryableStatuses() {
        let policy = RetryPolicy()
        for method in ["GET", "get", "HEAD", "PUT", "DELETE", "OPTIONS"] {
            #expect(policy.isRetryable(method: method, status: 429), "\(method)")
        }
        for method in ["POST", "PATCH"] {
            #expect(!policy.isRetryable(method: method, status: 503), "\(method)")
        }
        for status in [200, 400, 401, 404, 500, 502] {
            #expect(!policy.isRetryable(method: "GET", status: status), "\(status)")
        }
        var lenient = policy
        lenient.retryNonIdempotent = true
        #expect(lenient.isRetryable(method: "POST", status: 504))
    }

    @Test func exponentialBackoffIsCappedAndJittered() {
        var policy = RetryPolicy(initialBackoff: .milliseconds(500), maxBackoff: .seconds(10), jitter: { $0 })
        #expect((1...7).map { policy.backoff(beforeRetry: $0) }
            == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        #expect(policy.backoff(beforeRetry: 1_000) == .seconds(10))
        policy.jitter = RetryPolicy.fullJitter
        for retry in 1...6 {
            let bound = min(Duration.seconds(10), .milliseconds(500) * (1 << (retry - 1)))
            for _ in 0..<50 {
                let wait = policy.backoff(beforeRetry: retry)
                #expect(wait >= .zero && wait <= bound)
            }
        }
        #expect(RetryPolicy.fullJitter(.zero) == .zero)
    }

    @Test func retryAfterWinsOverBackoff() {
        let policy = RetryPolicy(jitter: { _ in .seconds(99) })
        #expect(policy.delay(beforeRetry: 1, after: HTTPResponse(status: 429, headers: ["Retry-After": "3"])) == .seconds(3))
        #expect(policy.delay(beforeRetry: 1, after: HTTPResponse(status: 429)) == .seconds(99))
        let far = HTTPResponse(status: 503, headers: ["Retry-After": "1e300"])
        #expect(policy.delay(beforeRetry: 1, after: far) == .seconds(365 * 86_400))
    }

    @Test func continuousClockSleepsAndMeasures() async throws {
        let clock = RetryClock.continuous
        let start = clock.now()
        try await clock.sleep(.milliseconds(20))
        #expect(clock.now() - start >= .milliseconds(20))
    }
}
