import APIDocExtraction
import APIDocGeneratorCore
import APIDocMock
import Foundation

/// Pages written for the routing tests, in the shape of the real reference pages.
enum Fixture {
    /// One request example and the response example after it (the text inside the fences).
    struct Exchange {
        var request: String
        var response: String
    }

    /// A page with an HTTP request section, a Response section and one example per exchange.
    static func page(_ name: String, title: String, http: [String], response: String, examples: [Exchange] = []) -> Page {
        var text = """
            ---
            title: "\(title)"
            doc_type: apiPageType
            ---

            # \(title)

            Namespace: microsoft.graph

            ## HTTP request

            <!-- { "blockType": "ignored" } -->
            ```http
            \(http.joined(separator: "\n"))
            ```

            ## Response

            \(response)

            ## Examples

            """
        for (index, example) in examples.enumerated() {
            text += """

                ### Example \(index + 1)

                <!-- { "blockType": "request", "name": "\(name)-\(index + 1)" } -->
                ```http
                \(example.request)
                ```

                <!-- { "blockType": "response" } -->
                ```http
                \(example.response)
                ```

                """
        }
        return PageExtractor.extract(path: "docs/api/\(name).md", source: text)
    }

    /// `page.path:line` of the page's `index`-th response example.
    static func responseSource(_ page: Page, _ index: Int) -> String {
        let responses = page.examples.filter { $0.kind == .response }
        return "\(page.path):\(responses[index].annotationLocation.line)"
    }

    static let listEvents = page(
        "user-list-events", title: "List events",
        http: ["GET /me/events", "GET /users/{id | userPrincipalName}/events"],
        response: "If successful, this method returns a `200 OK` response code and a collection of [event](../resources/event.md) objects in the response body.",
        examples: [Exchange(
            request: "GET https://graph.microsoft.com/v1.0/me/events?$select=subject",
            response: """
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  "value": [
                    {"id": "AAMk1", "subject": "Standup"}
                  ]
                }
                """)])

    static let getEvent = page(
        "event-get", title: "Get event",
        http: ["GET /me/events/{id}", "GET /users/{id | userPrincipalName}/events/{id}"],
        response: "If successful, this method returns a `200 OK` response code and an [event](../resources/event.md) object in the response body.",
        examples: [
            Exchange(
                request: "GET https://graph.microsoft.com/v1.0/me/events/AAMk1",
                response: "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"AAMk1\", \"subject\": \"Standup\"}"),
            Exchange(
                request: "GET https://graph.microsoft.com/v1.0/me/events/AAMk2",
                response: "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"AAMk2\", \"subject\": \"Retro\"}"),
        ])

    static let deleteEvent = page(
        "event-delete", title: "Delete event",
        http: ["DELETE /me/events/{id}", "DELETE /users/{id | userPrincipalName}/events/{id}"],
        response: "If successful, this method returns a `204 No Content` response code.",
        examples: [Exchange(request: "DELETE https://graph.microsoft.com/v1.0/me/events/AAMk1", response: "HTTP/1.1 204 No Content")])

    static let eventDelta = page(
        "event-delta", title: "event: delta",
        http: ["GET /me/events/delta()"],
        response: "If successful, this method returns a `200 OK` response code and a collection of [event](../resources/event.md) objects in the response body.",
        examples: [Exchange(
            request: "GET https://graph.microsoft.com/v1.0/me/events/delta()?$deltatoken=abc",
            response: """
                HTTP/1.1 200 OK
                Content-Type: application/json

                {
                  // The next round starts from here.
                  "@odata.deltaLink": "https://graph.microsoft.com/v1.0/me/events/delta()?$deltatoken=def",
                  "value": [
                    {"id": "AAMk3", "subject": "Planning",},
                    ...
                  ],
                  "...": ...
                }
                """)])

    static let listMailFolders = page(
        "user-list-mailfolders", title: "List mailFolders",
        http: ["GET /users/{id | userPrincipalName}/mailFolders"],
        response: "If successful, this method returns a `200 OK` response code and a collection of [mailFolder](../resources/mailfolder.md) objects in the response body.",
        examples: [Exchange(
            request: "GET https://graph.microsoft.com/v1.0/users/adele@contoso.com/mailFolders",
            response: "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"value\": [{\"id\": \"inbox\", \"displayName\": \"Inbox\"}]}")])

    static let report = page(
        "reportroot-getemailactivitycounts", title: "reportRoot: getEmailActivityCounts",
        http: ["GET /reports/getEmailActivityCounts(period='{period_value}')"],
        response: "If successful, this method returns a `200 OK` response code and the report as CSV.",
        examples: [Exchange(
            request: "GET https://graph.microsoft.com/v1.0/reports/getEmailActivityCounts(period='D7')",
            response: "HTTP/1.1 200 OK\nContent-Type: text/csv\n\nReport Refresh Date,Send\n2017-09-01,5")])

