import APIDocMarkdown
import APIDocModel

/// Everything the translators need to know about the model as a whole: the Swift name of every
/// type, which types are polymorphic (have derived types and are used), and which properties
/// must be stored out of line because structs would otherwise contain themselves.
struct EmitterContext {
    let model: APIModel
    let types: [String: TypeDefinition]
    /// The access keyword of every generated declaration (`public`, `package`, `internal`).
    let access: String
    /// Swift type name by qualified name.
    private(set) var swiftNames: [String: String] = [:]
    /// Derived types (transitive), sorted, by qualified base name.
    private(set) var descendants: [String: [String]] = [:]
    /// Qualified names of types used through a polymorphic wrapper (`AnyX`).
    private(set) var polymorphic: Set<String> = []
    /// Wrapper type name by qualified base name.
    private(set) var wrapperNames: [String: String] = [:]
    /// Properties stored out of line: their JSON names by qualified type name.
    private(set) var boxed: [String: Set<String>] = [:]
    /// Property lists with base-type properties first, by qualified name.
    private(set) var flattened: [String: [Property]] = [:]

    /// A wrapper with more cases than this is not generated; the base struct is used instead
    /// (it keeps derived types' extra keys in `additionalProperties`).
    static let maximumWrapperCases = 200

    /// Threads for the passes that compute one value per type (the result does not depend on them).
    let workers: Int

    init(model: APIModel, reservedTypeNames: Set<String>, typeNames: [String: String] = [:], access: String = "public", workers: Int = 1) {
        self.model = model
        self.access = access
        self.workers = workers
        var types: [String: TypeDefinition] = [:]
        for type in model.types { types[type.name] = type }
        self.types = types
        assignNames(reserved: reservedTypeNames, overrides: typeNames)
        computeDescendants()
        let structs = model.types.filter { $0.kind != .enum }.map(\.name)
        computeFlattened(structs)
        computePolymorphic()
        computeBoxing(structs)
    }

    // MARK: Names

    mutating func assignNames(reserved: Set<String>, overrides: [String: String] = [:]) {
        var used = reserved
        var lowerUsed = Set(reserved.map { $0.lowercased() })
        // Types the user named first, then types in the default namespace, so that they keep the plain names.
        // (The keys are computed once per name, not once per comparison.)
        let allTypes = model.types
        let keyed = Parallel.map(allTypes.count, workers: workers) { index in
            (name: allTypes[index].name, named: overrides[allTypes[index].name] != nil, plain: EmitterContext.subNamespace(allTypes[index].name).isEmpty)
        }
        let ordered = keyed.sorted { a, b in
            if a.named != b.named { return a.named }
            return a.plain != b.plain ? a.plain : a.name < b.name
        }.map(\.name)
        // Each type's preferred name, concurrently; then made unique in order.
        let preferred = Parallel.map(ordered.count, workers: workers) { index in
            let name = ordered[index]
            return SwiftNames.typeName(overrides[name] ?? (EmitterContext.subNamespace(name) + " " + Resolver.simpleName(name)))
        }
        // The next counter to try per base: lower ones are taken for good (linear time for many equal names).
        var counters: [String: Int] = [:]
        for (name, base) in zip(ordered, preferred) {
            var candidate = base
            var lower = candidate.lowercased()
            var counter = counters[base] ?? 2
            // Case-insensitive uniqueness keeps file names distinct on case-insensitive disks.
            while used.contains(candidate) || lowerUsed.contains(lower) || candidate.hasPrefix("Any") && used.contains(String(candidate.dropFirst(3))) {
                candidate = base + String(counter)
                lower = candidate.lowercased()
                counter += 1
            }
            if candidate != base { counters[base] = counter }
            used.insert(candidate)
            lowerUsed.insert(lower)
            swiftNames[name] = candidate
        }
    }

