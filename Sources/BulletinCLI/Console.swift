import Foundation

/// Where a command writes: standard output for results, standard error for problems and
/// progress. Tests pass a console that collects both into strings.
public final class Console: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    private let readInput: () -> [UInt8]
    /// Whether standard error is a terminal: progress is shown only then.
    public let errorIsTerminal: Bool

    public init(
        out: @escaping (String) -> Void, error: @escaping (String) -> Void,
        input: @escaping () -> [UInt8] = { [] }, errorIsTerminal: Bool = false
    ) {
        self.writeOut = out
        self.writeError = error
        self.readInput = input
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's own streams. Standard output is buffered and flushed on exit.
    public static func standard() -> Console {
        let out = FileOutput(descriptor: 1)
        let err = FileOutput(descriptor: 2)
        return Console(
            out: { out.write($0) }, error: { err.write($0) },
            input: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            errorIsTerminal: isatty(2) == 1)
    }

    public func out(_ text: String) { writeOut(text) }
    public func error(_ text: String) { writeError(text) }
    public func standardInput() -> [UInt8] { readInput() }

    /// A problem line, `bulletin: <what is wrong>`.
    public func problem(_ description: String) { writeError("bulletin: \(description)\n") }
}

/// Writes to a file descriptor. In Swift 6 the global `stderr` is not concurrency-safe, so the
/// CLI writes through this instead.
final class FileOutput: @unchecked Sendable {
    private let descriptor: Int32
    init(descriptor: Int32) { self.descriptor = descriptor }

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return  // a closed pipe (`bulletin run … | head`): nothing more to say
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
