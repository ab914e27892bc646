import BulletinKit

/// Wraps a run's sink to tell the user as it goes: each problem on standard error
/// (`bulletin: corpus/scan.txt: binary file`) and, on a terminal, the progress line.
final class ReportingSink<Inner: RunSink>: RunSink {
    typealias Rendered = Inner.Rendered
    typealias Failure = Inner.Failure

    let inner: Inner
    private let console: Console
    let progress: Progress
    private var total = 0
    private var done = 0

    init(_ inner: Inner, console: Console) {
        self.inner = inner
        self.console = console
        progress = Progress(console: console)
    }

    var finishedBefore: [(record: InputRecord, problems: Int)] { inner.finishedBefore }

    func begin(_ inputs: InputList) throws(Failure) {
        total = inputs.count
        done = inner.finishedBefore.count
        try inner.begin(inputs)
    }

    func take(_ input: ProcessedInput<Rendered>) throws(Failure) {
        for problem in input.problems {
            progress.clear()
            progress.problems += 1
            console.problem(problem.description)
        }
        progress.articles += input.articles.count
        progress.bytes += input.textBytes
        try inner.take(input)
        if input.record != nil {
            done += 1
            progress.show(done: done, total: total, path: input.origin)
        }
    }

    func finish(_ summary: RunSummary) throws(Failure) {
        progress.clear()
        try inner.finish(summary)
    }
}
