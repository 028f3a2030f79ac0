import Foundation
import PackagePlugin

/// Generates a target's API code at build time instead of checking it in: add
/// `plugins: [.plugin(name: "APIDocGenBuildPlugin", package: "APIDocGen")]` to the target.
///
/// The configuration is the target folder's `apidocgen.json`, else the package's; its `input`
/// (relative to it; default `docs`) is the docs folder. The code is written as one file in the
/// plugin's work folder (a build command must name its outputs in advance), compiled into the
/// target, with the target's module name. Every page, every folder of the docs (a page added or
/// removed changes its folder) and the configuration are the command's inputs, so editing the
/// docs regenerates on the next build.
///
/// SwiftPM asks the plugin for its commands again only when it plans the build anew (a manifest
/// or a target's sources changed), not when the docs folder gains or loses a page. So a page
/// added since then is read, through its folder, but its later edits in place are not seen, and
/// a page removed that the plan lists stops the build ("missing inputs"), until the next plan:
/// `touch Package.swift` brings one.
@main
struct APIDocGenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SwiftSourceModuleTarget else { return [] }
        let fm = FileManager.default
        let candidates = [target.directoryURL.appendingPathComponent("apidocgen.json"),
                          context.package.directoryURL.appendingPathComponent("apidocgen.json")]
        let configuration = candidates.first { fm.fileExists(atPath: $0.path) }
        let base = configuration?.deletingLastPathComponent() ?? context.package.directoryURL
        let input = base.appendingPathComponent(Self.inputFolder(configuration) ?? "docs").standardizedFileURL
        var inputFiles: [URL] = configuration.map { [$0] } ?? []
        // Folders as well as pages: a page added or removed changes its folder. A missing folder is
        // no input (SwiftPM would stop at it); apidocgen then says what is wrong.
        if fm.fileExists(atPath: input.path) { inputFiles.append(input) }
        if let enumerator = fm.enumerator(at: input, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) {
            for case let url as URL in enumerator {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true || url.pathExtension.lowercased() == "md" { inputFiles.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(target.name)+APIDocGen.swift")
        var arguments = ["generate"]
        if let configuration { arguments += ["--config", configuration.path] }
        arguments += ["--input", input.path, "--module-name", target.moduleName, "--single-file", output.path]
        return [
            .buildCommand(
                displayName: "apidocgen: generating the API of \(target.name) from \(input.lastPathComponent)",
                executable: try context.tool(named: "apidocgen").url,
                arguments: arguments,
                inputFiles: inputFiles.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }

    /// The configuration's `input`, read leniently (comments and trailing commas are allowed there).
    static func inputFolder(_ configuration: URL?) -> String? {
        guard let configuration, let data = FileManager.default.contents(atPath: configuration.path) else { return nil }
        var text = ""
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if !trimmed.hasPrefix("//") { text += line + "\n" }
        }
        text = text.replacingOccurrences(of: ",\\s*([}\\]])", with: "$1", options: .regularExpression)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return object["input"] as? String
    }
}
