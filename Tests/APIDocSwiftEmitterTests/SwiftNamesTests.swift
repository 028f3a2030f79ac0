import APIDocSwiftEmitter
import Foundation
import Testing

/// The one identifier sanitiser: every name it gives is a valid Swift identifier.
@Suite("Swift names")
struct SwiftNamesTests {
    /// Every Swift keyword, contextual keyword and special name (The Swift Programming Language,
    /// Lexical Structure), plus the `#` directives.
    static let keywords: [String] = [
        // Declarations
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var",
        // Statements
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in",
        "repeat", "return", "throw", "switch", "where", "while",
        // Expressions and types
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        // Patterns
        "_",
        // Starting with a number sign
        "#available", "#colorLiteral", "#else", "#elseif", "#endif", "#fileLiteral", "#if", "#imageLiteral", "#keyPath",
        "#selector", "#sourceLocation", "#unavailable",
        // Contextual
        "associativity", "async", "convenience", "didSet", "dynamic", "final", "get", "indirect", "infix", "lazy", "left",
        "mutating", "none", "nonmutating", "optional", "override", "package", "postfix", "precedence", "prefix", "Protocol",
        "required", "right", "set", "some", "Type", "unowned", "weak", "willSet",
        // Newer and special
        "actor", "any", "consume", "copy", "discard", "each", "macro", "isolated", "then", "sending", "Sendable", "Type",
        "__owned", "__shared", "_const", "Never", "Void", "String", "Int", "Bool", "Optional", "Error", "AnyObject",
        "CodingKeys", "Swift", "Foundation",
    ]

    /// Names with something else to sanitise.
    static let awkward: [String] = [
        "@odata.type", "@odata.nextLink", "odata.etag", "3dModel", "123", "user-id", "user id", "user_id", "café", "naïve-name",
        "名前", "ID", "URLPath", "$value", "", "-", "a.b.c", "x/y", "Ünïcödé", "emoji😀name", "_leading", "trailing_", "CamelCase",
    ]

    static var allNames: [String] { keywords + keywords.map { $0.prefix(1).uppercased() + $0.dropFirst() } + awkward }

    /// Writes declarations that use every sanitised name as a property, an initializer parameter,
    /// an enum case and a type, and type-checks them with swiftc.
    @Test func everyKeywordGivesAValidIdentifierEverywhere() throws {
        let names = Self.allNames
        let members = SwiftNames.uniqued(names.map { SwiftNames.memberName($0) })
        let types = Array(Set(names.map { SwiftNames.typeName($0) })).sorted()
        #expect(Set(members.map(SwiftNames.bare)).count == members.count)

        var source = "public struct KeywordProperties: Swift.Hashable, Swift.Sendable {\n"
        for name in members { source += "    public var \(name): Swift.Int?\n" }
        source += "    public init(\n" + members.map { "        \($0): Swift.Int? = nil" }.joined(separator: ",\n") + "\n    ) {\n"
        for name in members { source += "        self.\(name) = \(name)\n" }
        source += "    }\n\n    public func all() -> [Swift.Int?] {\n        [\n"
        for name in members { source += "            self.\(name),\n" }
        source += "        ]\n    }\n}\n\n"
        source += "public enum KeywordCases: Swift.String, Swift.CaseIterable, Swift.Sendable {\n"
        for (index, name) in members.enumerated() { source += "    case \(name) = \"k\(index)\"\n" }
        source += "\n    public var index: Swift.Int {\n        switch self {\n"
        for (index, name) in members.enumerated() { source += "        case .\(name): return \(index)\n" }
        source += "        }\n    }\n}\n\n"
        source += "public let everyCase: [KeywordCases] = [" + members.map { ".\($0)" }.joined(separator: ", ") + "]\n\n"
        for name in types { source += "public struct \(name): Swift.Hashable, Swift.Sendable { public init() {} }\n" }
        source += "\npublic func everyType() -> [any Swift.Hashable.Type] {\n    [\n" + types.map { "        \($0).self," }.joined(separator: "\n") + "\n    ]\n}\n"
        source += "public func everyValue() -> [any Swift.Hashable] {\n    [\n" + types.map { "        \($0)()," }.joined(separator: "\n") + "\n    ]\n}\n"

        let folder = try TemporaryFolder()
        let file = try folder.write(source, to: "Names.swift")
        let result = try run(["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", "-warnings-as-errors", "-module-name", "NamesCheck", file.path])
        #expect(result.status == 0, "swiftc failed:\n\(result.output)\n--- source ---\n\(source)")
    }

