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
    /// What this type's page says of properties it inherits, where that differs from the base
    /// type's page (`call.md`: `id` is "Unique identifier of the call"), by property name. The
    /// rows themselves stay on the base type; the generated type's documentation uses these.
    public var inheritedDescriptions: [String: String] = [:]
    /// The parameters table of an action, read as its JSON body (`<operation>RequestBody`): a
    /// type of this tool's making, not an OData type of the service, so it has no `@odata.type`.
    public var isActionParameters = false
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
        case name, kind, baseType, abstract, openType, flags, description, properties, inheritedDescriptions, isActionParameters, members, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(Kind.self, forKey: .kind)
        baseType = try c.decodeIfPresent(String.self, forKey: .baseType)
        abstract = try c.decode(Bool.self, forKey: .abstract)
        openType = try c.decode(Bool.self, forKey: .openType)
        flags = try c.decode(Bool.self, forKey: .flags)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        properties = try c.decode([Property].self, forKey: .properties)
        inheritedDescriptions = try c.decodeIfPresent([String: String].self, forKey: .inheritedDescriptions) ?? [:]
        isActionParameters = try c.decodeIfPresent(Bool.self, forKey: .isActionParameters) ?? false
        members = try c.decode([EnumMember].self, forKey: .members)
        source = try c.decode(String.self, forKey: .source)
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
        // Only when there are some: most types have none, and the key is newer than the others.
        if !inheritedDescriptions.isEmpty { try c.encode(inheritedDescriptions, forKey: .inheritedDescriptions) }
        if isActionParameters { try c.encode(isActionParameters, forKey: .isActionParameters) }
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

    /// The type name of raw bytes: a request or response body that is not JSON.
    public static let stream = "Edm.Stream"
    /// The type name of an entity reference, `{"@odata.id": "https://.../directoryObjects/{id}"}`:
    /// the body of `POST`/`PUT .../$ref` and the items of `GET .../$ref`.
    public static let reference = "$ref"
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
    /// The page's note when it calls this path deprecated; the generated code marks it
    /// `@available(*, deprecated, message:)`.
    public var deprecation: String?

    public init(template: String, parameters: [PathParameter], query: String? = nil, deprecation: String? = nil) {
        self.template = template
        self.parameters = parameters
        self.query = query
        self.deprecation = deprecation
    }
}

public struct PathParameter: Codable, Hashable, Sendable {
    /// The placeholder as written between braces: `id`, `id | userPrincipalName`.
    public var placeholder: String
    /// A name for it, unique within the path: `callId`, `participantId`, `period`.
    public var name: String
    /// The alternatives a `{a | b}` placeholder allows.
    public var alternatives: [String]
    /// True when the placeholder stands inside single quotes (`f(x='{v}')`): the value is an OData string.
    public var quoted: Bool
    /// For the value of a function argument (`getX(period='{period_value}')`), the argument's name: `period`.
    public var argument: String?
    /// For a function argument, the type the page's Function parameters table gives it (an
    /// OData primitive such as `Edm.Int32`, or a declared enum), when it has one.
    public var type: String?

    public init(placeholder: String, name: String, alternatives: [String], quoted: Bool, argument: String? = nil, type: String? = nil) {
        self.placeholder = placeholder
        self.name = name
        self.alternatives = alternatives
        self.quoted = quoted
        self.argument = argument
        self.type = type
    }

    enum CodingKeys: String, CodingKey { case placeholder, name, alternatives, quoted, argument, type }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        placeholder = try c.decode(String.self, forKey: .placeholder)
        name = try c.decode(String.self, forKey: .name)
        alternatives = try c.decode([String].self, forKey: .alternatives)
        quoted = try c.decode(Bool.self, forKey: .quoted)
        argument = try c.decodeIfPresent(String.self, forKey: .argument)
        type = try c.decodeIfPresent(String.self, forKey: .type)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(placeholder, forKey: .placeholder)
        try c.encode(name, forKey: .name)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(quoted, forKey: .quoted)
        try c.encode(argument, forKey: .argument)
        try c.encode(type, forKey: .type)
    }
}

