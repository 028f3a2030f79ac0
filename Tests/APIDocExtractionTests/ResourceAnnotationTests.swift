@testable import APIDocExtraction
import APIDocJSON
import Testing

@Suite("Resource annotation and JSON representation")
struct ResourceAnnotationTests {
    static let page = """
        # driveItem resource type

        Namespace: microsoft.graph

        ## Properties

        | Property | Type | Description |
        |:---|:---|:---|
        | id | String | The identifier. Read-only. |
        | name | String | The name. |

        ## Relationships

        | Relationship | Type | Description |
        |:---|:---|:---|
        | children | [driveItem](driveitem.md) collection | The children. Read-only. Nullable. |

        ## JSON representation

        The following is a JSON representation of the resource.

        <!-- {
          "blockType": "resource",
          "optionalProperties": ["name", "children"],
          "keyProperty": "id",
          "baseType": "microsoft.graph.baseItem",
          "openType": true,
          "abstract": false,
          "@odata.type": "microsoft.graph.driveItem"
        } -->
        ```json
        {
          "id": "String (identifier)",
          // A comment, as driveitem.md has.
          "name": "string"
        }
        ```
        """

    @Test func annotationFields() throws {
        let page = extract(Self.page, path: "docs/resources/driveitem.md")
        let resource = try #require(page.resource)
        #expect(resource.odataType == "microsoft.graph.driveItem")
        #expect(resource.baseType == "microsoft.graph.baseItem")
        #expect(resource.keyProperty == "id")
        #expect(resource.openType)
        #expect(!resource.abstract)
        #expect(resource.optionalProperties == ["name", "children"])
        #expect(resource.location == at(22, 6))
        #expect(page.definesType)
        #expect(!page.isOperation)
    }

    @Test func jsonRepresentation() throws {
        let page = extract(Self.page, path: "docs/resources/driveitem.md")
        let resource = try #require(page.resource)
        #expect(resource.jsonLocation == at(32, 1))
        let json = try #require(resource.json)
        #expect(json.members?.map(\.key) == ["id", "name"])
        #expect(json["id"]?.stringValue == "String (identifier)")
        #expect(json["name"]?.position == JSONPosition(line: 35, column: 11))
    }

    @Test func propertiesAndRelationships() throws {
        let page = extract(Self.page, path: "docs/resources/driveitem.md")
        #expect(page.properties.map(\.name) == ["id", "name"])
        #expect(page.properties.map(\.isNavigation) == [false, false])
        #expect(page.properties.first?.readOnly == true)
        let children = try #require(page.relationship("children"))
        #expect(children.isNavigation)
        #expect(TypeShape(children.type) == many(.named("driveItem", "driveitem.md")))
        #expect(children.nullable == true)
        #expect(children.readOnly)
    }

    @Test func abstractAndNullBaseType() throws {
        let page = extract("""
            # entity resource type

            <!-- {
              "blockType": "resource",
              "baseType": null,
              "abstract": "true",
              "@odata.type": "#microsoft.graph.entity"
            } -->
            ```json
            {"id": "String"}
            ```
            """, path: "docs/resources/entity.md")
        let resource = try #require(page.resource)
        #expect(resource.odataType == "microsoft.graph.entity")
        #expect(resource.baseType == nil)
        #expect(resource.abstract)
        #expect(!resource.openType)
        #expect(resource.keyProperty == nil)
        #expect(resource.json?["id"]?.stringValue == "String")
    }

    @Test func isAbstractSpelling() throws {
        let page = extract("""
            # x

            <!-- { "blockType": "resource", "isAbstract": true, "@odata.type": "microsoft.graph.x" } -->
            ```json
            {}
            ```
            """, path: "docs/resources/x.md")
        #expect(page.resource?.abstract == true)
    }

    @Test func inheritsFromSentence() {
        let page = extract("""
            # fileAttachment resource type

            Namespace: microsoft.graph

            A file attached to an event. Inherits from [attachment](attachment.md).
            """, path: "docs/resources/fileattachment.md")
        #expect(page.inheritsFrom == "attachment.md")
    }

    @Test func unparsableJSONRepresentationIsReported() throws {
        let page = extract("""
            # x

            <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->
            ```json
            { "a": [1, 2 }
            ```
            """, path: "docs/resources/x.md")
        let resource = try #require(page.resource)
        #expect(resource.json == nil)
        #expect(resource.odataType == "microsoft.graph.x")
        #expect(page.diagnostics.map(\.rule) == ["example-json"])
        #expect(page.diagnostics.first?.severity == .warning)
        #expect(page.diagnostics.first?.line == 5)
    }

    /// An annotation starts with `{` as a character: a brace with a combining mark after it is
    /// another character, and the comment is no annotation (nothing read, nothing reported).
    @Test func annotationBraceIsACharacter() {
        func page(_ open: String) -> Page {
            extract("# Get x\n\n## Example\n\n<!-- \(open)\"blockType\": \"request\", \"name\": \"get_x\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/x\n```\n")
        }
        #expect(page("{").examples.count == 1)
        #expect(page("\n  {").examples.count == 1)
        let marked = page("{\u{301}")
        #expect(marked.examples.isEmpty)
        #expect(!marked.diagnostics.contains { $0.rule == "annotation-json" })
    }
}
