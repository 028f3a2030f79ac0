import Foundation

/// The runtime's sources, for the tests that compile generated code against it with swiftc.
public enum RuntimeSources {
    /// What swiftc needs to compile the runtime of the package at `root` as one module: its
    /// sources and those of the literals' grammar it is made with (`Sources/APIDocLiterals`), and
    /// the package name their `package` declarations need.
    public static func arguments(root: URL) throws -> [String] {
        let folders = ["Sources/APIDocRuntime", "Sources/APIDocLiterals"].map { root.appendingPathComponent($0) }
        let files = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
                .map { folder.appendingPathComponent($0).path }
        }
        return ["-package-name", "apidocgen"] + files
    }
}