    /// U+0345 (combining ypogegrammeni) is alphabetic but may not begin a Swift identifier.
    @Test func nameStartingWithACombiningMark() throws {
        let member = SwiftNames.memberName("\u{0345}name")
        let type = SwiftNames.typeName("\u{0345}name")
        let folder = try TemporaryFolder()
        let file = try folder.write("public struct \(type) {\n    public var \(member): Swift.Int?\n}\n", to: "Mark.swift")
        let result = try run(["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library", file.path])
        #expect(result.status == 0, "member \(member.unicodeScalars.map { String($0.value, radix: 16) }), type \(type):\n\(result.output)")
    }

    @Test func exactNames() {
        #expect(SwiftNames.memberName("@odata.type") == "odataType")
        #expect(SwiftNames.memberName("@odata.nextLink") == "odataNextLink")
        #expect(SwiftNames.memberName("class") == "`class`")
        #expect(SwiftNames.memberName("default") == "`default`")
        #expect(SwiftNames.memberName("Protocol") == "`protocol`")
        #expect(SwiftNames.memberName("self") == "selfValue")
        #expect(SwiftNames.memberName("Self") == "selfValue")
        #expect(SwiftNames.memberName("init") == "initValue")
        #expect(SwiftNames.memberName("Type") == "type")
        #expect(SwiftNames.typeName("Type") == "TypeType")
        #expect(SwiftNames.typeName("Self") == "SelfType")
        #expect(SwiftNames.typeName("self") == "SelfType")
        #expect(SwiftNames.typeName("String") == "StringType")
        #expect(SwiftNames.typeName("class") == "Class")
        #expect(SwiftNames.memberName("3dModel") == "_3dModel")
        #expect(SwiftNames.typeName("3dModel") == "T3dModel")
        #expect(SwiftNames.memberName("user-id") == "userId")
        #expect(SwiftNames.memberName("user id") == "userId")
        #expect(SwiftNames.memberName("user_id") == "userId")
        #expect(SwiftNames.typeName("user-id") == "UserId")
        #expect(SwiftNames.memberName("café") == "café")
        #expect(SwiftNames.typeName("café") == "Café")
        #expect(SwiftNames.memberName("名前") == "名前")
        #expect(SwiftNames.memberName("ID") == "id")
        #expect(SwiftNames.memberName("URLPath") == "urlPath")
        #expect(SwiftNames.memberName("isURLValid") == "isURLValid")
        #expect(SwiftNames.memberName("") == "value")
        #expect(SwiftNames.memberName("$value") == "value")
        #expect(SwiftNames.typeName("") == "Unnamed")
        #expect(SwiftNames.typeName("callRecords session") == "CallRecordsSession")
    }

