import APIDocModel

/// Model -> Swift files: one file per type (structs, open enums, polymorphic wrappers) and one per
/// operation (a `GraphClient` extension), deterministic: sorted names, no dates, no machine paths.
public enum SwiftEmitter {
    public struct Options: Sendable {
        /// The name of the module the generated code is compiled in; it may not be used as a type name.
        public var moduleName: String

        public init(moduleName: String = "GraphAPI") {
            self.moduleName = moduleName
        }
    }

    public static func emit(_ model: APIModel, options: Options = Options()) -> [SwiftFile] {
        var reserved: Set<String> = [options.moduleName]
        // Path enums are named after operations; keep type names clear of them.
        for operation in model.operations { reserved.insert(SwiftNames.typeName(operation.name) + "Path") }
        let context = EmitterContext(model: model, reservedTypeNames: reserved)
        let imports = ["APIDocRuntime", "Foundation"]
        var files: [SwiftFile] = []
        let structs = StructTranslator(context: context)
        let enums = EnumTranslator(context: context)
        let wrappers = WrapperTranslator(context: context)
        for type in model.types {
            let name = context.swiftName(type.name)
            let source = fileName(of: type.source)
            let decl = type.kind == .enum ? enums.declaration(for: type) : structs.declaration(for: type)
            files.append(SwiftFile(name: name + ".swift", source: source, imports: imports, declarations: [decl]))
            if context.polymorphic.contains(type.name), let wrapper = context.wrapperNames[type.name] {
                files.append(SwiftFile(name: wrapper + ".swift", source: source, imports: imports, declarations: [wrappers.declaration(for: type.name)]))
            }
        }
        let operations = OperationTranslator(context: context)
        let functionNames = SwiftNames.uniqued(model.operations.map { SwiftNames.memberName($0.name, reserved: OperationTranslator.clientMembers) })
        for (operation, functionName) in zip(model.operations, functionNames) {
            let rendered = operations.render(operation, functionName: functionName)
            var decls: [SwiftDecl] = [.extensionDecl(type: "APIDocRuntime.GraphClient", doc: [], members: rendered.methods)]
            if let pathEnum = rendered.pathEnum { decls.append(pathEnum) }
            files.append(SwiftFile(name: "GraphClient+" + SwiftNames.typeName(SwiftNames.bare(functionName)) + ".swift",
                                   source: fileName(of: operation.source), imports: imports, declarations: decls))
        }
        return uniqueFileNames(files).sorted { $0.name < $1.name }
    }

    /// `docs/api/x.md:12` -> `docs/api/x.md`.
    static func fileName(of source: String) -> String {
        guard let colon = source.lastIndex(of: ":"), Int(source[source.index(after: colon)...]) != nil else { return source }
        return String(source[..<colon])
    }

    /// File names unique ignoring case (case-insensitive file systems).
    static func uniqueFileNames(_ files: [SwiftFile]) -> [SwiftFile] {
        var used: Set<String> = []
        return files.map { file in
            var result = file
            let stem = String(file.name.dropLast(".swift".count))
            var counter = 2
            while used.contains(result.name.lowercased()) {
                result.name = stem + "_\(counter).swift"
                counter += 1
            }
            used.insert(result.name.lowercased())
            return result
        }
    }

    /// Rendered text of every file, by file name.
    public static func render(_ files: [SwiftFile]) -> [(name: String, text: String)] {
        files.map { ($0.name, SwiftRenderer.render($0)) }
    }
}
