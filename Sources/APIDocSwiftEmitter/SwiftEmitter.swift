import APIDocModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Model -> Swift files: one file per type (structs, open enums, polymorphic wrappers) and one per
/// operation (a `GraphClient` extension), deterministic: sorted names, no dates, no machine paths.
public enum SwiftEmitter {
    public struct Options: Sendable {
        /// The name of the module the generated code is compiled in; it may not be used as a type name.
        public var moduleName: String

        /// How the input folder is named in the header of files that come from no single page.
        public var inputName: String

        /// The access level of every generated declaration.
        public var accessLevel: AccessLevel

        /// Swift type names chosen by the user, by qualified OData name (`microsoft.graph.call`);
        /// sanitised like every name, and taken before any generated name.
        public var typeNames: [String: String]

        public init(moduleName: String = "GraphAPI", inputName: String = "docs", accessLevel: AccessLevel = .public, typeNames: [String: String] = [:]) {
            self.moduleName = moduleName
            self.inputName = inputName
            self.accessLevel = accessLevel
            self.typeNames = typeNames
        }
    }

    /// The access level of generated declarations: `public` for a library of its own (the
    /// default), `package` or `internal` for code compiled into the module that uses it.
    public enum AccessLevel: String, Sendable, Hashable, CaseIterable, Codable {
        case `public`, `package`, `internal`

        /// The keyword the generated code writes.
        public var keyword: String { rawValue }
    }

    /// The files for a model. Each type and each operation is translated on its own, spread over
    /// `workers` threads; the result does not depend on their number.
    public static func emit(_ model: APIModel, options: Options = Options(), workers: Int = 1) -> [SwiftFile] {
        files(model, options: options, workers: workers) { $0 }
    }

    /// The files for a model, rendered: each is rendered by the thread that translated it, as
    /// soon as it is translated. The same as `render(emit(model))`, with one pass less.
    public static func emitRendered(_ model: APIModel, options: Options = Options(), workers: Int = 1) -> [(name: String, text: String)] {
        emitRendered(model, options: options, workers: workers) { _ in () }.map { ($0.name, $0.text) }
    }

    /// `emitRendered`, with `summary` applied to each file's text on the thread that rendered it
    /// (the generator's digests for its record of the run, computed while the text is at hand).
    public static func emitRendered<Summary: Sendable>(_ model: APIModel, options: Options = Options(), workers: Int = 1,
                                                       summary: @escaping @Sendable (String) -> Summary) -> [(name: String, text: String, summary: Summary)] {
        files(model, options: options, workers: workers) { file -> SummarizedFile<Summary> in
            let text = SwiftRenderer.render(file)
            return SummarizedFile(name: file.name, text: text, summary: summary(text))
        }.map { ($0.name, $0.text, $0.summary) }
    }

    struct SummarizedFile<Summary: Sendable>: Named {
        var name: String
        var text: String
        var summary: Summary
    }

