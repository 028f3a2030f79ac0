import APIDocMarkdown
import APIDocJSON

/// Everything extracted from one page, before resolution across pages. Plain values.
public struct Page: Sendable {
    /// The path used in diagnostics and in generated headers, relative to the working folder.
    public var path: String
    /// The file name without extension, lower-cased: the key that links resolve to.
    public var stem: String
    public var docType: String?
    public var title: String?
    public var description: String?
    public var namespace: String?
    public var titleLocation: SourceLocation

    public var permissions: [Permission] = []
    public var httpRequests: [HTTPRequestLine] = []
    public var requestHeaders: [HeaderRow] = []
    public var requestBody: RequestBodyInfo = .unspecified
    public var response: ResponseInfo?
    public var queryParameters: [PropertyRow] = []
    public var functionParameters: [PropertyRow] = []

    public var properties: [PropertyRow] = []
    public var relationships: [PropertyRow] = []
    public var resource: ResourceAnnotation?
    /// The link of an intro sentence "Inherits from [x](x.md)", if any.
    public var inheritsFrom: String?
    public var enums: [EnumDefinition] = []
    public var examples: [Example] = []

    public var diagnostics: [Diagnostic] = []

    /// True when the page documents an operation (it has an HTTP request section with method lines).
    public var isOperation: Bool { !httpRequests.isEmpty }
    /// True when the page defines a type (a resource annotation or a Properties section).
    public var definesType: Bool { resource != nil || !properties.isEmpty }
}

public struct Permission: Hashable, Sendable {
    public var kind: String
    public var permissions: [String]
}

public struct HeaderRow: Hashable, Sendable {
    public var name: String
    public var value: String
    public var location: SourceLocation
}

/// A type as written in a Type cell or in prose.
public struct TypeRef: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// An OData primitive, named as in OData (`Edm.String`).
        case primitive(String)
        /// A declared type: the name as written (link text or bare word) and the link target, if any.
        case named(name: String, link: String?)
        /// `[A](a.md) or [B](b.md)`: one of several types (usually siblings with a common base).
        case oneOf([TypeRef])
        /// Text that names no type.
        case unknown(String)
    }

    public var kind: Kind
    public var collection: Bool
    public var location: SourceLocation

    public init(kind: Kind, collection: Bool, location: SourceLocation) {
        self.kind = kind
        self.collection = collection
        self.location = location
    }
}

public struct PropertyRow: Hashable, Sendable {
    public var name: String
    public var type: TypeRef
    public var description: String
    /// Members listed in the description ("Possible values are: `a`, `b`").
    public var possibleValues: [String]
    public var readOnly: Bool
    public var nullable: Bool?
    public var required: Bool?
    /// The link target of "Inherited from [x](x.md)", if the description says so.
    public var inheritedFrom: String?
    public var location: SourceLocation
    /// Relationship rows become navigation properties.
    public var isNavigation: Bool
}

public enum RequestBodyInfo: Hashable, Sendable {
    /// The page says nothing about a body.
    case unspecified
    /// The page says not to send one.
    case none
    /// "a JSON representation of the [x](x.md) object"; `properties` are the rows of a table that
    /// describes (part of) that type, if any.
    case resource(TypeRef, properties: [PropertyRow])
    /// A table of parameters: the body is an object of its own.
    case parameters([PropertyRow])
}

public struct ResponseInfo: Hashable, Sendable {
    public var status: Int?
    public var type: TypeRef?
    public var location: SourceLocation
}

public struct ResourceAnnotation: Hashable, Sendable {
    public var odataType: String?
    public var baseType: String?
    public var keyProperty: String?
    public var openType: Bool
    public var abstract: Bool
    public var optionalProperties: [String]
    public var location: SourceLocation
    /// The JSON representation that follows the annotation, if it parsed (leniently).
    public var json: JSONNode?
    public var jsonLocation: SourceLocation?
}

public struct EnumDefinition: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public var name: String
        public var value: String?
        public var description: String
        public var location: SourceLocation
    }

    public var name: String
    public var members: [Member]
    public var location: SourceLocation
    /// Where the definition came from: an enum table, or a "Possible values" list in prose.
    public var fromProse: Bool
}

/// A request or response example: the annotation and the fenced block it annotates.
public struct Example: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case request, response, example }

    public var kind: Kind
    public var name: String?
    /// The annotation's `@odata.type` (or `@type`), with any `Collection(...)` removed.
    public var odataType: String?
    public var isCollection: Bool
    public var truncated: Bool
    public var annotationLocation: SourceLocation
    /// Request: method and URL. Response: nil.
    public var method: String?
    public var url: String?
    /// Response: the status code of the status line.
    public var status: Int?
    public var headers: [HeaderRow]
    /// The body text, if any, and its position.
    public var bodyText: String?
    public var bodyLocation: SourceLocation?
    public var body: JSONNode?
    /// The index of the request example that this response answers.
    public var requestIndex: Int?
}

/// One `METHOD path` line of the HTTP request section.
public struct HTTPRequestLine: Hashable, Sendable {
    public var method: String
    /// The path as normalised: leading `/`, no host or version prefix, placeholders kept as written.
    public var path: String
    /// The query template after `?`, if any, as written.
    public var query: String?
    public var location: SourceLocation
}