    /// `microsoft.graph.callRecords.session` -> `callRecords`; `microsoft.graph.call` -> "".
    static func subNamespace(_ qualified: String) -> String {
        // `microsoft.graph.<name>`, nearly every type: no sub-namespace, and nothing to cut.
        let prefix = "microsoft.graph.".utf8.count
        if qualified.utf8.count > prefix, qualified.hasPrefixIgnoringCase("microsoft.graph."),
           !qualified.utf8.dropFirst(prefix).contains(UInt8(ascii: ".")) {
            return ""
        }
        var parts = qualified.splitASCII(where: { $0 == UInt8(ascii: ".") }).map(String.init)
        guard parts.count > 1 else { return "" }
        parts.removeLast()
        if parts.count >= 2 && parts[0].lowercased() == "microsoft" && parts[1].lowercased() == "graph" { parts.removeFirst(2) }
        return parts.joined(separator: " ")
    }

    func swiftName(_ qualified: String) -> String { swiftNames[qualified] ?? "APIDocRuntime.JSONValue" }

    // MARK: Inheritance

    mutating func computeDescendants() {
        var children: [String: [String]] = [:]
        for type in model.types where type.kind != .enum {
            if let base = type.baseType, types[base] != nil { children[base, default: []].append(type.name) }
        }
        for type in model.types where children[type.name] != nil {
            var result: [String] = []
            var queue = children[type.name] ?? []
            var seen: Set<String> = [type.name]
            var head = 0
            while head < queue.count {
                let next = queue[head]
                head += 1
                guard seen.insert(next).inserted else { continue }
                result.append(next)
                queue.append(contentsOf: children[next] ?? [])
            }
            descendants[type.name] = result.sorted()
        }
    }

    func ancestors(_ name: String) -> [String] {
        var chain: [String] = []
        var current = types[name]?.baseType
        var seen: Set<String> = [name]
        while let base = current, types[base] != nil, seen.insert(base).inserted {
            chain.append(base)
            current = types[base]?.baseType
        }
        return chain
    }

    /// `structs`: the names of the model's non-enum types, in model order.
    mutating func computeFlattened(_ structs: [String]) {
        let lists = { [self] in Parallel.map(structs.count, workers: workers) { self.flattenedProperties(structs[$0]) } }()
        flattened = Dictionary(uniqueKeysWithValues: zip(structs, lists))
    }

    /// A type's properties after those of its base types, each described as the nearest page
    /// that describes it does (the type's own `inheritedDescriptions`, then its bases').
    func flattenedProperties(_ name: String) -> [Property] {
        var seen: Set<String> = []
        var properties: [Property] = []
        let chain = [name] + ancestors(name)
        for owner in chain.reversed() {
            for var property in types[owner]?.properties ?? [] where seen.insert(property.name).inserted {
                for type in chain {
                    if type == owner { break }
                    if let description = types[type]?.inheritedDescriptions[property.name] {
                        property.description = description
                        break
                    }
                }
                properties.append(property)
            }
        }
        return properties
    }

    mutating func computePolymorphic() {
        var used: Set<String> = []
        for type in model.types { for p in type.properties { used.insert(p.type) } }
        for op in model.operations {
            if let b = op.requestBody { used.insert(b.type) }
            if let r = op.response?.type { used.insert(r) }
        }
        let typeNames = Set(swiftNames.values)
        for name in used.sorted() {
            guard let list = descendants[name], !list.isEmpty, list.count < EmitterContext.maximumWrapperCases else { continue }
            polymorphic.insert(name)
            var wrapper = "Any" + swiftName(name)
            var counter = 2
            while typeNames.contains(wrapper) { wrapper = "Any" + swiftName(name) + String(counter); counter += 1 }
            wrapperNames[name] = wrapper
        }
    }

