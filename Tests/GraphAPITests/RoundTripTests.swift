import APIDocExtraction
import APIDocRuntime
import Foundation
import GraphAPI
import Testing

/// Generated behaviour on hand-written JSON: what survives a decode/encode round trip, and what a
/// value built in code encodes as.
@Suite struct RoundTripTests {
    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try GraphJSON.decoder().decode(T.self, from: Data(text.utf8))
    }

    func json(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Data(text.utf8))
    }

    /// The value encoded with `GraphJSON.encoder()`, parsed back.
    func encoded(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(GraphJSON.encoder().encode(value))
    }

    // MARK: Unknown things are kept

    @Test func unknownEnumMemberDecodesAsUndocumentedAndReencodesUnchanged() throws {
        let text = #"{"state": "someNewState", "direction": "sideways", "requestedModalities": ["audio", "hologram"]}"#
        let call = try decode(Call.self, text)
        #expect(call.state == .undocumented("someNewState"))
        #expect(call.state?.rawValue == "someNewState")
        #expect(call.direction == .undocumented("sideways"))
        #expect(call.requestedModalities == [.audio, .undocumented("hologram")])
        #expect(call.additionalProperties.isEmpty, "unknown members of known enums stay typed")
        #expect(!CallState.documentedCases.contains(.undocumented("someNewState")))
        #expect(try encoded(call).isEquivalent(to: json(text)))

        // A documented member is never `.undocumented`, and comparisons go by raw value.
        #expect(try decode(Call.self, #"{"state": "established"}"#).state == .established)
        #expect(CallState(rawValue: "established") == .established)
        #expect(CallState.undocumented("established") == .established)
    }

    @Test func unknownPropertiesAndExplicitNullsSurviveARoundTrip() throws {
        let text = """
            {
              "id": "abc",
              "futureProperty": {"nested": [1, 2.5, "a", null, true]},
              "subject": null,
              "source": {
                "identity": {"user": {"id": "u1", "futureIdentityField": "x"}},
                "futureInfo": 7
              }
            }
            """
        let call = try decode(Call.self, text)
        #expect(call.id == "abc")
        #expect(call.additionalProperties["futureProperty"] == ["nested": [1, 2.5, "a", nil, true]])
        #expect(call.additionalProperties["subject"] == .null, "an explicit null of a known key is kept")
        #expect(call.subject == nil)
        #expect(call.source?.additionalProperties["futureInfo"] == 7)
        #expect(call.source?.identity?.user?.additionalProperties["futureIdentityField"] == "x")
        #expect(call.source?.identity?.user?.id == "u1")
        let reencoded = try encoded(call)
        #expect(reencoded.isEquivalent(to: try json(text)), "\(reencoded)")
        #expect(try decode(Call.self, String(decoding: GraphJSON.encoder().encode(call), as: UTF8.self)) == call)
    }

    // MARK: Polymorphic values

    @Test func serviceHostedMediaConfigDecodesAsItsCaseAndKeepsItsODataType() throws {
        let text = """
            {"mediaConfig": {
              "@odata.type": "#microsoft.graph.serviceHostedMediaConfig",
              "removeFromDefaultAudioGroup": false,
              "preFetchMedia": [{"uri": "https://cdn.contoso.com/prompts/welcome.wav", "resourceId": "e51b4554"}]
            }}
            """
        let call = try decode(Call.self, text)
        guard case .serviceHosted(let config) = call.mediaConfig else {
            Issue.record("mediaConfig decoded as \(String(describing: call.mediaConfig)), not .serviceHosted")
            return
        }
        #expect(config.removeFromDefaultAudioGroup == false)
        #expect(config.preFetchMedia?.first?.uri == "https://cdn.contoso.com/prompts/welcome.wav")
        #expect(config.preFetchMedia?.first?.resourceId == "e51b4554")
        #expect(call.mediaConfig?.odataType == "#microsoft.graph.serviceHostedMediaConfig")
        let reencoded = try encoded(call)
        #expect(reencoded["mediaConfig"]?[ODataType.key] == "#microsoft.graph.serviceHostedMediaConfig")
        #expect(reencoded.isEquivalent(to: try json(text)), "\(reencoded)")

        // The annotation is matched without `#` and in any letter case, and written back as sent.
        let bare = #"{"mediaConfig": {"@odata.type": "microsoft.graph.ServiceHostedMediaConfig"}}"#
        let bareCall = try decode(Call.self, bare)
        guard case .serviceHosted = bareCall.mediaConfig else {
            Issue.record("\(bare) decoded as \(String(describing: bareCall.mediaConfig))")
            return
        }
        #expect(try encoded(bareCall).isEquivalent(to: json(bare)))

        let app = ##"{"mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig", "blob": "<media config blob>"}}"##
        guard case .appHosted(let appConfig) = try decode(Call.self, app).mediaConfig else {
            Issue.record("\(app) did not decode as .appHosted")
            return
        }
        #expect(appConfig.blob == "<media config blob>")
        #expect(try encoded(decode(Call.self, app)).isEquivalent(to: json(app)))
    }

    @Test func unknownODataTypeKeepsItsJSON() throws {
        let text = """
            {
              "mediaConfig": {"@odata.type": "#microsoft.graph.holographicMediaConfig", "removeFromDefaultAudioGroup": true, "hologramQuality": "high"},
              "meetingInfo": {"@odata.type": "#microsoft.graph.futureMeetingInfo", "code": 42},
              "operations": [{"@odata.type": "#microsoft.graph.futureOperation", "id": "op1", "status": "running", "futureField": [1, {"x": null}]}]
            }
            """
        let call = try decode(Call.self, text)
        guard case .mediaConfig(let base) = call.mediaConfig else {
            Issue.record("an unknown mediaConfig type decoded as \(String(describing: call.mediaConfig)), not the base case")
            return
        }
        #expect(base.odataType == "#microsoft.graph.holographicMediaConfig")
        #expect(base.removeFromDefaultAudioGroup == true)
        #expect(base.additionalProperties["hologramQuality"] == "high")
        #expect(call.meetingInfo?.odataType == "#microsoft.graph.futureMeetingInfo")
        #expect(call.operations?.first?.odataType == "#microsoft.graph.futureOperation")
        let reencoded = try encoded(call)
        #expect(reencoded.isEquivalent(to: try json(text)), "\(reencoded)")
    }

    // MARK: Primitives

    @Test(arguments: [
        "2021-07-16T18:32:44.1234567Z",
        "2021-07-16T18:32:44.1000000-07:00",
        "2021-07-16T18:32:44.0000001+05:30",
    ])
    func dateTimeOffsetWithSevenFractionalDigitsRoundTripsExactly(_ stamp: String) throws {
        let text = #"{"transcription": {"state": "active", "lastModifiedDateTime": "\#(stamp)"}}"#
        let call = try decode(Call.self, text)
        let value = try #require(call.transcription?.lastModifiedDateTime)
        #expect(value.rawValue == stamp)
        let output = String(decoding: try GraphJSON.encoder().encode(call), as: UTF8.self)
        #expect(output.contains("\"lastModifiedDateTime\":\"\(stamp)\""), "\(output)")
        #expect(try encoded(call).isEquivalent(to: json(text)))
    }

    @Test func dateTimeOffsetKeepsTheTicks() throws {
        let call = try decode(Call.self, #"{"transcription": {"lastModifiedDateTime": "2021-07-16T18:32:44.1234567Z"}}"#)
        let value = try #require(call.transcription?.lastModifiedDateTime)
        #expect(value.nanosecond == 123_456_700)
        #expect(value.second == 44 && value.utcOffsetSeconds == 0)
    }

    // MARK: The seed page

    /// The 26 rows of the request-body table of `docs/api/application-post-calls.md`.
    static let seedRequestBodyProperties = [
        "id", "state", "mediaState", "resultInfo", "terminationReason", "direction", "ringingTimeoutInSeconds",
        "subject", "callbackUri", "callRoutes", "source", "targets", "answeredBy", "requestedModalities",
        "activeModalities", "mediaConfig", "chatInfo", "callOptions", "meetingInfo", "meetingCapability",
        "routingPolicies", "tenantId", "myParticipantId", "toneInfo", "callChainId", "incomingContext",
    ]

    @Test func callHasEveryPropertyOfTheSeedRequestBodyTable() throws {
        #expect(Self.seedRequestBodyProperties.count == 26)
        #expect(Set(Self.seedRequestBodyProperties).count == 26)

        // The extractor reads the same 26 rows from the page.
        let seed = try #require(DocsCorpus.apiPages.first { $0.path == "docs/api/application-post-calls.md" })
        if case .resource(_, let rows) = seed.requestBody {
            #expect(rows.map(\.name) == Self.seedRequestBodyProperties)
        } else {
            Issue.record("docs/api/application-post-calls.md: request body read as \(seed.requestBody), not a call with a property table")
        }

        // `Call`'s coding keys (the names its decoder asks for) include each of them.
        let names = try ShapeCheck.propertyNames(of: Call.self)
        for property in Self.seedRequestBodyProperties {
            #expect(names.contains(property), "Call has no property '\(property)' (its JSON names: \(names.sorted()))")
        }

        // Each is a typed property: a body setting all 26 decodes with nothing left over, sets a
        // Swift property of the same name, and re-encodes unchanged.
        let body: JSONValue = [
            "id": "f6dffcb0-a19c-4b41-9a92-11caa1f1bb66",
            "state": "established",
            "mediaState": ["audio": "active"],
            "resultInfo": ["code": 200, "subcode": 0, "message": "OK"],
            "terminationReason": "AppTerminated",
            "direction": "outgoing",
            "ringingTimeoutInSeconds": 60,
            "subject": "Weekly support review",
            "callbackUri": "https://bot.contoso.com/api/calls",
            "callRoutes": [["routingType": "forwarded", "final": ["user": ["id": "u2"]], "original": ["user": ["id": "u1"]]]],
            "source": ["identity": ["application": ["id": "a331b795", "displayName": "Bot"]]],
            "targets": [["identity": ["user": ["id": "c2d9c793", "displayName": "Adele Vance"]]]],
            "answeredBy": ["identity": ["user": ["id": "c2d9c793"]], "endpointType": "default"],
            "requestedModalities": ["audio"],
            "activeModalities": ["audio", "video"],
            "mediaConfig": ["@odata.type": "#microsoft.graph.serviceHostedMediaConfig"],
            "chatInfo": ["threadId": "19:meeting_x@thread.v2", "messageId": "0"],
            "callOptions": ["hideBotAfterEscalation": true],
            "meetingInfo": ["@odata.type": "#microsoft.graph.organizerMeetingInfo", "organizer": ["user": ["id": "486db0c4"]]],
            "meetingCapability": ["allowAnonymousUsersToDialOut": false, "autoAdmittedUsers": "everyone"],
            "routingPolicies": ["noMissedCall"],
            "tenantId": "706e7751-7460-45d0-9ad6-59943b20bdb1",
            "myParticipantId": "3e445554",
            "toneInfo": ["sequenceId": 3, "tone": "pound"],
            "callChainId": "faf4bebf",
            "incomingContext": ["sourceParticipantId": "s1", "observedParticipantId": "o1"],
        ]
        let call = try GraphJSON.decoder().decode(Call.self, from: body.jsonData())
        #expect(call.additionalProperties.isEmpty, "untyped: \(call.additionalProperties.keys.sorted())")
        let children = Dictionary(
            Mirror(reflecting: call).children.compactMap { child in child.label.map { ($0, child.value) } },
            uniquingKeysWith: { first, _ in first })
        for property in Self.seedRequestBodyProperties {
            let value = try #require(children[property], "Call has no stored property named \(property)")
            #expect(Mirror(reflecting: value).children.count == 1, "Call.\(property) is nil after decoding \(body[property]!)")
        }
        #expect(try encoded(call).isEquivalent(to: body))
    }

    @Test func callStateHasExactlyTheSeedMembers() {
        let seedMembers = [
            "incoming", "establishing", "ringing", "established", "hold", "transferring", "transferAccepted",
            "redirecting", "terminating", "terminated", "unknownFutureValue",
        ]
        #expect(CallState.documentedCases.map(\.rawValue) == seedMembers)
        for member in CallState.documentedCases {
            let parsed = CallState(rawValue: member.rawValue)
            #expect(parsed == member)
            if case .undocumented = parsed {
                Issue.record("CallState(rawValue: \"\(member.rawValue)\") is .undocumented")
            }
        }
    }

    @Test func callBuiltInCodeEncodesTheExpectedJSON() throws {
        var call = Call()
        call.callbackUri = "https://bot.contoso.com/api/calls"
        call.requestedModalities = [.audio]
        call.mediaConfig = .serviceHosted(ServiceHostedMediaConfig())
        call.source = ParticipantInfo(identity: IdentitySet(application: Identity(displayName: "Contoso Help Desk Bot", id: "a331b795")))
        call.targets = [InvitationParticipantInfo(identity: IdentitySet(user: Identity(displayName: "Adele Vance", id: "c2d9c793")))]
        call.tenantId = "706e7751-7460-45d0-9ad6-59943b20bdb1"

        let expected: JSONValue = [
            "callbackUri": "https://bot.contoso.com/api/calls",
            "requestedModalities": ["audio"],
            "mediaConfig": ["@odata.type": "#microsoft.graph.serviceHostedMediaConfig"],
            "source": ["identity": ["application": ["displayName": "Contoso Help Desk Bot", "id": "a331b795"]]],
            "targets": [["identity": ["user": ["displayName": "Adele Vance", "id": "c2d9c793"]]]],
            "tenantId": "706e7751-7460-45d0-9ad6-59943b20bdb1",
        ]
        let output = try encoded(call)
        #expect(output == expected, "\(output)")

        // Sorted keys and unescaped slashes, as GraphJSON promises.
        let text = String(decoding: try GraphJSON.encoder().encode(call), as: UTF8.self)
        #expect(text.hasPrefix(##"{"callbackUri":"https://bot.contoso.com/api/calls","mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},"requestedModalities":["audio"]"##), "\(text)")

        // What comes back decodes as the same case and encodes the same JSON.
        let back = try GraphJSON.decoder().decode(Call.self, from: GraphJSON.encoder().encode(call))
        guard case .serviceHosted = back.mediaConfig else {
            Issue.record("the encoded mediaConfig decodes as \(String(describing: back.mediaConfig))")
            return
        }
        #expect(try encoded(back) == expected)
    }
}
