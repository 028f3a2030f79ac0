extension DecodingError {
    /// A `dataCorrupted` error for an invalid OData literal in a single-value container.
    static func invalidLiteral(_ text: String, of edmType: String, expected: String, in container: any SingleValueDecodingContainer) -> DecodingError {
        .dataCorruptedError(in: container, debugDescription: "Invalid \(edmType) value \"\(text)\"; expected \(expected)")
    }
}
