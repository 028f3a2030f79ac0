import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A folder of the input that cannot be listed hides pages: the run is an error at that folder
/// and writes nothing, rather than an output with those pages' types missing.
@Suite("Input folders that cannot be listed", .serialized)
struct UnlistedFolderTests {
    /// Runs apidocgen as a user whom permissions bind: this one, or when it is root (whom they do
    /// not bind), `nobody` through `setpriv` (util-linux).
    static func asUnprivilegedUser(_ arguments: [String], in folder: URL) async throws -> (status: Int32, output: String, error: String) {
        guard getuid() == 0 else { return try await run([Executable.apidocgen] + arguments, in: folder) }
        return try await run(["/usr/bin/env", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Executable.apidocgen] + arguments, in: folder)
    }

    /// Makes every folder and file below `url` open to everyone (for `nobody`, when run as root).
    static func openToAll(_ url: URL) throws {
        let fm = FileManager.default
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.path)
        for name in fm.subpaths(atPath: url.path) ?? [] {
            try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.appendingPathComponent(name).path)
        }
    }

    @Test func aFolderThatCannotBeListedIsAnErrorAndTheOutputStaysAsItWas() async throws {
        let project = try TemporaryFolder()
        let docs = project.url.appendingPathComponent("docs")
        try AtomicOutputTests.writeDocs(docs, pages: 0..<2, version: "first")
        let more = docs.appendingPathComponent("more")
        try AtomicOutputTests.writeDocs(more, pages: 2..<3, version: "first")
        try Self.openToAll(project.url)
        let first = try await Self.asUnprivilegedUser(["generate", "--input", "docs", "--output", "out"], in: project.url)
        #expect(first.status == 0, "\(first.error)")
        let output = project.url.appendingPathComponent("out")
        let before = AtomicOutputTests.snapshot(output)
        #expect(before?.keys.contains("Thing2.swift") == true, "\(before?.keys.sorted() ?? [])")

        // A page changes, and the folder of another one can no longer be listed.
        try AtomicOutputTests.writeDocs(docs, pages: 0..<1, version: "second")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: more.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: more.path) }
        let second = try await Self.asUnprivilegedUser(["generate", "--input", "docs", "--output", "out"], in: project.url)
        #expect(second.status == 1, "\(second.output)\(second.error)")
        #expect(second.error.contains("docs/more:1:1: error: cannot list the folder; its pages are not read [input]"), "\(second.error)")
        #expect(second.output.contains("nothing written"), "\(second.output)")
        #expect(AtomicOutputTests.snapshot(output) == before)
    }
}
