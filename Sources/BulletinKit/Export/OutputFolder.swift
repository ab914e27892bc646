import Foundation

/// The files `bulletin run -o DIR` writes, fed article by article:
///
/// | file | what |
/// |---|---|
/// | `articles.jsonl` | one SPEC record per line |
/// | `articles.json` | the same records as one JSON array |
/// | `articles.csv` | one row per article |
/// | `mentions.csv` | one row per location, mechanism or figure mention |
/// | `town_mechanism.csv` | towns × mechanisms, article counts |
/// | `first_mentions.csv` | per town and mechanism: first/last date, bulletins, articles, first article |
/// | `summary.json` | towns × mechanisms with the article ids behind each cell |
/// | `manifest.json` | version, lexicons and inputs with SHA-256, counts |
///
/// `outputs` (`--outputs`) chooses which of them are written; `manifest.json` always is.
/// `articles.jsonl` grows in the work folder whatever the choice, as `--resume` rebuilds the
/// tables from it, and is left out of the folder when not chosen.
///
/// The streamed files grow in a hidden work folder (`.bulletin-partial/`), where the others are
/// written too when the run completes; a `FolderCommit` then moves them all into place. An
/// interrupted run changes nothing a reader of the folder sees, `bulletin run --resume` continues
/// it from its last checkpoint, and a run killed during the final renames is finished by
/// `recover(path:)` (roll forward): the previous output or the new one, never a mix.
public final class OutputFolder {
    public static let fileNames = [
        "articles.jsonl", "articles.json", "articles.csv", "mentions.csv", "town_mechanism.csv",
        "first_mentions.csv", "summary.json", "manifest.json",
    ]
    /// The files that grow article by article, in the work folder until the run completes.
    static let streamedNames = ["articles.jsonl", "articles.json", "articles.csv", "mentions.csv"]
    /// The hidden folder inside the output folder where an unfinished run keeps its files and
    /// its progress log.
    public static let workFolderName = ".bulletin-partial"

    public let path: String
    private let workPath: String
    /// The run's settings, as the progress log and the commit record name them.
    private let identity: String
    private let bom: Bool
    private let files: [ResumableFile]
    private var jsonl: ResumableFile { files[0] }
    private var jsonArray: ResumableFile { files[1] }
    private var articlesCSV: ResumableFile { files[2] }
    private var mentionsCSV: ResumableFile { files[3] }
    private let log: ProgressLog
    /// The log lines of inputs finished since the last checkpoint, as bytes.
    private var unlogged: [UInt8] = []
    /// A checkpoint is also taken when this many bytes of log lines wait: at hundreds of files
    /// a second, 30 seconds of them (and the copies made to write them at once) were a spike of
    /// over 10 MB above the run's flat memory.
    static let unloggedLimit = 1 << 20
    private var lastCheckpoint = DispatchTime.now().uptimeNanoseconds
    private var summary: TownMechanismSummary
    private var articleCount = 0
    /// How often finished inputs are logged (and the files synced to disk before): the most work
    /// an interruption can cost a `--resume`. Syncing blocks the writer, so not too often.
    public var checkpointSeconds: Double = 30 {
        didSet { checkpointNanoseconds = UInt64(max(0, checkpointSeconds) * 1e9) }
    }
    private var checkpointNanoseconds: UInt64 = 30_000_000_000
    /// The inputs an interrupted run had finished, with their problem counts, when resuming.
    public private(set) var resumed: [ProgressLog.Entry] = []
    /// Which towns the summary tables count a mechanism for.
    public let credit: TownCredit
    /// The files written (`--outputs`).
    public let outputs: OutputSelection
    /// A fresh run found and replaced the work folder of an interrupted one.
    public private(set) var replacedInterruptedRun = false

