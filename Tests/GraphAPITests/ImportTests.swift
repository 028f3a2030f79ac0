// This file imports the generated module alone (and Foundation for URL): what an app writes.
import Foundation
import GraphAPI
import Testing

/// `import GraphAPI` is enough to use the client and the runtime types the generated API is
/// written in: the generated module re-exports APIDocRuntime.
@Suite("Importing the generated module")
struct ImportTests {
    @Test func theGeneratedModuleBringsTheRuntime() throws {
        let client = GraphClient(baseURL: URL(string: "https://graph.microsoft.com/beta")!, authorization: { "token" })
        #expect(client.baseURL.absoluteString == "https://graph.microsoft.com/beta")
        var call = Call()
        call.callbackUri = "https://bot.contoso.com/callback"
        call.requestedModalities = [.audio]
        let created = try #require(DateTimeOffset(rawValue: "2024-01-01T10:00:00.1234567Z"))
        #expect(created.nanosecond == 123_456_700)
        let any: JSONValue = .string("x")
        #expect(any == .string("x"))
        #expect(call.requestedModalities == [.audio])
    }
}
