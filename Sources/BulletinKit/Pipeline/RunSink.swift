/// Where a run's output goes: standard output (`StandardOutputSink`), an output folder
/// (`FolderSink`), or memory (`CollectingSink`). `BatchRunner` hands each input's outcome to
/// `take` in input order, whatever the number of jobs, and `finish` once after the last; it
/// knows nothing of files or formats, and a sink's failure (a full disk) stops the run with the
/// sink's own error type.
///
/// ```swift
/// let sink = CollectingSink<Article>()
/// let summary = BatchRunner(ingester: ingester).run(files: ["corpus"], into: sink)
/// sink.articles.map(\.title)   // ["社区食堂开门迎客", …]
/// ```
public protocol RunSink<Rendered>: AnyObject {
    associatedtype Rendered: Sendable
    associatedtype Failure: Error

    /// The inputs a previous, interrupted run into this sink finished (`--resume`), with their
    /// problem counts: the runner skips them. Empty unless the sink resumes.
    var finishedBefore: [(record: InputRecord, problems: Int)] { get }

    /// Called once before any input, with the expanded file list (empty for the mapper's lines):
    /// a resuming sink checks that the list still starts with the inputs it finished.
    func begin(_ inputs: InputList) throws(Failure)

    /// One input's outcome, in input order.
    func take(_ input: ProcessedInput<Rendered>) throws(Failure)

    /// After the last input of a run that was not stopped: write what needs every input
    /// (tables, manifest) and commit.
    func finish(_ summary: RunSummary) throws(Failure)
}

extension RunSink {
    public var finishedBefore: [(record: InputRecord, problems: Int)] { [] }
    public func begin(_ inputs: InputList) throws(Failure) {}
}
