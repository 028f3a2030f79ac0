// Decodes the docs' response examples with the generated types and re-encodes them; compiled by
// scripts/compile-output.sh next to the generated code (it is not part of the package).
//   ExampleCheck EXAMPLES.json   (written by `apidocgen lint --export-examples`)
// Exit 1 when an example that agrees with its page (per lint) does not decode or round-trip.
import APIDocRuntime
import Foundation
import GraphAPI

struct Example: Decodable {
    var file: String
    var line: Int
    var column: Int
    var type: String
    var collection: Bool
    var body: String
    var agrees: Bool
}

enum Outcome {
    case ok
    case lossy
}

func check<T: Codable & Hashable & Sendable>(_ type: T.Type, collection: Bool, body: Data) throws -> Outcome {
    let decoder = GraphJSON.decoder()
    let encoder = GraphJSON.encoder()
    let reencoded: Data
    if collection {
        reencoded = try encoder.encode(try decoder.decode(CollectionPage<T>.self, from: body))
    } else {
        reencoded = try encoder.encode(try decoder.decode(T.self, from: body))
    }
    return try JSONValue.parse(reencoded).isEquivalent(to: JSONValue.parse(body)) ? .ok : .lossy
}

func describe(_ error: any Error) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
    switch error as? DecodingError {
    case .typeMismatch(_, let c)?: return "property \(path(c.codingPath)): \(c.debugDescription)"
    case .valueNotFound(_, let c)?: return "property \(path(c.codingPath)): \(c.debugDescription)"
    case .keyNotFound(let key, let c)?: return "property \(path(c.codingPath)).\(key.stringValue) is missing"
    case .dataCorrupted(let c)?: return "property \(path(c.codingPath)): \(c.debugDescription)"
    default: return "\(error)"
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: ExampleCheck EXAMPLES.json\n".utf8))
    exit(2)
}
let examples = try JSONDecoder().decode([Example].self, from: data)
var decoded = 0
var failedAgreeing = 0
var failedDisagreeing = 0
var skipped = 0
for example in examples {
    guard let type = ODataTypes.type(named: example.type) else {
        skipped += 1
        continue
    }
    let location = "\(example.file):\(example.line):\(example.column)"
    do {
        switch try check(type, collection: example.collection, body: Data(example.body.utf8)) {
        case .ok:
            decoded += 1
        case .lossy:
            if example.agrees { failedAgreeing += 1 } else { failedDisagreeing += 1 }
            print("\(location): \(example.agrees ? "error" : "warning"): example of \(example.type) decodes but does not re-encode to the same JSON")
        }
    } catch {
        if example.agrees { failedAgreeing += 1 } else { failedDisagreeing += 1 }
        let what = example.agrees ? "error" : "warning"
        let why = example.agrees ? "" : " (lint reports this example as disagreeing with its page)"
        print("\(location): \(what): example does not decode as \(example.type): \(describe(error))\(why)")
    }
}
print("examples decoded with the generated types: \(decoded) decoded and re-encoded unchanged, \(failedAgreeing + failedDisagreeing) failed (\(failedDisagreeing) of them disagree with their page), \(skipped) skipped (type not generated)")
exit(failedAgreeing == 0 ? 0 : 1)
