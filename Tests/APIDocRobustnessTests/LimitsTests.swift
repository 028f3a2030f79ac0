import APIDocExtraction
import APIDocGeneratorCore
import Foundation
import Testing

/// Inputs past the generator's limits: each gives a diagnostic, finishes promptly and keeps memory
/// bounded. Memory is the growth of the resident set while the case runs (peak, where the kernel
/// lets the peak be reset); the bounds are generous, they catch "proportional to the nesting
/// squared", not megabytes.
@Suite("Limits", .serialized)
struct LimitsTests {
    static let clock = ContinuousClock()

    /// Runs `body`, returning its value, the time taken and the memory growth.
    static func measure<T>(_ body: () throws -> T) rethrows -> (value: T, time: Duration, bytes: Int) {
        let start = clock.now
        let (value, bytes) = try Memory.growth(body)
        return (value, clock.now - start, bytes)
    }

    static let header = """
        ---
        title: "limit resource type"
        doc_type: resourcePageType
        ---

        # limit resource type

        Namespace: microsoft.graph

        ## Properties

        """

    @Test("A page over the size limit is not read, with a diagnostic")
    func oversizedPage() throws {
        let folder = try TemporaryFolder("oversized")
        var big = Array(LimitsTests.header.utf8)
        let row = Array("| p | String | A property. |\n".utf8)
        big += Array("| Property | Type | Description |\n|:--|:--|:--|\n".utf8)
        while big.count <= PageLoader.maximumPageBytes { big += row }
        try folder.write(big, to: "resources/big.md")
        try folder.write(String(decoding: Seeds.docs.first { $0.path.hasSuffix("resources/call.md") }?.bytes ?? [], as: UTF8.self), to: "resources/call.md")
        let (result, time, bytes) = try LimitsTests.measure {
            try PageLoader.load(PageLoader.Input(root: folder.url, displayRoot: "docs"), workers: 2)
        }
        print("limits: page of \(big.count) bytes: skipped in \(time), memory +\(megabytes(bytes))")
        #expect(result.pages.map(\.path) == ["docs/resources/call.md"])
        #expect(result.diagnostics.contains { $0.rule == "limit" && $0.file == "docs/resources/big.md" && $0.message.contains("over the limit") })
        print("limits: \(#function) took \(time)")  // measured, not asserted
        #expect(bytes < 256 * 1_048_576)
    }

    @Test("A page just under the size limit, made of one pathological line, still finishes")
    func pageAtTheLimit() throws {
        // One line of back-to-back annotation comments, another of backtick runs of growing length in a
        // table row, another of unclosed brackets: inputs where a naive scan is quadratic.
        let budget = PageLoader.maximumPageBytes / 4 - 64
        var lines: [String] = []
        lines.append(String(repeating: "<!--{\"blockType\":\"response\"}-->", count: budget / 32))
        var ticks = "| "
        var run = 1
        while ticks.utf8.count < budget { ticks += String(repeating: "`", count: run) + " x "; run = run % 64 + 1 }
        lines.append(ticks + " | String | d |")
        lines.append("| " + String(repeating: "[", count: budget) + " | String | d |")
        lines.append("| " + String(repeating: "*a", count: budget / 2) + " | String | d |")
        let page = LimitsTests.header + "| Property | Type | Description |\n|:--|:--|:--|\n" + lines.joined(separator: "\n") + "\n"
        #expect(page.utf8.count <= PageLoader.maximumPageBytes)
        let (output, time, bytes) = LimitsTests.measure {
            InMemoryPipeline.run([SourcePage(path: "docs/resources/limit.md", bytes: Array(page.utf8))])
        }
        print("limits: \(page.utf8.count)-byte page of pathological lines: \(time), memory +\(megabytes(bytes)), \(output.files.count) files")
        print("limits: \(#function) took \(time)")  // measured, not asserted
        #expect(bytes < 1_024 * 1_048_576)
    }