    /// Translates every type and operation over `workers` threads, hands each file to `finish` on
    /// the thread that made it, and returns the results with names unique ignoring case, sorted.
    static func files<Output: Named>(_ model: APIModel, options: Options, workers: Int, _ finish: @escaping @Sendable (SwiftFile) -> Output) -> [Output] {
        var reserved: Set<String> = [options.moduleName, registryName]
        // Path enums are named after operations; keep type names clear of them.
        let operationNames = model.operations.map(\.name)
        reserved.formUnion(Parallel.map(operationNames.count, workers: workers) { SwiftNames.typeName(operationNames[$0]) + "Path" })
        let context = EmitterContext(model: model, reservedTypeNames: reserved, typeNames: options.typeNames, access: options.accessLevel.keyword, workers: workers)
        let imports = ["APIDocRuntime", "Foundation"]
        let structs = StructTranslator(context: context)
        let enums = EnumTranslator(context: context)
        let wrappers = WrapperTranslator(context: context)
        let types = model.types
        let typeFiles = Parallel.map(types.count, workers: workers) { index -> [Output] in
            let type = types[index]
            let name = context.swiftName(type.name)
            let source = fileName(of: type.source)
            let decl = type.kind == .enum ? enums.declaration(for: type) : structs.declaration(for: type)
            var result = [finish(SwiftFile(name: name + ".swift", source: source, imports: imports, declarations: [decl], access: context.access))]
            if context.polymorphic.contains(type.name), let wrapper = context.wrapperNames[type.name] {
                result.append(finish(SwiftFile(name: wrapper + ".swift", source: source, imports: imports, declarations: [wrappers.declaration(for: type.name)], access: context.access)))
            }
            return result
        }
        let operations = OperationTranslator(context: context)
        let functionNames = SwiftNames.uniqued(Parallel.map(operationNames.count, workers: workers) {
            SwiftNames.memberName(operationNames[$0], reserved: OperationTranslator.clientMembers)
        })
        // `<name>Pages` for collections, clear of every function name.
        let collections = model.operations.indices.filter { model.operations[$0].response?.collection == true && model.operations[$0].response?.type != nil }
        let pagesNames = Array(SwiftNames.uniqued(functionNames + collections.map { SwiftNames.bare(functionNames[$0]) + "Pages" }).dropFirst(functionNames.count))
        var pagesNameByIndex: [Int: String] = [:]
        for (index, name) in zip(collections, pagesNames) { pagesNameByIndex[index] = name }
        let allOperations = model.operations
        let pagesNamesByIndex = pagesNameByIndex
        // The registry (one large file) is made by the first worker, beside the operations.
        let operationFiles = Parallel.map(allOperations.count + 1, workers: workers) { item -> Output in
            if item == 0 { return finish(registry(model, context: context, imports: imports, inputName: options.inputName)) }
            let index = item - 1
            let operation = allOperations[index]
            let functionName = functionNames[index]
            let rendered = operations.render(operation, functionName: functionName, pagesName: pagesNamesByIndex[index])
            var decls: [SwiftDecl] = [.extensionDecl(type: "APIDocRuntime.GraphClient", doc: [], members: rendered.methods)]
            if let pathEnum = rendered.pathEnum { decls.append(pathEnum) }
            return finish(SwiftFile(name: "GraphClient+" + SwiftNames.typeName(SwiftNames.bare(functionName)) + ".swift",
                                    source: fileName(of: operation.source), imports: imports, declarations: decls, access: context.access))
        }
        // Types, operations, then the registry: the order in which names are made unique.
        let files = typeFiles.flatMap { $0 } + operationFiles.dropFirst() + operationFiles.prefix(1)
        return sortedByName(uniqueFileNames(files))
    }

