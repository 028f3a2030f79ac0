import APIDocRuntime
import Foundation
import Testing

/// `ODataQuery`, `ODataReference` and the OData literals of function arguments.
@Suite struct ODataQueryTests {
    @Test func optionsInAFixedOrder() {
        let query = ODataQuery(select: ["id", "displayName"], expand: ["members($select=id)"], filter: "a eq 'b'", orderBy: ["displayName desc", "id"],
                               top: 5, skip: 10, count: true, search: "\"x\"")
        #expect(query.queryItems.map(\.name) == ["$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search"])
        #expect(query.queryItems.map(\.value) == ["id,displayName", "members($select=id)", "a eq 'b'", "displayName desc,id", "5", "10", "true", "\"x\""])
    }

    @Test func unsetAndEmptyOptionsAreLeftOut() {
        #expect(ODataQuery().isEmpty)
        #expect(ODataQuery(select: [], orderBy: []).queryItems.isEmpty)
        #expect(ODataQuery(count: false).queryItems == [URLQueryItem(name: "$count", value: "false")])
        #expect(ODataQuery(top: 0).queryItems == [URLQueryItem(name: "$top", value: "0")])
    }

    @Test func addedToARequestAndEncodedByTheClient() throws {
        var request = GraphRequest(method: "GET", path: "/users")
        request.addQuery("x", "1")
        request.addQuery(ODataQuery(select: ["id"], filter: "name eq 'A&B #1'", top: 3))
        let client = GraphClient(baseURL: URL(string: "https://graph.microsoft.com/v1.0")!)
        let url = try client.url(for: request)
        #expect(url.absoluteString == "https://graph.microsoft.com/v1.0/users?x=1&$select=id&$filter=name%20eq%20'A%26B%20%231'&$top=3")
    }

    @Test func referenceCoding() throws {
        let reference = ODataReference(id: "https://graph.microsoft.com/v1.0/directoryObjects/8e5")
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(reference)) as? [String: String]
        #expect(object == ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/8e5"])
        let decoded = try JSONDecoder().decode(ODataReference.self, from: Data(#"{"@odata.id":"https://x/y","@odata.context":"c"}"#.utf8))
        #expect(decoded.id == "https://x/y")
        #expect(decoded.url?.host == "x")
        #expect(ODataReference(url: URL(string: "https://a/b")!).id == "https://a/b")
        let page = try JSONDecoder().decode(CollectionPage<ODataReference>.self, from: Data(#"{"value":[{"@odata.id":"https://a/1"},{"@odata.id":"https://a/2"}]}"#.utf8))
        #expect(page.value.map(\.id) == ["https://a/1", "https://a/2"])
    }

    @Test func referenceToAPathOfTheClient() {
        let client = GraphClient(baseURL: URL(string: "https://graph.microsoft.com/v1.0/")!)
        #expect(client.reference(to: "/directoryObjects/" + PathComponent.escape("a b")).id == "https://graph.microsoft.com/v1.0/directoryObjects/a%20b")
        #expect(client.reference(to: "users/1").id == "https://graph.microsoft.com/v1.0/users/1")
    }

    @Test func functionArgumentLiterals() throws {
        #expect(PathComponent.argument(7) == "7")
        #expect(PathComponent.argument(Int32(-3)) == "-3")
        #expect(PathComponent.argument(UInt8(255)) == "255")
        #expect(PathComponent.argument(true) == "true")
        #expect(PathComponent.argument(false) == "false")
        #expect(PathComponent.argument(1.5) == "1.5")
        #expect(PathComponent.argument(1e20) == "1E%2B20")
        #expect(PathComponent.argument(Double.infinity) == "INF")
        #expect(PathComponent.argument(-Double.infinity) == "-INF")
        #expect(PathComponent.argument(Double.nan) == "NaN")
        #expect(PathComponent.argument(Float(0.25)) == "0.25")
        #expect(PathComponent.argument(Decimal(string: "12.50")!) == "12.5")
        #expect(PathComponent.argument(try #require(DateOnly(rawValue: "2024-01-31"))) == "2024-01-31")
        #expect(PathComponent.argument(try #require(DateTimeOffset(rawValue: "2024-01-31T10:00:00+01:00"))) == "2024-01-31T10%3A00%3A00%2B01%3A00")
        #expect(PathComponent.argument(try #require(TimeOfDay(rawValue: "10:30:00"))) == "10%3A30%3A00")
        #expect(PathComponent.argument(try #require(GUID(rawValue: "8e5a0c1e-0000-4000-8000-000000000001"))) == "8e5a0c1e-0000-4000-8000-000000000001")
        #expect(PathComponent.argument(try #require(ISODuration(rawValue: "P1D"))) == "duration'P1D'")
    }

    @Test func theItemsOfPages() async throws {
        let first = CollectionPage<Int>(value: [1, 2])
        let client = GraphClient(baseURL: URL(string: "https://graph.microsoft.com/v1.0")!)
        var items: [Int] = []
        for try await item in client.pages(startingWith: first).items { items.append(item) }
        #expect(items == [1, 2])
    }
}
