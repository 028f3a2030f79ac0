#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors that stop a run: bad input or usage (exit 2), or a failure to write the output.
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    case input(String)
    case output(String)

    public var description: String {
        switch self {
        case .input(let message): return message
        case .output(let message): return message
        }
    }

    /// The words for an error of a file operation, for a message after "cannot write 'x': ".
    /// With FoundationEssentials, a file-system error says what the system said and the path it
    /// is about ("No such file or directory: /some/path"); with all of Foundation (Apple's
    /// systems), Foundation's localized description. Any other error describes itself.
    public static func describe(_ error: any Error) -> String {
        #if canImport(FoundationEssentials)
        // The tool links FoundationEssentials alone (a faster start than all of Foundation),
        // which has no localized descriptions.
        if let cocoa = error as? CocoaError {
            let path = cocoa.userInfo["NSFilePath"] as? String
            var reason = "file operation failed (code \(cocoa.code.rawValue))"
            if let posix = cocoa.underlying as? POSIXError { reason = String(cString: strerror(posix.code.rawValue)) }
            return path.map { "\(reason): \($0)" } ?? reason
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return "\(error)"
        #else
        return error.localizedDescription
        #endif
    }
}
