import APIDocExtraction
import APIDocGeneratorCore
import ArgumentParser
import Foundation

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], minimum: Diagnostic.Severity) {
        var text = ""
        for diagnostic in diagnostics where diagnostic.severity >= minimum {
            text += diagnostic.description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Runs `body`; a GeneratorError (bad input) exits with code 2 after printing it.
func runOrExit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GeneratorError {
        Console.error("error: \(error.description)")
        throw ExitCode(2)
    }
}