/// An OData query option an operation accepts, as a typed parameter of its request function.
public struct QueryOption: Codable, Hashable, Sendable {
    /// The option as sent: `$select`, `$expand`, `$filter`, `$orderby`, `$top`, `$skip`,
    /// `$count`, `$search`; or `$id` for the reference a `DELETE .../$ref?$id=...` removes.
    public var name: String
    /// True when every request must carry it (`$id`); the others are optional.
    public var required: Bool
    /// `path:line` where the page names it (or says the query options are supported in general).
    public var source: String

    public init(name: String, required: Bool = false, source: String) {
        self.name = name
        self.required = required
        self.source = source
    }

    /// The options the model knows, in the order request functions take them.
    public static let knownNames = ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$id"]
}

/// A request header an operation documents (other than `Authorization`, which the client sets,
/// and `Content-Type`, except for bodies of raw bytes, whose type the caller chooses).
public struct HeaderParameter: Codable, Hashable, Sendable {
    /// The field name as documented: `ConsistencyLevel`, `If-Match`, `Prefer`.
    public var name: String
    /// What the page says about it (several rows for one field are joined).
    public var description: String?
    /// The value the page gives, when its text starts with one: `eventual`, `image/jpeg`.
    public var value: String?
    /// True when the page says it is required.
    public var required: Bool
    /// `path:line` of the row.
    public var source: String

    public init(name: String, description: String? = nil, value: String? = nil, required: Bool = false, source: String) {
        self.name = name
        self.description = description
        self.value = value
        self.required = required
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case name, description, value, required, source }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(value, forKey: .value)
        try c.encode(required, forKey: .required)
        try c.encode(source, forKey: .source)
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
    /// The body: a model type, `Edm.Stream` for raw bytes, or ``TypeUse/reference`` for the
    /// `{"@odata.id": url}` of a `POST`/`PUT .../$ref`.
    public var requestBody: TypeUse?
    /// The response: its type is `Edm.Stream` for raw bytes (`.../$value`, `.../content`, a
    /// stream), ``TypeUse/reference`` for the references a `GET .../$ref` lists.
    public var response: ResponseSpec?
    public var source: String
    /// The OData query options the page documents, in the order of ``QueryOption/knownNames``.
    public var queryOptions: [QueryOption]
    /// The request headers the page documents, in the page's order.
    public var headers: [HeaderParameter]

    public init(name: String, title: String?, description: String?, method: String, paths: [OperationPath], requestBody: TypeUse?, response: ResponseSpec?,
                source: String, queryOptions: [QueryOption] = [], headers: [HeaderParameter] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.method = method
        self.paths = paths.map(\.template)
        self.pathDetails = paths
        self.requestBody = requestBody
        self.response = response
        self.source = source
        self.queryOptions = queryOptions
        self.headers = headers
    }

    /// The same operation with only `paths` (a subset of its paths, for a path filter).
    public func keepingPaths(_ paths: [OperationPath]) -> Operation {
        var copy = self
        copy.pathDetails = paths
        copy.paths = paths.map(\.template)
        return copy
    }

    enum CodingKeys: String, CodingKey { case name, title, description, method, paths, pathDetails, requestBody, response, source, queryOptions, headers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        method = try c.decode(String.self, forKey: .method)
        paths = try c.decode([String].self, forKey: .paths)
        pathDetails = try c.decode([OperationPath].self, forKey: .pathDetails)
        requestBody = try c.decodeIfPresent(TypeUse.self, forKey: .requestBody)
        response = try c.decodeIfPresent(ResponseSpec.self, forKey: .response)
        source = try c.decode(String.self, forKey: .source)
        queryOptions = try c.decodeIfPresent([QueryOption].self, forKey: .queryOptions) ?? []
        headers = try c.decodeIfPresent([HeaderParameter].self, forKey: .headers) ?? []
    }

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
        try c.encode(queryOptions, forKey: .queryOptions)
        try c.encode(headers, forKey: .headers)
    }
}

extension APIModel {
    /// The type with this qualified name.
    public func type(named name: String) -> TypeDefinition? {
        types.first { $0.name == name }
    }
}
