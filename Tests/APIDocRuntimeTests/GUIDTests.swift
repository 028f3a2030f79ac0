import APIDocRuntime
import Foundation
import Testing

@Suite struct GUIDTests {
    @Test(arguments: [
        "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "8F1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
        "8f1B2c3D-4e5f-6071-8293-A4b5c6d7e8f9", "00000000-0000-0000-0000-000000000000",
    ])
    func roundTripsExactTextAndCase(text: String) throws {
        let value = try #require(GUID(rawValue: text))
        #expect(value.rawValue == text)
        #expect(value.description == text)
        #expect(value.uuid == UUID(uuidString: text.uppercased()))
        #expect(try decodeString(GUID.self, text) == value)
        #expect(try encodedString(value) == text)
    }

    @Test func caseIsPreservedButUUIDsMatch() throws {
        let lower = try #require(GUID(rawValue: "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"))
        let upper = try #require(GUID(rawValue: "8F1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"))
        #expect(lower != upper)
        #expect(lower.uuid == upper.uuid)
    }

    @Test func initFromUUIDIsLowercase() throws {
        let uuid = try #require(UUID(uuidString: "8F1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"))
        let value = GUID(uuid)
        #expect(value.rawValue == "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
        #expect(value.uuid == uuid)
        #expect(GUID(rawValue: value.rawValue) == value)
        let random = GUID()
        #expect(random.rawValue == random.rawValue.lowercased())
        #expect(random != GUID())
    }

    @Test(arguments: [
        "", "8f1b2c3d4e5f60718293a4b5c6d7e8f9", "{8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9}",
        "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f", "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9a",
        "8f1b2c3d-4e5f-6071-8293_a4b5c6d7e8f9", "gf1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
        "8f1b2c3-d4e5f-6071-8293-a4b5c6d7e8f9", " 8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f",
    ])
    func rejectsMalformedText(text: String) {
        #expect(GUID(rawValue: text) == nil)
        let message = corruptionMessage { _ = try decodeString(GUID.self, text) }
        #expect(message?.contains("\"\(text)\"") == true, "message: \(message ?? "none")")
    }
}
