import APIDocGeneratorCore
import APIDocSwiftEmitter
import Foundation
import Testing

@Suite("Configuration file")
struct ConfigurationTests {
    static let full = """
        {
          // Comments and trailing commas are allowed.
          "input": "pages",
          "output": "Sources/WidgetAPI",
          "moduleName": "WidgetAPI",
          "accessLevel": "internal",
          "pages": { "include": ["api/**", "resources/**"], "exclude": ["api/*-delete.md"] },
          "paths": { "exclude": "/app/**" },
          "typeNames": { "microsoft.graph.widget": "Gadget", "shape": "Outline" },
          "operationNames": { "getWidget": "fetchGadget" },
          "suppressions": "ci/suppressions",
        }
        """

    @Test func parsesEveryKey() async throws {
        let folder = URL(fileURLWithPath: "/tmp/project", isDirectory: true)
        let configuration = try Configuration.parse(Self.full, file: "apidocgen.json", directory: folder)
        #expect(configuration.input == "pages")
        #expect(configuration.output == "Sources/WidgetAPI")
        #expect(configuration.moduleName == "WidgetAPI")
        #expect(configuration.accessLevel == .internal)
        #expect(configuration.pages == GlobFilter(include: ["api/**", "resources/**"], exclude: ["api/*-delete.md"]))
        #expect(configuration.paths == GlobFilter(exclude: ["/app/**"]))
        #expect(configuration.typeNames == ["microsoft.graph.widget": "Gadget", "shape": "Outline"])
        #expect(configuration.operationNames == ["getWidget": "fetchGadget"])
        #expect(configuration.suppressions == "ci/suppressions")
        #expect(configuration.locations["typeNames/shape"]?.line == 9)
    }

    @Test func anEmptyObjectIsValid() async throws {
        let configuration = try Configuration.parse("{}")
        #expect(configuration.input == nil && configuration.typeNames.isEmpty && configuration.pages.isEmpty)
    }

    @Test(arguments: [
        ("{\n  \"input\": \"docs\",\n  \"outptu\": \"x\"\n}", "apidocgen.json:3:3: error: unknown key 'outptu'; did you mean 'output'?; known keys: input, output, moduleName, accessLevel, pages, paths, typeNames, operationNames, suppressions"),
        ("{\"pages\": {\"includes\": []}}", "apidocgen.json:1:12: error: unknown key 'pages.includes'; did you mean 'include'?; known keys: include, exclude"),
        ("{\"color\": 1}", "apidocgen.json:1:2: error: unknown key 'color'; known keys: input, output, moduleName, accessLevel, pages, paths, typeNames, operationNames, suppressions"),
        ("{\"input\": 3}", "apidocgen.json:1:11: error: 'input' must be a string"),
        ("{\"accessLevel\": \"open\"}", "apidocgen.json:1:17: error: 'accessLevel' is 'open'; it must be one of: public, package, internal"),
        ("{\"typeNames\": {\"call\": 2}}", "apidocgen.json:1:24: error: 'typeNames.call' must be a string"),
        ("{\"pages\": {\"include\": [1]}}", "apidocgen.json:1:24: error: 'pages.include' must be an array of strings"),
        ("{\"input\": \"a\", \"input\": \"b\"}", "apidocgen.json:1:16: error: the configuration is not valid JSON: duplicate key \"input\" (first at 1:2)"),
        ("[1]", "apidocgen.json:1:1: error: the configuration must be a JSON object"),
        ("{input: \"docs\"}", "apidocgen.json:1:2: error: the configuration is not valid JSON: unquoted key \"input\""),
    ])
    func badContentIsAnErrorWithItsPlace(_ text: String, _ message: String) {
        #expect(throws: GeneratorError.input(message)) { try Configuration.parse(text) }
    }

    @Test func commandLineValuesOverrideTheFile() async throws {
        let folder = URL(fileURLWithPath: "/tmp/project", isDirectory: true)
        let configuration = try Configuration.parse(Self.full, directory: folder)
        let fromFile = Settings(configuration: configuration, currentDirectory: folder)
        #expect(fromFile.input.root.path == "/tmp/project/pages")
        #expect(fromFile.input.displayRoot == "pages")
        #expect(fromFile.output.path == "/tmp/project/Sources/WidgetAPI")
        #expect(fromFile.moduleName == "WidgetAPI")
        #expect(fromFile.accessLevel == .internal)
        let overridden = Settings(configuration: configuration, overrides: .init(input: "docs", output: "Out", moduleName: "M", accessLevel: .package, suppressions: "s"),
                                  currentDirectory: folder)
        #expect(overridden.input.root.path == "/tmp/project/docs")
        #expect(overridden.output.path == "/tmp/project/Out")
        #expect(overridden.moduleName == "M")
        #expect(overridden.accessLevel == .package)
        #expect(overridden.suppressions == "s")
        let defaults = Settings(configuration: nil, currentDirectory: folder)
        #expect(defaults.input.displayRoot == "docs" && defaults.outputName == "Generated" && defaults.moduleName == "GraphAPI" && defaults.accessLevel == .public)
    }

