import APIDocExtraction
import APIDocGeneratorCore
import APIDocLint
import Testing

/// One small fixture folder per lint rule (`Fixtures/<rule>/api`, `.../resources`), run through
/// `Pipeline.analyze` and `Pipeline.lint`; the warnings are compared as printed.
@Suite("Lint rules on fixtures")
struct LintRuleFixtureTests {
    @Test func unknownPropertyInAnExample() throws {
        #expect(printed(try lintFixture("example-property")) == [
            "example-property/api/widget-get.md:53:3: warning: response example disagrees with the docs: widget has property 'colour', which widget does not define [example-property]",
        ])
    }

    @Test func wrongJSONTypeInAnExample() throws {
        #expect(printed(try lintFixture("example-type")) == [
            "example-type/api/widget-get.md:53:11: warning: response example disagrees with the docs: widget.size should be an integer (Edm.Int32), not the string \"large\" [example-type]",
        ])
    }

    @Test func valueThatIsNotAMemberOfTheEnum() throws {
        #expect(printed(try lintFixture("example-enum")) == [
            "example-enum/api/widget-get.md:52:12: warning: response example disagrees with the docs: widget.color is 'purple', which is not a member of widgetColor [example-enum]",
        ])
    }

    @Test func malformedDate() throws {
        #expect(printed(try lintFixture("example-format")) == [
            "example-format/api/widget-get.md:52:22: warning: response example disagrees with the docs: widget.createdDateTime is '2024-13-45 25:00', which is not a valid Edm.DateTimeOffset [example-format]",
        ])
    }

    /// `shape` is abstract with a derived `circle`: an object with a circle's property and no
    /// `@odata.type` cannot be told apart, and the property is unknown to the declared type.
    @Test func missingODataTypeWhereTheTypeIsPolymorphic() throws {
        #expect(printed(try lintFixture("example-odata-type")) == [
            "example-odata-type/api/widget-get.md:52:12: warning: response example disagrees with the docs: widget.shape is of the abstract type shape and has properties of a derived type, but no @odata.type says which [example-odata-type]",
            "example-odata-type/api/widget-get.md:54:5: warning: response example disagrees with the docs: widget.shape has property 'radius', which shape does not define [example-property]",
        ])
    }

    @Test func requestWithoutItsResponse() throws {
        #expect(printed(try lintFixture("request-without-response")) == [
            "request-without-response/api/widget-get.md:32:6: warning: request example 'get-widget' has no response example [request-without-response]",
        ])
    }

    @Test func linkToAMissingPage() throws {
        #expect(printed(try lintFixture("missing-page")) == [
            "missing-page/resources/widget.md:18:11: warning: property 'owner' has type 'person', which links to 'person.md', a page that is not in the input; it is read as any JSON value [missing-page]",
        ])
    }

    @Test func enumListedDifferentlyOnTwoPages() throws {
        #expect(printed(try lintFixture("enum-conflict")) == [
            "enum-conflict/resources/more-enums.md:11:1: warning: enum 'widgetColor' is defined here with members [red, green, purple] and at enum-conflict/resources/enums.md:11 with [red, green, blue]; the generated enum has all of them [enum-conflict]",
        ])
    }

    @Test func propertyWithTwoDifferentTypes() throws {
        #expect(printed(try lintFixture("property-conflict")) == [
            "property-conflict/resources/widget-more.md:17:3: warning: property 'size' of 'microsoft.graph.widget' is Edm.String here but Edm.Int32 at property-conflict/resources/widget.md:18; the first is used [property-conflict]",
        ])
    }

    @Test func annotationThatDoesNotParse() throws {
        #expect(printed(try lintFixture("annotation-json")) == [
            "annotation-json/resources/widget.md:23:26: warning: annotation JSON does not parse, even leniently: expected a value, found ','; the annotation is ignored [annotation-json]",
        ])
    }

    /// `"String"`, `"String (identifier)"`, `"String (timestamp)"` and `"red | green | blue"` in
    /// the JSON representation and in a template response example are checked by shape and pass.
    @Test func placeholderValuesCheckedByShapePass() throws {
        let report = try lintFixture("placeholders-pass")
        #expect(printed(report) == [])
        #expect(report.counts.shapeChecked == 1)
        #expect(report.counts.representations == 3)
        #expect(report.counts.representationsFailed == 0)
    }

    /// An `a | b` placeholder is a list of enum members: one that names a non-member is reported.
    @Test func placeholderListNamingANonMember() throws {
        let report = try lintFixture("placeholders-nonmember")
        #expect(printed(report) == [
            "placeholders-nonmember/resources/widget.md:36:12: warning: JSON representation disagrees with the properties table: widget.color is 'purple', which is not a member of widgetColor [example-enum]",
        ])
        #expect(report.counts.representationsFailed == 1)
    }

    /// The fixtures' rule names are the rules their diagnostics carry.
    @Test(arguments: ["example-property", "example-type", "example-enum", "example-format", "example-odata-type", "request-without-response",
                      "missing-page", "enum-conflict", "property-conflict", "annotation-json"])
    func fixtureShowsItsRule(_ rule: String) throws {
        #expect(try lintFixture(rule).diagnostics.contains { $0.rule == rule })
    }
}
