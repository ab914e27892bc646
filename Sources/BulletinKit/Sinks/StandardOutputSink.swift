/// JSON Lines on standard output: each article's SPEC record, one a line, as `bulletin run
/// corpus > articles.jsonl` and the mapper (`--input-format jsonl`) without `-o` write them.
/// A failed write (a full disk, a closed pipe) stops the run with an error naming standard
/// output, instead of dropping the rest silently.
public final class StandardOutputSink: RunSink {
    public typealias Rendered = RenderedArticle
    public typealias Failure = OutputError

    private let write: ([UInt8]) -> Void
    private let failure: () -> String?

    /// - Parameters:
    ///   - write: appends bytes to standard output (or what stands for it).
    ///   - failure: why standard output could not take what was written, or nil while it has.
    public init(write: @escaping ([UInt8]) -> Void, failure: @escaping () -> String?) {
        self.write = write
        self.failure = failure
    }

    /// What the runner renders for this sink: the record alone.
    public static let render: @Sendable (Article) -> RenderedArticle = RenderedArticle.record

    public func take(_ input: ProcessedInput<RenderedArticle>) throws(OutputError) {
        guard !input.articles.isEmpty else { return }
        var bytes: [UInt8] = []
        for article in input.articles {
            bytes += article.record
            bytes.append(0x0A)
        }
        write(bytes)
        if let reason = failure() { throw OutputError(path: "standard output", reason: reason) }
    }

    public func finish(_ summary: RunSummary) throws(OutputError) {
        if let reason = failure() { throw OutputError(path: "standard output", reason: reason) }
    }
}
