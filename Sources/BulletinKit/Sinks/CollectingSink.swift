/// A sink that keeps everything in memory: the articles, the inputs' records and the problems.
/// For `query` and `report` over raw bulletins, `lexicon suggest`, and tests.
///
/// ```swift
/// let sink = CollectingSink<Article>()
/// _ = BatchRunner(ingester: ingester).run(files: ["corpus/2024-03-08_jiangqiao.txt"], into: sink)
/// sink.articles.first?.title   // "江桥镇召开第四季度信访工作联席会议"
/// ```
public final class CollectingSink<Rendered: Sendable>: RunSink {
    public typealias Failure = Never

    public private(set) var articles: [Rendered] = []
    public private(set) var inputs: [InputRecord] = []
    public private(set) var problems: [InputError] = []
    /// Called with each input as it is taken, after it is kept.
    public var onTake: ((ProcessedInput<Rendered>) -> Void)?
    /// Whether `articles` keeps them; a caller that only looks at each in `onTake` (`lexicon
    /// suggest` over a large archive) keeps memory flat without.
    public let keepsArticles: Bool

    public init(keepsArticles: Bool = true, onTake: ((ProcessedInput<Rendered>) -> Void)? = nil) {
        self.keepsArticles = keepsArticles
        self.onTake = onTake
    }

    public func take(_ input: ProcessedInput<Rendered>) {
        if keepsArticles { articles += input.articles }
        if let record = input.record { inputs.append(record) }
        problems += input.problems
        onTake?(input)
    }

    public func finish(_ summary: RunSummary) {}
}

extension BatchRunner where Rendered == Article {
    /// A runner whose sink takes the tagged articles themselves.
    public init(ingester: Ingester, tagger: Tagger? = nil) {
        self.init(ingester: ingester, tagger: tagger, render: { $0 })
    }
}
