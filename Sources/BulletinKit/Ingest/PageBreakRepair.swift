/// A run of text lines that ingestion treats as one unit: a paragraph (possibly rejoined across a
/// page or column break) or a heading line.
struct Paragraph: Sendable {
    /// The repaired text, as printed, without the break.
    var text: String
    /// The source lines it was made of, first to last.
    var lines: [Int]
    /// Blank lines before its first line.
    var gapBefore: Int
}

/// The bulletin after line classification and page-break repair: paragraphs and the layout
/// furniture between them, in order.
enum Block: Sendable {
    case paragraph(Paragraph)
    case section(String, line: Int)
    case byline([String], line: Int)
    case continuedForward(page: String, line: Int)
    case continuedBackward(line: Int)
    case endMark(line: Int)
}

/// Rejoins paragraphs that a page or column break cut in two, and lays the bulletin out as blocks.
///
/// A text line that does not end a sentence is joined with the next text line (across blank
/// lines, mastheads and captions of the page break) when:
/// - the next line starts mid-sentence (`…为契` / `机，将…`), or closes a quotation the first
///   left open (`“太有感` / `染力了”…`); or
/// - the first line cannot be a heading (too long, a full stop inside, a lead opening) and the
///   next line cannot be one either: a broken paragraph is never glued to the title after it.
struct PageBreakRepair: Sendable {
    let cues: LayoutCues

    /// What the repair did, for `bulletin split`.
    struct Join: Sendable, Equatable {
        let firstLine: Int
        let nextLine: Int
    }

    func blocks(
        lines: [SourceLine], kinds: [LineClassifier.Kind]
    ) -> (blocks: [Block], joins: [Join]) {
        var blocks: [Block] = []
        var joins: [Join] = []
        var gap = 0
        var index = 0
        while index < lines.count {
            let line = lines[index]
            switch kinds[index] {
            case .blank:
                gap += 1
            case .masthead:
                break  // dropped; a page header is part of the gap between columns
            case .caption:
                gap = 0  // a photo and its caption sit between paragraphs of one article
            case .section(let name):
                blocks.append(.section(name, line: line.number))
                gap = 0
            case .byline(let names):
                blocks.append(.byline(names, line: line.number))
                gap = 0
            case .continuedForward(let page):
                blocks.append(.continuedForward(page: page, line: line.number))
                gap = 0
            case .continuedBackward:
                blocks.append(.continuedBackward(line: line.number))
                gap = 0
            case .endMark:
                blocks.append(.endMark(line: line.number))
                gap = 0
            case .text:
                var paragraph = Paragraph(text: line.text, lines: [line.number], gapBefore: gap)
                gap = 0
                while let next = nextTextLine(after: index, lines: lines, kinds: kinds),
                    continues(paragraph.text, with: lines[next].text)
                {
                    joins.append(Join(firstLine: lines[index].number, nextLine: lines[next].number))
                    paragraph.text += lines[next].text
                    paragraph.lines.append(lines[next].number)
                    index = next
                }
                blocks.append(.paragraph(paragraph))
            }
            index += 1
        }
        return (blocks, joins)
    }

    /// The next text line, skipping blank lines and the masthead and caption lines a page break
    /// may put between the halves of a paragraph; nil at a section marker, byline or marker.
    private func nextTextLine(
        after index: Int, lines: [SourceLine], kinds: [LineClassifier.Kind]
    ) -> Int? {
        var next = index + 1
        while next < lines.count {
            switch kinds[next] {
            case .text: return next
            case .blank, .masthead, .caption: next += 1
            default: return nil
            }
        }
        return nil
    }

    /// Whether `next` is the rest of the paragraph `first` that a break cut.
    func continues(_ first: String, with next: String) -> Bool {
        if LineShape.isTerminated(first) || LineShape.isKicker(first) { return false }
        if LineShape.startsMidSentence(next) { return true }
        if LineShape.openQuoteBalance(first) > 0 && LineShape.closesUnopenedQuote(next) {
            return true
        }
        if LineShape.couldBeHeading(first, cues: cues) { return false }
        return !LineShape.couldBeHeading(next, cues: cues)
    }
}
