import Foundation

/// Runs the pipeline over a batch of inputs and hands each input's articles, rendered, to a
/// `RunSink` in input order. It only schedules: files (or the mapper's lines) are processed by
/// `jobs` workers, each taking the next as soon as it is free, at most a window of them ahead of
/// the one being delivered, so memory stays flat however large the archive or the stream, and
/// the output is the same for any number of jobs. What is written, and where, is the sink's.
/// A bad file or line is reported and skipped; the batch goes on.
///
/// ```swift
/// let runner = BatchRunner(ingester: ingester, tagger: tagger, render: RenderedArticle.record)
/// let summary = try runner.run(files: ["corpus"], jobs: 2, into: sink)   // summary.articles 96
/// ```
public struct BatchRunner<Rendered: Sendable>: Sendable {
    public let ingester: Ingester
    public let tagger: Tagger?
    /// Turns each article into what the sink takes, in the workers, so that the sink, the one
    /// serial step, only appends.
    public let render: @Sendable (Article) -> Rendered
    /// Issue dates the user supplied (`--dates`), before those of file names and mastheads.
    public var dates: IssueDates?

    public init(ingester: Ingester, tagger: Tagger? = nil, render: @escaping @Sendable (Article) -> Rendered) {
        self.ingester = ingester
        self.tagger = tagger
        self.render = render
    }

    /// How many inputs may be out at once — read or being processed, not yet delivered — at
    /// `jobs` workers.
    public static func window(jobs: Int) -> Int { max(1, jobs) * 4 }

