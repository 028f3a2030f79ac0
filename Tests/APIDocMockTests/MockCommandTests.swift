import APIDocMock
import APIDocRuntime
import Foundation
import GraphAPI
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `apidocgen-mock` as a process: the port it prints, the client against it, its log, and a
/// clean stop on SIGTERM and SIGINT.
@Suite struct MockCommandTests {
    func client(port: UInt16, session: URLSession) -> GraphClient {
        GraphClient(baseURL: URL(string: "http://127.0.0.1:\(port)/beta")!, transport: URLSessionTransport(session: session), retryPolicy: .none)
    }

    func session() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 10
        return URLSession(configuration: configuration)
    }

    @Test func servesTheDocsOnThePortItPrints() async throws {
        let mock = try MockProcess(["--input", "docs", "--port", "0", "--workers", "1"], in: PackageDocs.root)
        let session = session()
        defer { session.invalidateAndCancel() }
        do {
            let port = try await mock.port()
            #expect(port != 0)
            let client = client(port: port, session: session)
            let call = try await client.getCall(callId: "x")
            #expect(call.id?.isEmpty == false)
            let participants = try await client.listParticipants(callId: "x")
            #expect(!participants.value.isEmpty)
            await #expect(throws: GraphError.self) { _ = try await client.send(GraphRequest(method: "GET", path: "/nowhere")) }

            let line = try await mock.waitForError(containing: "GET /beta/communications/calls/x -> 200 ")
            #expect(line.contains(" docs/api/call-get.md:"))
            #expect(line.hasSuffix("(getCall)"))
            _ = try await mock.waitForError(containing: "GET /beta/nowhere -> 404 UnknownRoute")
        } catch {
            _ = try? await mock.stop(signal: SIGKILL)
            throw error
        }
        #expect(try await mock.stop(signal: SIGTERM) == 0)
        // Standard output holds the one line scripts read.
        #expect(mock.output.text.split(separator: "\n").count == 1)
    }

    // The docs call the `/app` paths deprecated, so the generated case is; this test uses it on purpose.
    @available(*, deprecated, message: "uses a deprecated path on purpose")
    @Test func readsTheInputFolderFromTheConfigurationAndStopsOnSIGINT() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apidocgen-mock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Only the /app paths are served.
        let configuration = #"{ "input": "\#(PackageDocs.docs.path)", "paths": { "include": ["/app/**"] } }"#
        try Data(configuration.utf8).write(to: folder.appendingPathComponent("apidocgen.json"))
        let mock = try MockProcess(["--workers", "1"], in: folder)
        let session = session()
        defer { session.invalidateAndCancel() }
        do {
            let client = client(port: try await mock.port(), session: session)
            let call = try await client.getCall(at: .app(callId: "x"))
            #expect(call.id?.isEmpty == false)
            do {
                _ = try await client.getCall(callId: "x")
                Issue.record("a path the configuration excludes was answered")
            } catch let error as GraphError {
                #expect(error.status == 404)
                #expect(error.code == MockRouter.unknownRouteCode)
            }
        } catch {
            _ = try? await mock.stop(signal: SIGKILL)
            throw error
        }
        #expect(try await mock.stop(signal: SIGINT) == 0)
        #expect(mock.errors.text.contains("apidocgen-mock: stopped"))
    }

    @Test func aPortInUseIsAnError() async throws {
        try await MockServer.with(router: MockRouter(pages: [])) { server in
            let mock = try MockProcess(["--input", "docs", "--port", String(server.port)], in: PackageDocs.root)
            let status = try await mock.stop(signal: 0, timeout: 60)
            #expect(status == 2)
            #expect(mock.errors.text.contains("cannot listen on 127.0.0.1:\(server.port)"))
            #expect(mock.output.text.isEmpty)
        }
    }

    @Test func aBadPortIsAUsageError() async throws {
        let mock = try MockProcess(["--port", "70000"], in: PackageDocs.root)
        #expect(try await mock.stop(signal: 0, timeout: 60) == 2)
        #expect(mock.errors.text.contains("--port"))
    }
}
