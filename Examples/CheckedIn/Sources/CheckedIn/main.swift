import APIDocRuntime
import Foundation
import WidgetAPI

// A generated type from the checked-in Sources/WidgetAPI, decoded from the docs' own example.
let json = Data(#"{"id":"w1","name":"Gear","size":12,"color":"green","createdDateTime":"2024-05-01T09:30:00Z","finish":"matte"}"#.utf8)
let widget = try JSONDecoder().decode(Widget.self, from: json)
print("CheckedIn: \(widget.name ?? "?") is \(widget.color?.rawValue ?? "?"), size \(widget.size ?? 0); kept \(widget.additionalProperties.keys.sorted())")
