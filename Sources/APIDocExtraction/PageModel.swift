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
    /// The notes of the HTTP request section that call the paths under a prefix deprecated.
    public var pathDeprecations: [PathDeprecation] = []
    public var requestHeaders: [HeaderRow] = []
    public var requestBody: RequestBodyInfo = .unspecified
    public var response: ResponseInfo?
    public var queryParameters: [PropertyRow] = []
    public var functionParameters: [PropertyRow] = []
    /// What the page says about the OData query options (`$select`, `$filter`, ...) it accepts.
    public var queryOptions = QueryOptionFacts()

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

/// A row of a header table (the Request headers section), or a header line of an example.
public struct HeaderRow: Hashable, Sendable {
    /// The field name, without emphasis and without a qualifier after a colon.
    public var name: String
    /// The value or description column, as written.
    public var value: String
    public var location: SourceLocation
    /// What the name cell adds after a colon: `outlook.timezone` for `Prefer: outlook.timezone`.
    public var qualifier: String?

    public init(name: String, value: String, location: SourceLocation, qualifier: String? = nil) {
        self.name = name
        self.value = value
        self.location = location
        self.qualifier = qualifier
    }

    /// The value the row documents, when its text starts with one: `eventual` for
    /// "eventual. This header and `$count` are required ...", `image/jpeg` for "image/jpeg.
    /// Required.", `return=minimal`; nil for prose such as "If this request header is included ...".
    public var documentedValue: String? {
        let text = value.trimmingSpaces()
        var end = text.startIndex
        if text.isASCII {
            // On the bytes: up to a space, or a period at the end or before one (all ASCII, so
            // every cut falls where Characters would cut).
            let view = text.utf8
            while end < view.endIndex, view[end] != 0x20 {
                if view[end] == 0x2E {
                    let next = view.index(after: end)
                    if next == view.endIndex || view[next] == 0x20 { break }
                }
                end = view.index(after: end)
            }
        } else {
            while end < text.endIndex, text[end] != " ", !(text[end] == "." && (text.index(after: end) == text.endIndex || text[text.index(after: end)] == " ")) {
                end = text.index(after: end)
            }
        }
        let word = String(text[..<end]).trimmingCharacters(in: ",;")
        guard !word.isEmpty, word.count <= 100 else { return nil }
        if word.utf8Contains("/") || word.utf8Contains("=") { return word }
        guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return nil }
        let allowed = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_" }
        return allowed && !["string", "etag", "optional", "required", "none"].contains(word) ? word : nil
    }

    /// Whether the row says the header is required ("Required." and not "Optional").
    public var isRequired: Bool {
        let lower = value.lowercased()
        return lower.utf8Contains("required") && !lower.utf8Contains("optional") && !lower.utf8Contains("not required") && !lower.utf8Contains("required when")
            && !lower.utf8Contains("required if") && !lower.utf8Contains("are required")
    }
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
    /// Raw bytes, not JSON: "include the binary data of the photo", "the binary stream of the file".
    case binary(SourceLocation)
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

/// A note of the HTTP request section that calls the paths under `prefix` deprecated
/// (``The `/app` path is deprecated.``), as `DeprecationReader` reads it.
public struct PathDeprecation: Hashable, Sendable {
    /// The deprecated prefix, normalised as request paths are, without a trailing `/`: `/app`.
    public var prefix: String
    /// The paragraph's text, without a leading `Note:`.
    public var note: String
    public var location: SourceLocation

    /// Whether `path` is the prefix or lies under it (whole segments, letter case ignored).
    public func covers(_ path: String) -> Bool {
        let count = prefix.utf8.count
        guard path.utf8.count >= count, path.utf8.prefix(count).elementsEqual(prefix.utf8, by: { $0.asciiLowercased == $1.asciiLowercased }) else { return false }
        let rest = path.utf8.dropFirst(count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }
}

/// One `METHOD path` line of the HTTP request section.
public struct HTTPRequestLine: Hashable, Sendable {
    public var method: String
    /// The path as normalised: leading `/`, no host or version prefix, placeholders kept as written.
    public var path: String
    /// The query template after `?`, if any, as written.
    public var query: String?
    public var location: SourceLocation
    /// What the page says when it calls this path deprecated (``The `/app` path is deprecated.
    /// Going forward, use the `/communications` path.``), nil when it does not.
    public var deprecation: String? = nil

    /// Whether the last segment of the path (trailing slashes ignored) is `name` (lower-case
    /// ASCII), without regard to case. On the bytes, from the end: nothing is copied.
    func lastSegmentIs(_ name: StaticString) -> Bool {
        // On the path's buffer, with offsets (`/` is ASCII: the cuts fall between characters).
        var path = path
        return path.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            return end - start == name.utf8CodeUnitCount && name.withUTF8Buffer { bytes.matchesFolded($0, at: start) }
        }
    }

