import Foundation

/// Puts a set of finished files from a work folder into their folder so that a crash at any
/// moment leaves, after the next run, the folder's previous files or all the new ones — never a
/// mix of both.
///
/// The files are complete and synced in the work folder first. Then a commit record
/// (`commit.json`, listing them) is written there atomically — temporary file, `fsync`, rename —
/// and only then are the files renamed into place one by one. A crash before the record leaves
/// the folder as it was (the next run discards the work folder); a crash after it is finished by
/// `recover`, which every run, `--resume` and reader of the folder calls first (roll forward).
///
/// ```swift
/// let commit = FolderCommit(folder: "out", workFolder: "out/.bulletin-partial")
/// try commit.commit(["articles.jsonl", "manifest.json"], identity: "bulletin 0.9; …")
/// ```
public struct FolderCommit {
    /// The record's name inside the work folder.
    public static let recordName = "commit.json"

    /// What a commit record holds: the files to move and the run that wrote them.
    public struct Record: Equatable, Sendable {
        public var files: [String]
        public var identity: String
        /// Files of the folder's previous contents that the new set does not hold (a run with
        /// fewer `--outputs`), removed after the moves.
        public var removed: [String] = []
    }

    public let folder: String
    public let workFolder: String
    /// Files in the work folder removed before the record, so that a crash during the clean-up
    /// cannot leave a log that invites `--resume` into a run already finished.
    public var removedFirst: [String] = []
    /// A file whose absence (with no record) marks the work folder as the rubbish of a finished
    /// commit, removed by `recover`: the progress log of a run.
    public var leftoverMarker: String? = nil
    /// For tests: stop (as a kill would, without cleaning up) once this many changes to the
    /// folders — writing the record, each rename, each removal — are done.
    public var stopAfterSteps: Int? = nil

    public init(folder: String, workFolder: String) {
        self.folder = folder
        self.workFolder = workFolder
    }

    var recordPath: String { workFolder + "/" + FolderCommit.recordName }

    /// Moves `names` from the work folder into the folder, recoverably, then removes the work
    /// folder.
    /// - Throws: `OutputError` when a target is a folder (checked before anything changes) or a
    ///   rename fails (the record stays; the next run finishes the commit).
    public func commit(_ names: [String], removing removed: [String] = [], identity: String) throws(OutputError) {
        for name in names {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                throw OutputError(path: folder + "/" + name, reason: "a folder is in the way of the output file; nothing was changed")
            }
        }
        try FolderCommit.syncFolder(workFolder)
        var steps = 0
        func stop() -> Bool {
            steps += 1
            return stopAfterSteps.map { steps >= $0 } ?? false
        }
        if stopAfterSteps == 0 { return }
        try writeRecord(Record(files: names, identity: identity, removed: removed))
        if stop() { return }
        for name in names {
            try FolderCommit.move(name, from: workFolder, to: folder)
            if stop() { return }
        }
        for name in removed {
            try FolderCommit.remove(name, from: folder)
            if stop() { return }
        }
        try FolderCommit.syncFolder(folder)
        try cleanUp(stop: stop)
    }

    /// Finishes the commit a crash interrupted, if the work folder holds a record, and removes
    /// leftover temporary files of processes no longer running.
    /// - Returns: the record finished, or nil when there was none (the folder is left as it was).
    /// - Throws: `OutputError` when a rename fails; the record stays for the next try.
    @discardableResult
    public func recover(temporaryNames: [String] = []) throws(OutputError) -> Record? {
        FolderCommit.removeStaleTemporaries(in: folder, names: temporaryNames)
        guard let data = FileManager.default.contents(atPath: recordPath) else {
            // Killed after the record was removed: what is left of the work folder is rubbish.
            if let leftover = leftoverMarker, FileManager.default.fileExists(atPath: workFolder),
                !FileManager.default.fileExists(atPath: workFolder + "/" + leftover)
            {
                try? FileManager.default.removeItem(atPath: workFolder)
            }
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [String], let identity = object["identity"] as? String
        else {
            throw OutputError(path: recordPath, reason: "unreadable commit record; remove \(workFolder) to keep the files in \(folder) as they are")
        }
        for name in files {
            if FileManager.default.fileExists(atPath: workFolder + "/" + name) {
                try FolderCommit.move(name, from: workFolder, to: folder)
            } else if !FileManager.default.fileExists(atPath: folder + "/" + name) {
                throw OutputError(path: workFolder + "/" + name, reason: "missing, though the commit record lists it")
            }
        }
        let removed = object["removed"] as? [String] ?? []
        for name in removed { try FolderCommit.remove(name, from: folder) }
        try FolderCommit.syncFolder(folder)
        try cleanUp(stop: { false })
        return Record(files: files, identity: identity, removed: removed)
    }

    private func cleanUp(stop: () -> Bool) throws(OutputError) {
        for name in removedFirst {
            _ = unlink(workFolder + "/" + name)
            if stop() { return }
        }
        guard unlink(recordPath) == 0 || errno == ENOENT else {
            throw OutputError(path: recordPath, reason: "cannot remove: \(String(cString: strerror(errno)))")
        }
        if stop() { return }
        try? FileManager.default.removeItem(atPath: workFolder)
    }

    /// Removes `name` from `folder`; one already gone is fine.
    static func remove(_ name: String, from folder: String) throws(OutputError) {
        guard unlink(folder + "/" + name) == 0 || errno == ENOENT else {
            throw OutputError(path: folder + "/" + name, reason: "cannot remove: \(String(cString: strerror(errno)))")
        }
    }

    private func writeRecord(_ record: Record) throws(OutputError) {
        var json = JSONWriter()
        json.object { o in
            o.key("identity"); o.string(record.identity)
            o.key("files"); o.array { a in for name in record.files { a.string(name) } }
            if !record.removed.isEmpty { o.key("removed"); o.array { a in for name in record.removed { a.string(name) } } }
        }
        let file = try AtomicFile(path: recordPath)
        try file.write(json.bytes + [0x0A])
        try file.commit()
        try FolderCommit.syncFolder(workFolder)
    }

    private static func move(_ name: String, from source: String, to target: String) throws(OutputError) {
        guard rename(source + "/" + name, target + "/" + name) == 0 else {
            var error = OutputError(
                path: target + "/" + name,
                reason: "\(String(cString: strerror(errno))); the new output is complete in \(source): the next run into \(target) puts it in place")
            error.committed = true
            throw error
        }
    }

    /// Makes the renames in a folder durable.
    static func syncFolder(_ path: String) throws(OutputError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, reason: "cannot sync: \(String(cString: strerror(errno)))") }
    }

    /// Removes `.NAME.PID.tmp` files (an `AtomicFile`'s temporaries) of the given names whose
    /// process is no longer running.
    static func removeStaleTemporaries(in folder: String, names: [String]) {
        guard !names.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let known = Set(names)
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst().dropLast(4)
            guard let dot = middle.lastIndex(of: "."), known.contains(String(middle[..<dot])),
                let pid = Int32(middle[middle.index(after: dot)...]), pid > 0
            else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { _ = unlink(folder + "/" + entry) }
        }
    }
}
