import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-api [apidocgen generate options]`:
/// regenerates the package's checked-in Swift from its docs with the package's `apidocgen.json`
/// (input, output, module name, access level, filters, names). Runs `apidocgen generate` in the
/// package folder, so the configuration and `.apidocgen-suppressions` there are found as on the
/// command line; extra arguments are passed on (`--check`, `--warnings-as-errors`, ...).
@main
struct GenerateAPI: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "apidocgen")
        let package = context.package.directoryURL
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = package
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("apidocgen generate failed (exit status \(process.terminationStatus)) in \(package.path)")
            throw GenerateAPIError.failed(process.terminationStatus)
        }
    }
}

enum GenerateAPIError: Error, CustomStringConvertible {
    case failed(Int32)

    var description: String {
        switch self {
        case .failed(let status): return "apidocgen generate exited with status \(status)"
        }
    }
}
