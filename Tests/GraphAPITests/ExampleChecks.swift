import APIDocExtraction
import APIDocJSON
import APIDocRuntime
import Foundation
import GraphAPI

/// A problem found in one JSON body of a page: the page line, the JSON path and what is wrong.
struct DocFinding: Sendable {
    var line: Int
    var path: JSONPath
    var message: String

    /// `docs/api/call-get.md:120: property 'source.region' was lost on re-encoding ...`
    func formatted(_ page: Page) -> String {
        let location = DocsCorpus.location(page, line)
        return path.isEmpty ? "\(location): \(message)" : "\(location): property '\(path.text)' \(message)"
    }
}

typealias GraphType = any (Codable & Hashable & Sendable).Type

// MARK: - Decodable examples

/// Decodes a concrete body as its type with `GraphJSON.decoder()`, re-encodes it with
/// `GraphJSON.encoder()`, and reports every member that was lost, added or changed (compared
/// with `JSONValue.isEquivalent`), and a value that decodes differently the second time.
enum RoundTripCheck {
    static func check(_ node: JSONNode, as type: GraphType, collection: Bool) -> [DocFinding] {
        let original: JSONValue
        do {
            original = try node.jsonValue()
        } catch {
            return [DocFinding(line: node.position.line, path: [], message: "body is not JSON: \(error)")]
        }
        let data = Data(node.jsonText().utf8)
        do {
            let (reencoded, stable) = collection
                ? try roundTripCollection(type, data) : try roundTrip(type, data)
            var findings: [DocFinding] = []
            if !reencoded.isEquivalent(to: original) {
                diff(node, reencoded, [], &findings)
                if findings.isEmpty {
                    findings.append(DocFinding(line: node.position.line, path: [],
                        message: "re-encodes as \(reencoded), which is not equivalent to the documented \(original)"))
                }
            }
            if !stable {
                findings.append(DocFinding(line: node.position.line, path: [],
                    message: "decodes as \(typeName(type)) to a different value once re-encoded"))
            }
            return findings
        } catch let error as DecodingError {
            let (path, reason) = error.pathAndReason
            return [DocFinding(line: node.line(at: path), path: path,
                message: "does not decode as part of \(collection ? "a collection of " : "")\(typeName(type)): \(reason)")]
        } catch {
            return [DocFinding(line: node.position.line, path: [], message: "does not round-trip as \(typeName(type)): \(error)")]
        }
    }

    /// Decode, encode, parse; and whether decoding the encoding gives the same value.
    static func roundTrip<T: Codable & Hashable & Sendable>(_ type: T.Type, _ data: Data) throws -> (JSONValue, Bool) {
        let value = try GraphJSON.decoder().decode(T.self, from: data)
        let encoded = try GraphJSON.encoder().encode(value)
        let again = try GraphJSON.decoder().decode(T.self, from: encoded)
        return (try JSONValue.parse(encoded), again == value)
    }

    static func roundTripCollection<T: Codable & Hashable & Sendable>(_ type: T.Type, _ data: Data) throws -> (JSONValue, Bool) {
        try roundTrip(CollectionPage<T>.self, data)
    }

    /// Reports the differences between the documented node and the re-encoded value.
    static func diff(_ node: JSONNode, _ value: JSONValue, _ path: JSONPath, _ findings: inout [DocFinding]) {
        switch (node.value, value) {
        case (.object, .object(let members)):
            var seen = Set<String>()
            for member in node.realMembers {
                seen.insert(member.key)
                let memberPath = path.appending(.key(member.key))
                guard let counterpart = members[member.key] else {
                    findings.append(DocFinding(line: member.keyPosition.line, path: memberPath,
                        message: "was lost on re-encoding (documented value \(member.value.jsonText()))"))
                    continue
                }
                diff(member.value, counterpart, memberPath, &findings)
            }
            for key in members.keys.sorted() where !seen.contains(key) {
                findings.append(DocFinding(line: node.position.line, path: path.appending(.key(key)),
                    message: "was added on re-encoding (value \(members[key]!))"))
            }
        case (.array, .array(let elements)):
            let documented = node.realElements
            guard documented.count == elements.count else {
                findings.append(DocFinding(line: node.position.line, path: path,
                    message: "has \(documented.count) elements in the docs but \(elements.count) once re-encoded"))
                return
            }
            for (index, (element, counterpart)) in zip(documented, elements).enumerated() {
                diff(element, counterpart, path.appending(.index(index)), &findings)
            }
        default:
            guard let documented = try? node.jsonValue() else { return }
            if !documented.isEquivalent(to: value) {
                findings.append(DocFinding(line: node.position.line, path: path,
                    message: "changed on re-encoding from \(documented) to \(value)"))
            }
        }
    }
}