    /// Paths in a file elsewhere are relative to that file's folder.
    @Test func pathsAreRelativeToTheFilesFolder() async throws {
        let configuration = try Configuration.parse("{\"input\": \"docs\", \"output\": \"../x\"}", directory: URL(fileURLWithPath: "/tmp/project/sub", isDirectory: true))
        let settings = Settings(configuration: configuration, currentDirectory: URL(fileURLWithPath: "/tmp/project", isDirectory: true))
        #expect(settings.input.root.path == "/tmp/project/sub/docs")
        #expect(settings.input.displayRoot == "sub/docs")
        #expect(settings.output.path == "/tmp/project/x")
        // Inside the current folder: shown and printed alike.
        #expect(settings.input.printed("sub/docs/api/a.md") == "sub/docs/api/a.md")
    }

    /// Pages are printed in diagnostics under the folder as given; the model and the generated
    /// files name them under its last component when the path is absolute or goes up.
    @Test func pagesArePrintedUnderTheFolderAsGiven() {
        let absolute = PageLoader.Input(path: "/srv/api/docs/")
        #expect(absolute.displayRoot == "docs" && absolute.printedRoot == "/srv/api/docs")
        #expect(absolute.printed("docs/api/a.md") == "/srv/api/docs/api/a.md")
        #expect(absolute.printed("docs") == "/srv/api/docs")
        #expect(absolute.printed("docsx/a.md") == "docsx/a.md")
        #expect(absolute.printed("apidocgen.json") == "apidocgen.json")
        let parent = PageLoader.Input(path: "../shared/docs")
        #expect(parent.displayRoot == "docs" && parent.printed("docs/a.md") == "../shared/docs/a.md")
        for path in ["docs", "./docs", "docs/"] {
            let relative = PageLoader.Input(path: path)
            #expect(relative.displayRoot == "docs" && relative.printed("docs/a.md") == "docs/a.md", "\(path)")
        }
    }
}

