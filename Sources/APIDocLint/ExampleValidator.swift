import APIDocExtraction
import APIDocJSON
import APIDocMarkdown
import APIDocModel

/// Checks JSON from the docs (response examples, JSON representations) against the model: every
/// key a property of the type (or of the derived type its `@odata.type` names), every value of the
/// property's type, enum values members of the enum, dates, GUIDs and durations well formed.
/// Placeholder values (`"String"`, `"Int32"`, `"String (timestamp)"`, `"a | b"`) are checked by
/// shape only: the key must exist, an `a | b` list must name enum members.
struct ExampleValidator {
    let model: APIModel
    let types: [String: TypeDefinition]
    /// Properties with base-type properties first, by type.
    let properties: [String: [String: Property]]
    let lowerProperties: [String: [String: String]]
    let derived: [String: Set<String>]
    /// Qualified names by lower-cased name.
    let byLowerName: [String: String]

    init(model: APIModel) {
        self.model = model
        var types: [String: TypeDefinition] = [:]
        for type in model.types { types[type.name] = type }
        self.types = types
        var properties: [String: [String: Property]] = [:]
        var lower: [String: [String: String]] = [:]
        var derived: [String: Set<String>] = [:]
        for type in model.types where type.kind != .enum {
            var all: [String: Property] = [:]
            var chain: [String] = [type.name]
            var current = type.baseType
            while let base = current, !chain.contains(base), chain.count < 64 {
                chain.append(base)
                derived[base, default: []].insert(type.name)
                current = types[base]?.baseType
            }
            for owner in chain.reversed() {
                for property in types[owner]?.properties ?? [] { all[property.name] = property }
            }
            properties[type.name] = all
            var l: [String: String] = [:]
            for name in all.keys { l[name.lowercased()] = name }
            lower[type.name] = l
        }
        self.properties = properties
        self.byLowerName = Dictionary(model.types.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
        self.lowerProperties = lower
        self.derived = derived
    }

    struct Finding {
        var location: SourceLocation
        var rule: String
        var message: String
    }

    /// Validates `node` as a value of `type` (collection or not). `placeholders` allows the
    /// placeholder vocabulary of JSON representations and template examples.
    func validate(_ node: JSONNode, type: String, collection: Bool, path: String, placeholders: Bool, into findings: inout [Finding]) {
        if node.isEllipsis { return }
        if case .null = node.value { return }
        if collection {
            guard let items = node.arrayValue else {
                if placeholders, node.stringValue.map(Placeholder.isPlaceholder) == true { return }
                findings.append(finding(node, "example-type", "\(path) should be an array of \(Self.display(type)), not \(Self.kind(node))"))
                return
            }
            for (index, item) in items.enumerated() {
                validate(item, type: type, collection: false, path: "\(path)[\(index)]", placeholders: placeholders, into: &findings)
            }
            return
        }
        if type.hasPrefix("Edm.") {
            validatePrimitive(node, type: type, path: path, placeholders: placeholders, into: &findings)
            return
        }
        guard let definition = types[type] else { return }
        if definition.kind == .enum {
            validateEnum(node, definition: definition, path: path, placeholders: placeholders, into: &findings)
            return
        }
        guard let members = node.members else {
            if placeholders, node.stringValue.map(Placeholder.isPlaceholder) == true { return }
            findings.append(finding(node, "example-type", "\(path) should be an object of type \(Self.display(type)), not \(Self.kind(node))"))
            return
        }
        var actual = type
        if let odata = node["@odata.type"]?.stringValue {
            var name = odata
            if name.hasPrefix("#") { name.removeFirst() }
            if let match = byLowerName[name.lowercased()] {
                if match == type || derived[type]?.contains(match) == true {
                    actual = match
                } else if types[match]?.kind != .enum, !(derived[match]?.contains(type) ?? false) {
                    findings.append(finding(node, "example-odata-type", "\(path) has @odata.type '\(odata)', which is not \(Self.display(type)) or derived from it"))
                }
            }
        } else if definition.abstract, let children = derived[type], !children.isEmpty, members.contains(where: { !$0.key.hasPrefix("@") && properties[type]?[$0.key] == nil }) {
            findings.append(finding(node, "example-odata-type", "\(path) is of the abstract type \(Self.display(type)) and has properties of a derived type, but no @odata.type says which"))
        }
        let known = properties[actual] ?? [:]
        for member in members {
            let key = member.key
            if member.value.isEllipsis || key.hasPrefix("@") || key.contains("@odata.") || key.contains("@microsoft.graph.") { continue }
            guard let property = known[key] else {
                if let other = lowerProperties[actual]?[key.lowercased()] {
                    findings.append(Finding(location: Self.location(member.keyPosition), rule: "example-property",
                                            message: "\(path) has property '\(key)', but \(Self.display(actual)) spells it '\(other)'"))
                } else if !(types[actual]?.openType ?? false) {
                    findings.append(Finding(location: Self.location(member.keyPosition), rule: "example-property",
                                            message: "\(path) has property '\(key)', which \(Self.display(actual)) does not define"))
                }
                continue
            }
            validate(member.value, type: property.type, collection: property.collection, path: path + "." + key, placeholders: placeholders, into: &findings)
        }
    }

    func validateEnum(_ node: JSONNode, definition: TypeDefinition, path: String, placeholders: Bool, into findings: inout [Finding]) {
        guard let text = node.stringValue else {
            findings.append(finding(node, "example-type", "\(path) should be a \(Self.display(definition.name)) string, not \(Self.kind(node))"))
            return
        }
        let members = Set(definition.members.map(\.name))
        let values: [Substring]
        if placeholders && text.contains("|") {
            values = text.split(separator: "|")
        } else if definition.flags || text.contains(",") {
            values = text.split(separator: ",")
        } else {
            values = [Substring(text)]
        }
        for value in values.map({ $0.trimmingCharacters() }) where !value.isEmpty && !members.contains(value) {
            if placeholders && Placeholder.isPlaceholder(String(value)) { continue }
            findings.append(finding(node, "example-enum", "\(path) is '\(value)', which is not a member of \(Self.display(definition.name))"))
        }
    }

    func validatePrimitive(_ node: JSONNode, type: String, path: String, placeholders: Bool, into findings: inout [Finding]) {
        let value = node.value
        if placeholders, let s = node.stringValue, Placeholder.isPlaceholder(s) { return }
        func wrong(_ expected: String) {
            findings.append(finding(node, "example-type", "\(path) should be \(expected) (\(type)), not \(Self.kind(node))"))
        }
        switch type {
        case "Edm.String":
            if case .string = value { return }
            wrong("a string")
        case "Edm.Boolean":
            if case .bool = value { return }
            wrong("true or false")
        case "Edm.Int32", "Edm.Int64", "Edm.Int16", "Edm.Byte", "Edm.SByte":
            guard case .number(let text) = value else { return wrong("an integer") }
            guard let number = Int64(text) else {
                findings.append(finding(node, "example-type", "\(path) is \(text), which is not an integer (\(type))"))
                return
            }
            let limits: ClosedRange<Int64> = type == "Edm.Int32" ? Int64(Int32.min)...Int64(Int32.max)
                : type == "Edm.Int16" ? Int64(Int16.min)...Int64(Int16.max)
                : type == "Edm.Byte" ? 0...255 : type == "Edm.SByte" ? -128...127 : Int64.min...Int64.max
            if !limits.contains(number) {
                findings.append(finding(node, "example-type", "\(path) is \(text), out of the range of \(type)"))
            }
        case "Edm.Double", "Edm.Single", "Edm.Decimal":
            if case .number = value { return }
            if let s = node.stringValue, ["NaN", "INF", "-INF", "Infinity", "-Infinity"].contains(s) { return }
            wrong("a number")
        case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Guid":
            guard let text = node.stringValue else { return wrong("a string") }
            if !Formats.matches(text, type: type) {
                findings.append(finding(node, "example-format", "\(path) is '\(text)', which is not a valid \(type)"))
            }
        case "Edm.Binary":
            guard let text = node.stringValue else { return wrong("a base64 string") }
            if !Formats.isBase64(text) {
                findings.append(finding(node, "example-format", "\(path) is '\(text.prefix(40))', which is not valid base64 (Edm.Binary)"))
            }
        default:
            return
        }
    }

    func finding(_ node: JSONNode, _ rule: String, _ message: String) -> Finding {
        Finding(location: Self.location(node.position), rule: rule, message: message)
    }

    static func location(_ position: JSONPosition) -> SourceLocation {
        SourceLocation(line: position.line, column: position.column)
    }

    static func display(_ type: String) -> String {
        type.split(separator: ".").last.map(String.init) ?? type
    }

    static func kind(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let t): return "the number \(t)"
        case .string(let s): return "the string \"\(s.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs; byte-wise, linear in what is trimmed.
    func trimmingCharacters() -> String {
        let bytes = utf8
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower != upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { bytes.formIndex(after: &lower) }
        while lower != upper {
            let last = bytes.index(before: upper)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 else { break }
            upper = last
        }
        return String(self[lower..<upper])
    }
}
