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
}
