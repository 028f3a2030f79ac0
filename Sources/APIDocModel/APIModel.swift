/// The intermediate model: every type and operation of an API, resolved across pages. Plain
/// `Codable` values; `apidocgen model` prints it as JSON for inspection and for other tools.
/// The shape of the keys documented in the README is stable; fields may be added.
public struct APIModel: Codable, Hashable, Sendable {
    public var types: [TypeDefinition]
    public var operations: [Operation]

    public init(types: [TypeDefinition], operations: [Operation]) {
        self.types = types
        self.operations = operations
    }
}

public struct TypeDefinition: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable { case entity, complex, `enum` }

    /// Qualified name: `microsoft.graph.call`.
    public var name: String
    public var kind: Kind
    public var baseType: String?
    public var abstract: Bool
    public var openType: Bool
    /// Enums whose member values are powers of two (1, 2, 4, 8, ...), serialised as "a,b".
    public var flags: Bool
    public var description: String?
    /// Own properties, in document order (inherited ones live on the base type).
    public var properties: [Property]
    public var members: [EnumMember]
    /// `path:line` of the definition.
    public var source: String

    public init(name: String, kind: Kind, baseType: String? = nil, abstract: Bool = false, openType: Bool = false, flags: Bool = false,
                description: String? = nil, properties: [Property] = [], members: [EnumMember] = [], source: String) {
        self.name = name
        self.kind = kind
        self.baseType = baseType
        self.abstract = abstract
        self.openType = openType
        self.flags = flags
        self.description = description
        self.properties = properties
        self.members = members
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, baseType, abstract, openType, flags, description, properties, members, source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(baseType, forKey: .baseType)
        try c.encode(abstract, forKey: .abstract)
        try c.encode(openType, forKey: .openType)
        try c.encode(flags, forKey: .flags)
        try c.encode(description, forKey: .description)
        try c.encode(properties, forKey: .properties)
        try c.encode(members, forKey: .members)
        try c.encode(source, forKey: .source)
    }
}

public struct Property: Codable, Hashable, Sendable {
    /// The JSON name.
    public var name: String
    /// A qualified declared type name or an OData primitive (`Edm.String`); `Edm.Untyped` for any JSON.
    public var type: String
    public var collection: Bool
    public var readOnly: Bool
    public var nullable: Bool?
    /// A navigation property (from a Relationships table).
    public var navigation: Bool
    public var description: String?
    /// Members the description lists for a property whose type is a plain string.
    public var possibleValues: [String]
    public var source: String

    public init(name: String, type: String, collection: Bool, readOnly: Bool = false, nullable: Bool? = nil, navigation: Bool = false,
                description: String? = nil, possibleValues: [String] = [], source: String) {
        self.name = name
        self.type = type
        self.collection = collection
        self.readOnly = readOnly
        self.nullable = nullable
        self.navigation = navigation
        self.description = description
        self.possibleValues = possibleValues
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case name, type, collection, readOnly, nullable, navigation, description, possibleValues, source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(collection, forKey: .collection)
        try c.encode(readOnly, forKey: .readOnly)
        try c.encode(nullable, forKey: .nullable)
        try c.encode(navigation, forKey: .navigation)
        try c.encode(description, forKey: .description)
        try c.encode(possibleValues, forKey: .possibleValues)
        try c.encode(source, forKey: .source)
    }
}

public struct EnumMember: Codable, Hashable, Sendable {
    public var name: String
    /// The documented numeric value, or nil when the docs give none.
    public var value: Int?
    public var description: String?

    public init(name: String, value: Int? = nil, description: String? = nil) {
        self.name = name
        self.value = value
        self.description = description
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        try c.encode(description, forKey: .description)
    }

    enum CodingKeys: String, CodingKey { case name, value, description }
}

public struct TypeUse: Codable, Hashable, Sendable {
    public var type: String
    public var collection: Bool

    public init(type: String, collection: Bool) {
        self.type = type
        self.collection = collection
    }
}

public struct ResponseSpec: Codable, Hashable, Sendable {
    public var status: Int?
    /// nil when the response has no body.
    public var type: String?
    public var collection: Bool

    public init(status: Int?, type: String?, collection: Bool) {
        self.status = status
        self.type = type
        self.collection = collection
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(type, forKey: .type)
        try c.encode(collection, forKey: .collection)
    }

    enum CodingKeys: String, CodingKey { case status, type, collection }
}

/// One documented path of an operation: the template as written (normalised) and its parameters.
public struct OperationPath: Codable, Hashable, Sendable {
    public var template: String
    public var parameters: [PathParameter]
    /// The documented query template, e.g. `$filter={property} eq '{value}'`.
    public var query: String?

    public init(template: String, parameters: [PathParameter], query: String? = nil) {
        self.template = template
        self.parameters = parameters
        self.query = query
    }
}

public struct PathParameter: Codable, Hashable, Sendable {
    /// The placeholder as written between braces: `id`, `id | userPrincipalName`.
    public var placeholder: String
    /// A name for it, unique within the path: `callId`, `participantId`.
    public var name: String
    /// The alternatives a `{a | b}` placeholder allows.
    public var alternatives: [String]
    /// True when the placeholder stands inside single quotes (`f(x='{v}')`): the value is an OData string.
    public var quoted: Bool

    public init(placeholder: String, name: String, alternatives: [String], quoted: Bool) {
        self.placeholder = placeholder
        self.name = name
        self.alternatives = alternatives
        self.quoted = quoted
    }
}

public struct Operation: Codable, Hashable, Sendable {
    /// A lower-camel name unique in the model: `createCall`, `answerCall`.
    public var name: String
    public var title: String?
    public var description: String?
    public var method: String
    /// Every documented path, as normalised templates (the stable key of the model's shape).
    public var paths: [String]
    public var pathDetails: [OperationPath]
    public var requestBody: TypeUse?
    public var response: ResponseSpec?
    public var source: String

    public init(name: String, title: String?, description: String?, method: String, paths: [OperationPath], requestBody: TypeUse?, response: ResponseSpec?, source: String) {
        self.name = name
        self.title = title
        self.description = description
        self.method = method
        self.paths = paths.map(\.template)
        self.pathDetails = paths
        self.requestBody = requestBody
        self.response = response
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case name, title, description, method, paths, pathDetails, requestBody, response, source }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(method, forKey: .method)
        try c.encode(paths, forKey: .paths)
        try c.encode(pathDetails, forKey: .pathDetails)
        try c.encode(requestBody, forKey: .requestBody)
        try c.encode(response, forKey: .response)
        try c.encode(source, forKey: .source)
    }
}

extension APIModel {
    /// The type with this qualified name.
    public func type(named name: String) -> TypeDefinition? {
        types.first { $0.name == name }
    }
}
