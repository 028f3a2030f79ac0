import APIDocMarkdown

/// Reads the kinds of table the docs use: property/parameter tables (any header with a name
/// column and a `Type` column), enum member tables, permission and header tables.
enum TableReaders {
    static let nameHeaders: Set<String> = [
        "property", "properties", "name", "parameter", "parameters", "property name", "relationship", "relationship name",
        "parameter name", "query parameter", "member", "field", "attribute", "key",
    ]

    static func normalizedHeader(_ cell: TableCell) -> String {
        // `*` is ASCII: it is dropped from the bytes (most headers have none: no copy then).
        let lower = cell.text.lowercased()
        guard lower.utf8Contains(byte: UInt8(ascii: "*")) else { return lower.trimmingSpaces() }
        return String(decoding: lower.utf8.filter { $0 != UInt8(ascii: "*") }, as: UTF8.self).trimmingSpaces()
    }

    /// Column indexes of a property-like table: name, type, description, required; nil when the
    /// table is not one.
    static func propertyColumns(_ table: Table) -> (name: Int, type: Int, description: Int?, required: Int?)? {
        let headers = table.header.map(normalizedHeader)
        guard let name = headers.firstIndex(where: { nameHeaders.contains($0) }),
              let type = headers.firstIndex(where: isTypeHeader), type != name else { return nil }
        let description = headers.firstIndex { $0.hasPrefix("description") } ?? (headers.count > 2 ? headers.count - 1 : nil)
        let required = headers.firstIndex { $0.hasPrefix("required") }
        return (name, type, description == type ? nil : description, required)
    }

    static func properties(_ table: Table, navigation: Bool, diagnostics: inout DiagnosticCollector) -> [PropertyRow]? {
        guard let columns = propertyColumns(table) else { return nil }
        if table.rows.isEmpty {
            diagnostics.warning("empty-table", table.location, "table has a header but no rows")
        }
        var rows: [PropertyRow] = []
        for row in table.rows {
            let nameCell = row[columns.name]
            let name = propertyName(nameCell.text)
            guard !name.isEmpty else { continue }
            let typeCell = row[columns.type]
            // Group-label rows (`**Call Handling**` with empty cells) carry no property; any other
            // row without a type or a description is not read either, and says so.
            if typeCell.text.isEmpty && (columns.description.map { row[$0].text.isEmpty } ?? true) {
                if !isGroupLabel(nameCell.inlines) {
                    diagnostics.warning("unread-row", nameCell.location, "row '\(name)' has no type and no description; it is not read as a property")
                }
                continue
            }
            let descriptionCell = columns.description.map { row[$0] }
            let description = descriptionCell?.docText ?? ""
            // Searched for several phrases: its capitals are lowered once.
            let folded = FoldedText(descriptionCell?.text ?? "")
            let descriptionInlines = descriptionCell?.inlines ?? []
            var values = DescriptionReader.possibleValues(descriptionInlines)
            if values.isEmpty { values = DescriptionReader.possibleValues(typeCell.inlines) }
            var required = DescriptionReader.required(folded)
            if let r = columns.required {
                let text = row[r].text.lowercased()
                required = text.hasPrefix("y") || text.hasPrefix("true") || text == "required"
            }
            let type = TypeCellParser.parse(typeCell)
            if case .unknown(let text) = type.kind {
                diagnostics.warning("unknown-type", typeCell.location, "type '\(text)' of '\(name)' names no type; it is read as any JSON value")
            }
            rows.append(PropertyRow(
                name: name, type: type, description: description, possibleValues: values,
                readOnly: DescriptionReader.readOnly(folded), nullable: DescriptionReader.nullable(folded), required: required,
                inheritedFrom: DescriptionReader.inheritedFrom(descriptionInlines, text: folded),
                location: nameCell.location, isNavigation: navigation))
        }
        return rows
    }

