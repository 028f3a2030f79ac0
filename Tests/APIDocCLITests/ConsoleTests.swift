@testable import APIDocCLI
import APIDocExtraction
import APIDocMarkdown
import Foundation
import Testing

@Suite("Console output shared by the executables")
struct ConsoleTests {
    @Test func workflowMessagesEscapePercentAndLineBreaks() {
        #expect(Console.workflowEscaped("50% of a\r\nb\nc\rd") == "50%25 of a%0D%0Ab%0Ac%0Dd")
        #expect(Console.workflowEscaped("ünïcode, no change") == "ünïcode, no change")
        let diagnostic = Diagnostic(file: "docs/a.md", location: APIDocMarkdown.SourceLocation(line: 3, column: 7), severity: .warning,
                                    rule: "missing-page", message: "two\nlines at 100%")
        #expect(Console.format(diagnostic, as: .github) == "::warning file=docs/a.md,line=3,col=7::two%0Alines at 100%25 [missing-page]")
        #expect(Console.format(diagnostic, as: .text) == diagnostic.description)
    }

    @Test func timingsPrintSecondsWithThreeDecimals() {
        #expect(PhaseTimings.seconds(.milliseconds(42)) == "0.042")
        #expect(PhaseTimings.seconds(.milliseconds(1500)) == "1.500")
        #expect(PhaseTimings.seconds(.seconds(12)) == "12.000")
        #expect(PhaseTimings.seconds(.microseconds(1499)) == "0.001")
        #expect(PhaseTimings.seconds(.microseconds(1500)) == "0.002")
        #expect(PhaseTimings.seconds(.zero) == "0.000")
    }

    /// Text larger than one write takes (a pipe's buffer is 64 KiB) arrives whole and in order.
    /// The reader has a thread of its own: the writer blocks until it reads.
    @Test func writeDeliversEveryByte() throws {
        let text = String(repeating: "line ü of the diagnostics\n", count: 20_000)
        let pipe = Pipe()
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        Thread {
            received.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        Console.write(text, toDescriptor: pipe.fileHandleForWriting.fileDescriptor)
        try pipe.fileHandleForWriting.close()
        done.wait()
        #expect(String(decoding: received.data, as: UTF8.self) == text)
    }

    /// A write to a descriptor that takes none fails quietly: nothing is written, nothing hangs.
    @Test func aFailedWriteGivesUp() {
        Console.write("lost\n", toDescriptor: -1)
        let pipe = Pipe()
        try? pipe.fileHandleForReading.close()
        signal(SIGPIPE, SIG_IGN)
        Console.write("no reader\n", toDescriptor: pipe.fileHandleForWriting.fileDescriptor)
    }
}

/// Bytes handed from the reading thread to the test.
private final class Received: @unchecked Sendable {
    var data = Data()
}
