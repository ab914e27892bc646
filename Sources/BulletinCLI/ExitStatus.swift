/// The command's exit status (SPEC): 0 success, 1 the input had problems that were reported (the
/// good part is still written), 2 usage error, 3 the output could not be written, 130 interrupted
/// (Ctrl-C).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case inputProblems = 1
    case usage = 2
    case outputFailed = 3
    case interrupted = 130
}
