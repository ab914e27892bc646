import Foundation

/// The log that lets `bulletin run --resume` continue an interrupted run: in the output folder's
/// work folder, a first line naming the run (tool version, lexicons, options), then one JSON line
/// per finished input — its manifest record, its problem count and the lengths the streamed
/// output files had after its last article.
///
/// Lines are appended only after the output files they describe are flushed and synced, each
/// checkpoint in one `write`, so the log never claims bytes that are not on disk; a line torn by a
/// crash is ignored on reading, and the files are cut back to the last whole line's lengths.
public struct ProgressLog {
    public struct Entry: Sendable, Equatable {
        public var record: InputRecord
        public var problems: Int
        /// Lengths of the streamed files (in `OutputFolder.streamedNames` order) after this input.
        public var lengths: [Int]
    }

    public let path: String
    private let descriptor: Int32

    /// Starts a new log for the run named `identity`.
    public static func create(path: String, identity: String) throws(OutputError) -> ProgressLog {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        let log = ProgressLog(path: path, descriptor: descriptor)
        var json = JSONWriter()
        json.object { o in
            o.key("run"); o.string(identity)
        }
        try log.append(lines: json.bytes + [0x0A])
        return log
    }

    /// Reopens the log of an interrupted run and reads its finished inputs.
    /// - Throws: `OutputError` when there is no log, or it belongs to a run with other settings.
    public static func reopen(path: String, identity: String) throws(OutputError) -> (ProgressLog, [Entry]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError.cannotResume(path: path, reason: "no interrupted run to resume here")
        }
        var entries: [Entry] = []
        var validLength = 0
        var offset = 0
        var first = true
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let end = offset + line.count + 1
            defer { offset = end }
            guard end <= data.count else { break }  // no newline: torn by a crash
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { break }
            if first {
                first = false
                guard object["run"] as? String == identity else {
                    throw OutputError.cannotResume(
                        path: path,
                        reason: "the interrupted run used other lexicons or options (\(object["run"] as? String ?? "?")); run without --resume")
                }
            } else {
                guard let entry = Entry(object) else { break }
                entries.append(entry)
            }
            validLength = end
        }
        guard !first else { throw OutputError.cannotResume(path: path, reason: "the log of the interrupted run is empty; run without --resume") }
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0, ftruncate(descriptor, off_t(validLength)) == 0, lseek(descriptor, 0, SEEK_END) >= 0 else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        return (ProgressLog(path: path, descriptor: descriptor), entries)
    }

    /// Appends finished inputs in one write, then syncs.
    public func append(_ entries: [Entry]) throws(OutputError) {
        var lines: [UInt8] = []
        for entry in entries { entry.appendLine(to: &lines) }
        try append(lines: lines)
    }

    /// Appends log lines already written as bytes (each ending in a line break), then syncs.
    public func append(lines: [UInt8]) throws(OutputError) {
        guard !lines.isEmpty else { return }
        try FileDescriptorWriting.writeAll(lines, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
    }

    public func close() { _ = Foundation.close(descriptor) }
}

extension ProgressLog.Entry {
    /// Appends the entry's log line, line break included.
    func appendLine(to bytes: inout [UInt8]) {
        var json = JSONWriter()
        json.object { o in
            record.writeFields(to: &o)
            o.key("problems"); o.int(problems)
            o.key("lengths"); o.array { a in for length in lengths { a.int(length) } }
        }
        bytes += json.bytes
        bytes.append(0x0A)
    }

    init?(_ object: [String: Any]) {
        guard let path = object["path"] as? String, let bytes = object["bytes"] as? Int,
            let sha256 = object["sha256"] as? String, let articles = object["articles"] as? Int,
            let problems = object["problems"] as? Int, let lengths = object["lengths"] as? [Int]
        else { return nil }
        var record = InputRecord(
            path: path, bytes: bytes, sha256: sha256, encoding: object["encoding"] as? String, articles: articles,
            error: object["error"] as? String)
        record.encodingConfidence = (object["encoding_confidence"] as? NSNumber)?.doubleValue
        record.suppliedDate = object["supplied_date"] as? String
        self.init(record: record, problems: problems, lengths: lengths)
    }
}