    /// Reads, decodes, splits and tags every input.
    /// - Parameters:
    ///   - inputs: paths, directories or `-`, as on the command line.
    ///   - readStandardInput: supplies the bytes for `-`.
    ///   - shouldStop: asked between inputs (Ctrl-C); the summary says `stopped`.
    /// - Returns: the counts, with the sink's `finishedBefore` inputs (`--resume`) included;
    ///   the caller calls the sink's `finish` when the run was not stopped.
    public func run<Sink: RunSink>(
        files inputs: [String], jobs: Int = 1, into sink: Sink,
        readStandardInput: @escaping @Sendable () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) },
        shouldStop: () -> Bool = { false }
    ) throws(Sink.Failure) -> RunSummary where Sink.Rendered == Rendered {
        var summary = RunSummary()
        let (items, expansionProblems) = InputFiles.expand(inputs)
        for issue in expansionProblems {
            summary.problems += 1
            summary.unexpanded.append(
                InputRecord(path: issue.path, bytes: 0, sha256: "", encoding: nil, articles: 0, error: issue.description))
            try sink.take(ProcessedInput(record: nil, problems: [issue], origin: issue.path))
        }
        try sink.begin(items)
        let done = sink.finishedBefore
        for (record, problems) in done {
            summary.files += 1
            summary.articles += record.articles
            summary.problems += problems
        }
        let parallel = jobs > 1 && !items.readsStandardInput && items.count - done.count > 1
        var next = done.count
        try drive(
            &summary, jobs: parallel ? jobs : 1, into: sink, shouldStop: shouldStop,
            pull: { () -> InputFiles.Item? in
                guard next < items.count else { return nil }
                next += 1
                return items[next - 1]
            },
            work: { item in self.process(item, readStandardInput: readStandardInput) })
        return summary
    }

    /// The mapper mode: each line of `stream` one bulletin (`JSONLinesInput`), read as the
    /// workers are ready for it — a window of lines at a time, never the whole stream.
    public func run<Sink: RunSink>(
        lines stream: JSONLinesStream, jobs: Int = 1, into sink: Sink, shouldStop: () -> Bool = { false }
    ) throws(Sink.Failure) -> RunSummary where Sink.Rendered == Rendered {
        var summary = RunSummary()
        try drive(
            &summary, jobs: jobs, into: sink, shouldStop: shouldStop, pull: { stream.next() },
            work: { line in self.process(line) })
        return summary
    }

    /// The one loop of every run: pulls units, has them processed (on `jobs` workers when more
    /// than one) and delivers the results in order.
    private func drive<Unit: Sendable, Sink: RunSink>(
        _ summary: inout RunSummary, jobs: Int, into sink: Sink, shouldStop: () -> Bool,
        pull: @escaping () -> Unit?, work: @escaping @Sendable (Unit) -> ProcessedInput<Rendered>
    ) throws(Sink.Failure) where Sink.Rendered == Rendered {
        func deliver(_ result: ProcessedInput<Rendered>) throws(Sink.Failure) {
            summary.problems += result.problems.count
            if result.record != nil {
                summary.files += 1
                summary.articles += result.articles.count
            }
            try sink.take(result)
        }
        if jobs <= 1 {
            while true {
                // Stop between inputs when asked (Ctrl-C): what was delivered is whole.
                if shouldStop() {
                    summary.stopped = true
                    return
                }
                guard let unit = pull() else { return }
                try deliver(work(unit))
            }
        }
        let ordered = OrderedWork(window: BatchRunner.window(jobs: jobs), pull: pull, work: work)
        ordered.start(workers: jobs)
        defer { ordered.finish() }
        while true {
            if shouldStop() {
                summary.stopped = true
                return
            }
            guard let result = ordered.next() else { return }
            try deliver(result)
        }
    }

    /// Reads, decodes, splits and tags one input.
    func process(_ item: InputFiles.Item, readStandardInput: () -> [UInt8]) -> ProcessedInput<Rendered> {
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
                return ProcessedInput(
                    record: InputRecord(path: path, bytes: 0, sha256: "", encoding: nil, articles: 0, error: error.description),
                    problems: [error], origin: path)
            }
        }
        var result = ProcessedInput<Rendered>(
            record: InputRecord(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes), encoding: nil, articles: 0, error: nil),
            origin: path)
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes, path: path)
        } catch {
            result.problems.append(error)
            result.record!.error = error.description
            return result
        }
        if let issue = result.record!.noteDecoding(decoded, path: path) { result.problems.append(issue) }
        if let (line, length) = BatchRunner.longestLine(decoded.text), length > InputFiles.longLineLimit {
            let issue = InputError.longLine(path: path, line: line, bytes: length)
            result.problems.append(issue)
            result.record!.error = issue.description
        }
        split(Bulletin(path: path, text: decoded.text), into: &result)
        return result
    }

    /// Judges one line of the mapper's input and splits and tags its bulletin.
    func process(_ line: JSONLinesInput.Line) -> ProcessedInput<Rendered> {
        switch JSONLinesInput.outcome(of: line) {
        case .blank:
            return ProcessedInput(record: nil, origin: line.place)
        case .problem(let issue):
            return ProcessedInput(record: nil, problems: [issue], origin: line.place)
        case .failed(let record, let issue):
            return ProcessedInput(record: record, problems: [issue], origin: line.place)
        case .entry(let entry, let problems):
            var result = ProcessedInput<Rendered>(record: entry.record, problems: problems, origin: line.place)
            split(entry.bulletin, into: &result)
            return result
        }
    }

    /// Splits, tags and renders a bulletin, with the issue date a `--dates` file gives its
    /// input (the one place dates are applied), into `result`, whose record is set.
    private func split(_ bulletin: Bulletin, into result: inout ProcessedInput<Rendered>) {
        var bulletin = bulletin
        if let date = dates?.date(for: result.record!.path) {
            bulletin.date = date
            result.record!.suppliedDate = date.description
        }
        let ingested = ingester.articles(in: bulletin)
        let articles = ingested.articles
        let tagged = tagger.map { $0.tag(articles, masthead: ingested.masthead, nameplate: ingested.nameplate) } ?? articles
        result.record!.articles = articles.count
        result.articles = tagged.map(render)
        result.textBytes = tagged.reduce(0) { $0 + $1.text.utf8.count }
    }


    static func longestLine(_ text: String) -> (line: Int, bytes: Int)? {
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