// MARK: - Templates

/// Checks a template (see `Placeholder`) against a generated type by shape:
///
/// 1. the template is decoded as the type by a `ProbeDecoder`, which records the property names
///    each generated type asks for (its `CodingKeys`) at each object, and the declared type of
///    each value; placeholder strings read as absent, so `"Integer"` does not fail an `Int32`;
/// 2. every key of every object the decoder reached must be one of the names asked there:
///    a key that is not a property of the type ends up in `additionalProperties` and is reported;
/// 3. a type stub's `@odata.type` must name a documented type that the declared property type
///    holds: the same type, or a case of the polymorphic wrapper (`AnyMediaConfig`);
/// 4. each alternative of `"a | b"` must decode as the declared type and, when that type is a
///    generated enum, be one of its documented members (not `.undocumented`);
/// 5. a type word with a telling sample (`"Integer"`: 0, `"Boolean"`: true, `"Guid"`,
///    `"String (timestamp)"`, `"String (ISO 8601 duration)"`, ...) must decode as the declared type.
///
/// A value that does not decode at all (a string where an object is declared) is reported with
/// its path and read as absent; the objects below it are then not checked, the rest is.
enum ShapeCheck {
    static func check(_ node: JSONNode, as type: GraphType, collection: Bool) -> [DocFinding] {
        let value: JSONValue
        do {
            value = try node.jsonValue()
        } catch {
            return [DocFinding(line: node.position.line, path: [], message: "body is not JSON: \(error)")]
        }
        let log = ProbeLog()
        var findings: [DocFinding] = []
        do {
            if collection {
                try probeCollection(type, value, log)
            } else {
                try probe(type, value, log)
            }
        } catch {
            log.errors.append(error)
        }
        for error in log.errors {
            if let error = error as? DecodingError {
                let (path, reason) = error.pathAndReason
                findings.append(DocFinding(line: node.line(at: path), path: path,
                    message: "does not match \(typeName(type)) even by shape: \(reason)"))
            } else {
                findings.append(DocFinding(line: node.position.line, path: [], message: "does not probe as \(typeName(type)): \(error)"))
            }
        }
        walk(node, [], log, &findings)
        return findings
    }

    /// The property names `type` asks for when it decodes an empty object: its `CodingKeys`.
    static func propertyNames(of type: any Decodable.Type) throws -> Set<String> {
        let log = ProbeLog()
        try probe(type, .object([:]), log)
        return log.askedKeys[[]] ?? []
    }

