@testable import APIDocSwiftEmitter
import Testing

/// `SwiftRenderer` writes a `CodableStruct` directly; these tests hold that layout to the one the
/// generic nodes (`structDecl`, `variable`, `computed`, `function`, `enumDecl`) give the same
/// declarations, so the struct follows every layout rule the other declarations follow.
@Suite("Codable struct layout")
struct CodableStructLayoutTests {
    typealias Member = CodableStruct.Member

    /// The struct spelled out with generic nodes.
    static func expanded(_ spec: CodableStruct, access: String) -> SwiftDecl {
        var decls: [SwiftDecl] = []
        for member in spec.members {
            if member.boxed {
                let storage = "_" + SwiftNames.bare(member.swiftName)
                decls.append(.computed(
                    doc: member.doc, modifiers: "\(access) var", name: member.swiftName, type: member.swiftType + "?",
                    getter: [.line("\(storage)?.value")], setter: [.line("\(storage) = newValue.map { APIDocRuntime.Indirect($0) }")]))
                decls.append(.variable(doc: [], modifiers: "private var", name: storage, type: "APIDocRuntime.Indirect<\(member.swiftType)>?", value: nil))
            } else {
                decls.append(.variable(doc: member.doc, modifiers: "\(access) var", name: member.swiftName, type: member.swiftType + "?", value: nil))
            }
        }
        decls.append(.variable(
            doc: ["Keys the docs do not list, and documented keys sent as `null`, kept as they came."],
            modifiers: "\(access) var", name: "additionalProperties", type: "[Swift.String: APIDocRuntime.JSONValue]", value: nil))
        var parameters = spec.members.map { "\($0.swiftName): \($0.swiftType)? = nil" }
        parameters.append("additionalProperties: [Swift.String: APIDocRuntime.JSONValue] = [:]")
        var initBody: [SwiftStmt] = spec.members.map { member in
            member.boxed
                ? .line("self._\(SwiftNames.bare(member.swiftName)) = \(member.swiftName).map { APIDocRuntime.Indirect($0) }")
                : .line("self.\(member.swiftName) = \(member.swiftName)")
        }
        initBody.append(.line("self.additionalProperties = additionalProperties"))
        let signature = parameters.count <= 2
            ? "\(access) init(\(parameters.joined(separator: ", ")))"
            : "\(access) init(\n        " + parameters.joined(separator: ",\n        ") + "\n    )"
        decls.append(.function(doc: ["Creates a value; every property is optional."], signature: signature, body: initBody))
        decls.append(.enumDecl(
            name: "CodingKeys", conformances: ["Swift.String", "Swift.CodingKey", "Swift.CaseIterable"], doc: [],
            members: spec.members.map { .enumCase(doc: [], name: $0.swiftName, rawValue: SwiftNames.literal($0.jsonName), payload: nil) }))
        decls.append(.variable(doc: [], modifiers: "static let", name: "knownKeys", type: "Swift.Set<Swift.String>",
                               value: "Swift.Set(CodingKeys.allCases.map(\\.rawValue))"))
        var decode: [SwiftStmt] = [.line("let container = try decoder.container(keyedBy: CodingKeys.self)")]
        for member in spec.members {
            let call = "try ODataTypes.decode(\(member.swiftType).self, container, .\(member.swiftName))"
            decode.append(member.boxed
                ? .line("self._\(SwiftNames.bare(member.swiftName)) = \(call).map { APIDocRuntime.Indirect($0) }")
                : .line("self.\(member.swiftName) = \(call)"))
        }
        decode.append(.line("self.additionalProperties = try APIDocRuntime.AdditionalProperties.decode(from: decoder, knownKeys: \(spec.name).knownKeys)"))
        decls.append(.function(doc: [], signature: "\(access) init(from decoder: any Swift.Decoder) throws", body: decode))
        var encode: [SwiftStmt] = [
            .line("try APIDocRuntime.AdditionalProperties.encode(additionalProperties, to: encoder)"),
            .line("var container = encoder.container(keyedBy: CodingKeys.self)"),
        ]
        for member in spec.members {
            encode.append(.line("try ODataTypes.encode(self.\(member.swiftName), &container, .\(member.swiftName))"))
        }
        decls.append(.function(doc: [], signature: "\(access) func encode(to encoder: any Swift.Encoder) throws", body: encode))
        return .structDecl(name: spec.name, conformances: ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"], doc: spec.doc, members: decls)
    }

    static func render(_ decl: SwiftDecl, access: String) -> String {
        SwiftRenderer.render(SwiftFile(name: "T.swift", source: "docs/t.md", imports: ["APIDocRuntime", "Foundation"], declarations: [decl], access: access))
    }

    static let odataType = Member(jsonName: "@odata.type", swiftName: "odataType", swiftType: "Swift.String",
                                  doc: ["The OData type name (`@odata.type`) as sent or received."], boxed: false)

    static let cases: [(String, CodableStruct)] = [
        ("one member: the initializer on one line", CodableStruct(name: "Empty", doc: ["OData type `microsoft.graph.empty`."], members: [odataType])),
        ("undocumented members run together", CodableStruct(name: "Plain", doc: [], members: [
            odataType,
            Member(jsonName: "id", swiftName: "id", swiftType: "Swift.String", doc: [], boxed: false),
            Member(jsonName: "size", swiftName: "size", swiftType: "Swift.Int64", doc: [], boxed: false),
            Member(jsonName: "tags", swiftName: "tags", swiftType: "[Swift.String]", doc: ["Labels, a line", "", "and a paragraph."], boxed: false),
            Member(jsonName: "default", swiftName: "`default`", swiftType: "Swift.Bool", doc: [], boxed: false),
        ])),
        ("boxed members between stored ones", CodableStruct(name: "Node", doc: ["A node.", "", "Defined at docs/node.md:3."], members: [
            Member(jsonName: "@odata.type", swiftName: "odataType", swiftType: "Swift.String", doc: [], boxed: false),
            Member(jsonName: "parent", swiftName: "parent", swiftType: "Node", doc: ["The parent \"node\"."], boxed: true),
            Member(jsonName: "child", swiftName: "child", swiftType: "Node", doc: [], boxed: true),
            Member(jsonName: "name", swiftName: "name", swiftType: "Swift.String", doc: [], boxed: false),
            Member(jsonName: "a\"b", swiftName: "aB", swiftType: "APIDocRuntime.JSONValue", doc: ["Odd key.\u{7}"], boxed: false),
        ])),
        ("one boxed member", CodableStruct(name: "Loop", doc: [], members: [
            Member(jsonName: "next", swiftName: "next", swiftType: "Loop", doc: [], boxed: true),
        ])),
    ]

    @Test(arguments: ["public", "package", "internal"])
    func directLayoutIsTheLayoutOfTheGenericNodes(access: String) {
        for (label, spec) in Self.cases {
            let direct = Self.render(.codableStruct(spec), access: access)
            let generic = Self.render(Self.expanded(spec, access: access), access: access)
            #expect(direct == generic, "\(label)")
        }
    }

    @Test func theLayoutSeparatesWhatItShould() {
        let text = Self.render(.codableStruct(Self.cases[1].1), access: "public")
        // Undocumented stored properties run together; a documented one stands apart.
        #expect(text.contains("    public var id: Swift.String?\n    public var size: Swift.Int64?\n\n    /// Labels, a line\n    ///\n    /// and a paragraph.\n"))
        #expect(text.contains("    public init(\n        odataType: Swift.String? = nil,\n"))
        #expect(text.contains("\n    static let knownKeys"))
        #expect(text.contains("        case `default` = \"default\"\n"))
        let single = Self.render(.codableStruct(Self.cases[0].1), access: "package")
        #expect(single.contains("    package init(odataType: Swift.String? = nil, additionalProperties: [Swift.String: APIDocRuntime.JSONValue] = [:]) {\n"))
    }
}
