import Foundation

/// An output file written whole or not at all: bytes go to a hidden temporary file beside the
/// target, which is renamed over the target only when complete. A crash, a full disk or an
/// interrupted run leaves the old file (or none), never half of a new one.
///
/// ```swift
/// let file = try AtomicFile(path: "out/articles.jsonl")
/// try file.write("{…}\n")
/// try file.commit()          // out/articles.jsonl appears now
/// ```
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    /// Opens a temporary file in the target's folder.
    /// - Throws: `OutputError` when the folder cannot be written.
    public init(path: String) throws(OutputError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        temporaryPath = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        // Opened directly: FileManager.createFile writes through a temporary file of its own,
        // one more rename a kill could interrupt and one more leftover.
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Bytes gathered before a write: large enough that writes are few, small enough that the
    /// several files a run finishes at once stay small in memory.
    static let bufferSize = 1 << 18

    /// Appends text; written out in 256 KiB chunks, so memory stays flat for any archive size.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= AtomicFile.bufferSize { try flush() }
    }

    /// Appends bytes; written out in 256 KiB chunks.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= AtomicFile.bufferSize { try flush() }
    }

    /// Writes out what is buffered and frees the buffer: for a file complete but not yet
    /// committed while others are written.
    public func flushAndRelease() throws(OutputError) {
        try flush()
        buffer = []
    }

    /// Completes the file and renames it into place.
    public func commit() throws(OutputError) {
        try flush()
        finished = true
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discardTemporary()
            throw OutputError(path: path, reason: "\(error.localizedDescription)")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            discardTemporary()
            throw OutputError(path: path, reason: reason)
        }
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? handle.close()
        discardTemporary()
    }

    deinit { discard() }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        do throws(OutputError) {
            // Straight to the descriptor: FileHandle would copy the buffer into a Data first.
            try FileDescriptorWriting.writeAll(buffer, to: handle.fileDescriptor, path: path)
        } catch {
            discard()
            throw error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func discardTemporary() {
        _ = unlink(temporaryPath)
    }
}

/// An output that could not be written. Its `description` follows `bulletin: ` on stderr.
///
/// Most are write failures (exit status 3); `refusesResume` marks a `--resume` that cannot go on
/// (other inputs, other options, nothing to resume): a problem with the request, exit status 1.
public struct OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    public let path: String
    public let reason: String
    public var refusesResume = false
    /// The new output was complete and committed (`FolderCommit`) when this happened: the next
    /// run into the folder puts it in place, so "nothing was changed" would not be true.
    public var committed = false
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A folder that could not be created, and why: a file in the way, no permission to write
    /// where it goes, or the system's reason.
    static func cannotCreate(folder: String, error: Error? = nil) -> OutputError {
        var ancestor = folder
        var isDirectory: ObjCBool = false
        while !ancestor.isEmpty, !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            let parent = (ancestor as NSString).deletingLastPathComponent
            ancestor = parent == ancestor ? "" : parent
        }
        let reason: String
        if ancestor.isEmpty {
            reason = OutputError.posixCode(of: error).map { "cannot create the folder: \(String(cString: strerror($0)))" }
                ?? "cannot create the folder"
        } else if !isDirectory.boolValue {
            reason = ancestor == folder
                ? "cannot create the folder: a file is in the way"
                : "cannot create the folder: a file is in the way (\(ancestor))"
        } else if access(ancestor, W_OK) != 0 {
            let code = errno
            let why = code == EACCES ? "permission denied" : String(cString: strerror(code))
            reason = ancestor == folder
                ? "cannot write into the folder: \(why)"
                : "cannot create the folder: \(why) (\(ancestor))"
        } else if let code = OutputError.posixCode(of: error) {
            reason = code == EACCES || code == EPERM
                ? "cannot create the folder: permission denied (\(ancestor))"
                : "cannot create the folder: \(String(cString: strerror(code)))"
        } else {
            reason = "cannot create the folder"
        }
        return OutputError(path: folder, reason: reason)
    }

    /// The system's error number behind a Foundation file error, if it has one.
    static func posixCode(of error: Error?) -> Int32? {
        guard let error else { return nil }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }

    /// `--resume` cannot continue this folder.
    static func cannotResume(path: String, reason: String) -> OutputError {
        var error = OutputError(path: path, reason: reason)
        error.refusesResume = true
        return error
    }
}
