/// The value of a JSON node. Numbers keep their literal text; objects keep document order and duplicates.
public indirect enum JSONNodeValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The literal text as written, e.g. `"1.50"`, `"-3e2"`, `"0000000000"`.
    case number(String)
    case string(String)
    case array([JSONNode])
    /// Members in document order, duplicate keys kept.
    case object([JSONMember])
}

/// An object member: its key, where the key starts (its opening quote, or its first letter when unquoted), and its value.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var keyPosition: JSONPosition
    public var value: JSONNode

    public init(key: String, keyPosition: JSONPosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A parsed JSON value with the position of its first character.
///
/// An ellipsis placeholder (`...`, `…`, or a word starting with them such as `... more items`)
/// is a node with `value == .string(<the text as written>)` and `isEllipsis == true`:
/// - as an array element it is an element of the array;
/// - as an object member it is a member whose value is the ellipsis node and whose key is
///   that same text (usually `"..."`); it takes no part in duplicate-key detection;
/// - as a member's value (`"a": ...`) it is that member's value.
///
/// `jsonText()` leaves ellipsis elements and members out; `stringValue` is `nil` for them.
public struct JSONNode: Hashable, Sendable {
    public var value: JSONNodeValue
    public var position: JSONPosition
    /// True for a node that stands for a `...` placeholder (see the type's documentation).
    public var isEllipsis: Bool

    public init(value: JSONNodeValue, position: JSONPosition = JSONPosition(line: 1, column: 1), isEllipsis: Bool = false) {
        self.value = value
        self.position = position
        self.isEllipsis = isEllipsis
    }

    /// The first member with that key, when this is an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        for member in members where member.key == key {
            return member.value
        }
        return nil
    }

    /// The string, when this is a string that is not an ellipsis placeholder.
    public var stringValue: String? {
        guard case .string(let text) = value, !isEllipsis else { return nil }
        return text
    }

    /// The boolean; also accepts the strings `"true"` and `"false"` (any letter case),
    /// since annotations write `"truncated": "true"`.
    public var boolValue: Bool? {
        switch value {
        case .bool(let flag):
            return flag
        case .string(let text) where !isEllipsis:
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The literal text of a number.
    public var numberText: String? {
        guard case .number(let text) = value else { return nil }
        return text
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The elements, when this is an array (ellipsis placeholders included).
    public var arrayValue: [JSONNode]? {
        guard case .array(let elements) = value else { return nil }
        return elements
    }

    /// The members in document order, when this is an object (duplicates and ellipsis placeholders included).
    public var members: [JSONMember]? {
        guard case .object(let members) = value else { return nil }
        return members
    }
}
