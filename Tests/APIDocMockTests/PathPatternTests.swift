import APIDocMock
import Testing

@Suite struct PathPatternTests {
    func matches(_ template: String, _ target: String) -> Bool {
        PathPattern(template).match(PathPattern.requestSegments(target)) != nil
    }

    @Test func placeholdersMatchAnySegmentValue() {
        #expect(matches("/communications/calls/{id}/participants", "/communications/calls/abc/participants"))
        #expect(matches("/communications/calls/{id}/participants", "/communications/calls/f6dffcb0-a19c-4b41-9a92-11caa1f1bb66/participants"))
        #expect(matches("/users/{id | userPrincipalName}/events", "/users/adele%40contoso.com/events"))
        #expect(!matches("/communications/calls/{id}/participants", "/communications/calls/abc"))
        #expect(!matches("/communications/calls/{id}/participants", "/communications/calls/abc/participants/extra"))
        #expect(!matches("/communications/calls/{id}/participants", "/communications/calls/abc/operations"))
        #expect(!matches("/communications/calls/{id}", "/communications/calls"))
    }

    @Test func requestTargetsAreNormalised() {
        #expect(PathPattern.requestSegments("/v1.0/me/events/") == ["me", "events"])
        #expect(PathPattern.requestSegments("/beta/Me/Events?$top=1&$filter=a eq 'b/c'") == ["me", "events"])
        #expect(PathPattern.requestSegments("//me//events") == ["me", "events"])
        #expect(PathPattern.requestSegments("/users/a%2Fb/events") == ["users", "a/b", "events"])
        #expect(PathPattern.requestSegments("http://127.0.0.1:8080/v1.0/me#x") == ["me"])
        #expect(PathPattern.requestSegments("/me/events/delta()") == ["me", "events", "delta"])
        // Only a leading version segment is dropped.
        #expect(PathPattern.requestSegments("/me/beta") == ["me", "beta"])
    }

    @Test func templatesAreNormalisedLikeRequests() {
        #expect(PathPattern("https://graph.microsoft.com/v1.0/me/events?$select=subject").text == "/me/events")
        #expect(PathPattern("https://graph.microsoft.com/beta/communications/calls").text == "/communications/calls")
        #expect(PathPattern("/communications/calls/{id}").isConcrete == false)
        #expect(PathPattern("/communications/calls/abc").isConcrete)
        #expect(matches("/communications/Calls/{id}", "/COMMUNICATIONS/calls/x"))
        #expect(matches("/me/events/", "/me/events"))
    }

    @Test func functionCallSegments() {
        let report = "/reports/getEmailActivityCounts(period='{period_value}')"
        #expect(matches(report, "/reports/getEmailActivityCounts(period='D7')"))
        #expect(matches(report, "/v1.0/reports/getEmailActivityCounts(period=%27D30%27)"))
        #expect(!matches(report, "/reports/getEmailActivityCounts(period=D7)"))
        #expect(!matches(report, "/reports/getEmailActivityCounts(period='')"))
        #expect(!matches(report, "/reports/getMailboxUsageDetail(period='D7')"))
        let schedule = "/me/calendar/getSchedule(start='{start}',end='{end}')"
        #expect(matches(schedule, "/me/calendar/getSchedule(start='2024-01-01',end='2024-01-02')"))
        #expect(matches("/me/events/delta()", "/me/events/delta"))
        #expect(matches("/me/events/delta", "/me/events/delta()"))
        #expect(matches("/me/photos/{size}/$value", "/me/photos/48x48/$value"))
    }

    @Test func literalSegmentsAreMoreSpecificThanPlaceholders() throws {
        let request = PathPattern.requestSegments("/me/events/delta")
        let literal = try #require(PathPattern("/me/events/delta()").match(request))
        let placeholder = try #require(PathPattern("/me/events/{id}").match(request))
        #expect(placeholder.lexicographicallyPrecedes(literal))
        let inText = try #require(PathPattern("/me/events/{id}x").match(PathPattern.requestSegments("/me/events/ax")))
        let bare = try #require(PathPattern("/me/events/{id}").match(PathPattern.requestSegments("/me/events/ax")))
        #expect(bare.lexicographicallyPrecedes(inText))
    }

    @Test func pathAddressingSpansSegments() {
        let template = "/me/drive/root:/{item-path}:/content"
        #expect(matches(template, "/me/drive/root:/folder/sub/file.txt:/content"))
        #expect(matches(template, "/me/drive/root:/file.txt:/content"))
        #expect(!matches(template, "/me/drive/root:/file.txt:/children"))
        #expect(matches("/me/drive/root:/{item-path}", "/me/drive/root:/a/b/c.txt"))
    }

    @Test func meAliases() throws {
        let alias = try #require(PathPattern("/users/{id | userPrincipalName}/mailFolders/{id}").meAlias())
        #expect(alias.text == "/me/mailFolders/{id}")
        #expect(alias.match(PathPattern.requestSegments("/me/mailFolders/inbox")) != nil)
        #expect(alias.match(PathPattern.requestSegments("/users/x/mailFolders/inbox")) == nil)
        let reverse = try #require(PathPattern("/me/events").meAlias())
        #expect(reverse.text == "/users/{id}/events")
        #expect(reverse.match(PathPattern.requestSegments("/users/adele@contoso.com/events")) != nil)
        #expect(PathPattern("/communications/calls/{id}").meAlias() == nil)
        #expect(PathPattern("/users").meAlias() == nil)
    }
}
