import APIDocSwiftEmitter
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

/// All generated declarations in one Swift file, for build tool plugins: a build command must
/// name its outputs before it runs, and one file has a name known in advance.
public enum SingleFileOutput {
    /// The text of the one file: one header, the imports once, every declaration in file-name order.
    public static func render(_ analysis: Pipeline.Analysis, options: SwiftEmitter.Options) -> String {
        let files = SwiftEmitter.emit(analysis.model, options: options)
        var imports: Set<String> = []
        var exported: Set<String> = []
        for file in files {
            imports.formUnion(file.imports)
            exported.formUnion(file.exportedImports)
        }
        var combined = SwiftFile(name: "", source: options.inputName + "/", imports: imports.subtracting(exported).sorted(),
                                 declarations: files.flatMap(\.declarations), access: options.accessLevel.keyword)
        combined.exportedImports = exported.sorted()
        return SwiftRenderer.render(combined)
    }

    /// Writes `text` to `url` when its bytes change: a temporary file beside it, then one rename,
    /// so the file is always whole. Refuses to replace a file apidocgen did not write.
    /// Returns whether the file was written.
    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Bool {
        let fm = FileManager.default
        if let current = fm.contents(atPath: url.path) {
            let existing = String(decoding: current, as: UTF8.self)
            if existing == text { return false }
            guard OutputWriter.isGenerated(Substring(existing)) else {
                throw GeneratorError.output("'\(url.lastPathComponent)' was not written by apidocgen; refusing to overwrite it")
            }
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).apidocgen-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw GeneratorError.output("cannot rename '\(temporary.lastPathComponent)' to '\(url.lastPathComponent)'")
            }
        } catch let error as GeneratorError {
            try? fm.removeItem(at: temporary)
            throw error
        } catch {
            try? fm.removeItem(at: temporary)
            throw GeneratorError.output("cannot write '\(url.lastPathComponent)': \(GeneratorError.describe(error))")
        }
        return true
    }
}
