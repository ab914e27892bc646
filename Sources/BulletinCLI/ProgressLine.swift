/// What the run's progress line says, and how it is laid out for a terminal `width` columns
/// wide: the counts first, then the file being read, shortened in the middle to fit.
///
/// ```swift
/// ProgressLine(done: 12, total: 147, megabytesPerSecond: 3.1, articles: 845, problems: 1,
///              etaSeconds: 52, path: "corpus/2024-03-08_putuo-changzheng-shequbao.txt")
///     .render(width: 100)
/// // "[12/147 files] 3.1 MB/s, 845 articles, 1 problem, ETA 0:52  corpus/2024-03-08_p…gzheng-shequbao.txt"
/// ```
///
/// The line never reaches the last column (a terminal wraps there, and the next `\r` would
/// redraw only the wrapped part), counts Chinese characters as two columns, and says the same
/// counts at any width: only the path gives way — shortened in the middle, or left out when
/// fewer than ``minimumPath`` columns remain for it.
struct ProgressLine: Equatable {
    var done: Int
    var total: Int
    var megabytesPerSecond: Double
    var articles: Int
    var problems: Int
    var etaSeconds: Int
    var path: String

    /// Fewer columns than this for the path and it is left out: `co…txt` tells nobody anything.
    static let minimumPath = 12

    /// The counts: `[12/147 files] 3.1 MB/s, 845 articles, 1 problem, ETA 0:52`.
    var counts: String {
        let rate = (megabytesPerSecond * 10).rounded() / 10
        let eta = max(0, etaSeconds)
        let seconds = eta % 60
        return "[\(done)/\(counted(total, "file"))] \(rate) MB/s, \(counted(articles, "article")), "
            + "\(counted(problems, "problem")), ETA \(eta / 60):\(seconds < 10 ? "0" : "")\(seconds)"
    }

    /// The line for a terminal `width` columns wide, at most `width - 1` columns.
    func render(width: Int) -> String {
        let room = max(1, width - 1)
        let counts = self.counts
        let countsWidth = TerminalText.columns(counts)
        if countsWidth > room { return TerminalText.truncated(counts, to: room) }
        let pathRoom = room - countsWidth - 2
        guard !path.isEmpty, pathRoom >= ProgressLine.minimumPath else { return counts }
        return counts + "  " + TerminalText.middleShortened(path, to: pathRoom)
    }
}

/// `1 file`, `2 files`, `0 problems`: a count with its noun in agreement.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
