import Foundation
import Testing

/// No file is written outside the output folder, whatever names the docs or the configuration hold.
@Suite("Output stays in its folder")
struct OutputContainmentTests {
    /// Every file and folder below `root` with its content (folders as nil).
    static func tree(_ root: URL) -> [String: Data?] {
        var result: [String: Data?] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: root.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? .some(nil) : .some(fm.contents(atPath: root.appendingPathComponent(relative).path))
        }
        return result
    }

    static let evilPage = """
        ---
        title: "../../pwned resource type"
        doc_type: resourcePageType
        ---

        # ../../pwned resource type

        Namespace: microsoft.graph

        A type whose name tries to leave the folder.

        ## Properties

        | Property | Type | Description |
        |:---------|:-----|:------------|
        | ../x | String | A property with a path for a name. |
        | next | [../../../etc/passwd](../../../etc/passwd.md) | A link out of the docs. |

        ## JSON representation

        <!-- {
          "blockType": "resource",
          "optionalProperties": [],
          "@odata.type": "microsoft.graph.../../../pwned/x"
        } -->
        ```json
        { "../x": "String" }
        ```
        """

    static let evilOperation = """
        ---
        title: "../../../escape: /etc/passwd"
        doc_type: apiPageType
        ---

        # ../../../escape: /etc/passwd

        Namespace: microsoft.graph

        Reads things.

        ## HTTP request

        ```http
        GET /../../{id}/..
        ```

        ## Response

        If successful, this method returns a `200 OK` response code and a [../../pwned](../resources/evil.md) object in the response body.
        """

    @Test(arguments: [
        // The configuration's output outside the project folder, and names with `/` and `..`.
        #"{ "input": "docs", "output": "../x", "moduleName": "../M", "typeNames": { "widget": "../../evil/Widget", "shape": "a/b/..", "circle": "/etc/passwd", "microsoft.graph.widgetColor": ".." }, "operationNames": { "getWidget": "../../../escape/x" } }"#,
        #"{ "input": "docs", "output": "../x/", "typeNames": { "widget": "..", "shape": "." } }"#,
    ])
    func nothingIsWrittenOutsideTheOutputFolder(_ configuration: String) async throws {
        let folder = try TemporaryFolder()
        let project = folder.url.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("placeholders-pass"), to: project.appendingPathComponent("docs"))
        try folder.write(Self.evilPage, to: "project/docs/resources/evil.md")
        try folder.write(Self.evilPage, to: "project/docs/resources/../..evil...md")
        try folder.write(Self.evilOperation, to: "project/docs/api/evil.md")
        try folder.write(configuration, to: "project/apidocgen.json")
        let before = Self.tree(folder.url)
        for arguments in [["generate"], ["generate"], ["lint"], ["model"], ["generate", "--check"]] {
            let result = try await Executable.apidocgen(arguments, in: project)
            #expect(result.status == 0 || (arguments == ["lint"] && result.status == 1), "\(arguments): \(result.error)")
        }
        let after = Self.tree(folder.url)
        for (path, content) in after where before[path] != content {
            #expect(path == "x" || path.hasPrefix("x/"), "written outside the output folder: \(path)")
        }
        #expect(before.keys.allSatisfy { after[$0] != nil }, "something was removed")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("x").path)
        #expect(written.count >= 6)
        // Generated Swift files, and the generation record with the .gitignore that names it.
        for name in written where name != ".apidocgen-cache" && name != ".gitignore" {
            #expect(name.hasSuffix(".swift") && !name.contains("/") && !name.hasPrefix("."), "\(name)")
        }
    }
}
