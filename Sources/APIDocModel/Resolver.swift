import APIDocExtraction
import APIDocMarkdown

/// Resolves pages into one model: links to types (file names matched case-insensitively), base
/// types, enums from tables and from prose, request and response types. What cannot be resolved
/// becomes any-JSON (`Edm.Untyped`) with a warning, so every input still generates.
public struct Resolver: Sendable {
    public static let defaultNamespace = "microsoft.graph"

    var types: [String: TypeDefinition] = [:]
    /// Where each type was defined (for conflict messages), by lower-cased qualified name.
    var definedAt: [String: (file: String, location: SourceLocation)] = [:]
    /// The member names of each enum as its first definition (`definedAt`) lists them, by
    /// lower-cased name: what a later definition is compared with (the generated enum may have
    /// gained members from other pages since).
    var firstEnumMembers: [String: [String]] = [:]
    /// Canonical qualified name by lower-cased qualified name.
    var canonical: [String: String] = [:]
    /// Qualified names by lower-cased simple name.
    var bySimpleName: [String: [String]] = [:]
    /// The type a page defines, by page stem.
    var typeByStem: [String: String] = [:]
    /// Enums a page defines, by page stem.
    var enumsByStem: [String: [String]] = [:]
    var pagesByStem: [String: [Int]] = [:]
    /// The pages that document each type (partial views are merged), the main page first: the
    /// one whose file is named after the type, else the first by path.
    var typePages: [String: [Int]] = [:]
    let pages: [Page]
    var diagnostics: [Diagnostic] = []
    /// Threads for the passes that read the resolver without changing it.
    let workers: Int
    /// Operation paths read ahead, concurrently, by template and query.
    var operationPaths: [PathKey: OperationPath] = [:]

    struct PathKey: Hashable {
        var template: String
        var query: String?
    }

    /// Resolves pages (in any order: they are sorted by path first, so the result is
    /// deterministic, whatever the number of `workers`).
    public static func resolve(_ pages: [Page], workers: Int = 1) -> (model: APIModel, diagnostics: [Diagnostic]) {
        // Pages come in path order from the loader: sorted (moving every page) only when they do not.
        let inOrder = pages.indices.dropFirst().allSatisfy { pages[$0 - 1].path <= pages[$0].path }
        var resolver = Resolver(pages: inOrder ? pages : pages.sorted { $0.path < $1.path }, workers: workers)
        return resolver.run()
    }

    init(pages: [Page], workers: Int = 1) {
        self.pages = pages
        self.workers = workers
        for index in pages.indices { pagesByStem[pages[index].stem, default: []].append(index) }
    }

    mutating func run() -> (APIModel, [Diagnostic]) {
        // Pages are borrowed from the buffer: a `for page in pages` loop (or `pages[index]`) copies
        // each page, dozens of reference counts.
        let pages = self.pages
        pages.withUnsafeBufferPointer { pages in
            for index in pages.indices { declareEnums(pages[index]) }
            for index in pages.indices where pages[index].definesType { declareType(pages[index], index: index) }
            for index in pages.indices { declareProseEnums(pages[index]) }
        }
        for name in typePages.keys.sorted() { resolveBase(name) }
        checkBaseTypes()
        resolveAllProperties()
        dropInheritedRows()
        let ops = buildOperations()
        markEntities()
        let model = APIModel(types: types.values.sorted { $0.name < $1.name }, operations: ops)
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
        return (model, diagnostics)
    }

    // MARK: Declaring

    static func qualify(_ name: String, namespace: String?) -> String {
        var name = name
        if name.hasPrefix("#") { name.removeFirst() }
        if name.hasPrefixIgnoringCase("microsoft.") || name.hasPrefixIgnoringCase("graph.") { return name }
        return (namespace ?? defaultNamespace) + "." + name
    }

