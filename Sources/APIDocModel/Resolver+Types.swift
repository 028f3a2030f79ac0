import APIDocExtraction
import APIDocMarkdown

extension Resolver {
    /// The qualified type a link leads to: the type its page defines, or the enum of that name on
    /// an enum page (aggregate pages define many).
    func lookupLink(_ link: String, name: String) -> String? {
        let stem = LinkTarget.stem(link)
        guard !stem.isEmpty else { return nil }
        // A page may define a type and, in an embedded table, enums of its own: the link text picks.
        if let enums = enumsByStem[stem] {
            let simple = Resolver.simpleName(name).lowercased()
            if let match = enums.first(where: { Resolver.simpleName($0, lowercasedEquals: simple) }) { return match }
        }
        if let type = typeByStem[stem] { return type }
        if let enums = enumsByStem[stem], enums.count == 1 { return enums[0] }
        return nil
    }

    /// A type by name: qualified (`microsoft.graph.callRecords.session`) or simple (`callState`),
    /// preferring the page's namespace when the simple name is defined in several.
    func lookupName(_ name: String, namespace: String?) -> String? {
        var name = name
        if name.hasPrefix("#") { name.removeFirst() }
        if let found = canonical[name.lowercased()] { return found }
        if let found = canonical[Resolver.qualify(name, namespace: namespace).lowercased()] { return found }
        let candidates = bySimpleName[Resolver.simpleName(name).lowercased()] ?? []
        if candidates.count == 1 { return candidates[0] }
        if let namespace, let match = candidates.first(where: { $0.lowercased().hasPrefix(namespace.lowercased() + ".") && $0.split(separator: ".").count == namespace.split(separator: ".").count + 1 }) {
            return match
        }
        return candidates.sorted().first
    }

    /// Resolves a type reference to a model type name; unresolved references become `Edm.Untyped`
    /// with a warning at the reference.
    /// `context` names what has the type in a warning (`property 'id'`); it is made only for one.
    mutating func resolve(_ ref: TypeRef, page: Page, context: @autoclosure () -> String) -> String {
        switch ref.kind {
        case .primitive(let name):
            return name
        case .unknown:
            return "Edm.Untyped"
        case .named(let name, let link):
            if let link {
                if let found = lookupLink(link, name: name) {
                    // `[invitationParticipantInfo](participantinfo.md)`: the text names another
                    // defined type than the page it links to; the text is what readers see.
                    if Resolver.simpleName(found).lowercased() != Resolver.simpleName(name).lowercased(),
                       let named = lookupName(name, namespace: page.namespace), named != found,
                       Resolver.simpleName(named).lowercased() == Resolver.simpleName(name).lowercased() {
                        warn(page, ref.location, "link-mismatch", "\(context()) is written '\(name)' but links to '\(link)', the page of '\(Resolver.simpleName(found))'; '\(named)' is used")
                        return named
                    }
                    return found
                }
                if let found = lookupName(name, namespace: page.namespace) {
                    if !hasPage(linkedBy: link) {
                        warn(page, ref.location, "missing-page", "\(context()) links to '\(link)', a page that is not in the input; resolved by name to '\(found)'")
                    }
                    return found
                }
                if !hasPage(linkedBy: link) {
                    warn(page, ref.location, "missing-page", "\(context()) has type '\(name)', which links to '\(link)', a page that is not in the input; it is read as any JSON value")
                } else {
                    // The page is there but yields no type (no Properties table it could read, say).
                    warn(page, ref.location, "unknown-type", "\(context()) has type '\(name)', which links to '\(link)', a page that defines no type; it is read as any JSON value")
                }
                return "Edm.Untyped"
            }
            if let primitive = TypeCellParser.primitive(name) { return primitive }
            if let found = lookupName(name, namespace: page.namespace) { return found }
            warn(page, ref.location, "unknown-type", "\(context()) has type '\(name)', which no page defines; it is read as any JSON value")
            return "Edm.Untyped"
        case .oneOf(let choices):
            let resolved = choices.map { choice -> String in
                var single = choice
                single.collection = false
                return resolve(single, page: page, context: context())
            }
            if let common = commonAncestor(resolved) { return common }
            warn(page, ref.location, "one-of", "\(context()) may be any of \(resolved.joined(separator: ", ")), which share no base type; it is read as any JSON value")
            return "Edm.Untyped"
        }
    }

    func ancestors(_ name: String) -> [String] {
        var chain: [String] = [name]
        var current = types[name]?.baseType
        while let base = current, !chain.contains(base), chain.count < 64 {
            chain.append(base)
            current = types[base]?.baseType
        }
        return chain
    }

    /// The nearest type that every one of `names` is or derives from.
    func commonAncestor(_ names: [String]) -> String? {
        guard let first = names.first, !names.contains("Edm.Untyped") else { return nil }
        let others = names.dropFirst().map { Set(ancestors($0)) }
        for candidate in ancestors(first) where others.allSatisfy({ $0.contains(candidate) }) {
            // `entity` is too general to stand for a choice between two specific types.
            if Resolver.simpleName(candidate) == "entity" && names.count > 1 { return nil }
            return candidate
        }
        return nil
    }

