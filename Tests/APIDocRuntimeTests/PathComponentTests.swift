import APIDocRuntime
import Foundation
import Testing

@Suite struct PathComponentTests {
    @Test func escapesReservedCharacters() {
        #expect(PathComponent.escape("a/b c?d#e%f'g") == "a%2Fb%20c%3Fd%23e%25f%27g")
    }

    @Test func keepsUnreservedCharacters() {
        let unreserved = "ABCXYZabcxyz0189-._~"
        #expect(PathComponent.escape(unreserved) == unreserved)
        #expect(PathComponent.escape("") == "")
    }

    @Test func escapesOtherASCII() {
        #expect(PathComponent.escape("a\"b+c&d=e@f:g;h,i(j)k*l!m$n[o]p{q}r") ==
            "a%22b%2Bc%26d%3De%40f%3Ag%3Bh%2Ci%28j%29k%2Al%21m%24n%5Bo%5Dp%7Bq%7Dr")
        #expect(PathComponent.escape("\n\t") == "%0A%09")
    }

    @Test func escapesUnicodeAsUTF8() {
        #expect(PathComponent.escape("é") == "%C3%A9")
        #expect(PathComponent.escape("日本") == "%E6%97%A5%E6%9C%AC")
        #expect(PathComponent.escape("👍") == "%F0%9F%91%8D")
        #expect(PathComponent.escape("Zoë's file.docx") == "Zo%C3%AB%27s%20file.docx")
        #expect(PathComponent.escape("日本").removingPercentEncoding == "日本")
    }

    @Test func quotedArgument() {
        #expect(PathComponent.quotedArgument("D7") == "'D7'")
        #expect("getX(period=" + PathComponent.quotedArgument("D7") + ")" == "getX(period='D7')")
        #expect(PathComponent.quotedArgument("it's") == "'it%27%27s'")
        #expect(PathComponent.quotedArgument("a/b c") == "'a%2Fb%20c'")
        #expect(PathComponent.quotedArgument("") == "''")
        #expect(PathComponent.quotedArgument("it's").removingPercentEncoding == "'it''s'")
    }
}
