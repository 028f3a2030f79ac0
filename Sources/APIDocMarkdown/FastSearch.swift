extension StringProtocol {
    /// ASCII case-insensitive substring search on the UTF-8 bytes, for lower-case ASCII needles:
    /// much cheaper than lower-casing and `contains` on hot paths.
    public func containsIgnoringCase(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var found = false
        let scan = { (buffer: UnsafeBufferPointer<UInt8>) in
            let count = buffer.count
            guard count >= n.count else { return }
            var i = 0
            let last = count - n.count
            while i <= last {
                if Self.fold(buffer[i]) == first {
                    var j = 1
                    while j < n.count && Self.fold(buffer[i + j]) == n[j] { j += 1 }
                    if j == n.count { found = true; return }
                }
                i += 1
            }
        }
        if utf8.withContiguousStorageIfAvailable(scan) == nil {
            Array(utf8).withUnsafeBufferPointer(scan)
        }
        return found
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }
}
