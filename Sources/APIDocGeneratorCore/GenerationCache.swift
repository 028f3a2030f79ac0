import APIDocExtraction
import APIDocModel
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

/// A 128-bit digest of bytes, stable across runs and processes (unlike `Hasher`), for detecting
/// change. Not cryptographic: it guards against accidents, not against an adversary.
public struct StableDigest: Hashable, Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    public init() {}

    /// The digest of one run of bytes.
    public init(of data: Data) { add(data) }

    /// The digest of one text's UTF-8 bytes (the same as of those bytes as `Data`).
    public init(of text: String) { add(text) }

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
        // The length ends each item, so ("ab", "c") and ("a", "bc") differ.
        mix(UInt64(count) ^ 0xFF51_AFD7_ED55_8CCD)
    }

    /// Adds another digest (a digest of digests: the parts can be digested on other threads).
    public mutating func add(_ other: StableDigest) {
        mix(other.a)
        mix(other.b)
    }

    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x0000_0100_0000_01B3)
        a ^= a >> 29
        b = (b &+ word &+ a) &* 0x9E37_79B9_7F4A_7C15
        b ^= b >> 32
    }

    /// 32 hexadecimal digits.
    public var hex: String {
        func digits(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(a) + digits(b)
    }
}

/// What the last successful `generate` into a folder produced, kept in that folder so that a
/// regeneration whose inputs have not changed can stop after reading them: the no-op path.
///
/// The record (`.apidocgen-cache`, JSON) holds a key — a digest of the generator executable
/// (its path, size and modification time), the settings that shape the output, and every
/// selected page's path and bytes — with the run's counts, its diagnostics, and a digest of
/// every file it left in the folder. A run may use it only when the key matches *and* the
/// folder's Swift files are exactly those files with those digests; anything else (a changed
/// page, a new generator build, an edited or deleted output file) means a full run, which
/// rewrites the record. The record depends on the machine, so the output folder gets a
/// `.gitignore` naming it; hidden files are not compiled by SwiftPM.
public struct GenerationCache: Codable, Sendable, Equatable {
    public static let fileName = ".apidocgen-cache"
    public static let gitignoreLine = "/" + fileName

    public var key: String
    public var pages: Int
    public var types: Int
    public var operations: Int
    public var diagnostics: [Diagnostic]
    /// Digest of each generated file's bytes, by file name.
    public var files: [String: String]

    public init(key: String, pages: Int, types: Int, operations: Int, diagnostics: [Diagnostic], files: [String: String]) {
        self.key = key
        self.pages = pages
        self.types = types
        self.operations = operations
        self.diagnostics = diagnostics
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case key, pages, types, operations, diagnostics, files
    }

    // The file digests are kept as one text of `name digest` lines, sorted: thousands of
    // dictionary entries cost the JSON coders far more than one string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        pages = try container.decode(Int.self, forKey: .pages)
        types = try container.decode(Int.self, forKey: .types)
        operations = try container.decode(Int.self, forKey: .operations)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        var files: [String: String] = [:]
        for line in try container.decode(String.self, forKey: .files).split(separator: "\n") {
            guard let space = line.lastIndex(of: " ") else {
                throw DecodingError.dataCorruptedError(forKey: .files, in: container, debugDescription: "a line without a digest")
            }
            files[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        self.files = files
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(pages, forKey: .pages)
        try container.encode(types, forKey: .types)
        try container.encode(operations, forKey: .operations)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(files.keys.sorted().map { "\($0) \(files[$0]!)" }.joined(separator: "\n"), forKey: .files)
    }

    /// The key for a run: the generator, the settings' fingerprint and the pages read.
    public static func key(settings: String, sources: PageLoader.Sources) -> String {
        var digest = sources.digest
        digest.add(generatorIdentity)
        digest.add(settings)
        return digest.hex
    }

    /// The running executable's path, size and modification time: a rebuilt generator has a new one.
    static let generatorIdentity: String = {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let executable = FileManager.default.fileExists(atPath: path) ? path : (CommandLine.arguments.first ?? "")
        var info = stat()
        guard stat(executable, &info) == 0 else { return "unknown \(executable)" }
        #if canImport(Darwin)
        let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #else
        let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #endif
        return "\(executable) \(info.st_size) \(modified)"
    }()

    /// The record in `folder`, or nil when there is none or it cannot be read.
    public static func load(from folder: URL) -> GenerationCache? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        return try? JSONDecoder().decode(GenerationCache.self, from: data)
    }

    /// True when the folder's Swift files are exactly the recorded ones, byte for byte (checked
    /// concurrently with `workers` threads).
    public func matches(folder: URL, workers: Int) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        let swiftFiles = names.filter { $0.hasSuffix(".swift") }
        guard swiftFiles.count == files.count, swiftFiles.allSatisfy({ files[$0] != nil }) else { return false }
        let sorted = swiftFiles.sorted()
        let expected = files
        let output = FileFolder(folder.path)
        let verdicts = Parallel.map(sorted.count, workers: workers) { index in
            let name = sorted[index]
            guard let data = output.contents(name) else { return false }
            return StableDigest(of: data).hex == expected[name]
        }
        return verdicts.allSatisfy { $0 }
    }

    /// Writes the record into `folder` (written beside the folder, then renamed over the old one)
    /// and makes sure the folder's `.gitignore` names it. Failing to save is not an error: the next
    /// run is simply a full one.
    public func save(to folder: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        // Each file is replaced in one rename from beside the folder: a kill leaves no temporary
        // file inside the output (see `OutputWriter.replaceFile`).
        let writer = OutputWriter(output: folder)
        try? writer.replaceFile(named: GenerationCache.fileName, with: data)
        let gitignore = folder.appendingPathComponent(".gitignore")
        let current = FileManager.default.contents(atPath: gitignore.path).map { String(decoding: $0, as: UTF8.self) }
        if let current {
            if !current.split(separator: "\n").contains(where: { $0 == GenerationCache.gitignoreLine }) {
                let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
                try? writer.replaceFile(named: ".gitignore", with: Data((current + separator + GenerationCache.gitignoreLine + "\n").utf8))
            }
        } else {
            try? writer.replaceFile(named: ".gitignore",
                                    with: Data("# The record of the last generation on this machine (see `apidocgen generate --help`).\n\(GenerationCache.gitignoreLine)\n".utf8))
        }
    }
}