    /// ASCII names are cased on their bytes; a trailing no-break space (no letter, so no word)
    /// sends the same name down the general path on Unicode scalars, which must agree.
    @Test func asciiNamesAreCasedAsOnTheGeneralPath() {
        var samples = Self.awkward.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        samples += ["URLPath", "isURLValid", "ID", "x-ms-Client", "ABCdef", "a1B2", "HTTPSProxy", "A", "aB", "AB c", "9lives", "__", "class", "Type"]
        // And names drawn from letters of both cases, digits and separators (a fixed sequence).
        let alphabet = Array("aZbYcX09 -_.@$")
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<500 {
            var name = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for index in 0..<Int(state >> 60) + 1 {
                name.append(alphabet[Int((state >> UInt64(4 * index % 56)) & 0xFF) % alphabet.count])
            }
            samples.append(name)
        }
        for raw in samples {
            #expect(SwiftNames.memberName(raw) == SwiftNames.memberName(raw + "\u{00A0}"), "\(raw)")
            #expect(SwiftNames.typeName(raw) == SwiftNames.typeName(raw + "\u{00A0}"), "\(raw)")
            #expect(SwiftNames.memberName(raw, reserved: ["value", "id"]) == SwiftNames.memberName(raw + "\u{00A0}", reserved: ["value", "id"]), "\(raw)")
        }
    }

    @Test func reservedMembersAreSuffixed() {
        #expect(SwiftNames.memberName("additionalProperties", reserved: ["additionalProperties"]) == "additionalPropertiesValue")
        #expect(SwiftNames.memberName("additionalProperties") == "additionalProperties")
        #expect(SwiftNames.memberName("body", reserved: ["body", "path"]) == "bodyValue")
    }

    @Test func duplicatesAreUniqued() {
        #expect(SwiftNames.uniqued(["a", "a", "`class`", "class", "b", "a"]) == ["a", "a2", "`class`", "class2", "b", "a3"])
        #expect(SwiftNames.uniqued(["x", "x2", "x"]) == ["x", "x2", "x3"])
        // Swift compares identifiers case-sensitively.
        #expect(SwiftNames.uniqued(["value", "Value"]) == ["value", "Value"])
        // Longer lists (a struct's properties) are checked for duplicates another way.
        let many = (0..<20).map { "p\($0)" }
        #expect(SwiftNames.uniqued(many) == many)
        #expect(SwiftNames.uniqued(many + ["p3", "`class`", "class"]) == many + ["p32", "`class`", "class2"])
        #expect(SwiftNames.bare("`class`") == "class")
        #expect(SwiftNames.bare("plain") == "plain")
    }

    @Test func stringLiterals() {
        #expect(SwiftNames.literal("plain") == "\"plain\"")
        #expect(SwiftNames.literal("a\"b\\c\nd\te\r") == #""a\"b\\c\nd\te\r""#)
        #expect(SwiftNames.literal("\u{1}\u{7F}\u{2028}") == #""\u{1}\u{7f}\u{2028}""#)
        #expect(SwiftNames.literal("café \\(x)") == #""café \\(x)""#)
    }

    @Test func docText() {
        #expect(SwiftNames.docText("  one\ntwo\r\nthree\u{2028}four  ") == "one two  three four")
        #expect(SwiftNames.docText("bell\u{7}") == "bell")
    }

    /// Every public type the runtime declares at the top level of its sources is kept from docs
    /// types, which would hide it from code that imports the generated module.
    @Test func runtimeTypesAreReserved() throws {
        let folder = PackagePaths.root.appendingPathComponent("Sources/APIDocRuntime")
        let kinds: Set<Substring> = ["struct", "enum", "class", "actor", "protocol", "typealias"]
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // Top-level declarations start their line: `[@attribute ]public [final ]kind Name…`.
            for line in text.split(separator: "\n") where line.hasPrefix("public ") || line.hasPrefix("@") {
                let words = line.split(separator: " ").drop { $0.hasPrefix("@") || $0 == "public" || $0 == "final" }
                guard words.count >= 2, kinds.contains(words[words.startIndex]) else { continue }
                names.insert(String(words[words.startIndex + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
            }
        }
        #expect(names.contains("GraphClient") && names.contains("JSONValue") && names.count > 20)
        for name in names.sorted() {
            #expect(SwiftNames.typeName(name) == name + "Type", "runtime type \(name)")
        }
        #expect(SwiftNames.typeName("graphClient") == "GraphClientType")
    }
}