    /// A label over the rows after it: the whole cell in bold or italics (`**Call Handling**`).
    static func isGroupLabel(_ inlines: [Inline]) -> Bool {
        let content = inlines.filter { if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) } else { return true } }
        guard content.count == 1 else { return false }
        switch content[0] {
        case .strong, .emphasis: return true
        default: return false
        }
    }

    /// A table with a property-name column (`Property`, `Name`, ...) but no type column: under
    /// Properties or Relationships, rows that cannot be read as properties.
    static func lacksTypeColumn(_ table: Table) -> Bool {
        let headers = table.header.map(normalizedHeader)
        return headers.contains { nameHeaders.contains($0) } && !headers.contains(where: isTypeHeader)
    }

    /// A normalized header that names the type column.
    static func isTypeHeader(_ header: String) -> Bool {
        header == "type" || header == "data type" || header == "value type"
    }

    /// `id (deprecated)` -> `id`; backticks and emphasis are already gone from the plain text.
    static func propertyName(_ text: String) -> String {
        var name = Substring(text.trimmingSpaces())
        if let cut = name.utf8.firstIndex(where: { $0 == 0x20 || $0 == 0x28 || $0 == 0x09 }) { name = name[..<cut] }
        return String(name).trimmingCharacters(in: "`*:")
    }

    /// Enum member tables: `Member|Value|Description`, `Member`, `Value|Description`, `Name|Value`, ...
    static func enumMembers(_ table: Table) -> [EnumDefinition.Member]? {
        let headers = table.header.map(normalizedHeader)
        guard let first = headers.first, ["member", "members", "name", "value", "enum value", "member name"].contains(first) else { return nil }
        if headers.contains("type") { return nil }
        let valueColumn = headers.indices.dropFirst().first { headers[$0] == "value" || headers[$0] == "int value" || headers[$0] == "numeric value" }
        let descriptionColumn = headers.firstIndex { $0.hasPrefix("description") }
        var members: [EnumDefinition.Member] = []
        for row in table.rows {
            let name = row[0].text.trimmingCharacters(in: "`*\"'")
            guard !name.isEmpty, !name.utf8Contains(" ") else { continue }
            let value = valueColumn.map { row[$0].text.trimmingCharacters(in: "`*") }.flatMap { $0.isEmpty ? nil : $0 }
            members.append(EnumDefinition.Member(
                name: name, value: value, description: descriptionColumn.map { row[$0].docText } ?? "", location: row[0].location))
        }
        return members
    }

    static func permissions(_ table: Table) -> [Permission]? {
        let headers = table.header.map(normalizedHeader)
        guard headers.count >= 2, headers[0].hasPrefix("permission type") else { return nil }
        return table.rows.map { row in
            let text = row[1].text
            let lower = text.lowercased()
            let none = lower.isEmpty || lower.utf8Contains("not supported") || lower.utf8Contains("todo") || lower == "none" || lower == "n/a"
            let names: [String] = none ? [] : text.splitASCII(where: { $0 == 0x2C || $0 == 0x3B }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            return Permission(kind: row[0].text, permissions: names)
        }
    }

    /// Rows of a `Name|Description`, `Header|Value` or `Name|Type|Description` table. The name
    /// loses emphasis and code marks (`_if-match_`), and a colon splits off a qualifier
    /// (`Prefer: outlook.timezone`); a name that is not an HTTP field name is skipped with a note.
    static func headers(_ table: Table, diagnostics: inout DiagnosticCollector) -> [HeaderRow]? {
        let headers = table.header.map(normalizedHeader)
        guard headers.count >= 2, ["name", "header", "request header", "header name"].contains(headers[0]) else { return nil }
        return table.rows.compactMap { row in
            var name = row[0].text.trimmingCharacters(in: "`*_ ")
            var qualifier: String?
            if let colon = name.firstIndex(of: ":") {
                let after = String(name[name.index(after: colon)...]).trimmingCharacters(in: "`*_ ")
                qualifier = after.isEmpty ? nil : after
                name = String(name[..<colon]).trimmingCharacters(in: "`*_ ")
            }
            guard !name.isEmpty else { return nil }
            guard isFieldName(name) else {
                diagnostics.note("header-name", row[0].location, "'\(name)' is not an HTTP header name; the row is not read as a request header")
                return nil
            }
            return HeaderRow(name: name, value: row[row.count - 1].text, location: row[0].location, qualifier: qualifier)
        }
    }

    /// An RFC 9110 token: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }
    }
}
