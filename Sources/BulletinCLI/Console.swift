import Foundation

/// Where a command writes: standard output for results, standard error for problems and
/// progress. Tests pass a console that collects both into strings.
public final class Console: @unchecked Sendable {
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    private let readInput: () -> [UInt8]
    private let readInputChunk: () -> [UInt8]
    private let failedOutput: () -> String?
    /// Whether standard error is a terminal: progress is shown only then.
    public let errorIsTerminal: Bool
    private let errorColumns: () -> Int

    /// - Parameter outputFailure: why standard output could not take everything written to it
    ///   (`No space left on device`), or nil while it has.
    public init(
        out: @escaping (String) -> Void, error: @escaping (String) -> Void,
        input: @escaping () -> [UInt8] = { [] }, errorIsTerminal: Bool = false,
        errorColumns: @escaping () -> Int = { 80 },
        outputFailure: @escaping () -> String? = { nil },
        inputChunk: (() -> [UInt8])? = nil
    ) {
        self.writeOut = out
        self.writeError = error
        self.readInput = input
        if let inputChunk {
            readInputChunk = inputChunk
        } else {
            // All of `input` at the first call, then the end.
            let given = OneShot(input)
            readInputChunk = { given.take() }
        }
        self.errorIsTerminal = errorIsTerminal
        self.errorColumns = errorColumns
        self.failedOutput = outputFailure
    }

    /// The process's own streams (or standard output on another descriptor). Every write to
    /// standard output is checked: the first failure is kept and the command fails with it.
    public static func standard(outputDescriptor: Int32 = 1) -> Console {
        let out = FileOutput(descriptor: outputDescriptor)
        let err = FileOutput(descriptor: 2)
        return Console(
            out: { out.write($0) }, error: { err.write($0) },
            input: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            errorIsTerminal: isatty(2) == 1, errorColumns: { TerminalWidth.columns(of: 2) },
            outputFailure: { out.failure },
            inputChunk: {
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                while true {
                    let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                    if count < 0, errno == EINTR { continue }
                    chunk.removeSubrange(max(0, count)...)
                    return chunk
                }
            })
    }

    /// How many columns the terminal on standard error has now (asked at each call: a window
    /// can be resized mid-run).
    public var errorWidth: Int { errorColumns() }

    /// Why standard output lost data, or nil: a full disk, a closed pipe, an I/O error.
    public var outputFailure: String? { failedOutput() }

    public func out(_ text: String) { writeOut(text) }
    public func error(_ text: String) { writeError(text) }
    public func standardInput() -> [UInt8] { readInput() }
    /// The next bytes of standard input, empty at its end: for reading it a chunk at a time.
    public func standardInputChunk() -> [UInt8] { readInputChunk() }

    /// A problem line, `bulletin: <what is wrong>`.
    public func problem(_ description: String) { writeError("bulletin: \(description)\n") }
}

/// Writes to a file descriptor. In Swift 6 the global `stderr` is not concurrency-safe, so the
/// CLI writes through this instead.
///
/// A failed write (a full disk, a closed pipe) is kept, not ignored: later writes are dropped and
/// `failure` says why, so the command can fail instead of exiting 0 with its output cut.
final class FileOutput: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var firstFailure: String?
    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Why a write failed (`No space left on device`), or nil.
    var failure: String? { lock.withLock { firstFailure } }

    func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard firstFailure == nil else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                firstFailure = written < 0 ? String(cString: strerror(errno)) : "nothing could be written"
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Hands over its bytes once, then nothing: standard input given whole, read in chunks.
private final class OneShot: @unchecked Sendable {
    private var read: (() -> [UInt8])?
    init(_ read: @escaping () -> [UInt8]) { self.read = read }
    func take() -> [UInt8] {
        defer { read = nil }
        return read?() ?? []
    }
}
