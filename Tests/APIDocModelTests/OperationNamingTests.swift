import APIDocExtraction
import APIDocMarkdown
@testable import APIDocModel
import Testing

/// Operation names come from the page title; a clash falls back to the file name.
@Suite("Operation names")
struct OperationNamingTests {
    @Test func wordsKeepTheirLettersAndDigitsOnly() {
        #expect(Naming.lettersAndDigits("call-id_2") == "callid2")
        #expect(Naming.lettersAndDigits("(List)") == "List")
        #expect(Naming.lettersAndDigits("café!") == "café")
        #expect(Naming.lettersAndDigits("x\r\ny") == "xy")
        #expect(Naming.lowerCamel(["Create", "calls", "(beta)", "—", "Über"]) == "createCallsBetaÜber")
    }

    /// `lowerCamel` as the general path builds it: each word's letters and digits, the first
    /// lowered, the others raised.
    static func lowerCamelByWords(_ words: [String]) -> String {
        let cleaned = words.map(Naming.lettersAndDigits).filter { !$0.isEmpty }
        guard let first = cleaned.first else { return "" }
        return Naming.lowerFirst(first) + cleaned.dropFirst().map(Naming.upperFirst).joined()
    }

    @Test func asciiWordsCasedOnTheirBytesAsByWords() throws {
        var lists: [[String]] = [[], [""], ["-", "2fa"], ["Create", "calls", "(beta)"], ["get", "SMS", "methods"], ["a"], ["_x_", "y-z", "__"],
                                 ["URL", "path"], ["9lives", "cat"], ["user", "id"], ["{id}", "key"]]
        // Words drawn from a fixed sequence of printable ASCII.
        var state: UInt64 = 7
        for _ in 0..<300 {
            var words: [String] = []
            for _ in 0..<(Int(state % 4)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let length = Int((state >> 40) % 9)
                var word = ""
                for offset in 0..<length {
                    let byte = 32 + (Int(state >> 20) / (offset + 1)) % 95
                    word.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
                }
                words.append(word)
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1
            lists.append(words)
        }
        for words in lists {
            let fast = try #require(Naming.asciiLowerCamel(words), "\(words)")
            #expect(fast == Self.lowerCamelByWords(words), "\(words)")
            #expect(Naming.lowerCamel(words) == fast)
        }
        #expect(Naming.asciiLowerCamel(["Über", "x"]) == nil)
    }

    let call = resourceDoc("call", properties: ["|subject|String|S.|"])

    func name(title: String, path: String = "docs/api/op.md", requests: [String] = ["POST /things"], body: String? = nil, extra: [Doc] = []) -> [String] {
        let doc = apiDoc(path, title: title, requests: requests, body: body)
        return resolve([doc] + extra).model.operations.map(\.name)
    }

    @Test func verbAfterTheColon() {
        #expect(name(title: "call: answer", requests: ["POST /communications/calls/{id}/answer"]) == ["answerCall"])
        #expect(name(title: "call: playPrompt", requests: ["POST /communications/calls/{id}/playPrompt"]) == ["playPromptCall"])
        #expect(name(title: "participant: mute all", requests: ["POST /x"]) == ["muteAllParticipant"])
    }

    @Test func createWithABodyOfTheSingularType() {
        let body = "In the request body, supply a JSON representation of the [call](../resources/call.md) object."
        #expect(name(title: "Create calls", requests: ["POST /communications/calls"], body: body, extra: [call]) == ["createCall"])
        // Without a body of that type the words stay as written.
        #expect(name(title: "Create calls", requests: ["POST /communications/calls"]) == ["createCalls"])
    }

    @Test func plainTitles() {
        #expect(name(title: "List participants", requests: ["GET /communications/calls/{id}/participants"]) == ["listParticipants"])
        #expect(name(title: "Get call", requests: ["GET /communications/calls/{id}"]) == ["getCall"])
        #expect(name(title: "Get a call", requests: ["GET /communications/calls/{id}"]) == ["getCall"])
        #expect(name(title: "Get call (deprecated)", requests: ["GET /communications/calls/{id}"]) == ["getCall"])
        #expect(name(title: "Delete audioRoutingGroup", requests: ["DELETE /x/{id}"]) == ["deleteAudioRoutingGroup"])
    }

    @Test func titleWithoutLettersFallsBackToTheFileName() {
        #expect(name(title: "123", path: "docs/api/call-keepalive.md", requests: ["POST /x"]) == ["callKeepalive"])
    }

    @Test func clashFallsBackToTheFileName() throws {
        let first = apiDoc("docs/api/call-get-beta.md", title: "Get call", requests: ["GET /beta/calls/{id}"])
        let second = apiDoc("docs/api/call-get.md", title: "Get call", requests: ["GET /communications/calls/{id}"])
        let (model, _) = resolve(second, first)
        // Pages are taken in path order: `call-get-beta.md` comes first and keeps the title's name.
        #expect(model.operations.map(\.name) == ["callGet", "getCall"])
        #expect(model.operation("getCall")?.source == first.path + ":1")
        #expect(model.operation("callGet")?.source == second.path + ":1")
        #expect(Set(model.operations.map(\.name)).count == model.operations.count)
    }

    @Test func threeWayClashStaysUnique() throws {
        let docs = [
            apiDoc("docs/api/a.md", title: "Get call", requests: ["GET /a"]),
            apiDoc("docs/api/b.md", title: "Get call", requests: ["GET /b"]),
            apiDoc("docs/api/c.md", title: "Get call", requests: ["GET /c"]),
            apiDoc("docs/api/d.md", title: "b", requests: ["GET /d"]),
        ]
        let (model, _) = resolve(docs)
        #expect(model.operations.count == 4)
        #expect(Set(model.operations.map(\.name)).count == 4)
        #expect(model.operations.map(\.name) == model.operations.map(\.name).sorted())
    }
}
