import APIDocExtraction
import APIDocGeneratorCore
import APIDocJSON
import APIDocMock
import Foundation
import Testing

@Suite struct MockRouterTests {
    let router = Fixture.router()

    func answer(_ method: String, _ target: String, body: String? = nil, headers: [String: String] = [:]) -> MockAnswer {
        router.answer(MockRequest(method: method, target: target, headers: headers, body: Data((body ?? "").utf8)))
    }

    func text(_ answer: MockAnswer) -> String { String(decoding: answer.body, as: UTF8.self) }

    /// The answer's body as a JSON object.
    func json(_ answer: MockAnswer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any], "not a JSON object: \(text(answer))")
    }

    @Test func routesCoverDocumentedPathsExamplePathsAndAliases() {
        let routes = router.routes.filter { $0.source.hasPrefix("docs/api/event-get.md:") }
        // Both forms are documented: no alias.
        #expect(routes.map(\.kind) == [.documented, .documented, .example, .example])
        #expect(routes.map(\.path.text) == ["/me/events/{id}", "/users/{id | userPrincipalName}/events/{id}", "/me/events/AAMk1", "/me/events/AAMk2"])
        #expect(routes.allSatisfy { $0.method == "GET" && $0.operation == "getEvent" })
        let folders = router.routes.filter { $0.source.hasPrefix("docs/api/user-list-mailfolders.md:") }
        #expect(folders.map(\.kind) == [.documented, .example, .alias])
        #expect(folders.map(\.path.text) == ["/users/{id | userPrincipalName}/mailFolders", "/users/adele@contoso.com/mailFolders", "/me/mailFolders"])
        #expect(router.exampleCount == 9)
    }

    @Test func placeholderMatchesAnyValueAndTheFirstExampleAnswers() throws {
        let answer = answer("GET", "/v1.0/me/events/some-other-id")
        #expect(answer.status == 200)
        #expect(answer.source == Fixture.responseSource(Fixture.getEvent, 0))
        #expect(answer.operation == "getEvent")
        #expect(try json(answer)["id"] as? String == "AAMk1")
        #expect(answer.header("content-type") == "application/json")
    }

    @Test func theExampleWhoseURLMatchesBestAnswers() throws {
        let exact = answer("GET", "/v1.0/me/events/AAMk2")
        #expect(exact.source == Fixture.responseSource(Fixture.getEvent, 1))
        #expect(try json(exact)["subject"] as? String == "Retro")
        // Through the other documented path the id still picks the example.
        let other = answer("GET", "/v1.0/users/adele/events/aamk2")
        #expect(other.source == Fixture.responseSource(Fixture.getEvent, 1))
        // Strict JSON is sent as written.
        #expect(text(exact) == #"{"id": "AAMk2", "subject": "Retro"}"#)
    }

    @Test func queryStringsAreIgnored() {
        let plain = answer("GET", "/v1.0/me/events")
        let query = answer("GET", "/v1.0/me/events?$select=subject&$filter=start/dateTime%20ge%20'2024-01-01'")
        #expect(plain.status == 200)
        #expect(query == plain)
        #expect(plain.source == Fixture.responseSource(Fixture.listEvents, 0))
    }

    @Test func trailingSlashVersionAndCaseDoNotMatter() {
        let reference = answer("GET", "/v1.0/me/events")
        for target in ["/v1.0/me/events/", "/beta/me/events", "/me/events", "/V1.0/ME/Events/"] {
            let other = answer("GET", target)
            #expect(other.status == 200, "\(target)")
            #expect(other.source == reference.source, "\(target)")
        }
    }

    @Test func meAndUsersPathsAnswerForEachOther() throws {
        // Documented only as /users/{id}/mailFolders.
        let me = answer("GET", "/v1.0/me/mailFolders")
        #expect(me.status == 200)
        #expect(me.source == Fixture.responseSource(Fixture.listMailFolders, 0))
        // Documented as /me/events/delta() only.
        let users = answer("GET", "/v1.0/users/adele@contoso.com/events/delta")
        #expect(users.source == Fixture.responseSource(Fixture.eventDelta, 0))
        // The documented /users path is preferred to an alias when both match.
        let both = answer("GET", "/v1.0/users/x/events")
        #expect(both.source == Fixture.responseSource(Fixture.listEvents, 0))
    }

    @Test func literalSegmentsWinOverPlaceholders() {
        // `delta` would also match /me/events/{id}.
        for target in ["/v1.0/me/events/delta", "/v1.0/me/events/delta()", "/v1.0/me/events/delta()?$deltatoken=x"] {
            let answer = answer("GET", target)
            #expect(answer.source == Fixture.responseSource(Fixture.eventDelta, 0), "\(target)")
            #expect(answer.operation != nil && answer.operation != "getEvent", "\(target)")
        }
    }

    @Test func functionCallSegmentsMatchTheirArguments() {
        let report = answer("GET", "/v1.0/reports/getEmailActivityCounts(period=%27D30%27)")
        #expect(report.status == 200)
        #expect(report.source == Fixture.responseSource(Fixture.report, 0))
        // Not JSON: sent as written, with the documented content type.
        #expect(text(report) == "Report Refresh Date,Send\n2017-09-01,5")
        #expect(report.header("Content-Type") == "text/csv")
        #expect(answer("GET", "/v1.0/reports/getEmailActivityCounts").status == 404)
    }

    @Test func lenientJSONIsSentAsStrictJSONWithoutPlaceholders() throws {
        let delta = answer("GET", "/v1.0/me/events/delta()")
        #expect(text(delta) == #"{"@odata.deltaLink":"https://graph.microsoft.com/v1.0/me/events/delta()?$deltatoken=def","value":[{"id":"AAMk3","subject":"Planning"}]}"#)
        let object = try json(delta)
        #expect((object["value"] as? [Any])?.count == 1)
        #expect(delta.header("Content-Type") == "application/json")
    }

    @Test func theRequestBodyBreaksTiesBetweenExamples() {
        let second = answer("POST", "/v1.0/me/sendMail", body: #"{"saveToSentItems": true, "message": {"subject": "Report"}}"#)
        #expect(second.status == 202)
        #expect(second.source == Fixture.responseSource(Fixture.sendMail, 1))
        let first = answer("POST", "/v1.0/me/sendMail", body: #"{"message": {"subject": "Lunch?"}, "saveToSentItems": false}"#)
        #expect(first.source == Fixture.responseSource(Fixture.sendMail, 0))
        let neither = answer("POST", "/v1.0/me/sendMail", body: #"{"message": {"subject": "Other"}}"#)
        #expect(neither.source == Fixture.responseSource(Fixture.sendMail, 0))
        #expect(neither.body.isEmpty)
    }

    @Test func noContentHasNoBody() {
        let deleted = answer("DELETE", "/v1.0/me/events/anything")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(deleted.header("Content-Type") == nil)
        #expect(deleted.operation == "deleteEvent")
    }

    @Test func unknownPathsGetAGraphShaped404() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let answer = router.answer(
            MockRequest(method: "GET", target: "/v1.0/me/nowhere?$top=1", headers: ["Client-Request-Id": "c-1"]),
            requestId: "r-1", date: date)
        #expect(answer.status == 404)
        #expect(answer.errorCode == MockRouter.unknownRouteCode)
        #expect(answer.source == nil)
        #expect(answer.header("Content-Type") == "application/json")
        #expect(answer.header("request-id") == "r-1")
        #expect(answer.header("client-request-id") == "c-1")
        let error = try #require(try json(answer)["error"] as? [String: Any])
        #expect(error["code"] as? String == "UnknownRoute")
        #expect((error["message"] as? String)?.contains("GET /me/nowhere") == true)
        let inner = try #require(error["innerError"] as? [String: Any])
        #expect(inner["request-id"] as? String == "r-1")
        #expect(inner["client-request-id"] as? String == "c-1")
        #expect(inner["date"] as? String == "2023-11-14T22:13:20")
        // Each answer has its own request id.
        let a = self.answer("GET", "/nowhere")
        let b = self.answer("GET", "/nowhere")
        #expect(a.header("request-id") != b.header("request-id"))
    }

    @Test func knownPathsWithAnotherMethodGet405() throws {
        let answer = answer("PUT", "/v1.0/me/events/x")
        #expect(answer.status == 405)
        #expect(answer.errorCode == MockRouter.methodNotAllowedCode)
        #expect(answer.header("Allow") == "DELETE, GET")
        let error = try #require(try json(answer)["error"] as? [String: Any])
        #expect(error["code"] as? String == "methodNotAllowed")
        #expect((error["message"] as? String)?.contains("PUT") == true)
        #expect(self.answer("DELETE", "/v1.0/me/events").header("Allow") == "GET")
    }

    @Test func pagesWithoutExamplesAnswerWithTheirDocumentedStatusOr501() throws {
        let accepted = answer("POST", "/v1.0/me/events/x/accept")
        #expect(accepted.status == 202)
        #expect(accepted.body.isEmpty)
        #expect(accepted.source?.hasPrefix("docs/api/event-accept.md:") == true)
        let calendar = answer("GET", "/v1.0/me/calendar")
        #expect(calendar.status == 501)
        #expect(calendar.errorCode == MockRouter.notImplementedCode)
        let error = try #require(try json(calendar)["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("docs/api/calendar-get.md") == true)
    }

    @Test func thePathsFilterOfTheConfigurationApplies() {
        let router = Fixture.router(paths: GlobFilter(exclude: ["/users/**"]))
        #expect(!router.routes.contains { $0.kind == .documented && $0.path.text.hasPrefix("/users/") })
        // The example path matches the excluded documented path only: not served either.
        #expect(router.answer(MockRequest(method: "GET", target: "/users/adele@contoso.com/mailFolders")).status == 404)
        #expect(router.answer(MockRequest(method: "GET", target: "/me/events/x")).status == 200)
        let only = Fixture.router(paths: GlobFilter(include: ["/reports/**"]))
        #expect(only.answer(MockRequest(method: "GET", target: "/me/events/x")).status == 404)
        #expect(only.answer(MockRequest(method: "GET", target: "/reports/getEmailActivityCounts(period='D7')")).status == 200)
    }

    @Test func logLinesNameTheRequestTheStatusAndThePage() {
        let request = MockRequest(method: "GET", target: "/v1.0/me/events/AAMk2?$select=id")
        let line = router.answer(request).logLine(for: request)
        #expect(line == "GET /v1.0/me/events/AAMk2?$select=id -> 200 \(Fixture.responseSource(Fixture.getEvent, 1)) (getEvent)")
        let missing = MockRequest(method: "POST", target: "/nowhere")
        #expect(router.answer(missing).logLine(for: missing) == "POST /nowhere -> 404 UnknownRoute")
        #expect(!line.contains("\n"))
    }

    /// Every request example of the package's docs is answered by its own page's response example.
    @Test func everyExampleOfTheDocsAnswersItsOwnRequest() throws {
        let analysis = try PackageDocs.analysis()
        let router = MockRouter(analysis: analysis)
        var checked = 0
        for page in analysis.pages {
            for (index, request) in page.examples.enumerated() where request.kind == .request {
                guard let method = request.method, let url = request.url,
                      let response = page.examples.first(where: { $0.kind == .response && $0.requestIndex == index })
                else { continue }
                let answer = router.answer(MockRequest(method: method, target: url, body: Data((request.bodyText ?? "").utf8)))
                #expect(answer.status == (response.status ?? 200), "\(page.path): \(method) \(url)")
                #expect(answer.source == "\(page.path):\(response.annotationLocation.line)", "\(method) \(url)")
                if let node = response.body {
                    let sent = try? LenientJSON.parse(String(decoding: answer.body, as: UTF8.self)).node.jsonText()
                    #expect(sent == node.jsonText(), "\(page.path): \(method) \(url)")
                }
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}
