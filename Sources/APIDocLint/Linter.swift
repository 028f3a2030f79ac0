import APIDocExtraction
import APIDocJSON
import APIDocMarkdown
import APIDocModel

/// The docs' own inconsistencies, found by checking every example and JSON representation against
/// the model, on top of what extraction and resolution report.
public enum Linter {
    /// The rules only `lint` reports (the example and representation checks); `generate` does
    /// not run them, so a suppression of one of these is not unused when `generate` sees none.
    public static let lintOnlyRules: Set<String> = [
        "example-property", "example-type", "example-enum", "example-format", "example-odata-type", "request-without-response",
    ]

    /// What happened to each response example.
    public struct ExampleCounts: Hashable, Sendable, Codable {
        /// Examples with real values that agree with their page.
        public var decoded = 0
        /// Examples that disagree with their page (each has at least one diagnostic).
        public var failed = 0
        /// Template examples (placeholder values) checked by shape only.
        public var shapeChecked = 0
        /// Examples not checked, by reason.
        public var skipped: [String: Int] = [:]
        /// JSON representations of resources checked by shape, and those that disagree.
        public var representations = 0
        public var representationsFailed = 0

        public var skippedTotal: Int { skipped.values.reduce(0, +) }
    }

    /// A response example with real values, for checks that decode it with the generated types.
    public struct CheckedExample: Hashable, Sendable, Codable {
        public var file: String
        public var line: Int
        public var column: Int
        /// The qualified type the annotation names.
        public var type: String
        public var collection: Bool
        /// The body as strict JSON (lenient syntax and `...` placeholders removed).
        public var body: String
        /// Whether the model-level check found it consistent with its page.
        public var agrees: Bool
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var counts: ExampleCounts
        public var examples: [CheckedExample] = []
    }

    public static func lint(pages: [Page], model: APIModel) -> Report {
        let validator = ExampleValidator(model: model)
        var diagnostics: [Diagnostic] = []
        var counts = ExampleCounts()
        var checked: [CheckedExample] = []
        let byName = Dictionary(model.types.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
        for page in pages.sorted(by: { $0.path < $1.path }) {
            checkRequestResponsePairs(page, into: &diagnostics)
            for example in page.examples where example.kind == .response {
                guard let body = example.body else {
                    counts.skipped[example.bodyText == nil ? "no body" : "body is not JSON", default: 0] += 1
                    continue
                }
                guard var name = example.odataType, !name.isEmpty else {
                    counts.skipped["annotation names no type", default: 0] += 1
                    continue
                }
                if name.hasPrefix("#") { name.removeFirst() }
                var typeName = byName[name.lowercased()] ?? byName[("microsoft.graph." + name).lowercased()]
                if typeName == nil, TypeCellParser.primitive(name) != nil { typeName = TypeCellParser.primitive(name) }
                guard let type = typeName else {
                    counts.skipped["type '\(name)' is not defined", default: 0] += 1
                    continue
                }
                var collection = example.isCollection
                var value = body
                if !collection, let items = body["value"], items.arrayValue != nil, validator.properties[type]?["value"] == nil {
                    collection = true
                }
                if collection, let items = body["value"] { value = items }
                let template = Placeholder.containsPlaceholder(value)
                var findings: [ExampleValidator.Finding] = []
                validator.validate(value, type: type, collection: collection, path: ExampleValidator.display(type), placeholders: template, into: &findings)
                for f in findings {
                    diagnostics.append(Diagnostic(file: page.path, location: f.location, severity: .warning, rule: f.rule,
                                                  message: "response example disagrees with the docs: \(f.message)"))
                }
                if !findings.isEmpty { counts.failed += 1 } else if template { counts.shapeChecked += 1 } else { counts.decoded += 1 }
                if !template, !type.hasPrefix("Edm."), let location = example.bodyLocation {
                    checked.append(CheckedExample(file: page.path, line: location.line, column: location.column, type: type,
                                                  collection: collection, body: body.jsonText(), agrees: findings.isEmpty))
                }
            }
            if let resource = page.resource, let json = resource.json, let odata = resource.odataType {
                var name = odata
                if name.hasPrefix("#") { name.removeFirst() }
                guard let type = byName[name.lowercased()] ?? byName[("microsoft.graph." + name).lowercased()] else { continue }
                var findings: [ExampleValidator.Finding] = []
                validator.validate(json, type: type, collection: false, path: ExampleValidator.display(type), placeholders: true, into: &findings)
                counts.representations += 1
                if !findings.isEmpty { counts.representationsFailed += 1 }
                for f in findings {
                    diagnostics.append(Diagnostic(file: page.path, location: f.location, severity: .warning, rule: f.rule,
                                                  message: "JSON representation disagrees with the properties table: \(f.message)"))
                }
            }
        }
        return Report(diagnostics: diagnostics, counts: counts, examples: checked)
    }

    /// A request example with no response example after it.
    static func checkRequestResponsePairs(_ page: Page, into diagnostics: inout [Diagnostic]) {
        let answered = Set(page.examples.compactMap(\.requestIndex))
        for (index, example) in page.examples.enumerated() where example.kind == .request && !answered.contains(index) {
            diagnostics.append(Diagnostic(file: page.path, location: example.annotationLocation, severity: .warning, rule: "request-without-response",
                                          message: "request example\(example.name.map { " '\($0)'" } ?? "") has no response example"))
        }
    }
}