    /// Creates the folder if needed and opens the streamed files in its work folder. With
    /// `resume`, reopens an interrupted run's files instead, cut back to its last checkpoint,
    /// and rebuilds the summary from the records already written.
    /// - Parameter identity: names the run's settings (version, lexicons, options); a resume
    ///   must match it.
    /// - Throws: `OutputError` when the folder cannot be created or written, or cannot be resumed.
    public init(
        path: String, bom: Bool, identity: String, resume: Bool = false, credit: TownCredit = .passage,
        outputs: OutputSelection = .all
    ) throws(OutputError) {
        self.path = path
        self.outputs = outputs
        self.identity = identity
        self.credit = credit
        self.bom = bom
        workPath = path + "/" + OutputFolder.workFolderName
        let logPath = workPath + "/progress.jsonl"
        let manager = FileManager.default
        summary = TownMechanismSummary(spillFolder: workPath + "/cells")
        if manager.fileExists(atPath: path) { try OutputFolder.recover(path: path) }
        if resume {
            guard manager.fileExists(atPath: logPath) else {
                throw OutputError.cannotResume(path: path, reason: "no interrupted run to resume here (it completed, or never started); run without --resume")
            }
            let (log, entries) = try ProgressLog.reopen(path: logPath, identity: identity)
            let lengths = entries.last?.lengths ?? []
            var files: [ResumableFile] = []
            for (index, name) in OutputFolder.streamedNames.enumerated() {
                files.append(try ResumableFile(path: workPath + "/" + name, keepingFirst: index < lengths.count ? lengths[index] : nil))
            }
            self.files = files
            self.log = log
            resumed = entries
            articleCount = entries.reduce(0) { $0 + $1.record.articles }
            if lengths.isEmpty { try writeHeaders() }
            try? manager.removeItem(atPath: workPath + "/cells")
            var rebuilt = TownMechanismSummary(spillFolder: workPath + "/cells")
            do {
                try LineReader.forEachLine(of: workPath + "/articles.jsonl") { _, line in
                    if let record = try? ArticleRecord.decode(line) {
                        try rebuilt.add(TownMechanismSummary.Report(record: record, credit: credit))
                    }
                }
            } catch let error as OutputError {
                throw error
            } catch {
                throw OutputError(path: workPath + "/articles.jsonl", reason: "cannot read: \(error)")
            }
            summary = rebuilt
        } else {
            replacedInterruptedRun = manager.fileExists(atPath: logPath)
            try? manager.removeItem(atPath: workPath)
            do {
                try manager.createDirectory(atPath: workPath, withIntermediateDirectories: true)
            } catch {
                throw OutputError.cannotCreate(folder: path, error: error)
            }
            var files: [ResumableFile] = []
            for name in OutputFolder.streamedNames {
                files.append(try ResumableFile(path: workPath + "/" + name, keepingFirst: nil))
            }
            self.files = files
            log = try ProgressLog.create(path: logPath, identity: identity)
            try writeHeaders()
        }
    }

    private func writeHeaders() throws(OutputError) {
        if outputs.contains(.csv) {
            var header = CSVWriter(bom: bom)
            header.header(ArticleTables.articleColumns)
            try articlesCSV.write(header.output)
        }
        if outputs.contains(.mentions) {
            var header = CSVWriter(bom: bom)
            header.header(ArticleTables.mentionColumns)
            try mentionsCSV.write(header.output)
        }
        if outputs.contains(.json) { try jsonArray.write("[") }
    }

    public func write(_ article: Article) throws(OutputError) {
        try write(RenderedArticle.full(article, credit: credit))
    }

    private static let newline: [UInt8] = [0x0A]
    private static let commaNewline: [UInt8] = [0x2C, 0x0A]

    /// Appends an article rendered beforehand (by `RenderedArticle.full`, in a worker).
    public func write(_ article: RenderedArticle) throws(OutputError) {
        try jsonl.write(article.record)
        try jsonl.write(OutputFolder.newline)
        if outputs.contains(.json) {
            try jsonArray.write(articleCount == 0 ? OutputFolder.newline : OutputFolder.commaNewline)
            try jsonArray.write(article.record)
        }
        if outputs.contains(.csv) { try articlesCSV.write(article.articleRow) }
        if outputs.contains(.mentions) { try mentionsCSV.write(article.mentionRows) }
        if outputs.contains(.tables), let report = article.report { try summary.add(report) }
        articleCount += 1
    }

    /// Notes that every article of an input has been written. The progress log learns of it at
    /// the next checkpoint, at most `checkpointSeconds` later.
    public func finished(_ record: InputRecord, problems: Int) throws(OutputError) {
        ProgressLog.Entry(record: record, problems: problems, lengths: files.map(\.length)).appendLine(to: &unlogged)
        if DispatchTime.now().uptimeNanoseconds - lastCheckpoint > checkpointNanoseconds
            || unlogged.count >= OutputFolder.unloggedLimit
        {
            try checkpoint()
        }
    }

    /// Flushes and syncs the streamed files, then logs the inputs finished since the last
    /// checkpoint: what the log claims is on disk.
    public func checkpoint() throws(OutputError) {
        lastCheckpoint = DispatchTime.now().uptimeNanoseconds
        guard !unlogged.isEmpty else { return }
        for file in files { try file.sync() }
        try log.append(lines: unlogged)
        unlogged.removeAll(keepingCapacity: true)
        MemoryRelease.returnFreePages()
    }

    /// Writes the summary tables and the manifest into the work folder, then moves every file into
    /// place through a `FolderCommit`: a crash from here on leaves, after the next run, the
    /// previous output or this one, never a mix.
    public func finish(runSummary: RunSummary, lexicons: Lexicons, dates: IssueDates? = nil) throws(OutputError) {
        try finish(runSummary: runSummary, lexicons: LexiconDigests(lexicons), dates: dates)
    }

