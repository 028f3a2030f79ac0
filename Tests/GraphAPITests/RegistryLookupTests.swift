import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// `ODataTypes.type(named:)` of `Generated/` (a table lookup): every OData type name the docs
/// define finds its type, ignoring letter case and a leading `#`; other names find nothing.
@Suite struct RegistryLookupTests {
    @Test func everyNameFindsItsTypeIgnoringCaseAndHash() throws {
        try #require(ODataTypes.names.count > 1)
        var found: Set<ObjectIdentifier> = []
        for name in ODataTypes.names {
            let type = try #require(ODataTypes.type(named: name), "\(name)")
            found.insert(ObjectIdentifier(type))
            for variant in ["#" + name, name.uppercased(), "#" + name.lowercased()] {
                #expect(ODataTypes.type(named: variant).map(ObjectIdentifier.init) == ObjectIdentifier(type), "\(variant)")
            }
        }
        // A type per name (names differing only in letter case would share one; the docs have none).
        #expect(found.count == ODataTypes.names.count)
        #expect(ODataTypes.type(named: "microsoft.graph.call").map(ObjectIdentifier.init) == ObjectIdentifier(Call.self))
        #expect(ODataTypes.type(named: "#microsoft.graph.mediaConfig").map(ObjectIdentifier.init) == ObjectIdentifier(AnyMediaConfig.self))
        for unknown in ["", "#", "microsoft.graph.", "microsoft.graph.call ", "##microsoft.graph.call", "microsoft.graph.nothing"] {
            #expect(ODataTypes.type(named: unknown) == nil, "\(unknown)")
        }
    }

    /// A type found by name decodes its own JSON (the lookup returns a usable metatype).
    @Test func typesFoundByNameDecode() throws {
        let type = try #require(ODataTypes.type(named: "#microsoft.graph.call"))
        let value = try graphDecode(type, from: Data(#"{"id": "x", "subject": "s"}"#.utf8))
        let call = try #require(value as? Call)
        #expect(call.id == "x" && call.subject == "s")
    }
}