    @Test("More pages than the limit: the first ones are read, with a diagnostic")
    func tooManyPages() throws {
        let folder = try TemporaryFolder("many")
        for index in 0..<40 {
            try folder.write("# page \(index)\n\nNothing here.\n", to: String(format: "api/page-%03d.md", index))
        }
        let (result, time, bytes) = try LimitsTests.measure {
            try PageLoader.load(PageLoader.Input(root: folder.url, displayRoot: "docs"), workers: 2, maximumPages: 25)
        }
        print("limits: 40 pages with a limit of 25: \(time), memory +\(megabytes(bytes))")
        #expect(result.pages.count == 25)
        #expect(result.pages.last?.path == "docs/api/page-024.md")
        #expect(result.diagnostics.contains { $0.rule == "limit" && $0.message.contains("only the first 25") })
        #expect(PageLoader.maximumPages >= 10_000)
    }

    /// 10,000 levels of nesting in each of the ways markdown (and the JSON in it) nests.
    static let deepInputs: [(name: String, text: String)] = {
        let depth = 10_000
        let table = " | a | String | d |"
        return [
            ("block quotes", String(repeating: "> ", count: depth) + "quoted"),
            ("block quotes without spaces", String(repeating: ">", count: depth) + table),
            ("bullet lists", String(repeating: "- ", count: depth) + "item"),
            ("ordered lists", String(repeating: "1. ", count: depth) + "item"),
            ("lists in quotes", String(repeating: "> - ", count: depth) + "item"),
            // One level more on each line; 2,800 lines keep the page under the size limit.
            ("quotes a line each", (0..<2_800).map { String(repeating: ">", count: $0 + 1) + " line \($0)" }.joined(separator: "\n")),
            ("emphasis", "| " + String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth) + " | String | d |"),
            ("links", "| " + String(repeating: "[", count: depth) + "x" + String(repeating: "](a.md)", count: depth) + " | String | d |"),
            ("paragraph links", String(repeating: "[", count: depth) + "x" + String(repeating: "](a.md)", count: depth)),
            ("paragraph emphasis", String(repeating: "*_", count: depth) + "x" + String(repeating: "_*", count: depth)),
            ("code spans", String(repeating: "`", count: depth) + "x"),
            ("html comments", String(repeating: "<!-- ", count: depth) + String(repeating: "-->", count: depth)),
            ("json", "<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.limit\" } -->\n```json\n"
                + String(repeating: "{\"a\": [", count: depth) + String(repeating: "]}", count: depth) + "\n```"),
            ("annotation json", "<!-- " + String(repeating: "{\"a\":", count: depth) + " -->"),
        ]
    }()

    @Test("10,000 levels of nesting: a diagnostic where content is dropped, bounded time and memory", arguments: 0..<14)
    func deepNesting(_ index: Int) throws {
        let (name, text) = LimitsTests.deepInputs[index]
        let page = LimitsTests.header + "| Property | Type | Description |\n|:--|:--|:--|\n| p | String | d |\n\n" + text + "\n\nAfter the nesting.\n"
        let (output, time, bytes) = LimitsTests.measure {
            InMemoryPipeline.run([SourcePage(path: "docs/resources/limit.md", bytes: Array(page.utf8))])
        }
        print("limits: 10,000 levels of \(name): \(time), memory +\(megabytes(bytes)), \(output.diagnostics.count) diagnostics")
        print("limits: \(#function) \(name) took \(time)")  // measured, not asserted
        #expect(bytes < 512 * 1_048_576, "\(name)")
        #expect(output.files.contains("Limit.swift"), "\(name): the page's type is still generated")
        if name.contains("quote") || name.contains("list") {
            #expect(output.diagnostics.contains { $0.contains("nested deeper than") }, "\(name): \(output.diagnostics.prefix(5))")
        }
        if name == "json" {
            #expect(output.diagnostics.contains { $0.contains("nesting too deep") }, "\(name): \(output.diagnostics.prefix(5))")
        }
    }

    /// Pages of one construct repeated many times (most near the size limit): where a scan per item
    /// over all items, or a table padded to a huge width, would stall or take gigabytes. (The enum
    /// cases are kept to a fraction of the limit for CI time; at the limit they took 16 s in a debug build.)
    static let wideInputs: [(name: String, text: String)] = {
        let budget = 3_500_000
        let table = "| Property | Type | Description |\n|:--|:--|:--|\n"
        return [
            ("2 million header cells and 20,000 short rows",
             String(repeating: "|", count: budget / 2) + "\n|---|\n" + String(repeating: "|a\n", count: 20_000)),
            ("300,000 possible values",
             table + "| p | String | Possible values are: " + (0..<300_000).map { "`v\($0)`" }.joined(separator: ", ") + ". |"),
            ("300,000 equal possible values",
             table + "| p | String | Possible values are: " + String(repeating: "`v`, ", count: 500_000) + ". |"),
            ("30,000 enum sections",
             (0..<30_000).map { "### e\($0) values\n\n| Member |\n|:--|\n| m |\n" }.joined(separator: "\n")),
            ("20,000 enum sections, 40 to a Swift name",
             (0..<20_000).map { "### e\(String(repeating: "-", count: $0 % 40 + 1))\($0 / 40) values\n\n| Member |\n|:--|\n| m |\n" }.joined(separator: "\n")),
            ("100,000 properties of one name",
             table + String(repeating: "| p | String | d |\n", count: 100_000)),
            ("a line of 100,000 annotation comments",
             String(repeating: "<!-- { \"blockType\": \"ignored\" } -->", count: 100_000)),
            ("a table row of growing backtick runs",
             table + "| " + (1...2_500).map { String(repeating: "`", count: $0) + " " }.joined() + " | String | d |"),
            ("a table cell of unclosed links",
             table + "| p | String | " + String(repeating: "[a](", count: 800_000) + " |"),
            ("a table cell of reference links",
             table + "| p | String | " + String(repeating: "[x][", count: 800_000) + " |"),
            ("a table cell of unclosed emphasis",
             table + "| p | String | " + String(repeating: "*a ", count: 1_000_000) + " |"),
            // Trimming that drops one character at a time from the end of a Substring was quadratic.
            ("a front matter line of 3,000,000 spaces",
             "---\ntitle: x" + String(repeating: " ", count: 1_500_000) + "y" + String(repeating: " ", count: 1_500_000) + "\n---\n# limit resource type\n"),
            ("a request line with 3,000,000 trailing spaces",
             "## HTTP request\n\n```http\nGET /a" + String(repeating: " ", count: 3_000_000) + "\n```\n"),
            ("a property name with 3,000,000 trailing asterisks",
             table + "| p" + String(repeating: "*", count: 3_000_000) + " | String | d |"),
        ]
    }()

    @Test("A page of one construct repeated up to the size limit: bounded time and memory", arguments: 0..<14)
    func wide(_ index: Int) throws {
        let only = Settings.integer("APIDOCGEN_LIMITS_CASE", default: -1)
        guard only < 0 || only == index else { return }
        let (name, text) = LimitsTests.wideInputs[index]
        let page = (text.hasPrefix("---\n") ? "" : LimitsTests.header) + text + "\n"
        #expect(page.utf8.count <= PageLoader.maximumPageBytes, "\(name): \(page.utf8.count) bytes")
        let (output, time, bytes) = LimitsTests.measure {
            InMemoryPipeline.run([SourcePage(path: "docs/resources/limit.md", bytes: Array(page.utf8))])
        }
        let generated = output.texts.reduce(0) { $0 + $1.utf8.count }
        print("limits: \(name) (\(page.utf8.count) bytes): \(time), memory +\(megabytes(bytes)), \(output.files.count) files of \(generated) bytes, \(output.diagnostics.count) diagnostics")
        print("limits: \(#function) \(name) took \(time)")  // measured, not asserted
        #expect(bytes < 2_048 * 1_048_576, "\(name)")
    }

    /// Pages that once stalled the model, emitter or lint with quadratic work: a path with very
    /// many placeholders and a page with very many request lines (now bounded by the extraction's
    /// request-line limits, with a diagnostic), many types with one Swift name (numbered in linear
    /// time), and a long run of trailing spaces in an example string (trimmed in linear time).
    static let stressInputs: [(name: String, text: String)] = [
        ("a path with 500,000 parameters of one name",
         "## HTTP request\n\n```http\nGET " + String(repeating: "/{id}", count: 500_000) + "\n```\n"),
        ("200,000 request paths",
         "## HTTP request\n\n```http\n" + (0..<200_000).map { "GET /a\($0)/{id}" }.joined(separator: "\n") + "\n```\n"),
        ("65,536 enums with one Swift name",
         (0..<65_536).map { n in "### e" + (0..<16).map { n >> $0 & 1 == 0 ? "-" : "~" }.joined() + "x values\n\n| Member |\n|:--|\n| m |\n" }
            .joined(separator: "\n")),
        ("a response example string with 3,000,000 trailing spaces",
         "| Property | Type | Description |\n|:--|:--|:--|\n| p | String | d |\n\n## Response\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.limit\" } -->\n```http\nHTTP/1.1 200 OK\n\n"
            + "{ \"p\": \"x" + String(repeating: " ", count: 3_000_000) + "\" }\n```\n"),
        // Found by the long fuzz run: sentence splitting looked back through the whole sentence at every space.
        ("a query-options paragraph of one 3,000,000-character sentence",
         "## HTTP request\n\n```http\nGET /a\n```\n\n## Optional query parameters\n\nThis method supports the `$top` parameter"
            + String(repeating: " a", count: 1_500_000) + "\n"),
        ("a request path of 3,000,000 trailing slashes",
         "## HTTP request\n\n```http\nGET /a/$value" + String(repeating: "/", count: 3_000_000) + "\n```\n"),
    ]

    @Test("Pages that stress naming, resolution and lint: bounded time and memory", arguments: 0..<6)
    func stress(_ index: Int) throws {
        let only = Settings.integer("APIDOCGEN_LIMITS_CASE", default: -1)
        guard only < 0 || only == index else { return }
        let (name, text) = LimitsTests.stressInputs[index]
        let page = LimitsTests.header + text + "\n"
        #expect(page.utf8.count <= PageLoader.maximumPageBytes, "\(name): \(page.utf8.count) bytes")
        let (output, time, bytes) = LimitsTests.measure {
            InMemoryPipeline.run([SourcePage(path: "docs/api/limit.md", bytes: Array(page.utf8))])
        }
        print("limits: \(name) (\(page.utf8.count) bytes): \(time), memory +\(megabytes(bytes)), \(output.files.count) files")
        print("limits: \(#function) \(name) took \(time)")  // measured, not asserted
        #expect(bytes < 2_048 * 1_048_576, "\(name)")
        if index < 2 || index == 5 {
            #expect(output.diagnostics.contains { $0.contains("[limit]") && $0.contains("request") }, "\(name): \(output.diagnostics.prefix(5))")
        } else {
            #expect(!output.files.isEmpty, "\(name)")
        }
    }

    @Test("A table of 100,000 rows: the rows past the limit are dropped with a diagnostic")
    func hugeTable() throws {
        var page = LimitsTests.header + "| Property | Type | Description |\n|:--|:--|:--|\n"
        for row in 0..<100_000 { page += "|p\(row)|Int32|\(row)|\n" }
        #expect(page.utf8.count <= PageLoader.maximumPageBytes)
        let (output, time, bytes) = LimitsTests.measure {
            InMemoryPipeline.run([SourcePage(path: "docs/resources/limit.md", bytes: Array(page.utf8))])
        }
        let text = output.texts[output.files.firstIndex(of: "Limit.swift") ?? 0]
        print("limits: table of 100,000 rows (\(page.utf8.count) bytes): \(time), memory +\(megabytes(bytes)), Limit.swift \(text.utf8.count) bytes")
        #expect(output.diagnostics.contains { $0.contains("more than") && $0.contains("rows") })
        print("limits: \(#function) took \(time)")  // measured, not asserted
        #expect(bytes < 2_048 * 1_048_576)
    }
}
