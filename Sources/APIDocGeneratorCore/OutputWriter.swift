import APIDocModel
import APIDocSwiftEmitter
import CFileSwap
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes generated files into the output folder so that nothing is ever half-written:
/// - a file is written only when its bytes change; files apidocgen wrote earlier and no longer
///   produces are removed; files it did not write (no generated header) are left alone;
/// - the new folder is built beside the output (unchanged files hard-linked, so their dates do
///   not change and nothing recompiles needlessly), then exchanged with the output in one atomic
///   rename; an error or a kill at any moment leaves the output as it was.
public struct OutputWriter {
    public struct Plan: Equatable, Sendable {
        /// Files to create or replace, with their new text.
        public var writes: [String: String]
        /// Generated files that are no longer produced.
        public var removals: [String]
        public var unchanged: Int
        /// The current text of files to replace (absent for new files), for diffs.
        public var previous: [String: String]

        public var isEmpty: Bool { writes.isEmpty && removals.isEmpty }
    }

    /// The output folder; when the path given names a symbolic link, the folder it leads to, so
    /// that the exchange replaces that folder and the link stays a link.
    public let output: URL

    public init(output: URL) {
        self.output = OutputWriter.followingLinks(output.standardizedFileURL)
    }

    /// `url` with its symbolic links resolved (`realpath`) when it names something that exists;
    /// as it is otherwise (a folder still to be created, a link that leads nowhere).
    static func followingLinks(_ url: URL) -> URL {
        guard let resolved = realpath(url.path, nil) else { return url }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved), isDirectory: true)
    }

    static func isGenerated(_ text: Substring) -> Bool { text.hasPrefix(SwiftRenderer.headerMarker) }

    /// Compares the desired files with the folder's content. Throws when a desired name would
    /// overwrite a file that apidocgen did not write, or a name would leave the folder.
    public func plan(_ files: [(name: String, text: String)]) throws -> Plan {
        var plan = Plan(writes: [:], removals: [], unchanged: 0, previous: [:])
        let fm = FileManager.default
        var existing: [String: String] = [:]
        if let names = try? fm.contentsOfDirectory(atPath: output.path) {
            // Read by as many threads as there are cores (a folder of thousands of files).
            let swiftNames = names.filter { $0.hasSuffix(".swift") }
            let folder = FileFolder(output.path)
            let texts = Parallel.map(swiftNames.count, workers: ProcessInfo.processInfo.activeProcessorCount) { index in
                folder.contents(swiftNames[index]).map { String(decoding: $0, as: UTF8.self) }
            }
            for (name, text) in zip(swiftNames, texts) { existing[name] = text }
        }
        var desired: Set<String> = []
        for file in files {
            guard OutputWriter.isSafeName(file.name) else { throw GeneratorError.output("refusing to write '\(file.name)': not a plain file name") }
            desired.insert(file.name)
            if let current = existing[file.name] {
                if current == file.text { plan.unchanged += 1; continue }
                guard OutputWriter.isGenerated(Substring(current)) else {
                    throw GeneratorError.output("'\(output.lastPathComponent)/\(file.name)' was not written by apidocgen; refusing to overwrite it")
                }
                plan.previous[file.name] = current
            }
            plan.writes[file.name] = file.text
        }
        plan.removals = existing.filter { !desired.contains($0.key) && OutputWriter.isGenerated(Substring($0.value)) }.map(\.key).sorted()
        return plan
    }

    /// Writes a file with plain POSIX calls, relative to an open folder (`openat`: the kernel
    /// does not walk the folder's path again for each of thousands of files). No fsync per file:
    /// the folder swap protects against a killed or failed run, and syncing thousands of files
    /// one by one costs seconds. `folderPath` names the folder in errors.
    static func writeFile(in folder: Int32, folderPath: String, name: String, _ text: String) throws {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw GeneratorError.output("cannot create '\(folderPath)/\(name)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { bytes in try writeAll(fd, UnsafeRawBufferPointer(bytes), path: folderPath + "/" + name) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: @autoclosure () -> String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw GeneratorError.output("cannot write '\(path())': \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The prefix of the names this writer uses beside the output: `.<output>.apidocgen-`.
    var stagingPrefix: String { ".\(output.lastPathComponent).apidocgen-" }

    /// This run's staging name beside the output (`.<output>.apidocgen-<pid>`, or with `old-`
    /// before the pid): what `removeStaleStaging` clears once the run is gone.
    func stagingURL(old: Bool = false) -> URL {
        output.deletingLastPathComponent()
            .appendingPathComponent(stagingPrefix + (old ? "old-" : "") + "\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Replaces one file of the output folder in one rename. The bytes are written first beside
    /// the output, under this run's staging name (`removeStaleStaging` clears it when a run is
    /// killed before the rename), so a kill never leaves a partial or temporary file inside the
    /// output. For the files a run keeps next to what it generated (its record, `.gitignore`).
    public func replaceFile(named name: String, with data: Data) throws {
        let fm = FileManager.default
        let temporary = stagingURL()
        try? fm.removeItem(at: temporary)
        do {
            try data.write(to: temporary)
            let target = output.appendingPathComponent(name).path
            guard rename(temporary.path, target) == 0 else {
                throw GeneratorError.output("cannot write '\(target)': \(String(cString: strerror(errno)))")
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// Removes the staging folders and files (`.<output>.apidocgen-<pid>`) that killed runs left
    /// beside the output; those of processes still running are left alone. An `-old-` folder left between
    /// the two renames of the fallback is the previous output: it is moved back when the output is missing.
    public func removeStaleStaging() {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            var rest = Substring(name.dropFirst(prefix.count))
            let old = rest.hasPrefix("old-")
            if old { rest = rest.dropFirst(4) }
            guard let pid = Int32(rest), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            let url = parent.appendingPathComponent(name)
            if old, !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                OutputWriter.removeReplaced(url)
            }
        }
    }

    /// Removes a replaced output folder, made writable first (a folder without write permission
    /// cannot be emptied). Best effort: what is left is cleared by the next run's `removeStaleStaging`.
    static func removeReplaced(_ folder: URL) {
        let fm = FileManager.default
        try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? fm.removeItem(at: folder)
    }

    /// A plain file name: no separators, not `.` or `..`, no NUL.
    static func isSafeName(_ name: String) -> Bool {
        // Separators and NUL looked for on the bytes (Foundation's `contains` would search through NSString).
        !name.isEmpty && name != "." && name != ".." && name.utf8.count < 250
            && !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 })
    }

    /// Applies the plan atomically (see the type's documentation). A no-op plan touches nothing
    /// but the staging folders a killed run left behind.
    public func apply(_ plan: Plan) throws {
        removeStaleStaging()
        guard !plan.isEmpty else { return }
        let fm = FileManager.default
        let staging = stagingURL()
        try? fm.removeItem(at: staging)
        do {
            let outputExists = fm.fileExists(atPath: output.path)
            // A folder its owner made read-only is not replaced behind its back (the exchange
            // needs only the parent folder's permission).
            if outputExists, access(output.path, W_OK) != 0 {
                throw GeneratorError.output("the folder is not writable (\(String(cString: strerror(errno))))")
            }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            if outputExists {
                for name in try fm.contentsOfDirectory(atPath: output.path) where plan.writes[name] == nil && !plan.removals.contains(name) {
                    let source = output.appendingPathComponent(name)
                    let target = staging.appendingPathComponent(name)
                    do { try fm.linkItem(at: source, to: target) } catch { try fm.copyItem(at: source, to: target) }
                }
            }
            // Written by as many threads as there are cores: creating thousands of files is
            // mostly kernel time, which overlaps across threads.
            let writes = plan.writes.sorted { $0.key < $1.key }
            let folder = staging.path
            let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folderDescriptor >= 0 else { throw GeneratorError.output("cannot open '\(folder)': \(String(cString: strerror(errno)))") }
            defer { close(folderDescriptor) }
            let failures = Parallel.map(writes.count, workers: ProcessInfo.processInfo.activeProcessorCount) { index -> String? in
                do {
                    try OutputWriter.writeFile(in: folderDescriptor, folderPath: folder, name: writes[index].key, writes[index].value)
                } catch { return "\(error)" }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw GeneratorError.output(failure) }
            if outputExists {
                // The new folder takes the old one's permissions (the exchange swaps the folders,
                // not their modes).
                if let mode = try? fm.attributesOfItem(atPath: output.path)[.posixPermissions] {
                    try? fm.setAttributes([.posixPermissions: mode], ofItemAtPath: staging.path)
                }
                if apidocgen_exchange_paths(staging.path, output.path) != 0 {
                    // No atomic exchange here: fall back to two renames (a crash between them leaves the old folder beside).
                    let old = stagingURL(old: true)
                    try fm.moveItem(at: output, to: old)
                    try fm.moveItem(at: staging, to: output)
                    OutputWriter.removeReplaced(old)
                    return
                }
            } else {
                try fm.moveItem(at: staging, to: output)
                return
            }
            // From here the output is the new folder: the old one, now under the staging name, is
            // only cleared away, and a failure to do so does not undo the run (the next run clears it).
            OutputWriter.removeReplaced(staging)
            return
        } catch {
            try? fm.removeItem(at: staging)
            throw GeneratorError.output("cannot write '\(output.lastPathComponent)': \(GeneratorError.describe(error))")
        }
    }
}
