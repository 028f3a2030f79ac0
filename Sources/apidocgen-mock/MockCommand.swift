import APIDocCLI
import APIDocGeneratorCore
import APIDocMock
import ArgumentParser
import Dispatch
import Foundation

/// `apidocgen-mock`: the docs' examples served by ``MockServer`` until a signal stops it. An
/// executable of its own, so that `apidocgen` does not load the HTTP server and its networking
/// libraries on every run (a faster start for the generator a build runs each time).
@main
struct Mock: ParsableCommand {
    /// Usage errors exit with code 2 (see `runMappingUsageErrors`).
    static func main() { runMappingUsageErrors() }

    static let configuration = CommandConfiguration(
        commandName: "apidocgen-mock",
        abstract: "Serve the docs' example responses on 127.0.0.1, for testing apps against the generated client.",
        discussion: """
            A request gets the response example of the documented request that matches its method and path \
            (placeholders such as {id} match any value; the query is ignored; a leading /v1.0 or /beta is accepted). \
            An unknown path gets a Graph-shaped 404 UnknownRoute error; a documented path with another method a 405 \
            methodNotAllowed error with an Allow header.
            Prints 'apidocgen-mock: listening on http://127.0.0.1:PORT' to standard output once it listens, and one \
            line per request to standard error: METHOD target -> status page:line (operation). Runs until SIGINT or SIGTERM.
            Exit codes: 0 stopped by a signal; 2 bad input or usage, or the port cannot be listened on.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on; 0 picks a free port.")
    var port: Int = 0

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
    }

    func run() throws {
        let settings = try project.settings()
        let analysis = try runOrExit { try Pipeline.analyze(settings, workers: project.workers) }
        Console.printDiagnostics(analysis.diagnostics, minimum: .error)
        let router = MockRouter(analysis: analysis, paths: settings.paths)

        // Signals are taken as events, so that the server stops cleanly.
        let stopRequested = DispatchSemaphore(value: 0)
        var signalSources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            signalSources.append(source)
        }

        let started = Outcome<MockServer>()
        let port = UInt16(self.port)
        Task.detached {
            do {
                started.set(.success(try await MockServer.start(router: router, port: port) { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }))
            } catch {
                started.set(.failure(error))
            }
        }
        let server: MockServer
        switch started.wait() {
        case .success(let running):
            server = running
        case .failure(let error):
            Console.error("error: \(error)")
            throw ExitCode(2)
        }
        Console.error("apidocgen-mock: \(router.routes.count) routes, \(router.exampleCount) examples from \(analysis.pages.count) pages in \(settings.input.displayRoot)")
        // Written directly (not through print's buffer) so that a script reading the pipe sees it at once.
        FileHandle.standardOutput.write(Data("apidocgen-mock: listening on \(server.baseURL.absoluteString)\n".utf8))

        stopRequested.wait()
        let stopped = Outcome<Void>()
        Task.detached {
            await server.stop()
            stopped.set(.success(()))
        }
        _ = stopped.wait()
        signalSources.forEach { $0.cancel() }
        Console.error("apidocgen-mock: stopped")
    }
}

/// A result handed from a task to the thread that waits for it.
private final class Outcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) {
        lock.lock()
        self.result = result
        lock.unlock()
        ready.signal()
    }

    /// Blocks until ``set(_:)`` was called.
    func wait() -> Result<Value, any Error> {
        ready.wait()
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}