    func property(_ row: PropertyRow, page: Page, type: String) -> Property {
        Property(
            name: row.name, type: type, collection: row.type.collection, readOnly: row.readOnly, nullable: row.nullable,
            navigation: row.isNavigation, description: row.description.isEmpty ? nil : row.description,
            possibleValues: type == "Edm.String" ? row.possibleValues : [], source: source(page, row.location))
    }

    mutating func resolveBase(_ name: String) {
        guard var definition = types[name] else { return }
        // Base type: the annotation, an intro "Inherits from [x]", or nothing; the main page first.
        // (Pages borrowed from the buffer, not copied.)
        let pages = self.pages
        pages.withUnsafeBufferPointer { pages in
            for index in typePages[name] ?? [] {
                if let base = baseType(of: name, on: pages[index]) {
                    definition.baseType = base
                    break
                }
            }
        }
        types[name] = definition
    }

    /// The base type one of `name`'s pages gives it, if it names one that is defined (it warns
    /// about one that is not).
    mutating func baseType(of name: String, on page: Page) -> String? {
        if let base = page.resource?.baseType, !base.isEmpty {
            if let found = lookupName(base, namespace: page.namespace), found != name {
                return found
            } else if lookupName(base, namespace: page.namespace) == nil {
                warn(page, page.resource!.location, "missing-page", "base type '\(base)' of '\(name)' is not defined in the input; the type has no base")
            }
        } else if let link = page.inheritsFrom {
            if let found = lookupLink(link, name: LinkTarget.stem(link)), found != name, types[found]?.kind != .enum {
                return found
            }
            if !hasPage(linkedBy: link) {
                warn(page, page.titleLocation, "missing-page", "'\(name)' inherits from '\(link)', a page that is not in the input; the type has no base")
            }
        }
        return nil
    }

    /// Every documented type's properties, resolved concurrently (resolving reads the resolver
    /// and changes nothing else), then stored in name order with their warnings.
    mutating func resolveAllProperties() {
        let names = typePages.keys.sorted()
        let results = { [self] in Parallel.map(names.count, workers: workers) { self.resolvedProperties(names[$0]) } }()
        for (name, result) in zip(names, results) {
            guard let result else { continue }
            types[name]?.properties = result.properties
            diagnostics.append(contentsOf: result.diagnostics)
        }
    }

    /// The properties of a type from all its pages, and the warnings they raise.
    func resolvedProperties(_ name: String) -> (properties: [Property], diagnostics: [Diagnostic])? {
        guard types[name] != nil else { return nil }
        var scratch = self
        scratch.diagnostics = []
        let properties = scratch.resolveProperties(name)
        return (properties, scratch.diagnostics)
    }

    mutating func resolveProperties(_ name: String) -> [Property] {
        var seen: [String: Property] = [:]
        var properties: [Property] = []
        let pages = self.pages
        pages.withUnsafeBufferPointer { pages in
            for index in typePages[name] ?? [] { addProperties(of: name, on: pages[index], seen: &seen, to: &properties) }
        }
        return properties
    }

    /// The properties and relationships one page lists for `name` (the first definition of a
    /// name wins, across pages; `seen` holds those so far).
    mutating func addProperties(of name: String, on page: Page, seen: inout [String: Property], to properties: inout [Property]) {
        var onThisPage = Set<String>()
        for rows in [page.properties, page.relationships] {
            for row in rows {
                guard onThisPage.insert(row.name).inserted else {
                    warn(page, row.location, "duplicate-property", "property '\(row.name)' of '\(name)' is listed twice; the first row is used")
                    continue
                }
                let type = resolve(row.type, page: page, context: "property '\(row.name)'")
                if let earlier = seen[row.name] {
                    if earlier.type != type || earlier.collection != row.type.collection {
                        warn(page, row.location, "property-conflict",
                             "property '\(row.name)' of '\(name)' is \(Resolver.describe(type, row.type.collection)) here but \(Resolver.describe(earlier.type, earlier.collection)) at \(earlier.source); the first is used")
                    }
                    continue
                }
                let built = property(row, page: page, type: type)
                seen[row.name] = built
                properties.append(built)
            }
        }
    }

    static func describe(_ type: String, _ collection: Bool) -> String {
        collection ? "a collection of \(type)" : type
    }

    /// Entities are types with a key or an entity ancestor.
    mutating func markEntities() {
        for name in types.keys.sorted() where types[name]?.kind == .complex {
            if ancestors(name).dropFirst().contains(where: { types[$0]?.kind == .entity || Resolver.simpleName($0) == "entity" }) {
                types[name]!.kind = .entity
            }
        }
    }

