import Foundation

/// How many columns the terminal on a file descriptor has: the terminal's own answer
/// (`TIOCGWINSZ`, which follows a resized window), else `$COLUMNS`, else 80.
///
/// ```swift
/// TerminalWidth.columns(of: 2)   // 80 in a default xterm, 60 after narrowing it
/// ```
enum TerminalWidth {
    static func columns(of descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback(environment)
    }

    /// `$COLUMNS` when it is a positive number, else 80.
    static func fallback(_ environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }
}
