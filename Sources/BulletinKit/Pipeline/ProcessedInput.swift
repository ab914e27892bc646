/// What one unit of work gave, handed to a `RunSink` in input order: a file's (or a mapper
/// line's) record, its problems, and its articles as the runner's `render` made them.
///
/// A line of the mapper's input that is no bulletin at all (`not json`) has no record, only
/// its problem; an input that could not be read has a record carrying its error and no articles.
public struct ProcessedInput<Rendered: Sendable>: Sendable {
    /// The input's manifest record; nil for what is no input (a bad JSON line, a path that
    /// names nothing).
    public var record: InputRecord?
    public var problems: [InputError] = []
    public var articles: [Rendered] = []
    /// The UTF-8 bytes of the articles' text, for a progress line's MB/s.
    public var textBytes = 0
    /// Where it came from, for a progress line: a file's path, `-`, or `standard input, line 17`.
    public var origin: String

    public init(record: InputRecord?, problems: [InputError] = [], articles: [Rendered] = [], textBytes: Int = 0, origin: String) {
        self.record = record
        self.problems = problems
        self.articles = articles
        self.textBytes = textBytes
        self.origin = origin
    }
}