    static func probe<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ log: ProbeLog) throws {
        _ = try ProbeDecoder.decode(T.self, from: value, at: [], log: log)
    }

    static func probeCollection<T: Codable & Hashable & Sendable>(_ type: T.Type, _ value: JSONValue, _ log: ProbeLog) throws {
        try probe(CollectionPage<T>.self, value, log)
    }

    static func walk(_ node: JSONNode, _ path: JSONPath, _ log: ProbeLog, _ findings: inout [DocFinding]) {
        if let slot = log.slotTypes[path], ProbeLog.isOpaque(slot) { return }
        switch node.value {
        case .object:
            if let stub = Placeholder.stubType(node) {
                checkStub(stub, node, path, log, &findings)
            }
            // An object no typed decoder reached sits below a failure that is already reported.
            guard let asked = log.askedKeys[path] else { return }
            let owner = log.askingType[path] ?? "its type"
            for member in node.realMembers {
                let memberPath = path.appending(.key(member.key))
                guard asked.contains(member.key) else {
                    findings.append(DocFinding(line: member.keyPosition.line, path: memberPath,
                        message: "is not a property of \(owner) (its properties: \(asked.sorted().joined(separator: ", ")))"))
                    continue
                }
                walk(member.value, memberPath, log, &findings)
            }
        case .array:
            for (index, element) in node.realElements.enumerated() {
                let elementPath = path.appending(.index(index))
                if case .string(let text) = element.value, Placeholder.isPlaceholder(text) {
                    checkPlaceholder(text, line: element.position.line, path: elementPath,
                                     slot: log.slotTypes[path], inArray: true, &findings)
                } else {
                    walk(element, elementPath, log, &findings)
                }
            }
        case .string(let text) where Placeholder.isPlaceholder(text):
            checkPlaceholder(text, line: node.position.line, path: path, slot: log.slotTypes[path], inArray: false, &findings)
        default:
            break
        }
    }

    static func checkStub(_ name: String, _ node: JSONNode, _ path: JSONPath, _ log: ProbeLog, _ findings: inout [DocFinding]) {
        let stubPath = path.appending(.key(ODataType.key))
        let line = node.line(at: [.key(ODataType.key)])
        guard let named = ODataTypes.type(named: name) else {
            findings.append(DocFinding(line: line, path: stubPath, message: "names \"\(name)\", which is no documented type"))
            return
        }
        guard let slot = log.slotTypes[path] else { return }
        if ObjectIdentifier(named) == ObjectIdentifier(slot) { return }
        // A polymorphic property: the stub must select the case that holds the named type.
        let decoded: Any
        do {
            decoded = try graphDecode(slot, from: Data(node.jsonText().utf8))
        } catch {
            findings.append(DocFinding(line: line, path: stubPath,
                message: "\"\(name)\": the stub does not decode as the declared \(typeName(slot)): \(error)"))
            return
        }
        let mirror = Mirror(reflecting: decoded)
        if mirror.displayStyle == .enum, let payload = mirror.children.first?.value,
            ObjectIdentifier(type(of: payload)) == ObjectIdentifier(named)
        {
            return
        }
        findings.append(DocFinding(line: line, path: stubPath,
            message: "names \"\(name)\" (\(typeName(named))), which the declared type \(typeName(slot)) does not hold"))
    }

    static func checkPlaceholder(
        _ text: String, line: Int, path: JSONPath, slot: (any Decodable.Type)?, inArray: Bool,
        _ findings: inout [DocFinding]
    ) {
        // No declared type: the value sits below a failure or an unknown key, already reported.
        guard let slot else { return }
        let alternatives = Placeholder.alternatives(text)
        let samples: [JSONValue]
        if let alternatives {
            samples = alternatives.map(JSONValue.string)
        } else if let sample = Placeholder.sample(for: text) {
            samples = [sample]
        } else {
            return
        }
        for sample in samples {
            let json: JSONValue = inArray ? .array([sample]) : sample
            do {
                let decoded = try graphDecode(slot, from: try json.jsonData())
                if alternatives != nil, let member = firstEnumValue(decoded),
                    Mirror(reflecting: member).children.first?.label == "undocumented"
                {
                    findings.append(DocFinding(line: line, path: path,
                        message: "lists \(sample) in \"\(text)\", which is not a documented member of \(typeName(type(of: member)))"))
                }
            } catch let error as DecodingError {
                findings.append(DocFinding(line: line, path: path,
                    message: "is described as \"\(text)\", but \(json) does not decode as the declared \(typeName(slot)): \(error.pathAndReason.reason)"))
            } catch {
                findings.append(DocFinding(line: line, path: path,
                    message: "is described as \"\(text)\", but \(json) does not decode as the declared \(typeName(slot)): \(error)"))
            }
        }
    }

    /// The first enum value in `value`, looking through optionals and arrays.
    static func firstEnumValue(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .enum: return value
        case .optional, .collection: return mirror.children.first.flatMap { firstEnumValue($0.value) }
        default: return nil
        }
    }
}
