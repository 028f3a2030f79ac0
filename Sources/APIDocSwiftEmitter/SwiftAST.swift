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
    /// `case name`, `case name = "raw"`, `case name(Payload)`.
    case enumCase(doc: [String], name: String, rawValue: String?, payload: String?)
    /// A function or initializer: `signature` is everything before the body (`public init(from decoder: any Swift.Decoder) throws`).
    case function(doc: [String], signature: String, body: [SwiftStmt])
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
