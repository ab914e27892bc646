import Foundation

/// An output file that grows in a hidden work folder while a run goes on and is renamed into
/// place when the run completes. Unlike `AtomicFile` it survives an interrupted run: its length at
/// each checkpoint is logged, and `--resume` cuts it back to the last logged length (dropping
/// whatever was written after it) and appends from there.
///
/// ```swift
/// let file = try ResumableFile(path: "out/.bulletin-partial/articles.jsonl", keepingFirst: nil)
/// try file.write("{…}\n")
/// try file.flush()            // file.length bytes are on disk now
/// try file.commit(to: "out/articles.jsonl")
/// ```
public final class ResumableFile {
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes gathered before they are handed to the system: four streamed files share the peak
    /// memory budget, so 256 KiB each.
    static let bufferSize = 256 << 10
    /// Bytes written so far, flushed or not.
    public private(set) var length: Int

    /// Opens the file: a new empty one, or (`keepingFirst: n`) the existing one cut to `n` bytes.
    /// - Throws: `OutputError` when it cannot be opened, or is shorter than `n`.
    public init(path: String, keepingFirst kept: Int?) throws(OutputError) {
        self.path = path
        let flags = kept == nil ? O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY
        descriptor = open(path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        length = 0
        if let kept {
            var status = stat()
            guard fstat(descriptor, &status) == 0, Int(status.st_size) >= kept, ftruncate(descriptor, off_t(kept)) == 0,
                lseek(descriptor, off_t(kept), SEEK_SET) == off_t(kept)
            else {
                close(descriptor)
                throw OutputError(path: path, reason: "shorter than the interrupted run logged; run without --resume")
            }
            length = kept
        }
    }

    deinit { close(descriptor) }


    /// Appends text; written out in 256 KiB chunks.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        length += text.utf8.count
        if buffer.count >= ResumableFile.bufferSize { try flush() }
    }

    /// Appends bytes; written out in 256 KiB chunks.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        length += bytes.count
        if buffer.count >= ResumableFile.bufferSize { try flush() }
    }

    /// Hands every buffered byte to the system, so that `length` bytes are in the file.
    public func flush() throws(OutputError) {
        try FileDescriptorWriting.writeAll(buffer, to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and waits until the bytes are on the disk.
    public func sync() throws(OutputError) {
        try flush()
        guard fdatasync(descriptor) == 0 else { throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
    }

    /// Flushes, syncs and renames the file to `target`.
    public func commit(to target: String) throws(OutputError) {
        try sync()
        guard rename(path, target) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
    }
}
