/// Writes a string's UTF-8 bytes piece by piece into storage allocated once, for text made of
/// many pieces whose total length is known first: `String(utf8Count:)` allocates, the pieces
/// are copied one after another. (Appending to a `String` piece by piece checks its capacity and
/// updates its count and flags at each append, and reallocates as it grows.)
public struct UTF8Writer: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var offset = 0

    fileprivate init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Copies `text`'s bytes after those written so far. The total written may not exceed the
    /// count the string was made with.
    public mutating func append(_ text: String) {
        let count = text.utf8.count
        guard count > 0 else { return }
        precondition(offset + count <= buffer.count, "UTF8Writer: more bytes than the count given")
        let target = buffer.baseAddress! + offset
        text.withUTF8Buffer { bytes in target.initialize(from: bytes.baseAddress!, count: count) }
        offset += count
    }

    fileprivate var written: Int { offset }
}

extension String {
    /// A string of at most `utf8Count` bytes, written by `write` (see `UTF8Writer`).
    public init(utf8Count: Int, _ write: (inout UTF8Writer) -> Void) {
        self.init(unsafeUninitializedCapacity: utf8Count) { buffer in
            var writer = UTF8Writer(buffer)
            write(&writer)
            return writer.written
        }
    }
}