    /// `finish` with the lexicons already hashed (a run hashes them once, for its identity too).
    public func finish(runSummary: RunSummary, lexicons: LexiconDigests, dates: IssueDates? = nil) throws(OutputError) {
        if outputs.contains(.json) { try jsonArray.write(articleCount == 0 ? "]\n" : "\n]\n") }
        // The workers are done: what their arenas hold free goes back before the summary is built.
        MemoryRelease.returnFreePages()
        for name in TownMechanismSummary.fileNames where outputs.contains(.tables) {
            let file = try AtomicFile(path: workPath + "/" + name)
            try summary.write(name, bom: bom) { (piece: String) throws(OutputError) in try file.write(piece) }
            try file.commit()
        }
        for file in files { try file.flush() }
        // The inputs come back from the progress log, one line at a time.
        try checkpoint()
        let manifest = try AtomicFile(path: workPath + "/manifest.json")
        try manifest.write(Manifest.head(lexicons: lexicons, dates: dates))
        var listed = 0
        do {
            try LineReader.forEachLine(of: log.path) { number, line in
                guard number > 1, let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let entry = ProgressLog.Entry(object)
                else { return }
                try manifest.write((listed > 0 ? "," : "") + Manifest.input(entry.record))
                listed += 1
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: log.path, reason: "cannot read: \(error)")
        }
        // The inputs that could not be expanded are in no log: the run itself found them.
        for record in runSummary.unexpanded {
            try manifest.write((listed > 0 ? "," : "") + Manifest.input(record))
            listed += 1
        }
        try manifest.write(Manifest.tail(summary: runSummary))
        try manifest.commit()
        for file in files { try file.sync() }
        var commit = OutputFolder.commit(for: path)
        commit.stopAfterSteps = commitStopsAfterSteps
        // Files of an earlier run that this one does not write go, in the same commit: the
        // folder holds one run's files, never a mix.
        let chosen = outputs.fileNames
        try commit.commit(chosen, removing: OutputFolder.fileNames.filter { !chosen.contains($0) }, identity: identity)
        log.close()
    }

    /// Resuming is only sound over the same inputs in the same order: the finished ones must
    /// open the list, each still the bytes the interrupted run read (its logged size and SHA-256:
    /// three characters edited in place change no size).
    public func checkResumable(_ items: InputList) throws(OutputError) {
        let done = resumed.map(\.record)
        guard done.count <= items.count else {
            throw OutputError.cannotResume(path: done[items.count].path, reason: "was finished by the interrupted run but is no longer an input; run without --resume")
        }
        for (record, item) in zip(done, items) {
            guard case .file(let path) = item, path == record.path else {
                throw OutputError.cannotResume(path: record.path, reason: "the inputs are not those of the interrupted run (same paths, same order); run without --resume")
            }
            guard record.error == nil else { continue }
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size != record.bytes {
                throw OutputError.cannotResume(path: path, reason: "changed since the interrupted run read it (\(record.bytes) bytes, now \(size)); run without --resume")
            }
            if !record.sha256.isEmpty, let bytes = try? InputFiles.read(path), SHA256.hex(of: bytes) != record.sha256 {
                throw OutputError.cannotResume(path: path, reason: "changed since the interrupted run read it (same size, other content: its SHA-256 differs); run without --resume")
            }
        }
    }

    /// For tests: stop the final commit after this many steps, as a kill would.
    public var commitStopsAfterSteps: Int? = nil

    /// How a run's files move from the work folder into `path`.
    static func commit(for path: String) -> FolderCommit {
        var commit = FolderCommit(folder: path, workFolder: path + "/" + workFolderName)
        commit.removedFirst = ["progress.jsonl"]
        commit.leftoverMarker = "progress.jsonl"
        return commit
    }

    /// Finishes the move into place of a run that was killed while it was moving its files (roll
    /// forward), and removes temporary files dead runs left. Every run into `path`, every
    /// `--resume` and every reader of the folder calls this first.
    /// - Returns: the interrupted commit's record, or nil when there was none.
    @discardableResult
    public static func recover(path: String) throws(OutputError) -> FolderCommit.Record? {
        try commit(for: path).recover(temporaryNames: fileNames)
    }

    /// Stops without completing: what was finished is checkpointed for `--resume`, and no file in
    /// the output folder itself changes.
    public func suspend() {
        try? checkpoint()
        log.close()
    }

    /// Writes a summary's files into `folder` (created if needed) through a `FolderCommit` in
    /// `.bulletin-summary-partial/`: the previous files or all the new ones, never a mix.
    public static func writeSummary(_ summary: TownMechanismSummary, bom: Bool, into folder: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(folder: folder, error: error)
        }
        let commit = FolderCommit(folder: folder, workFolder: folder + "/.bulletin-summary-partial")
        try commit.recover(temporaryNames: TownMechanismSummary.fileNames)
        try? FileManager.default.removeItem(atPath: commit.workFolder)
        do {
            try FileManager.default.createDirectory(atPath: commit.workFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(folder: commit.workFolder, error: error)
        }
        for name in TownMechanismSummary.fileNames {
            let file = try AtomicFile(path: commit.workFolder + "/" + name)
            try summary.write(name, bom: bom) { (piece: String) throws(OutputError) in try file.write(piece) }
            try file.commit()
        }
        try commit.commit(TownMechanismSummary.fileNames, identity: "bulletin summarize")
    }
}