    /// Base-type cycles are broken at the first type of the cycle (in name order); a type that
    /// merely derives from a cycle keeps its base.
    mutating func checkBaseTypes() {
        for name in types.keys.sorted() {
            var seen: Set<String> = [name]
            var current = types[name]?.baseType
            while let base = current {
                if base == name {
                    let at = definedAt[name.lowercased()]
                    diagnostics.append(Diagnostic(file: at?.file ?? "", location: at?.location ?? SourceLocation(line: 1, column: 1),
                                                  severity: .warning, rule: "base-cycle", message: "base types of '\(name)' form a cycle; '\(name)' is given no base"))
                    types[name]!.baseType = nil
                    break
                }
                guard seen.insert(base).inserted else { break }
                current = types[base]?.baseType
            }
        }
    }

    /// A description without its "Inherited from x" note, wherever the page puts it (at the end,
    /// at the start, between sentences, with or without a period before it): the note tells no
    /// more than where the row lives. `Unique identifier. Inherited from entity.` -> `Unique
    /// identifier.`; `Inherited from riskyUser. Possible values are: ...` -> `Possible values are:
    /// ...`. Within a sentence, "inherited from" in lower case is prose and stays.
    static func withoutInheritedNote(_ text: String) -> String {
        var text = text
        // Each pass takes one note away; a description has one, seldom two.
        for _ in 0..<4 {
            guard let note = inheritedNoteRange(text) else { break }
            let before = text[..<note.lowerBound].trimmingSpacesSub()
            let after = text[note.upperBound...].trimmingSpacesSub()
            text = before.isEmpty ? String(after) : after.isEmpty ? String(before) : before + " " + after
        }
        return text.trimmingSpaces()
    }

    /// Where the first note is: `Inherited from` beginning a word or right after a period (or
    /// `inherited from` in any case at the start), through the type name after it and the period
    /// that ends it.
    static func inheritedNoteRange(_ text: String) -> Range<String.Index>? {
        // Most descriptions have no note: one search (memchr) answers for them.
        guard text.utf8Contains("nherited from ") else { return nil }
        let utf8 = text.utf8
        let rest = Array("nherited from ".utf8)
        var previous: UInt8 = 0x20
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let first = byte == UInt8(ascii: "I") || (index == utf8.startIndex && byte == UInt8(ascii: "i"))
            let next = utf8.index(after: index)
            // After a space, or a period with none after it (`share.Inherited from printerBase.`).
            if first, previous == 0x20 || previous == UInt8(ascii: "."), utf8[next...].starts(with: rest) {
                var end = utf8.index(next, offsetBy: rest.count)
                // The name (`entity`, `microsoft.graph.entity`): up to a space, a comma or a
                // semicolon, or a period that ends the sentence, which goes with the note.
                while end != utf8.endIndex {
                    let b = utf8[end]
                    if b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") { break }
                    let after = utf8.index(after: end)
                    if b == UInt8(ascii: "."), after == utf8.endIndex || utf8[after] == 0x20 {
                        end = after
                        break
                    }
                    end = after
                }
                return index..<end
            }
            previous = byte
            index = next
        }
        return nil
    }

    /// Rows a page repeats from its base type ("Inherited from [entity](entity.md)") stay on the
    /// base. What such a row says beyond the nearest base's row (the note taken away from both,
    /// and not merely a part of the base's words) is kept in `inheritedDescriptions`. The bases'
    /// rows are read as the pages give them, before any type's repeated rows are dropped, so the
    /// result does not depend on the order of the type names.
    mutating func dropInheritedRows() {
        // Each type is worked out concurrently from the rows as the pages give them (reading the
        // resolver, changing nothing), then stored in name order.
        let names = types.keys.sorted()
        let results = { [self] in Parallel.map(names.count, workers: workers) { self.ownRows(of: names[$0]) } }()
        for (name, result) in zip(names, results) {
            guard let result else { continue }
            for (property, said) in result.descriptions { types[name]!.inheritedDescriptions[property] = said }
            types[name]!.properties = result.properties
        }
    }

    /// The rows `name` keeps once the rows its bases document are dropped, and the descriptions
    /// it gives inherited ones (in row order); nil when it has no base row to drop.
    func ownRows(of name: String) -> (properties: [Property], descriptions: [(String, String)])? {
        guard let definition = types[name], definition.kind != .enum, definition.baseType != nil else { return nil }
        // The nearest base's row of each inherited name, as its page gives it.
        var inherited: [String: Property] = [:]
        for base in ancestors(name).dropFirst() {
            for property in types[base]?.properties ?? [] where inherited[property.name] == nil { inherited[property.name] = property }
        }
        guard !inherited.isEmpty else { return nil }
        var descriptions: [(String, String)] = []
        for property in definition.properties {
            guard let base = inherited[property.name], let own = property.description else { continue }
            let said = Resolver.withoutInheritedNote(own)
            let baseSaid = Resolver.withoutInheritedNote(base.description ?? "")
            guard !said.isEmpty, !baseSaid.utf8Contains(said) else { continue }
            descriptions.append((property.name, said))
        }
        return (definition.properties.filter { inherited[$0.name] == nil }, descriptions)
    }
}
