/// A value of a flags enum: Graph writes several members as one comma-separated string
/// (`"audio,video"`). Members this build does not know are kept (as the member type's
/// `undocumented` case) and written back.
public struct Flags<Member>: Codable, Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible
where Member: RawRepresentable & Hashable & Sendable, Member.RawValue == String {
    /// The members, in the order they were written.
    public var members: [Member]

    public init(_ members: [Member]) {
        self.members = members
    }

    public init(arrayLiteral elements: Member...) {
        self.members = elements
    }

    /// Reads `"a,b"`; an empty string has no members.
    public init?(rawValue: String) {
        var members: [Member] = []
        for part in rawValue.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingCharacters()
            guard !name.isEmpty else { continue }
            guard let member = Member(rawValue: name) else { return nil }
            members.append(member)
        }
        self.members = members
    }

    public var rawValue: String { members.map(\.rawValue).joined(separator: ",") }

    public func contains(_ member: Member) -> Bool { members.contains(member) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Flags(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a list of members")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs; byte-wise, linear in what is trimmed.
    fileprivate func trimmingCharacters() -> String {
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
