/// What a run did, counted as its inputs were delivered: the manifest's `counts` and the
/// summary line on standard error (`bulletin: 21 files, 96 articles, 0 problems`).
public struct RunSummary: Sendable, Equatable {
    /// Each input's record, when the sink keeps them (`CollectingSink`); an output folder logs
    /// them to disk instead, so a run over 100,000 files does not hold them all.
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

    /// Adds the counts of a run over a further input (the mapper's next JSON Lines file).
    public mutating func add(_ other: RunSummary) {
        inputs += other.inputs
        unexpanded += other.unexpanded
        articles += other.articles
        problems += other.problems
        files += other.files
        stopped = stopped || other.stopped
    }
}