@Suite("Configuration file: command line")
struct ConfigurationCommandLineTests {
    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("placeholders-pass"), to: folder.url.appendingPathComponent("docs"))
        return folder
    }

    static func files(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        // The Swift files (not the generation record and its .gitignore).
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            result[name] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        }
        return result
    }

    @Test func anUnknownKeyExitsWith2AndNamesIt() async throws {
        let project = try Self.project()
        try project.write("{\n  \"input\": \"docs\",\n  \"outptu\": \"Out\"\n}\n", to: "apidocgen.json")
        for command in ["generate", "lint", "model"] {
            let result = try await Executable.apidocgen([command], in: project.url)
            #expect(result.status == 2, "\(command)")
            #expect(result.error == "apidocgen.json:3:3: error: unknown key 'outptu'; did you mean 'output'?; known keys: input, output, moduleName, accessLevel, pages, paths, typeNames, operationNames, suppressions\n")
        }
        let explicit = try await Executable.apidocgen(["generate", "--config", "other.json"], in: project.url)
        #expect(explicit.status == 2)
        #expect(explicit.error.contains("cannot read the configuration file 'other.json'"))
    }

    @Test func overridesAreAppliedToTheOutput() async throws {
        let project = try Self.project()
        try project.write("""
            {
              "output": "Sources/Widgets",
              "moduleName": "Widgets",
              "typeNames": { "microsoft.graph.widget": "Gadget", "shape": "Outline", "nothing": "Nobody" },
              "operationNames": { "getWidget": "fetchGadget" }
            }
            """, to: "apidocgen.json")
        let result = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "apidocgen.json:4:74: warning: type name override 'nothing' names no type [config]\n")
        let files = try Self.files(project.url.appendingPathComponent("Sources/Widgets"))
        #expect(files.keys.sorted() == ["AnyOutline.swift", "Circle.swift", "Gadget.swift", "GraphClient+FetchGadget.swift", "ODataTypes.swift", "Outline.swift", "WidgetColor.swift"])
        #expect(files["Gadget.swift"]?.contains("public struct Gadget: Swift.Codable") == true)
        #expect(files["Gadget.swift"]?.contains("public var shape: AnyOutline?") == true)
        #expect(files["GraphClient+FetchGadget.swift"]?.contains("public func fetchGadget(widgetId: Swift.String) async throws -> Gadget") == true)
        // The OData names stay: only the Swift names change.
        #expect(files["ODataTypes.swift"]?.contains("        \"microsoft.graph.widget\": Gadget.self,\n") == true)
        #expect(files["Circle.swift"]?.contains("\"#microsoft.graph.circle\"") == true || files["AnyOutline.swift"]?.contains("\"#microsoft.graph.circle\"") == true)
    }

    @Test func pageAndPathFiltersSelectWhatIsGenerated() async throws {
        let project = try Self.project()
        try project.write("""
            { "pages": { "exclude": ["resources/circle.md"] }, "paths": { "include": ["/gadgets/**"] } }
            """, to: "apidocgen.json")
        let result = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        let files = try Self.files(project.url.appendingPathComponent("Generated"))
        // No circle: shape has no derived type left, so no wrapper; no operation under /gadgets.
        #expect(files.keys.sorted() == ["ODataTypes.swift", "Shape.swift", "Widget.swift", "WidgetColor.swift"])
    }

    @Test func commandLineOptionsOverrideTheFile() async throws {
        let project = try Self.project()
        try project.write("{ \"output\": \"FromFile\", \"accessLevel\": \"internal\", \"moduleName\": \"Widget\" }", to: "apidocgen.json")
        let result = try await Executable.apidocgen(["generate", "--output", "FromCommandLine", "--access-level", "package", "--module-name", "Other"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("FromFile").path))
        let files = try Self.files(project.url.appendingPathComponent("FromCommandLine"))
        #expect(files["Widget.swift"]?.contains("package struct Widget: Swift.Codable") == true)
        // With the module name from the file, `Widget` would have been renamed.
        let fileOnly = try await Executable.apidocgen(["generate"], in: project.url)
        #expect(fileOnly.status == 0)
        let fromFile = try Self.files(project.url.appendingPathComponent("FromFile"))
        #expect(fromFile["Widget2.swift"]?.contains("internal struct Widget2: Swift.Codable") == true, "\(fromFile.keys.sorted())")
    }

    @Test func aConfigurationElsewhereIsReadRelativeToItsFolder() async throws {
        let project = try Self.project()
        try FileManager.default.moveItem(at: project.url.appendingPathComponent("docs"), to: project.url.appendingPathComponent("pkg-docs"))
        try project.write("{ \"input\": \"../pkg-docs\", \"output\": \"../Out\" }", to: "config/apidocgen.json")
        let result = try await Executable.apidocgen(["generate", "--config", "config/apidocgen.json"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: project.url.appendingPathComponent("Out/Widget.swift").path))
        #expect(try await Executable.apidocgen(["generate", "--check", "--config", "config/apidocgen.json"], in: project.url).status == 0)
    }

    @Test func singleFileOutputForBuildPlugins() async throws {
        let project = try Self.project()
        let result = try await Executable.apidocgen(["generate", "--single-file", "build/API.swift"], in: project.url)
        #expect(result.status == 0, "\(result.error)")
        let text = String(decoding: try Data(contentsOf: project.url.appendingPathComponent("build/API.swift")), as: UTF8.self)
        #expect(text.hasPrefix("// Generated by apidocgen from docs/. Do not edit.\n// swift-format-ignore-file\n\n@_exported import APIDocRuntime\nimport Foundation\n\n"))
        // Re-exported once, not imported again.
        #expect(!text.contains("\nimport APIDocRuntime\n"))
        #expect(text.contains("public struct Widget: Swift.Codable"))
        #expect(text.contains("public enum ODataTypes"))
        #expect(try await Executable.apidocgen(["generate", "--single-file", "build/API.swift", "--check"], in: project.url).status == 0)
        try project.write("// mine\n", to: "build/Mine.swift")
        let refused = try await Executable.apidocgen(["generate", "--single-file", "build/Mine.swift"], in: project.url)
        #expect(refused.status == 2)
        #expect(refused.error.contains("was not written by apidocgen"))
    }
}

@Suite("Configuration file: the README's example")
struct ConfigurationReadmeTests {
    /// The full example in the README's "Configuration file" section is a valid configuration.
    @Test func theDocumentedExampleParses() async throws {
        let readme = String(decoding: try Data(contentsOf: Paths.root.appendingPathComponent("README.md")), as: UTF8.self)
        let section = try #require(readme.range(of: "## Configuration file"))
        let start = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let configuration = try Configuration.parse(String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(configuration.input == "docs")
        #expect(configuration.accessLevel == .public)
        #expect(configuration.typeNames["microsoft.graph.call"] == "GraphCall")
        #expect(configuration.operationNames == ["createCall": "placeCall"])
        #expect(!configuration.pages.isEmpty && !configuration.paths.isEmpty)
        #expect(configuration.suppressions == "ci/apidocgen-suppressions")
    }
}
