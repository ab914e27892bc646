import Foundation

/// The tool's version, written into `manifest.json` and printed by `bulletin --version`.
public enum BulletinVersion {
    public static let current = "0.1.0"
}

/// Runs the pipeline over a batch of inputs, one file at a time, handing each article to a sink
/// as soon as its bulletin is split, so memory stays flat however large the archive. A bad file
/// is reported and skipped; the batch goes on.
public struct BatchRunner: Sendable {
    public let ingester: Ingester
    public let tagger: Tagger?
    /// Turns each article into output bytes in the workers, so that writing, the one serial
    /// step, only appends; `run`'s `emitRendered` receives the result.
    public let render: (@Sendable (Article) -> RenderedArticle)?
    /// Issue dates the user supplied (`--dates`), before those of file names and mastheads.
    public var dates: IssueDates?

    public init(ingester: Ingester, tagger: Tagger? = nil, render: (@Sendable (Article) -> RenderedArticle)? = nil) {
        self.ingester = ingester
        self.tagger = tagger
        self.render = render
    }

    /// One input as read, for the manifest.
    public struct InputRecord: Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var sha256: String
        public var encoding: String?
        /// For a GB18030 or Big5 reading, the share of common characters (`EncodingJudge`).
        public var encodingConfidence: Double?
        public var articles: Int
        public var error: String?
        /// The issue date a `--dates` file gave this input (`2023-12-08`).
        public var suppliedDate: String?

        /// Notes how the file was read: its encoding and, for a GB18030 or Big5 reading, the
        /// share of common characters. Returns the warning a doubtful reading gets.
        public mutating func noteDecoding(_ decoded: TextDecoding.Decoded, path: String) -> InputError? {
            encoding = decoded.encoding.rawValue
            if decoded.encoding == .gb18030 || decoded.encoding == .big5 {
                encodingConfidence = (decoded.confidence * 1000).rounded() / 1000
            }
            guard decoded.isDoubtful else { return nil }
            let issue = InputError.doubtfulEncoding(path: path, encoding: decoded.encoding.rawValue, commonShare: decoded.confidence)
            error = issue.description
            return issue
        }