    /// Struct-to-struct edges through non-collection properties; wrappers are `indirect` enums
    /// and arrays store out of line already, so only these edges can make a struct infinite.
    mutating func computeBoxing(_ structs: [String]) {
        // Each struct's edges, concurrently (reading the context only).
        let lists = { [self] in
            Parallel.map(structs.count, workers: workers) { index -> [(String, String)] in
                (flattened[structs[index]] ?? []).compactMap { property in
                    guard !property.collection, let target = types[property.type], target.kind != .enum,
                          !polymorphic.contains(property.type) else { return nil }
                    return (property.type, property.name)
                }
            }
        }()
        // Components over type indices (model order); names are hashed once each.
        let names = model.types.map(\.name)
        var indexOfName: [String: Int] = [:]
        indexOfName.reserveCapacity(names.count)
        for (index, name) in names.enumerated() where indexOfName[name] == nil { indexOfName[name] = index }
        var successors = [[Int]](repeating: [], count: names.count)
        var structEdges: [(from: Int, to: Int, property: String)] = []
        for (name, list) in zip(structs, lists) where !list.isEmpty {
            guard let from = indexOfName[name] else { continue }
            for (target, property) in list {
                guard let to = indexOfName[target] else { continue }
                successors[from].append(to)
                structEdges.append((from, to, property))
            }
        }
        let component = StronglyConnected.components(successors)
        for edge in structEdges where component[edge.to] == component[edge.from] {
            boxed[names[edge.from], default: []].insert(edge.property)
        }
    }

    // MARK: Type uses

    static let primitives: [String: String] = [
        "Edm.String": "Swift.String", "Edm.Boolean": "Swift.Bool", "Edm.Int32": "Swift.Int32", "Edm.Int64": "Swift.Int64",
        "Edm.Int16": "Swift.Int16", "Edm.Byte": "Swift.UInt8", "Edm.SByte": "Swift.Int8", "Edm.Double": "Swift.Double",
        "Edm.Single": "Swift.Float", "Edm.Decimal": "Foundation.Decimal", "Edm.DateTimeOffset": "APIDocRuntime.DateTimeOffset",
        "Edm.Date": "APIDocRuntime.DateOnly", "Edm.TimeOfDay": "APIDocRuntime.TimeOfDay", "Edm.Duration": "APIDocRuntime.ISODuration",
        "Edm.Guid": "APIDocRuntime.GUID", "Edm.Binary": "Foundation.Data", "Edm.Stream": "APIDocRuntime.JSONValue",
        "Edm.Untyped": "APIDocRuntime.JSONValue",
    ]

    /// The Swift type for a use of a model type (without optionality).
    func swiftType(_ type: String, collection: Bool) -> String {
        let element: String
        if let primitive = EmitterContext.primitives[type] {
            element = primitive
        } else if let wrapper = wrapperNames[type] {
            element = wrapper
        } else if swiftNames[type] != nil {
            // A flags enum holds several members in one string.
            element = types[type]?.flags == true ? "APIDocRuntime.Flags<\(swiftName(type))>" : swiftName(type)
        } else {
            element = "APIDocRuntime.JSONValue"
        }
        return collection ? "[\(element)]" : element
    }
}

/// Tarjan's strongly connected components, iterative (no recursion on deep graphs).
enum StronglyConnected {
    /// The component of each node `0..<successors.count`, given each node's successors: two
    /// nodes have the same number when each reaches the other.
    static func components(_ successors: [[Int]]) -> [Int] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var component = [Int](repeating: -1, count: count)
        var counter = 0
        var componentCount = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var frame = work.popLast() {
                let next = successors[frame.node]
                if frame.next < next.count {
                    let successor = next[frame.next]
                    frame.next += 1
                    work.append(frame)
                    if index[successor] < 0 {
                        index[successor] = counter; low[successor] = counter; counter += 1
                        stack.append(successor); onStack[successor] = true
                        work.append((successor, 0))
                    } else if onStack[successor] {
                        low[frame.node] = min(low[frame.node], index[successor])
                    }
                } else {
                    if let parent = work.last {
                        low[parent.node] = min(low[parent.node], low[frame.node])
                    }
                    if low[frame.node] == index[frame.node] {
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component[member] = componentCount
                            if member == frame.node { break }
                        }
                        componentCount += 1
                    }
                }
            }
        }
        return component
    }
}
