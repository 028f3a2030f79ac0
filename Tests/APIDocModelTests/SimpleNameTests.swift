@testable import APIDocModel
import Testing

/// The last part of a qualified name, and its comparison without case.
@Suite("Simple names")
struct SimpleNameTests {
    @Test func lastNonEmptyPartOrTheWholeName() {
        #expect(Resolver.simpleName("microsoft.graph.callRecords.session") == "session")
        #expect(Resolver.simpleName("callState") == "callState")
        #expect(Resolver.simpleName("a.b.") == "b")
        #expect(Resolver.simpleName("...") == "...")
        #expect(Resolver.simpleName("") == "")
    }

    @Test func comparedWithoutCaseAsLowerCasingTheCopyWould() {
        let names = ["microsoft.graph.CallState", "callstate", "x.CALLSTATE..", "...", "", "a.Événement", "a.événement", "graph.\u{212A}ind", "graph.kind",
                     "graph.KIND", "graph.kinds", "ß.STRASSE", "x.İ"]
        let lowers = ["callstate", "", "...", "événement", "kind", "kinds", "strasse", "i̇", "CallState"]
        for name in names {
            for lower in lowers {
                #expect(Resolver.simpleName(name, lowercasedEquals: lower) == (Resolver.simpleName(name).lowercased() == lower), "\(name) \(lower)")
            }
        }
    }
}
