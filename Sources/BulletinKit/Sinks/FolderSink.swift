/// An output folder as a run's sink: each input's articles go to the `OutputFolder`'s files, its
/// record to the progress log; `finish` writes the tables and the manifest and commits. Resuming,
/// it hands the runner the inputs the interrupted run finished, after checking they still open
/// the input list unchanged.
public final class FolderSink: RunSink {
    public typealias Rendered = RenderedArticle
    public typealias Failure = OutputError

    public let folder: OutputFolder
    private let lexicons: LexiconDigests
    private let dates: IssueDates?

    /// - Parameters:
    ///   - lexicons, dates: what the manifest lists (the lexicons already hashed).
    public init(folder: OutputFolder, lexicons: LexiconDigests, dates: IssueDates?) {
        self.folder = folder
        self.lexicons = lexicons
        self.dates = dates
    }

    /// - Parameters:
    ///   - lexicons, dates: what the manifest lists.
    public convenience init(folder: OutputFolder, lexicons: Lexicons, dates: IssueDates?) {
        self.init(folder: folder, lexicons: LexiconDigests(lexicons), dates: dates)
    }

    /// What the runner renders for this sink: the record, the CSV rows and the summary's report.
    public static func render(credit: TownCredit) -> @Sendable (Article) -> RenderedArticle {
        { RenderedArticle.full($0, credit: credit) }
    }

    public var finishedBefore: [(record: InputRecord, problems: Int)] { folder.resumed.map { ($0.record, $0.problems) } }

    public func begin(_ inputs: InputList) throws(OutputError) {
        if !folder.resumed.isEmpty { try folder.checkResumable(inputs) }
    }

    public func take(_ input: ProcessedInput<RenderedArticle>) throws(OutputError) {
        for article in input.articles { try folder.write(article) }
        if let record = input.record { try folder.finished(record, problems: input.problems.count) }
    }

    public func finish(_ summary: RunSummary) throws(OutputError) {
        try folder.finish(runSummary: summary, lexicons: lexicons, dates: dates)
    }
}
