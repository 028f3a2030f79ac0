import APIDocRuntime
import Foundation

// `Gadget` (the docs' `widget`, renamed in apidocgen.json) is generated at build time.
var gadget = Gadget(name: "Sprocket", size: 3, color: .blue)
gadget.createdDateTime = DateTimeOffset(rawValue: "2024-05-01T09:30:00.1234567+02:00")
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
let data = try encoder.encode(gadget)
let back = try JSONDecoder().decode(Gadget.self, from: data)
print("BuildTime: \(String(decoding: data, as: UTF8.self)); round trip \(back == gadget ? "equal" : "DIFFERENT")")
