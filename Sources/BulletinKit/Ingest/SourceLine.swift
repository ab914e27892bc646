/// One line of a bulletin, trimmed of surrounding spaces, with its look-alike-folded form (full-width
/// digits as ASCII, `⻄` as `西`) that layout cues are matched against.
struct SourceLine: Sendable {
    /// 1-based line number in the decoded file.
    let number: Int
    /// The line as printed, without surrounding spaces.
    let text: String
    /// `text` folded scalar for scalar (same length).
    let folded: String
    /// `text.scalarCount`.
    let length: Int
    /// The line starts with spaces: in hard-wrapped text, the first line of a paragraph.
    let indented: Bool
    /// Scalars the line takes in its column, leading spaces (`　　`) included: what a hard wrap
    /// measures.
    let columnWidth: Int

    var isBlank: Bool { length == 0 }

    /// Whether the line is a web page's meta line (`来源：…　发布时间：…`, `原创 某某发布 2024-10-11 08:30`):
    /// a web-meta cue of `layout-cues.tsv` or a clock time, which print furniture never carries.
    func isWebMeta(_ cues: LayoutCues) -> Bool {
        cues.isWebMeta(folded) || LineShape.hasClockTime(text)
    }

    init(number: Int, raw: Substring, folding: LookalikeFolding) {
        self.number = number
        // Trim by index and copy once: building a String scalar by scalar is several times slower.
        let scalars = raw.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower = scalars.index(after: lower) }
        while upper > lower, ScalarClass.isSpace(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        let trimmed = String(raw[lower..<upper])
        self.indented = lower > scalars.startIndex
        self.text = trimmed
        self.folded = folding.fold(trimmed)
        self.length = trimmed.scalarCount
        self.columnWidth = length + scalars.distance(from: scalars.startIndex, to: lower)
    }

    /// Splits a decoded text (line ends already `\n`) into lines.
    static func lines(of text: String, folding: LookalikeFolding) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        // Split on the byte 0x0A (line ends are `\n` by now), not on Characters: grapheme
        // breaking is an order of magnitude slower.
        let utf8 = text.utf8
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            number += 1
            var lineEnd = end
            if lineEnd > start, utf8[utf8.index(before: lineEnd)] == 0x0D { lineEnd = utf8.index(before: lineEnd) }
            result.append(SourceLine(number: number, raw: text[start..<lineEnd], folding: folding))
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
        }
        while let last = result.last, last.isBlank { result.removeLast() }
        return result
    }
}