        public init(path: String, bytes: Int, sha256: String, encoding: String?, articles: Int, error: String?) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.encoding = encoding
            self.articles = articles
            self.error = error
        }
    }

    public struct Summary: Sendable, Equatable {
        /// Each input's record, when the caller asked to keep them (`keepInputs`); an output
        /// folder logs them to disk instead, so a run over 100,000 files does not hold them all.
        public var inputs: [InputRecord] = []
        /// The inputs that could not be expanded (a missing path, a broken symbolic link, an
        /// unreadable folder), in the order they were reported, each with its error: kept always,
        /// for the manifest, as they are few and no progress log holds them.
        public var unexpanded: [InputRecord] = []
        public var articles = 0
        public var problems = 0
        public var files = 0
        /// The run was interrupted before its last input.
        public var stopped = false

        public init() {}
    }

    /// Reads, decodes and splits every input.
    /// - Parameters:
    ///   - inputs: paths, directories or `-`, as on the command line.
    ///   - readStandardInput: supplies the bytes for `-`.
    ///   - problem: called for each input problem, as it happens.
    ///   - progress: called before each file with (done, total, path).
    ///   - alreadyDone: the inputs an interrupted run finished (`--resume`): they must be the
    ///     first inputs of the expansion, in order and unchanged in size, and are not read again.
    ///   - keepInputs: collect every input's record in the summary (for the manifest).
    ///   - emit: receives each article in order; an error from it stops the batch.
    ///   - emitRendered: receives each article with its rendering instead, when `render` is set.
    ///   - finished: called after the last article of each input, with its record and problem count.
    public func run(
        inputs: [String],
        jobs: Int = 1,
        readStandardInput: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) },
        problem: (InputError) -> Void,
        progress: (Int, Int, String) -> Void = { _, _, _ in },
        shouldStop: () -> Bool = { false },
        alreadyDone: [(record: InputRecord, problems: Int)] = [],
        keepInputs: Bool = true,
        emit: (Article) throws(OutputError) -> Void,
        emitRendered: (Article, RenderedArticle) throws(OutputError) -> Void = { _, _ in },
        finished: (InputRecord, Int) throws(OutputError) -> Void = { _, _ in }
    ) throws(OutputError) -> Summary {
        var summary = Summary()
        let (items, expansionProblems) = InputFiles.expand(inputs)
        for issue in expansionProblems {
            problem(issue)
            summary.problems += 1
            summary.unexpanded.append(
                InputRecord(path: issue.path, bytes: 0, sha256: "", encoding: nil, articles: 0, error: issue.description))
        }
        try BatchRunner.check(alreadyDone.map(\.record), against: items)
        for (record, problems) in alreadyDone {
            if keepInputs { summary.inputs.append(record) }
            summary.files += 1
            summary.articles += record.articles
            summary.problems += problems
        }
        // Files are processed by `jobs` workers that each take the next file as soon as they are
        // free, and emitted here in input order, so the output is the same whatever the number
        // of jobs. Workers run at most `ahead` files past the one being emitted: memory holds a
        // bounded number of results however large the archive.
        let parallel = jobs > 1 && !items.readsStandardInput && items.count - alreadyDone.count > 1
        let pipeline = parallel ? OrderedPipeline(runner: self, items: items, from: alreadyDone.count, ahead: jobs * 4) : nil
        pipeline?.start(workers: jobs)
        defer { pipeline?.finish() }
        for position in alreadyDone.count..<items.count {
            // Stop between files when asked (Ctrl-C): what was emitted is whole.
            if shouldStop() {
                summary.stopped = true
                break
            }
            progress(position, items.count, { if case .file(let f) = items[position] { f } else { "-" } }())
            let result = pipeline?.take(position) ?? process(items[position], readStandardInput: readStandardInput)
            for issue in result.problems {
                problem(issue)
                summary.problems += 1
            }
            for (index, article) in result.articles.enumerated() {
                if index < result.rendered.count {
                    try emitRendered(article, result.rendered[index])
                } else {
                    try emit(article)
                }
            }
            summary.articles += result.articles.count
            if keepInputs { summary.inputs.append(result.record) }
            summary.files += 1
            try finished(result.record, result.problems.count)
        }
        return summary
    }

    /// Resuming is only sound over the same inputs in the same order: the finished ones must
    /// open the list, each still the bytes the interrupted run read (its logged size and SHA-256:
    /// three characters edited in place change no size).
    static func check(_ done: [InputRecord], against items: InputList) throws(OutputError) {
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

    /// What one input gave: its manifest record, its problems, its tagged articles.
    struct FileResult: Sendable {
        var record: InputRecord
        var problems: [InputError] = []
        var articles: [Article] = []
        /// The articles rendered, when the runner renders.
        var rendered: [RenderedArticle] = []
    }

    /// Workers that process files in parallel while the caller takes the results in input order.
    /// Each worker claims the next unclaimed file, but never more than `ahead` past the file the
    /// caller waits for; `finish` stops them and waits until they are gone.
    final class OrderedPipeline: @unchecked Sendable {
        private let runner: BatchRunner
        private let items: InputList
        private let ahead: Int
        private let condition = NSCondition()
        private var nextClaim: Int
        private var taken: Int
        private var results: [Int: FileResult] = [:]
        private var stopping = false
        private let group = DispatchGroup()

        init(runner: BatchRunner, items: InputList, from start: Int, ahead: Int) {
            self.runner = runner
            self.items = items
            self.ahead = max(1, ahead)
            nextClaim = start
            taken = start
        }

        func start(workers: Int) {
            for _ in 0..<workers {
                group.enter()
                Thread.detachNewThread { [self] in
                    work()
                    group.leave()
                }
            }
        }

        private func work() {
            while true {
                condition.lock()
                while !stopping, nextClaim < items.count, nextClaim >= taken + ahead { condition.wait() }
                guard !stopping, nextClaim < items.count else {
                    condition.unlock()
                    return
                }
                let index = nextClaim
                nextClaim += 1
                condition.unlock()
                let result = runner.process(items[index], readStandardInput: { [] })
                condition.lock()
                results[index] = result
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The result of file `index`, waiting for it; files are taken in order.
        func take(_ index: Int) -> FileResult {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil { condition.wait() }
            taken = index + 1
            condition.broadcast()
            return results.removeValue(forKey: index)!
        }

        func finish() {
            condition.lock()
            stopping = true
            condition.broadcast()
            condition.unlock()
            group.wait()
        }
    }

    /// Reads, decodes, splits and tags one input.
    func process(_ item: InputFiles.Item, readStandardInput: () -> [UInt8]) -> FileResult {
        let path: String
        let bytes: [UInt8]
        switch item {
        case .standardInput:
            path = "-"
            bytes = readStandardInput()
        case .file(let file):
            path = file
            do {
                bytes = try InputFiles.read(file)
            } catch {
                return FileResult(
                    record: InputRecord(path: path, bytes: 0, sha256: "", encoding: nil, articles: 0, error: error.description),
                    problems: [error])
            }
        }
        var result = FileResult(
            record: InputRecord(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes), encoding: nil, articles: 0, error: nil))
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes, path: path)
        } catch {
            result.problems.append(error)
            result.record.error = error.description
            return result
        }
        if let issue = result.record.noteDecoding(decoded, path: path) { result.problems.append(issue) }
        var bulletin = Bulletin(path: path, text: decoded.text)
        if let date = dates?.date(for: path) {
            bulletin.date = date
            result.record.suppliedDate = date.description
        }
        if let (line, length) = BatchRunner.longestLine(decoded.text), length > BatchRunner.longLineLimit {
            let issue = InputError.longLine(path: path, line: line, bytes: length)
            result.problems.append(issue)
            result.record.error = issue.description
        }
        let ingested = ingester.articles(in: bulletin)
        let articles = ingested.articles
        result.articles = tagger.map { $0.tag(articles, masthead: ingested.masthead) } ?? articles
        result.record.articles = articles.count
        if let render { result.rendered = result.articles.map(render) }
        return result
    }

    /// Lines longer than this are reported: no bulletin paragraph comes near it, so the file was
    /// probably extracted without line breaks.
    public static let longLineLimit = 64 * 1024

    private static func longestLine(_ text: String) -> (line: Int, bytes: Int)? {
        ByteSearch.bytes(of: text) { bytes in
            var best: (Int, Int)? = nil
            var line = 1
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes without a line break at a time.
                if index + 8 <= bytes.count, !ByteSearch.word(ByteSearch.word(at: index, in: bytes), has: 0x0A) {
                    index += 8
                    continue
                }
                if bytes[index] == 0x0A {
                    if index - lineStart > best?.1 ?? 0 { best = (line, index - lineStart) }
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            if bytes.count - lineStart > best?.1 ?? 0 { best = (line, bytes.count - lineStart) }
            return best
        }
    }
}