    static let sendMail = page(
        "user-sendmail", title: "user: sendMail",
        http: ["POST /me/sendMail", "POST /users/{id | userPrincipalName}/sendMail"],
        response: "If successful, this method returns a `202 Accepted` response code.",
        examples: [
            Exchange(
                request: "POST https://graph.microsoft.com/v1.0/me/sendMail\nContent-Type: application/json\n\n{\"message\": {\"subject\": \"Lunch?\"}, \"saveToSentItems\": false}",
                response: "HTTP/1.1 202 Accepted"),
            Exchange(
                request: "POST https://graph.microsoft.com/v1.0/me/sendMail\nContent-Type: application/json\n\n{\"message\": {\"subject\": \"Report\"}, \"saveToSentItems\": true}",
                response: "HTTP/1.1 202 Accepted"),
        ])

    static let acceptEvent = page(
        "event-accept", title: "event: accept",
        http: ["POST /me/events/{id}/accept"],
        response: "If successful, this method returns a `202 Accepted` response code.")

    static let getCalendar = page(
        "calendar-get", title: "Get calendar",
        http: ["GET /me/calendar"],
        response: "If successful, this method returns a `200 OK` response code and a [calendar](../resources/calendar.md) object in the response body.")

    static let all = [listEvents, getEvent, deleteEvent, eventDelta, listMailFolders, report, sendMail, acceptEvent, getCalendar]

    static func router(paths: GlobFilter = GlobFilter()) -> MockRouter {
        MockRouter(analysis: Pipeline.analyze(pages: all), paths: paths)
    }
}

/// The package's own `docs/` folder and what the generator reads from it.
enum PackageDocs {
    /// The folder holding `Package.swift`: two folders up from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("docs")

    static func analysis() throws -> Pipeline.Analysis {
        try Pipeline.analyze(PageLoader.Input(root: docs, displayRoot: "docs"), workers: 1)
    }
}

/// The `apidocgen` executable of this build, beside the test runner in the scratch folder's
/// `<triple>/<configuration>` folder (`swift build --build-tests` builds it).
enum Executable {
    static func apidocgenMock() throws -> URL {
        let fm = FileManager.default
        let runner = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
            ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = runner.deletingLastPathComponent()
        // macOS runs tests from inside an .xctest bundle.
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("apidocgen-mock")
        guard fm.isExecutableFile(atPath: candidate.path) else {
            throw TestFailure("apidocgen-mock is not built beside the test runner (\(folder.lastPathComponent)); run swift build --build-tests")
        }
        return candidate
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Bytes appended by one thread and read by another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `apidocgen-mock` running as a child process, its standard output and error collected.
final class MockProcess: @unchecked Sendable {
    let process = Process()
    let output = LockedText()
    let errors = LockedText()

    /// Starts `apidocgen-mock` with `arguments` in `directory`.
    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = try Executable.apidocgenMock()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        for (pipe, sink) in [(out, output), (err, errors)] {
            Thread {
                while true {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    sink.append(chunk)
                }
            }.start()
        }
    }

    /// Waits, at most `timeout` seconds, for the line saying where the server listens, and
    /// returns its port.
    func port(timeout: TimeInterval = 60) async throws -> UInt16 {
        let deadline = Date().addingTimeInterval(timeout)
        let prefix = "apidocgen-mock: listening on http://127.0.0.1:"
        while Date() < deadline {
            for line in output.text.split(separator: "\n") where line.hasPrefix(prefix) {
                guard let port = UInt16(line.dropFirst(prefix.count)) else { throw TestFailure("bad line: \(line)") }
                return port
            }
            guard process.isRunning else {
                throw TestFailure("apidocgen-mock exited (\(process.terminationStatus)): \(errors.text)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw TestFailure("apidocgen-mock printed no port within \(timeout) s; stdout: \(output.text) stderr: \(errors.text)")
    }

    /// Waits, at most `timeout` seconds, until standard error holds a line containing `text`.
    func waitForError(containing text: String, timeout: TimeInterval = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = errors.text.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw TestFailure("no line with '\(text)' on standard error: \(errors.text)")
    }

    /// Sends `signal` and waits, at most `timeout` seconds, for the process to end; its exit status.
    func stop(signal: Int32 = SIGTERM, timeout: TimeInterval = 10) async throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw TestFailure("apidocgen-mock did not stop within \(timeout) s after signal \(signal)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return process.terminationStatus
    }
}
