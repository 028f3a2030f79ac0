import APIDocRuntime
import Foundation

/// What a `ProbeDecoder` saw while a generated type decoded itself from a JSON value.
///
/// Generated types decode with `decoder.container(keyedBy: CodingKeys.self)` and call
/// `decodeIfPresent` once for each of their properties, present or not, then read the other
/// members through `AnyCodingKey` (`AdditionalProperties`, `ODataType.peek`). So the keys asked
/// through a container whose key type is not `AnyCodingKey` are exactly the JSON names of the
/// type's properties: its `CodingKeys` raw values.
final class ProbeLog {
    /// Object path -> the property names asked for there through typed coding keys.
    var askedKeys: [JSONPath: Set<String>] = [:]
    /// Object path -> the type whose coding keys asked (`MediaConfig` for the base case of `AnyMediaConfig`).
    var askingType: [JSONPath: String] = [:]
    /// Value path -> the type first requested for the value there (the declared property type).
    var slotTypes: [JSONPath: any Decodable.Type] = [:]
    /// Errors of optional members, which the probe records and reads as absent so that decoding
    /// goes on and every property name is still asked for.
    var errors: [any Error] = []

    func asked(_ key: String, at path: JSONPath, by keyType: Any.Type) {
        askedKeys[path, default: []].insert(key)
        if askingType[path] == nil {
            var name = typeName(keyType)
            if name.hasSuffix(".CodingKeys") { name.removeLast(".CodingKeys".count) }
            askingType[path] = name
        }
    }

    func slot(_ type: any Decodable.Type, at path: JSONPath) {
        if slotTypes[path] == nil { slotTypes[path] = type }
    }

    /// Types whose values are kept as raw JSON: nothing below them is checked.
    static func isOpaque(_ type: any Decodable.Type) -> Bool {
        type == JSONValue.self || type == [String: JSONValue].self || type == [JSONValue].self
    }
}

/// A `Decoder` over a `JSONValue` that records, in a `ProbeLog`, the property names each
/// generated type asks for and the declared type of each value, and that tolerates placeholder
/// strings (see `Placeholder`):
///
/// - `decodeIfPresent` of a member whose value is a placeholder string returns `nil` (after
///   noting the declared type);
/// - `decode` of such a member throws `valueNotFound` (a required property cannot be probed);
/// - array elements that are placeholder strings are skipped;
/// - an optional member that fails to decode is recorded in `ProbeLog.errors` and read as absent,
///   so that the type goes on asking for its other properties.
///
/// Everything else decodes as strictly as `JSONDecoder` does (numbers must fit, strings must be
/// strings, ...), so a template value of the wrong JSON kind is reported.
struct ProbeDecoder: Decoder {
    let value: JSONValue
    let path: JSONPath
    let log: ProbeLog

    var codingPath: [any CodingKey] { path.codingKeys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw DecodingError.typeMismatch([String: JSONValue].self, .init(
                codingPath: codingPath, debugDescription: "Expected an object, found \(value)"))
        }
        return KeyedDecodingContainer(ProbeKeyedContainer<Key>(members: members, path: path, log: log))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw DecodingError.typeMismatch([JSONValue].self, .init(
                codingPath: codingPath, debugDescription: "Expected an array, found \(value)"))
        }
        let kept = elements.enumerated().filter { !Placeholder.isPlaceholder($0.element) }.map { ($0.offset, $0.element) }
        return ProbeUnkeyedContainer(elements: kept, path: path, log: log)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ProbeSingleValueContainer(value: value, path: path, log: log)
    }

    /// Decodes `T` from `value` at `path`: raw JSON types take the value as is, primitives are
    /// unboxed, other types decode themselves from a `ProbeDecoder`.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: JSONPath, log: ProbeLog) throws -> T {
        log.slot(T.self, at: path)
        if ProbeLog.isOpaque(T.self) {
            return try value.decode(as: T.self)
        }
        if let primitive = try unbox(T.self, from: value, at: path) {
            return primitive
        }
        return try T(from: ProbeDecoder(value: value, path: path, log: log))
    }

    static func unbox<T>(_ type: T.Type, from value: JSONValue, at path: JSONPath) throws -> T? {
        func mismatch() -> DecodingError {
            .typeMismatch(T.self, .init(codingPath: path.codingKeys, debugDescription: "Expected \(T.self), found \(value)"))
        }
        if T.self == String.self {
            guard case .string(let text) = value else { throw mismatch() }
            return text as? T
        }
        if T.self == Bool.self {
            guard case .bool(let flag) = value else { throw mismatch() }
            return flag as? T
        }
        if T.self == Double.self {
            guard let number = value.doubleValue else { throw mismatch() }
            return number as? T
        }
        if T.self == Float.self {
            guard let number = value.doubleValue else { throw mismatch() }
            return Float(number) as? T
        }
        if let integerType = T.self as? any FixedWidthInteger.Type {
            guard case .integer(let number) = value, let exact = integerType.init(exactly: number) else { throw mismatch() }
            return exact as? T
        }
        return nil
    }
}

