#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// ASCII case-insensitive substring search on the UTF-8 bytes, for lower-case ASCII needles:
    /// much cheaper than lower-casing and `contains` on hot paths.
    @inlinable public func containsIgnoringCase(_ needle: String) -> Bool {
        withUTF8Buffer { haystack in
            needle.withUTF8Buffer { Self.firstOffset(of: $0, in: haystack, from: 0, foldingCase: true) != nil }
        }
    }

    /// Whether the text starts with `prefix` (lower-case), its ASCII letters compared without case.
    @inlinable public func hasPrefixIgnoringCase(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            var bytes = utf8.makeIterator()
            for expected in prefix {
                guard let byte = bytes.next(), Self.fold(byte) == expected else { return false }
            }
            return true
        }
    }

    /// Whether the text ends with `suffix` (lower-case), its ASCII letters compared without case.
    @inlinable public func hasSuffixIgnoringCase(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            let view = utf8
            guard view.count >= suffix.count else { return false }
            var index = view.index(view.endIndex, offsetBy: -suffix.count)
            for expected in suffix {
                guard Self.fold(view[index]) == expected else { return false }
                view.formIndex(after: &index)
            }
            return true
        }
    }

    /// Whether the text is `lower` (lower-case), its ASCII letters compared without case.
    @inlinable public func equalsIgnoringCase(_ lower: StaticString) -> Bool {
        utf8.count == lower.utf8CodeUnitCount && hasPrefixIgnoringCase(lower)
    }

    /// The text's UTF-8 bytes as one buffer (copied only when the text is not stored contiguously).
    @inlinable public func withUTF8Buffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    @inlinable @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { byte.asciiLowercased }
}

