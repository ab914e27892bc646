import Dispatch

/// The run's progress on one line of standard error, redrawn in place (`\r`, then clear to the
/// end of the line) at most five times a second, only when standard error is a terminal, and
/// fitted to the terminal's width at each redraw:
///
/// ```
/// [12/147 files] 3.1 MB/s, 845 articles, 1 problem, ETA 0:52  corpus/20…qubao.txt
/// ```
final class Progress {
    private let console: Console
    private var shown = false
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    var bytes = 0
    var articles = 0
    var problems = 0
    private var firstDone: Int? = nil

    init(console: Console) { self.console = console }

    /// Seconds since the run started.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    func show(done: Int, total: Int, path: String) {
        guard console.errorIsTerminal, total > 1 else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastShown > 200_000_000 || done == 0 else { return }  // five times a second at most
        lastShown = now
        // A resumed run starts past the files it finished before: time only what this run did.
        let base = firstDone ?? done
        firstDone = base
        let line = ProgressLine(
            done: done, total: total, megabytesPerSecond: elapsed > 0 ? Double(bytes) / 1e6 / elapsed : 0,
            articles: articles, problems: problems,
            etaSeconds: done > base ? Int(elapsed / Double(done - base) * Double(total - done)) : 0,
            path: path)
        console.error("\r\u{1B}[K" + line.render(width: console.errorWidth))
        shown = true
    }

    func clear() {
        guard shown else { return }
        console.error("\r\u{1B}[K")
        shown = false
    }
}