    /// The files in name order (`<` on the names). ASCII names, the usual case, are compared as
    /// bytes, which orders them the same way for a fraction of the cost.
    static func sortedByName<File: Named>(_ files: [File]) -> [File] {
        let names = files.map { Array($0.name.utf8) }
        guard names.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) else { return files.sorted { $0.name < $1.name } }
        let order = names.indices.sorted { a, b in
            names[a].withUnsafeBufferPointer { x in
                names[b].withUnsafeBufferPointer { y in
                    let common = x.count == 0 || y.count == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                    return common != 0 ? common < 0 : x.count < y.count
                }
            }
        }
        return order.map { files[$0] }
    }

    /// The name of the generated registry of types by OData name.
    public static let registryName = "ODataTypes"

    /// `ODataTypes.decode(_:_:_:)` and `ODataTypes.encode(_:_:_:)`, what the `init(from:)` and
    /// `encode(to:)` of generated structs call for each property.
    static let decodeFunction = registryName + ".decode"
    static let encodeFunction = registryName + ".encode"

    /// `ODataTypes.type(named:)`: the Swift type for an OData type name (the polymorphic wrapper
    /// for types with derived types), for payloads whose type is known only at run time. The types
    /// are a dictionary literal with an explicit type, not a `switch` over the names: a `switch`
    /// with a string case per type is slow to type-check (a `~=` a case) and far slower to lower
    /// (the mandatory SIL passes of a debug build take about a minute on 1,726 cases).
    static func registry(_ model: APIModel, context: EmitterContext, imports: [String], inputName: String) -> SwiftFile {
        var seen: Set<String> = []
        // An action's parameters are no OData type of the service: no name to look up.
        let sorted = model.types.filter { !$0.isActionParameters }.sorted { $0.name < $1.name }
        let entries = sorted.filter { seen.insert($0.name.lowercased()).inserted }.map { type in
            SwiftNames.concat("        ", SwiftNames.literal(type.name.lowercased()), ": ", context.wrapperNames[type.name] ?? context.swiftName(type.name), ".self,")
        }
        let metatype = "any (Swift.Codable & Swift.Hashable & Swift.Sendable).Type"
        let table = SwiftDecl.variable(
            doc: ["The Swift type for each OData type name, by the name in lower case."], modifiers: "static let", name: "typesByName",
            type: "[Swift.String: \(metatype)]", value: entries.isEmpty ? "[:]" : SwiftNames.join(entries, separator: "\n", prefix: "[\n", suffix: "\n    ]"))
        let function = SwiftDecl.function(
            doc: ["The Swift type for an OData type name such as `microsoft.graph.call` (a leading `#` and letter case are ignored)."],
            signature: "\(context.access) static func type(named name: Swift.String) -> (\(metatype))?",
            body: [
                .line("var key = name.lowercased()"),
                .block(header: "if key.hasPrefix(\"#\")", body: [.line("key.removeFirst()")], footer: ""),
                .line("return typesByName[key]"),
            ])
        let names = SwiftDecl.variable(doc: ["Every OData type name the docs define, sorted."], modifiers: "\(context.access) static let", name: "names",
                                       type: "[Swift.String]", value: SwiftNames.join(sorted.map { SwiftNames.concat("        ", SwiftNames.literal($0.name), ",") }, separator: "\n", prefix: "[\n", suffix: "\n    ]"))
        // Generic functions for the `init(from:)` and `encode(to:)` of every generated struct: a call
        // to one of them type-checks several times faster than `decodeIfPresent`/`encodeIfPresent`,
        // whose overloads (one per standard type, and a generic one) the type checker searches a
        // call at a time.
        let decode = SwiftDecl.function(
            doc: ["`container.decodeIfPresent(type, forKey: key)`, for the `init(from:)` of the generated types."],
            signature: "static func decode<Value: Swift.Decodable, Key: Swift.CodingKey>(_ type: Value.Type, _ container: Swift.KeyedDecodingContainer<Key>, _ key: Key) throws -> Value?",
            body: [.line("try container.decodeIfPresent(type, forKey: key)")])
        let encode = SwiftDecl.function(
            doc: ["`container.encodeIfPresent(value, forKey: key)`, for the `encode(to:)` of the generated types."],
            signature: "static func encode<Value: Swift.Encodable, Key: Swift.CodingKey>(_ value: Value?, _ container: inout Swift.KeyedEncodingContainer<Key>, _ key: Key) throws",
            body: [.line("try container.encodeIfPresent(value, forKey: key)")])
        let decl = SwiftDecl.enumDecl(name: registryName, conformances: [], doc: ["The types of the docs by OData name, and the functions the code of each type calls."],
                                      members: [names, table, function, decode, encode])
        var file = SwiftFile(name: registryName + ".swift", source: inputName + "/", imports: imports, declarations: [decl], access: context.access)
        // A module others import re-exports the runtime its API is written in: `import GraphAPI`
        // alone gives `GraphClient`, `DateTimeOffset`, `JSONValue`, ... Code generated into the
        // module that uses it (internal) has no clients to give them to.
        if context.access != "internal" {
            file.exportedImports = ["APIDocRuntime"]
            file.imports.removeAll { $0 == "APIDocRuntime" }
        }
        return file
    }

    /// `docs/api/x.md:12` -> `docs/api/x.md`.
    static func fileName(of source: String) -> String {
        guard let colon = source.lastIndex(of: ":"), Int(source[source.index(after: colon)...]) != nil else { return source }
        return String(source[..<colon])
    }

    /// File names unique ignoring case (case-insensitive file systems).
    static func uniqueFileNames<File: Named>(_ files: [File]) -> [File] {
        var used: Set<String> = []
        // The next counter to try per stem: lower ones are taken for good (linear time).
        var counters: [String: Int] = [:]
        return files.map { file in
            // Most names are free: one lower-cased copy each, then nothing else.
            if used.insert(file.name.lowercased()).inserted { return file }
            var result = file
            let stem = String(file.name.dropLast(".swift".count))
            var counter = counters[stem.lowercased()] ?? 2
            while used.contains(result.name.lowercased()) {
                result.name = stem + "_\(counter).swift"
                counter += 1
            }
            if result.name != file.name { counters[stem.lowercased()] = counter }
            used.insert(result.name.lowercased())
            return result
        }
    }

    /// Rendered text of every file, by file name, over `workers` threads, in order.
    public static func render(_ files: [SwiftFile], workers: Int = 1) -> [(name: String, text: String)] {
        let texts = Parallel.map(files.count, workers: workers) { SwiftRenderer.render(files[$0]) }
        return zip(files, texts).map { ($0.name, $1) }
    }
}

/// A generated file, translated or rendered: what `uniqueFileNames` renames.
protocol Named: Sendable {
    var name: String { get set }
}

extension SwiftFile: Named {}
