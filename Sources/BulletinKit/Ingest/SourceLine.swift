/// One line of a bulletin, trimmed of surrounding spaces, with its look-alike-folded form (full-width
/// digits as ASCII, `⻄` as `西`) that layout cues are matched against.
struct SourceLine: Sendable {
    /// 1-based line number in the decoded file.
    let number: Int
    /// The line as printed, without surrounding spaces.
    let text: String
    /// `text` folded scalar for scalar (same length).
    let folded: String
    /// `text.unicodeScalars.count`.
    let length: Int
    /// The line starts with spaces: in hard-wrapped text, the first line of a paragraph.
    let indented: Bool
    /// Scalars the line takes in its column, leading spaces (`　　`) included: what a hard wrap
    /// measures.
    let columnWidth: Int

    var isBlank: Bool { length == 0 }

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
        self.length = trimmed.unicodeScalars.count
        self.columnWidth = length + scalars.distance(from: scalars.startIndex, to: lower)
    }

    /// Splits a decoded text (line ends already `\n`) into lines.
    static func lines(of text: String, folding: LookalikeFolding) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        for raw in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        {
            number += 1
            result.append(SourceLine(number: number, raw: raw, folding: folding))
        }
        while let last = result.last, last.isBlank { result.removeLast() }
        return result
    }
}