extension Array where Element == JSONPathItem {
    var codingKeys: [any CodingKey] {
        map { item in
            switch item {
            case .key(let key): return AnyCodingKey(key)
            case .index(let index): return AnyCodingKey(intValue: index)!
            }
        }
    }
}

struct ProbeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let path: JSONPath
    let log: ProbeLog

    var codingPath: [any CodingKey] { path.codingKeys }
    var allKeys: [Key] { members.keys.sorted().compactMap { Key(stringValue: $0) } }

    private func note(_ key: Key) {
        if Key.self != AnyCodingKey.self { log.asked(key.stringValue, at: path, by: Key.self) }
    }

    private func childPath(_ key: Key) -> JSONPath { path.appending(.key(key.stringValue)) }

    func contains(_ key: Key) -> Bool {
        note(key)
        return members[key.stringValue] != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        note(key)
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No member \(key.stringValue)"))
        }
        return value.isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        note(key)
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No member \(key.stringValue)"))
        }
        if !ProbeLog.isOpaque(T.self), Placeholder.isPlaceholder(value) {
            log.slot(T.self, at: childPath(key))
            throw DecodingError.valueNotFound(T.self, .init(
                codingPath: childPath(key).codingKeys, debugDescription: "Required property holds the placeholder \(value)"))
        }
        return try ProbeDecoder.decode(T.self, from: value, at: childPath(key), log: log)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        note(key)
        guard let value = members[key.stringValue], !value.isNull else { return nil }
        if !ProbeLog.isOpaque(T.self), Placeholder.isPlaceholder(value) {
            log.slot(T.self, at: childPath(key))
            return nil
        }
        do {
            return try ProbeDecoder.decode(T.self, from: value, at: childPath(key), log: log)
        } catch {
            log.errors.append(error)
            return nil
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(type, key) }

    /// The generic paths, under names that overload resolution cannot confuse with the above.
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type as T.Type, forKey: key) as T
    }

    private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try decodeIfPresent(type as T.Type, forKey: key) as T?
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        note(key)
        return try ProbeDecoder(value: members[key.stringValue] ?? .null, path: childPath(key), log: log).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        note(key)
        return try ProbeDecoder(value: members[key.stringValue] ?? .null, path: childPath(key), log: log).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ProbeDecoder(value: members["super"] ?? .null, path: path.appending(.key("super")), log: log)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        note(key)
        return ProbeDecoder(value: members[key.stringValue] ?? .null, path: childPath(key), log: log)
    }
}

struct ProbeUnkeyedContainer: UnkeyedDecodingContainer {
    /// The elements that are not placeholder strings, with their index in the original array.
    let elements: [(Int, JSONValue)]
    let path: JSONPath
    let log: ProbeLog
    var currentIndex = 0

    init(elements: [(Int, JSONValue)], path: JSONPath, log: ProbeLog) {
        self.elements = elements
        self.path = path
        self.log = log
    }

    var codingPath: [any CodingKey] { path.codingKeys }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func next() throws -> (Int, JSONValue) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end"))
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try next().1.isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (index, value) = try next()
        let result = try ProbeDecoder.decode(T.self, from: value, at: path.appending(.index(index)), log: log)
        currentIndex += 1
        return result
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }

    private mutating func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type as T.Type) as T
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (index, value) = try next()
        currentIndex += 1
        return try ProbeDecoder(value: value, path: path.appending(.index(index)), log: log).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (index, value) = try next()
        currentIndex += 1
        return try ProbeDecoder(value: value, path: path.appending(.index(index)), log: log).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (index, value) = try next()
        currentIndex += 1
        return ProbeDecoder(value: value, path: path.appending(.index(index)), log: log)
    }
}

struct ProbeSingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let path: JSONPath
    let log: ProbeLog

    var codingPath: [any CodingKey] { path.codingKeys }

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ProbeDecoder.decode(T.self, from: value, at: path, log: log)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decodeGeneric(type) }
    func decode(_ type: String.Type) throws -> String { try decodeGeneric(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeGeneric(type) }
    func decode(_ type: Float.Type) throws -> Float { try decodeGeneric(type) }
    func decode(_ type: Int.Type) throws -> Int { try decodeGeneric(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeGeneric(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeGeneric(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeGeneric(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeGeneric(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeGeneric(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeGeneric(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeGeneric(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeGeneric(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeGeneric(type) }

    private func decodeGeneric<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type as T.Type) as T
    }
}