extension StringProtocol {
    /// The first occurrence of `needle`'s UTF-8 bytes at or after `start`, compared byte by byte.
    /// The generator searches text this way rather than with `contains(_:)`/`range(of:)`, which
    /// compare Characters (the standard library) or bridge to NSString (Foundation); for the ASCII
    /// phrases it looks for, the answers are the same and the cost is a fraction. With
    /// `ignoringCase`, the needle is lower-case and the text's ASCII letters are compared folded.
    @inlinable public func utf8Range(of needle: some StringProtocol, from start: Index? = nil, ignoringCase: Bool = false) -> Range<Index>? {
        let view = utf8
        let offset = start.map { view.distance(from: view.startIndex, to: $0) } ?? 0
        let found = withUTF8Buffer { haystack in
            needle.withUTF8Buffer { Self.firstOffset(of: $0, in: haystack, from: offset, foldingCase: ignoringCase) }
        }
        guard let found else { return nil }
        let lower = view.index(view.startIndex, offsetBy: found)
        return lower..<view.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `needle`'s UTF-8 bytes occur in the text (see `utf8Range(of:from:)`).
    @inlinable public func utf8Contains(_ needle: some StringProtocol) -> Bool {
        utf8Range(of: needle) != nil
    }

    /// The text with every occurrence of `needle`'s bytes replaced by `replacement`, left to right.
    public func replacingUTF8(_ needle: some StringProtocol, with replacement: some StringProtocol) -> String {
        guard !needle.isEmpty, var match = utf8Range(of: needle) else { return String(self) }
        var result = ""
        var done = startIndex
        while true {
            result += self[done..<match.lowerBound]
            result += replacement
            done = match.upperBound
            guard let next = utf8Range(of: needle, from: done) else { break }
            match = next
        }
        result += self[done...]
        return result
    }

    /// Where `needle` first occurs in `haystack` at or after `start`, comparing bytes, or with
    /// `foldingCase` ASCII capitals of the haystack as lower case (the needle is lower case then).
    @usableFromInline static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int,
                                              foldingCase: Bool) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        let count = needle.count
        guard haystack.count >= count, start <= haystack.count - count else { return nil }
        let last = haystack.count - count
        #if canImport(Glibc) || canImport(Darwin)
        if !foldingCase {
            // Candidates by `memchr` (vectorised), each checked with `memcmp`.
            let base = haystack.baseAddress!
            var i = start
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if count == 1 || memcmp(base + position + 1, needle.baseAddress! + 1, count - 1) == 0 { return position }
                i = position + 1
            }
            return nil
        }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") {
            // Candidates are the first letter in either case: each found by `memchr`, the next
            // of each kept until it is passed, then the rest compared folded.
            let base = haystack.baseAddress!
            let upper = first - 0x20
            func next(_ byte: UInt8, from index: Int) -> Int {
                guard index <= last, let hit = memchr(base + index, Int32(byte), last - index + 1) else { return Int.max }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            var lower = next(first, from: start)
            var capital = next(upper, from: start)
            while true {
                let position = Swift.min(lower, capital)
                if position == Int.max { return nil }
                var j = 1
                while j < count && fold(haystack[position + j]) == needle[j] { j += 1 }
                if j == count { return position }
                if position == lower { lower = next(first, from: position + 1) } else { capital = next(upper, from: position + 1) }
            }
        }
        #endif
        @inline(__always) func byte(_ index: Int) -> UInt8 { foldingCase ? fold(haystack[index]) : haystack[index] }
        var i = start
        while i <= last {
            if byte(i) == first {
                var j = 1
                while j < count && byte(i + j) == needle[j] { j += 1 }
                if j == count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// The index of the first `byte` (ASCII) in the text, found with `memchr` on the UTF-8 bytes:
    /// the place `firstIndex(of:)` finds that character, without walking grapheme clusters.
    @inlinable public func utf8FirstIndex(of byte: UInt8) -> Index? {
        let offset: Int? = withUTF8Buffer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            #if canImport(Glibc) || canImport(Darwin)
            guard let hit = memchr(base, Int32(byte), bytes.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            #else
            return bytes.firstIndex(of: byte)
            #endif
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the text holds `byte` (ASCII), found with `memchr` (see `utf8FirstIndex(of:)`).
    @inlinable public func utf8Contains(byte: UInt8) -> Bool { utf8FirstIndex(of: byte) != nil }
}

extension StringProtocol {
    /// The text cut at every byte `isSeparator` accepts, empty pieces dropped: what
    /// `split(whereSeparator:)` gives for ASCII separators, found on the bytes rather than by
    /// walking characters. `isSeparator` must accept ASCII bytes only, so every cut falls
    /// between characters.
    @inlinable public func splitASCII(where isSeparator: (UInt8) -> Bool) -> [SubSequence] {
        // The cuts are found on the buffer with offsets (cheaper than stepping String indices),
        // then made indices of the text.
        let bounds: [(Int, Int)] = withUTF8Buffer { bytes in
            var bounds: [(Int, Int)] = []
            var start = 0
            for index in 0..<bytes.count where isSeparator(bytes[index]) {
                if start < index { bounds.append((start, index)) }
                start = index + 1
            }
            if start < bytes.count { bounds.append((start, bytes.count)) }
            return bounds
        }
        let view = utf8
        return bounds.map { self[view.index(view.startIndex, offsetBy: $0.0)..<view.index(view.startIndex, offsetBy: $0.1)] }
    }

    /// The text cut at every line feed, empty pieces kept (as `utf8.split(separator: 10,
    /// omittingEmptySubsequences: false)`), the line feeds found with `memchr`.
    public func linesAtLineFeeds() -> [SubSequence] {
        let offsets: [Int] = withUTF8Buffer { bytes in
            var found: [Int] = []
            guard let base = bytes.baseAddress else { return found }
            var start = 0
            #if canImport(Glibc) || canImport(Darwin)
            while start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                found.append(offset)
                start = offset + 1
            }
            #else
            for index in 0..<bytes.count where bytes[index] == 0x0A { found.append(index) }
            #endif
            return found
        }
        var lines: [SubSequence] = []
        lines.reserveCapacity(offsets.count + 1)
        let view = utf8
        var start = view.startIndex
        var previous = 0
        for offset in offsets {
            let end = view.index(start, offsetBy: offset - previous)
            lines.append(self[start..<end])
            start = view.index(after: end)
            previous = offset + 1
        }
        lines.append(self[start..<view.endIndex])
        return lines
    }

    /// Whether every UTF-8 byte of the text satisfies `predicate` (a loop over the contiguous
    /// bytes: much cheaper than `utf8.allSatisfy` on hot paths).
    @inlinable public func utf8AllSatisfy(_ predicate: (UInt8) -> Bool) -> Bool {
        withUTF8Buffer { bytes in
            for byte in bytes where !predicate(byte) { return false }
            return true
        }
    }

    /// Whether every UTF-8 byte of the text is ASCII.
    @inlinable public var isASCII: Bool { utf8AllSatisfy { $0 < 0x80 } }
}

extension UInt8 {
    /// `A`-`Z` or `a`-`z`.
    @inlinable public var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    /// `0`-`9`.
    @inlinable public var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// An ASCII letter or digit: what `isLetter || isNumber` means for an ASCII character.
    @inlinable public var isASCIILetterOrDigit: Bool { isASCIILetter || isASCIIDigit }
    /// `A`-`Z`.
    @inlinable public var isASCIIUppercase: Bool { self >= 0x41 && self <= 0x5A }
    /// `a`-`z`.
    @inlinable public var isASCIILowercase: Bool { self >= 0x61 && self <= 0x7A }
    /// The byte with `A`-`Z` lowered; any other byte as it is.
    @inlinable public var asciiLowercased: UInt8 { isASCIIUppercase ? self | 0x20 : self }
    /// The byte with `a`-`z` raised; any other byte as it is.
    @inlinable public var asciiUppercased: UInt8 { isASCIILowercase ? self & ~0x20 : self }
}

/// Text whose ASCII capitals are lowered once, for many case-insensitive searches of lower-case
/// ASCII phrases: each search is then a plain byte search (`memchr` and `memcmp`), instead of a
/// scan that folds every byte again. Same answers as `containsIgnoringCase`.
public struct FoldedText: Sendable {
    @usableFromInline let bytes: [UInt8]

    public init(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        for index in bytes.indices { bytes[index] = bytes[index].asciiLowercased }
        self.bytes = bytes
    }

    /// Whether the text holds `needle` (lower-case), its ASCII letters compared without case.
    @inlinable public func contains(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            bytes.withUnsafeBufferPointer { haystack in
                String.firstOffset(of: needle, in: haystack, from: 0, foldingCase: false) != nil
            }
        }
    }
}

/// Fence lines (```` ``` ```` or `~~~`), told apart on a line's bytes: the converter asks whether
/// a code block's first line is its opening fence, and the link-definition scan skips what fences
/// enclose.
enum FenceLine {
    /// Whether three backticks or three tildes start at `start`.
    static func opens(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + 2 < bytes.count else { return false }
        let first = bytes[start]
        return (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")) && bytes[start + 1] == first && bytes[start + 2] == first
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `lower` (lower-case) stands at `start`, ASCII capitals here read as lower case;
    /// false where it would run past the end.
    @inlinable public func matchesFolded(_ lower: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start >= 0, start + lower.count <= count else { return false }
        for offset in 0..<lower.count where self[start + offset].asciiLowercased != lower[offset] { return false }
        return true
    }
}

/// Trimming on the bytes, for ASCII characters to trim.
public enum ASCIITrim {
    /// The offsets left after dropping, at both ends, the bytes `isTrimmed` accepts (ASCII bytes
    /// only); nil where reading Characters could cut elsewhere: a byte beyond ASCII right inside
    /// a cut (a combining mark joins the character before it, a prepend character the one after
    /// it), or a cut through a CR LF pair (one character). Callers read Characters then.
    public static func bounds(_ bytes: UnsafeBufferPointer<UInt8>, _ isTrimmed: (UInt8) -> Bool) -> (start: Int, end: Int)? {
        let count = bytes.count
        func inPair(_ index: Int) -> Bool {
            (bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) || (bytes[index] == 0x0A && index > 0 && bytes[index - 1] == 0x0D)
        }
        var start = 0
        while start < count, isTrimmed(bytes[start]) {
            if inPair(start) { return nil }
            start += 1
        }
        if start > 0 && start < count && bytes[start] >= 0x80 { return nil }
        var end = count
        while end > start, isTrimmed(bytes[end - 1]) {
            if inPair(end - 1) { return nil }
            end -= 1
        }
        if end < count && end > start && bytes[end - 1] >= 0x80 { return nil }
        return (start, end)
    }
}