    /// `.../$value`: the raw value of an entity or property (a photo's bytes, a message's MIME).
    public var addressesValue: Bool { lastSegmentIs("$value") }
    /// `.../content`: the bytes of a file or resource.
    public var addressesContent: Bool { lastSegmentIs("content") }
    /// `.../$ref`: a reference to an entity (`{"@odata.id": url}`) rather than the entity.
    public var addressesReference: Bool { lastSegmentIs("$ref") }

    /// The arguments of function calls in the path, in order: `period='{period_value}'` and
    /// `date={date_value}` in `/reports/getX(period='{period_value}')`, `q='{text}'` in `search(q='{text}')`.
    public var functionArguments: [FunctionArgument] {
        FunctionArgument.parse(path)
    }
}

/// One `name=value` argument of a function call in a request path.
public struct FunctionArgument: Hashable, Sendable {
    /// The parameter name before `=`.
    public var name: String
    /// The placeholder the value is, without braces (`period_value`), or nil for a literal value.
    public var placeholder: String?
    /// The value as written, quotes included: `'{period_value}'`, `{date_value}`, `'reviewer'`, `640`.
    public var value: String
    /// True when the value stands in single quotes: an OData string.
    public var quoted: Bool

    public init(name: String, placeholder: String?, value: String, quoted: Bool) {
        self.name = name
        self.placeholder = placeholder
        self.value = value
        self.quoted = quoted
    }

    /// The arguments of every parenthesised call in `path` that has `name=value` arguments.
    public static func parse(_ path: String) -> [FunctionArgument] {
        var result: [FunctionArgument] = []
        var index = path.startIndex
        // `(` is found on the bytes: most paths have none.
        while let open = path.utf8[index...].firstIndex(of: UInt8(ascii: "(")) {
            guard let close = closingParenthesis(path, from: open) else { break }
            let inside = path[path.index(after: open)..<close]
            for part in splitArguments(inside) {
                guard let equals = part.firstIndex(of: "=") else { continue }
                let name = String(part[..<equals]).trimmingSpaces()
                let value = String(part[part.index(after: equals)...]).trimmingSpaces()
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { continue }
                let quoted = value.count >= 2 && value.hasPrefix("'") && value.hasSuffix("'")
                let bare = quoted ? String(value.dropFirst().dropLast()) : value
                var placeholder: String?
                if bare.hasPrefix("{"), bare.hasSuffix("}"), bare.count > 2, !bare.dropFirst().dropLast().utf8Contains("{") {
                    placeholder = String(bare.dropFirst().dropLast())
                }
                result.append(FunctionArgument(name: name, placeholder: placeholder, value: value, quoted: quoted))
            }
            index = path.index(after: close)
        }
        return result
    }

    /// The `)` that closes the `(` at `open`, skipping quoted text and braces.
    static func closingParenthesis(_ path: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var quoted = false
        var braces = 0
        var index = open
        while index < path.endIndex {
            let c = path[index]
            if c == "'" && braces == 0 { quoted.toggle() }
            if !quoted {
                if c == "{" { braces += 1 } else if c == "}" { braces = max(0, braces - 1) }
                if braces == 0 {
                    if c == "(" { depth += 1 }
                    if c == ")" {
                        depth -= 1
                        if depth == 0 { return index }
                    }
                }
            }
            index = path.index(after: index)
        }
        return nil
    }

    /// Splits `a='x,y',b={c}` at commas outside quotes and braces.
    static func splitArguments(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var quoted = false
        var braces = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "'" && braces == 0 { quoted.toggle() }
            if !quoted {
                if c == "{" { braces += 1 } else if c == "}" { braces = max(0, braces - 1) }
                if c == "," && braces == 0 {
                    parts.append(text[start..<index])
                    start = text.index(after: index)
                }
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}

/// An OData system query option that request functions can offer as a typed parameter.
public enum ODataQueryOption: String, CaseIterable, Hashable, Sendable {
    case select = "$select"
    case expand = "$expand"
    case filter = "$filter"
    case orderBy = "$orderby"
    case top = "$top"
    case skip = "$skip"
    case count = "$count"
    case search = "$search"
}

/// What a page says about the OData query options its operation accepts.
public struct QueryOptionFacts: Hashable, Sendable {
    /// An option named in the page, and where.
    public struct Mention: Hashable, Sendable {
        public var option: ODataQueryOption
        public var location: SourceLocation

        public init(option: ODataQueryOption, location: SourceLocation) {
            self.option = option
            self.location = location
        }
    }

    /// Options the page names as accepted, in the order it first names them.
    public var supported: [Mention] = []
    /// Options the page names as not accepted ("`$filter` is not supported").
    public var unsupported: [Mention] = []
    /// Where the page says that the OData query parameters are accepted without listing them
    /// ("This method supports the OData query parameters"), or naming some only as examples
    /// ("including `$search`").
    public var general: SourceLocation?
    /// Where the page says that no query parameter is accepted.
    public var noneSupported: SourceLocation?

    public init() {}

    /// True when the page says nothing about query options.
    public var isEmpty: Bool { supported.isEmpty && unsupported.isEmpty && general == nil && noneSupported == nil }
}