    /// The last non-empty dot-separated part of a qualified name: `microsoft.graph.callRecords.session`
    /// -> `session`; the name itself when it has none.
    public static func simpleName(_ qualified: String) -> String {
        var copy = qualified
        return copy.withUTF8 { bytes in
            let (start, end) = simpleNameBounds(bytes)
            if start == 0 && end == bytes.count { return qualified }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Where `simpleName` is in the name's bytes: after the last `.` before the trailing ones
    /// (on the bytes: `.` is ASCII, so the cuts fall between characters); the whole name when
    /// it is only dots.
    static func simpleNameBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > 0 else { return (0, bytes.count) }
        return (bytes[..<end].lastIndex(of: UInt8(ascii: ".")).map { $0 + 1 } ?? 0, end)
    }

    /// Whether `simpleName(qualified).lowercased() == lower`, without copying an ASCII name.
    static func simpleName(_ qualified: String, lowercasedEquals lower: String) -> Bool {
        // Beyond ASCII, `==` compares canonical equivalents (a Greek question mark equals `;`):
        // that comparison is kept for such text.
        guard lower.isASCII else { return simpleName(qualified).lowercased() == lower }
        var copy = qualified
        let ascii: Bool? = copy.withUTF8 { bytes in
            let (start, end) = simpleNameBounds(bytes)
            for index in start..<end where bytes[index] >= 0x80 { return nil }
            // ASCII: lower-casing folds each capital alone.
            return end - start == lower.utf8.count && lower.withUTF8Buffer { bytes.matchesFolded($0, at: start) }
        }
        return ascii ?? (simpleName(qualified).lowercased() == lower)
    }

    func source(_ page: Page, _ location: SourceLocation) -> String { "\(page.path):\(location.line)" }

    /// Whether the page a link leads to is in the input (whatever it defines).
    func hasPage(linkedBy link: String) -> Bool { pagesByStem[LinkTarget.stem(link)] != nil }

    mutating func warn(_ page: Page, _ location: SourceLocation, _ rule: String, _ message: String) {
        diagnostics.append(Diagnostic(file: page.path, location: location, severity: .warning, rule: rule, message: message))
    }

    mutating func register(_ definition: TypeDefinition, page: Page, location: SourceLocation) {
        let key = definition.name.lowercased()
        types[definition.name] = definition
        canonical[key] = definition.name
        definedAt[key] = (page.path, location)
        bySimpleName[Resolver.simpleName(definition.name).lowercased(), default: []].append(definition.name)
    }

    mutating func declareEnums(_ page: Page) {
        for definition in page.enums {
            let name = Resolver.qualify(definition.name, namespace: page.namespace)
            let members = definition.members.map { EnumMember(name: $0.name, value: $0.value.flatMap { Int($0) }, description: $0.description.isEmpty ? nil : $0.description) }
            addEnum(name: name, members: members, page: page, location: definition.location)
            enumsByStem[page.stem, default: []].append(canonical[name.lowercased()] ?? name)
        }
    }

    mutating func addEnum(name: String, members: [EnumMember], page: Page, location: SourceLocation) {
        let key = name.lowercased()
        if let existingName = canonical[key], var existing = types[existingName] {
            guard existing.kind == .enum else { return }
            let first = firstEnumMembers[key] ?? existing.members.map(\.name)
            let new = members.map(\.name)
            if first != new {
                let other = definedAt[key].map { "\($0.file):\($0.location.line)" } ?? "another page"
                warn(page, location, "enum-conflict",
                     "enum '\(Resolver.simpleName(name))' is defined here with members [\(new.joined(separator: ", "))] and at \(other) with [\(first.joined(separator: ", "))]; the generated enum has all of them")
                let merged = Set(existing.members.map(\.name))
                existing.members.append(contentsOf: members.filter { !merged.contains($0.name) })
                types[existingName] = existing
            }
            return
        }
        var definition = TypeDefinition(name: name, kind: .enum, members: members, source: source(page, location))
        definition.flags = Resolver.isFlags(members)
        register(definition, page: page, location: location)
        firstEnumMembers[key] = members.map(\.name)
    }

    /// Values 1, 2, 4, 8, ... (0 allowed for "none") with at least three members.
    static func isFlags(_ members: [EnumMember]) -> Bool {
        let values = members.compactMap(\.value)
        guard values.count == members.count, values.filter({ $0 > 0 }).count >= 3 else { return false }
        let positive = values.filter { $0 > 0 }
        return positive.allSatisfy { $0 & ($0 - 1) == 0 } && values.allSatisfy { $0 >= 0 } && positive.contains { $0 > 2 }
            && !(positive.sorted() == Array(1...positive.count))
    }

    static func titleName(_ title: String?) -> String? {
        guard var title = title?.trimmingSpaces(), !title.isEmpty else { return nil }
        let lower = title.lowercased()
        for suffix in [" resource type", " complex type", " entity type", " resource", " object", " type"] where lower.hasSuffix(suffix) {
            title = String(title.dropLast(suffix.count))
            break
        }
        title = title.trimmingSpaces()
        guard !title.isEmpty, !title.contains(" ") else { return nil }
        return title
    }

    mutating func declareType(_ page: Page, index: Int) {
        let location = page.resource?.location ?? page.titleLocation
        let name: String
        if let odata = page.resource?.odataType, !odata.isEmpty {
            name = Resolver.qualify(odata, namespace: page.namespace)
        } else {
            name = Resolver.qualify(Resolver.titleName(page.title) ?? page.stem, namespace: page.namespace)
        }
        let key = name.lowercased()
        if let existing = definedAt[key], let existingName = canonical[key] {
            if types[existingName]?.kind == .enum { return }
            diagnostics.append(Diagnostic(file: page.path, location: location, severity: .note, rule: "duplicate-type",
                                          message: "type '\(name)' is also documented at \(existing.file):\(existing.location.line); the properties of both pages are merged"))
            typeByStem[page.stem] = existingName
            if page.stem == Resolver.simpleName(name).lowercased(), var definition = types[existingName] {
                // The page named after the type is the main one.
                typePages[existingName, default: []].insert(index, at: 0)
                definition.source = source(page, page.titleLocation)
                definition.description = page.description ?? definition.description
                definition.abstract = page.resource?.abstract ?? definition.abstract
                if page.resource?.keyProperty != nil { definition.kind = .entity }
                types[existingName] = definition
                definedAt[key] = (page.path, page.titleLocation)
            } else {
                typePages[existingName, default: []].append(index)
            }
            return
        }
        typePages[name] = [index]
        let kind: TypeDefinition.Kind = page.resource?.keyProperty != nil ? .entity : .complex
        let definition = TypeDefinition(
            name: name, kind: kind, baseType: nil, abstract: page.resource?.abstract ?? false, openType: page.resource?.openType ?? false,
            description: page.description, source: source(page, page.titleLocation))
        register(definition, page: page, location: page.titleLocation)
        typeByStem[page.stem] = name
    }

    /// An unlinked type name with a "Possible values" list (`callState` in the seed) is an enum of that name.
    mutating func declareProseEnums(_ page: Page) {
        // Each table in turn (concatenating them would copy every row of every page).
        declareProseEnums(page.properties, page: page)
        declareProseEnums(page.relationships, page: page)
        declareProseEnums(page.functionParameters, page: page)
        switch page.requestBody {
        case .resource(_, let rows), .parameters(let rows): declareProseEnums(rows, page: page)
        default: break
        }
    }

    mutating func declareProseEnums(_ rows: [PropertyRow], page: Page) {
        for row in rows where !row.possibleValues.isEmpty {
            guard case .named(let name, let link) = row.type.kind else { continue }
            if let link, lookupLink(link, name: name) != nil { continue }
            let qualified = Resolver.qualify(name, namespace: page.namespace)
            if let existing = canonical[qualified.lowercased()], types[existing]?.kind != .enum { continue }
            if canonical[qualified.lowercased()] == nil, let found = lookupName(name, namespace: page.namespace), types[found]?.kind != .enum { continue }
            addEnum(name: qualified, members: row.possibleValues.map { EnumMember(name: $0) }, page: page, location: row.location)
        }
    }
}
