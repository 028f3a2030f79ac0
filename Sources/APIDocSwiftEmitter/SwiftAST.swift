/// A small Swift syntax tree: enough for the declarations the generator writes. Layout
/// (indentation, blank lines, doc comments) belongs to `SwiftRenderer` alone.
public indirect enum SwiftDecl: Hashable, Sendable {
    case structDecl(name: String, conformances: [String], doc: [String], members: [SwiftDecl])
    case enumDecl(name: String, conformances: [String], doc: [String], members: [SwiftDecl])
    case extensionDecl(type: String, doc: [String], members: [SwiftDecl])
    /// `public var name: Type` or `let`, with an optional initial value.
    case variable(doc: [String], modifiers: String, name: String, type: String, value: String?)
    /// A computed property with a getter body (and an optional setter body).
    case computed(doc: [String], modifiers: String, name: String, type: String, getter: [SwiftStmt], setter: [SwiftStmt]?)
    /// `case name`, `case name = "raw"`, `case name(Payload)`; `attributes` are written on lines
    /// of their own before it (`@available(*, deprecated, message: "...")`).
    case enumCase(doc: [String], name: String, rawValue: String?, payload: String?, attributes: [String] = [])
    /// A function or initializer: `signature` is everything before the body (`public init(from
    /// decoder: any Swift.Decoder) throws`); `attributes` are written on lines of their own before it.
    case function(doc: [String], signature: String, body: [SwiftStmt], attributes: [String] = [])
    /// A Codable struct of optional properties, laid out by the renderer with its memberwise
    /// initializer, CodingKeys, known keys, `init(from:)` and `encode(to:)` (see `CodableStruct`).
    case codableStruct(CodableStruct)
}

/// What a generated Codable struct is made of; `SwiftRenderer` writes its members from this
/// directly, without a node per property and statement (the corpus has thousands of structs).
public struct CodableStruct: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        /// The JSON key.
        public var jsonName: String
        /// The Swift property name (escaped with backticks where it must be).
        public var swiftName: String
        /// The Swift type without the `?` that every property has.
        public var swiftType: String
        public var doc: [String]
        /// Stored out of line (`APIDocRuntime.Indirect`), for types that contain themselves.
        public var boxed: Bool

        public init(jsonName: String, swiftName: String, swiftType: String, doc: [String], boxed: Bool) {
            self.jsonName = jsonName
            self.swiftName = swiftName
            self.swiftType = swiftType
            self.doc = doc
            self.boxed = boxed
        }
    }

    public var name: String
    public var doc: [String]
    public var members: [Member]

    public init(name: String, doc: [String], members: [Member]) {
        self.name = name
        self.doc = doc
        self.members = members
    }
}

public indirect enum SwiftStmt: Hashable, Sendable {
    case line(String)
    /// `header {` body `}` — if, switch, for, closures.
    case block(header: String, body: [SwiftStmt], footer: String)
    /// A `case x:` label of a switch, with its statements one level deeper.
    case caseLabel(String, body: [SwiftStmt])
}

/// One generated file.
public struct SwiftFile: Hashable, Sendable {
    /// File name relative to the output folder.
    public var name: String
    /// The page the file comes from, for the header.
    public var source: String
    public var imports: [String]
    /// Modules imported with `@_exported`, so that a client's `import GraphAPI` brings them too.
    public var exportedImports: [String] = []
    public var declarations: [SwiftDecl]
    /// The access keyword of the file's type declarations (`public`, `package`, `internal`).
    public var access: String

    public init(name: String, source: String, imports: [String], declarations: [SwiftDecl], access: String = "public") {
        self.name = name
        self.source = source
        self.imports = imports
        self.declarations = declarations
        self.access = access
    }
}
