/// A run of text lines that ingestion treats as one unit: a paragraph (possibly rejoined across a
/// page or column break) or a heading line.
struct Paragraph: Sendable {
    /// The repaired text, as printed, without the break.
    var text: String
    /// The source lines it was made of, first to last.
    var lines: [Int]
    /// Blank lines before its first line.
    var gapBefore: Int
    /// The line classifier read it as a photo caption (`图为…`, `▲ …`); the layout model decides
    /// whether it is one or a photo-news brief.
    var classifiedAsCaption = false
    /// A head cut off the front of its line as a possible run-in title: what stood between it
    /// and its text (`　` or `。`), put back when the model reads it as no title.
    var runInSeparator: String? = nil
    /// The next non-blank line is a web page's meta line (`来源：… 发布时间：…`, a clock time):
    /// what stands right above one is usually the page's title.
    var aboveWebMeta = false
    /// The line above, blank lines aside, is where a picture was (`[图片]`, an
    /// `image-placeholder` cue): what stands right under one is often its caption.
    var belowImage = false
}

/// The bulletin after line classification and page-break repair: paragraphs and the layout
/// furniture between them, in order.
enum Block: Sendable {
    case paragraph(Paragraph)
    case section(String, line: Int)
    /// A credit; `photo` when it names only a photographer (`陆　军　摄`), see
    /// `LayoutCues.isPhotographersCredit`; `head` when it is printed as a head credit
    /// (`本报记者　黄　敏`, unbracketed, with a credit word), which may stand under an article's
    /// opening paragraph as well as at its end.
    case byline([String], line: Int, photo: Bool, head: Bool)
    case continuedForward(page: String, line: Int)
    case continuedBackward(line: Int)
    case endMark(line: Int)

    /// The furniture block for a line (or a piece of one, `printed`) the classifier read as
    /// furniture; nil for text, blanks, mastheads and captions. `classifier` tells a
    /// photographer's credit from a writer's; a writer's credit printed on a line of its own
    /// (`ownLine`) may be a head credit.
    init?(furniture kind: LineClassifier.Kind, line: Int, printed: String, classifier: LineClassifier, ownLine: Bool = false) {
        switch kind {
        case .section(let name): self = .section(name, line: line)
        case .byline(let names):
            let photo = classifier.isPhotoCredit(printed)
            self = .byline(names, line: line, photo: photo, head: ownLine && !photo && classifier.isHeadCredit(printed))
        case .continuedForward(let page): self = .continuedForward(page: page, line: line)
        case .continuedBackward: self = .continuedBackward(line: line)
        case .endMark: self = .endMark(line: line)
        case .blank, .masthead, .caption, .text: return nil
        }
    }
}

/// Rejoins paragraphs that a page or column break cut in two, and lays the bulletin out as blocks.
///
/// A text line that does not end a sentence is joined with the next text line (across blank
/// lines, mastheads and captions of the page break) when:
/// - the next line starts mid-sentence (`…为契` / `机，将…`), or closes a quotation the first
///   left open (`“太有感` / `染力了”…`); or
/// - the first line cannot be a heading (too long, a full stop inside, a lead opening) and the
///   next line cannot be one either: a broken paragraph is never glued to the title after it; or
/// - the text is hard-wrapped: the first line fills the column, or is a long indented first
///   line of a paragraph, and the line right under it is not indented; or
/// - an unfinished line stands above a page's header or footer, unless both it and the next
///   line could be headings (an issue line over the masthead is not half of the first title).
///
/// Furniture printed on a text line (`…另有（下转第3版）`, `…议事角。（完）`, a run-in brief title) is
/// cut off first (`InlineFurniture`).
struct PageBreakRepair: Sendable {
    let cues: LayoutCues
    let inline: InlineFurniture

    /// What the repair did, for `bulletin split`.
    struct Join: Sendable, Equatable {
        let firstLine: Int
        let nextLine: Int
    }

    /// The width text was hard-wrapped at, when most lines share one length (some extractions
    /// break every line at the column width): then a full line runs on into the next one unless
    /// that one is indented (a new paragraph).
    static func wrapWidth(_ lines: [SourceLine], _ kinds: [LineClassifier.Kind]) -> Int? {
        var counts: [Int: Int] = [:]
        var textLines = 0
        for (line, kind) in zip(lines, kinds) where kind == .text && line.length >= 12 {
            counts[line.columnWidth, default: 0] += 1
            textLines += 1
        }
        guard textLines >= 10 else { return nil }
        guard let (width, share) = commonestWidth(counts), share * 10 >= textLines * 4, width <= 60 else { return nil }
        return width
    }

    /// The width most lines wrap at, and how many lines share it: lengths within one of each
    /// other share a column (a line may end on a half-width character), so a width counts the
    /// lines one shorter too; ties go to the wider.
    private static func commonestWidth(_ counts: [Int: Int]) -> (width: Int, share: Int)? {
        counts.keys.map { width in (width, (counts[width] ?? 0) + (counts[width - 1] ?? 0)) }
            .max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }

    /// The width each line's own column was wrapped at, when it differs from page to page or
    /// box to box (a lead set 22 wide over a briefs column set 17 wide): for each run of text
    /// lines with no blank or furniture between, the width at least three of its lines and half
    /// of its lines share (within one), else nil. Linear in the lines.
    static func runWidths(_ lines: [SourceLine], _ kinds: [LineClassifier.Kind]) -> [Int?] {
        var widths = [Int?](repeating: nil, count: lines.count)
        var start = 0
        while start < lines.count {
            guard kinds[start] == .text else {
                start += 1
                continue
            }
            var end = start
            while end < lines.count, kinds[end] == .text { end += 1 }
            if end - start >= 3 {
                var counts: [Int: Int] = [:]
                for line in lines[start..<end] where line.length >= 6 { counts[line.columnWidth, default: 0] += 1 }
                if let (width, share) = commonestWidth(counts), share >= 3, share * 2 >= end - start, width <= 60 {
                    for index in start..<end { widths[index] = width }
                }
            }
            start = end
        }
        return widths
    }

    /// A line of prose a hard wrap put a paper's or a photographer's word in
    /// (`类“一户一码”，每户门口的分类桶贴上专属二维码，` under `…仙桥村在全村推行垃圾分`;
    /// `人新事、好人好事的新闻稿、散文、摄影作品均可` under `…凡反映社区新`) is text, not the QR blurb
    /// or caption its word makes it look like: the line above is as wide as its column, this one
    /// is as wide too, and the sentence runs through it — the line above ends none, or this one
    /// ends none and the text goes on unindented below (`来稿请发送至本报投稿邮箱，或交所在村（社区）宣传`
    /// / `委员转交。`). A caption marked at its start (`▲…`, `图为…`) stays one.
    func proseHoldingFurnitureWords(
        _ lines: [SourceLine], _ kinds: inout [LineClassifier.Kind], wrap: Int?, runWidths: inout [Int?]
    ) {
        for index in lines.indices.dropFirst() where kinds[index - 1] == .text {
            let above = lines[index - 1]
            let line = lines[index]
            let byWordInside: Bool
            switch kinds[index] {
            case .masthead(date: nil): byWordInside = cues.isBoilerplate(line.folded) && !line.isWebMeta(cues)
            case .caption: byWordInside = !cues.startsWithCaptionPrefix(line.folded)
            default: continue
            }
            guard byWordInside, let width = runWidths[index - 1] ?? wrap,
                !line.indented, abs(above.columnWidth - width) <= 1, line.columnWidth >= width - 1
            else { continue }
            let runsThrough =
                !LineShape.isTerminated(above.text)
                || (!LineShape.isTerminated(line.text) && index + 1 < lines.count && kinds[index + 1] == .text
                    && !lines[index + 1].indented)
            guard runsThrough else { continue }
            kinds[index] = .text
            runWidths[index] = runWidths[index - 1]
        }
    }

    /// A line as wide as its own column (`runWidths`) runs on into the line right under it, as
    /// in `runsOn`, unless the line opens its paragraph unindented and shaped like a heading (a
    /// title is set as wide as the column now and then), or the line under it opens an item (`1.`, `·`), a
    /// lead (`又讯`, `近日，`) or a credit.
    func wrapsInItsColumn(_ lines: [SourceLine], _ index: Int, width: Int?, startsParagraph: Bool) -> Bool {
        let line = lines[index]
        let next = lines[index + 1]
        // A line ending its sentence at the column's edge may end its paragraph too: without the
        // page's own width to go by, that is left apart.
        guard runsOn(line, into: next, width: width, adjacent: true), !LineShape.isTerminated(line.text) else { return false }
        // (A line ending mid-phrase, `…或交所在居民区的`, `…和`, is no whole heading: it goes on;
        // nor is one over the short tail of a sentence, `…9月底前提交村民代表` / `会议讨论。`.)
        if startsParagraph, !line.indented, LineShape.couldBeHeading(line.text, cues: cues), !cues.endsRunningOn(line.text),
            !PageBreakRepair.isSentenceTail(next)
        {
            return false
        }
        if LineShape.enumerationLength(next.text) != nil || !(next.text.unicodeScalars.first.map(ScalarClass.isWordScalar) ?? false) {
            return false
        }
        return !cues.startsWithLeadOpener(next.text) && !cues.startsWithBylinePrefix(next.text)
    }

    /// A short sentence closed by its photographer's credit right under a page's furniture
    /// (`- 2 -` / `第3版 人物` / `电梯投入使用，居民乘梯回家。(陈雨 摄)`) is the caption of the new
    /// page's photo, not the rest of the paragraph the page break cut: the paragraph goes on
    /// below it. Lower down a page, such a line is as often a hard-wrapped brief's last line
    /// (`…清扫路面。（顾　磊　摄）`), and is left as text.
    func captionsOpeningAPage(_ lines: [SourceLine], _ kinds: inout [LineClassifier.Kind]) {
        var afterFurniture = false
        for index in lines.indices {
            switch kinds[index] {
            case .blank: continue
            case .masthead: afterFurniture = true
            case .text:
                let line = lines[index]
                if afterFurniture, line.length <= LineClassifier.furnitureMaxLength,
                    inline.classifier.endsWithPhotoCredit(scalars: line.folded.unicodeScalars),
                    !inline.classifier.isPhotoNews(line.folded)
                {
                    kinds[index] = .caption
                }
                afterFurniture = false
            default: afterFurniture = false
            }
        }
    }

    /// The blocks, the joins made, the pieces of furniture cut off text lines, as printed, with
    /// the line they were cut from, and each line's kind as the repair settled it (prose that
    /// only looked like furniture is text; a caption opening a page is a caption).
    func blocks(
        lines: [SourceLine], kinds: [LineClassifier.Kind]
    ) -> (blocks: [Block], joins: [Join], detached: [(line: Int, text: String)], kinds: [LineClassifier.Kind]) {
        let wrap = PageBreakRepair.wrapWidth(lines, kinds)
        var runWidths = PageBreakRepair.runWidths(lines, kinds)
        // The kinds as this repair settles them: each rule one pass, in place.
        var kinds = kinds
        proseHoldingFurnitureWords(lines, &kinds, wrap: wrap, runWidths: &runWidths)
        captionsOpeningAPage(lines, &kinds)
        var blocks: [Block] = []
        var joins: [Join] = []
        var detached: [(line: Int, text: String)] = []
        var gap = 0
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // A caption-like line (`▲10月9日，镇人大…`) wrapped into the line below is a brief's text;
            // one that ends with its photographer's credit (`图：居民在食堂用餐（蒋磊　摄）`) is whole.
            let wrappedCaption = kinds[index] == .caption && index + 1 < lines.count && kinds[index + 1] == .text
                && !inline.classifier.endsWithPhotoCredit(scalars: line.text.unicodeScalars)
                && runsOn(line, into: lines[index + 1], width: wrap, adjacent: true)
            switch wrappedCaption ? .text : kinds[index] {
            case .blank:
                gap += 1
            case .masthead:
                break  // dropped; a page header is part of the gap between columns
            case .caption:
                // A photo and its caption sit between paragraphs of one article; the layout model
                // decides whether it is a caption or a photo-news brief (whose credit comes off).
                var paragraph = Paragraph(text: line.text, lines: [line.number], gapBefore: gap, classifiedAsCaption: true)
                let trailing = cutTrailing(&paragraph, line: line.number)
                blocks.append(.paragraph(paragraph))
                for piece in trailing {
                    if let block = piece.block { blocks.append(block) }
                    detached.append((line.number, piece.printed))
                }
                gap = 0
            case .section, .byline, .continuedForward, .continuedBackward, .endMark:
                if let block = Block(furniture: kinds[index], line: line.number, printed: line.text, classifier: inline.classifier, ownLine: true) {
                    blocks.append(block)
                }
                gap = 0
            case .text:
                var text = line.text
                if let marker = inline.leading(text) {
                    let scalars = text.scalarArray
                    let printed = String(scalars: scalars[..<marker.offset])
                    detached.append((line.number, printed))
                    if let block = Block(furniture: marker.kind, line: line.number, printed: printed, classifier: inline.classifier) { blocks.append(block) }
                    text = String(scalars: scalars[marker.offset...])
                }
                var splitRunIn = false
                if let (headEnd, textStart) = inline.runInTitle(text) {
                    let scalars = text.scalarArray
                    appendRunInHead(
                        scalars[..<headEnd], separator: headEnd < textStart ? scalars[headEnd] : nil, line: line.number, gapBefore: gap,
                        to: &blocks)
                    gap = 0
                    text = String(scalars: scalars[textStart...])
                    splitRunIn = true
                }
                let firstLineLength = text.unicodeScalars.count
                var paragraph = Paragraph(text: text, lines: [line.number], gapBefore: gap)
                // Kept up line by line: a paragraph rejoined from thousands of lines is not
                // rescanned at every join.
                var quoteBalance = LineShape.openQuoteBalance(text)
                gap = 0
                // A headline set whole in brackets (`　　【保东村开展“敲门行动”关爱独居老人】`) is
                // complete, however short of the column it stops.
                let bracketedWhole = LineShape.isBracketedWhole(text)
                // A line that ends with a marker or a credit ends its paragraph; the line alone is
                // asked (a piece is short), not the paragraph rejoined so far.
                while !bracketedWhole, let next = nextTextLine(after: index, lines: lines, kinds: kinds),
                    inline.trailing(lines[index].text) == nil,
                    runsOn(lines[index], into: lines[next], width: wrap, adjacent: next == index + 1)
                        || (runWidths[index] != wrap && next == index + 1
                            && wrapsInItsColumn(lines, index, width: runWidths[index], startsParagraph: paragraph.lines.count == 1))
                        || continues(
                            paragraph.text, quoteBalance: quoteBalance, with: lines[next].text,
                            acrossBoilerplate: lines[(index + 1)..<next].contains {
                                cues.isBoilerplate($0.folded) || $0.isWebMeta(cues)
                            })
                        || brokenAcrossPageFurniture(paragraph.text, into: lines[next].text, lines[(index + 1)..<next], kinds[(index + 1)..<next])
                {
                    joins.append(Join(firstLine: lines[index].number, nextLine: lines[next].number))
                    quoteBalance += LineShape.openQuoteBalance(lines[next].text)
                    paragraph.text += lines[next].text
                    paragraph.lines.append(lines[next].number)
                    index = next
                }
                // A hard-wrapped column leaves a run-in title's text a few characters on its first
                // line (`【南桥镇】镇领导“夜间接访”延伸到村居。10月以来，南桥镇把`): the head is
                // judged again against the whole rejoined paragraph.
                // A bracketed head may itself be wrapped (`【5月份12345热线工单办结率达9` / `9.2%】日前，…`):
                // its closing bracket says where it ends.
                if !splitRunIn, paragraph.lines.count > 1, let (headEnd, textStart) = inline.runInTitle(paragraph.text),
                    headEnd < firstLineLength || paragraph.text.unicodeScalars.first == "【"
                {
                    let scalars = paragraph.text.scalarArray
                    appendRunInHead(
                        scalars[..<headEnd], separator: headEnd < textStart ? scalars[headEnd] : nil, line: paragraph.lines[0],
                        gapBefore: paragraph.gapBefore,
                        to: &blocks)
                    paragraph.text = String(scalars: scalars[textStart...])
                    paragraph.gapBefore = 0
                }
                paragraph.aboveWebMeta = isAboveWebMeta(index, lines: lines, kinds: kinds)
                paragraph.belowImage = isBelowImage(paragraph.lines[0], lines: lines, kinds: kinds)
                // A credit, an end mark or a marker the paragraph ends with.
                let trailing = cutTrailing(&paragraph, line: lines[index].number)
                blocks.append(.paragraph(paragraph))
                for piece in trailing {
                    if let block = piece.block { blocks.append(block) }
                    detached.append((lines[index].number, piece.printed))
                }
            }
            index += 1
        }
        return (blocks, joins, detached, kinds)
    }

    /// Adds a head cut off the front of a line as a possible run-in title, with what stood between
    /// it and its text (the full stop or colon that ended it, else a wide space; nothing after a
    /// bracketed head), put back if the head is read as no title.
    private func appendRunInHead(
        _ head: ArraySlice<Unicode.Scalar>, separator: Unicode.Scalar?, line: Int, gapBefore: Int, to blocks: inout [Block]
    ) {
        let kept = separator.map { $0 == "。" || $0 == "：" ? String($0) : "\u{3000}" } ?? ""
        blocks.append(.paragraph(Paragraph(text: String(scalars: head), lines: [line], gapBefore: gapBefore, runInSeparator: kept)))
    }

    /// Cuts the furniture a paragraph ends with (at most two pieces: `…。（刘晓庆 张维）（完）`) and
    /// returns it in printed order, each piece's block (none for a dropped page footer) and text.
    private func cutTrailing(_ paragraph: inout Paragraph, line: Int) -> [(block: Block?, printed: String)] {
        var trailing: [(block: Block?, printed: String)] = []
        for _ in 0..<2 {
            guard let piece = inline.trailing(paragraph.text), piece.offset > 0 else { break }
            let scalars = paragraph.text.scalarArray
            let printed = String(scalars: scalars[piece.offset...])
            trailing.insert((Block(furniture: piece.kind, line: line, printed: printed, classifier: inline.classifier), printed), at: 0)
            paragraph.text = String(scalars: scalars[..<piece.offset]).trimmingSpaces
        }
        return trailing
    }

    /// Whether the first non-blank line after line `index` is a web page's meta line.
    /// Whether the line above source line `number` (1-based), blank lines aside, is an image
    /// placeholder.
    private func isBelowImage(_ number: Int, lines: [SourceLine], kinds: [LineClassifier.Kind]) -> Bool {
        var above = number - 2
        while above >= 0, kinds[above] == .blank { above -= 1 }
        return above >= 0 && cues.isImagePlaceholder(lines[above].folded)
    }

    private func isAboveWebMeta(_ index: Int, lines: [SourceLine], kinds: [LineClassifier.Kind]) -> Bool {
        var next = index + 1
        while next < lines.count, kinds[next] == .blank { next += 1 }
        guard next < lines.count else { return false }
        return lines[next].isWebMeta(cues)
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

    /// In hard-wrapped text: a full-width line runs on into the line right below it unless that one
    /// is indented.
    /// `runsOn`, except into a line that opens a brief: that starts a paragraph of its own.
    func runsOn(_ line: SourceLine, into next: SourceLine, width: Int?, adjacent: Bool) -> Bool {
        (PageBreakRepair.runsOn(line, into: next, width: width, adjacent: adjacent)
            || wrapsNarrowFirstLine(line, into: next, adjacent: adjacent))
            && !opensBrief(next.folded) && !standsAlone(next, under: line, width: width)
    }

    /// In a narrow column a paragraph's indented first line is short
    /// (`　　一份两荤一素的午餐，成本约` / `12元。80周岁以上老人每餐自付`): when it ends no
    /// sentence and the line right under it is not indented and at least as wide, the text was
    /// wrapped there, unless both lines could be headings (a kicker over its title). A heading
    /// set alone is narrower than the text under it, and what stands under a label
    /// (`举报电话：…` / `海永镇人民政府`) is no paragraph's second line.
    func wrapsNarrowFirstLine(_ line: SourceLine, into next: SourceLine, adjacent: Bool) -> Bool {
        guard adjacent, line.indented, !next.indented, line.length >= PageBreakRepair.minimumNarrowFirstLine,
            next.columnWidth + 1 >= line.columnWidth, !LineShape.isTerminated(line.text)
        else { return false }
        return !LineShape.couldBeHeading(line.text, cues: cues) || !LineShape.couldBeHeading(next.text, cues: cues)
    }

    /// A full line that ends its sentence over a shorter line that ends none: the shorter line is
    /// a heading set between paragraphs (`…记在本上。` / `走进一栋楼，摸清一本账`), for a
    /// paragraph's last line ends its last sentence.
    func standsAlone(_ next: SourceLine, under line: SourceLine, width: Int?) -> Bool {
        guard let width, next.columnWidth < width - 1, LineShape.isTerminated(line.text), !LineShape.isTerminated(next.text)
        else { return false }
        return LineShape.couldBeHeading(next.text, cues: cues)
    }

    /// A line that opens with a brief's bullet or label (`■ 8月下旬，…`, `【怒江苑居民区】近日，…`).
    func opensBrief(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return inline.classifier.briefBullets.contains(first) || LineShape.startsWithBracketLabel(scalars: text.unicodeScalars)
    }

    static func runsOn(_ line: SourceLine, into next: SourceLine, width: Int?, adjacent: Bool) -> Bool {
        guard adjacent, !next.indented else { return false }
        // A long indented line is a paragraph's first: when it stops mid-sentence and the line
        // right under it is not indented, the text was wrapped there, whatever the column width.
        if line.indented, line.length >= minimumWrappedFirstLine, !LineShape.isTerminated(line.text) { return true }
        guard let width else { return false }
        // A line wider than the column was not wrapped at it: a heading set across columns
        // (`传承发展新时代“枫桥经验”　推动矛盾纠纷就地化解` over a 22-character column).
        return line.columnWidth >= width - 1 && line.columnWidth <= width + 1
    }

    /// Whether a line is the tail of a sentence a wrap cut (`会议讨论。`): short, ending the
    /// sentence, no comma or colon inside — no lead's first sentence is so short.
    static func isSentenceTail(_ line: SourceLine) -> Bool {
        line.length <= maximumSentenceTail && LineShape.isTerminated(line.text)
            && !line.text.unicodeScalars.contains { "，,：:、".unicodeScalars.contains($0) }
    }

    static let maximumSentenceTail = 10

    /// A paragraph's first line shorter than this may be an indented heading (`　　一、基本做法`).
    static let minimumWrappedFirstLine = 24
    /// The shortest indented first line a narrow column wraps (about ten characters a line).
    static let minimumNarrowFirstLine = 8

    /// An unfinished line right above a page footer or header (`…继续推广信访代` / `九亭报·要闻　01`
    /// / … / `理员“上门接单”做法，…`) runs on over it: a heading is not set at the foot of a page
    /// with its text on the next. The furniture must be a page's (paper name, page number), not a
    /// web page's meta line under its title (`来源：…　发布时间：…`), which is boilerplate.
    func brokenAcrossPageFurniture(
        _ first: String, _ between: ArraySlice<SourceLine>, _ kinds: ArraySlice<LineClassifier.Kind>
    ) -> Bool {
        guard zip(between, kinds).contains(where: { line, kind in
            if case .masthead = kind { !cues.isBoilerplate(line.folded) } else { false }
        }),
            // A web page's meta line (`原创　某某发布　2024年08月30日 08:00`) stands under a
            // title, never inside a paragraph: print furniture carries no clock time.
            !between.contains(where: { $0.isWebMeta(cues) }),
            !LineShape.isTerminated(first), !LineShape.isKicker(first), first.unicodeScalars.prefix(12).count >= 12
        else { return false }
        return true
    }

    /// `brokenAcrossPageFurniture`, except between two lines that could each be a heading: a
    /// masthead's issue line, a column label or a kicker above the paper's furniture
    /// (`2024年第8期（总第96期）` / `黄浦区…编　2024年4月26日` / `━━━` / a title) is not half of a
    /// paragraph.
    func brokenAcrossPageFurniture(
        _ first: String, into next: String, _ between: ArraySlice<SourceLine>, _ kinds: ArraySlice<LineClassifier.Kind>
    ) -> Bool {
        guard brokenAcrossPageFurniture(first, between, kinds) else { return false }
        return !(LineShape.couldBeHeading(first, cues: cues) && LineShape.couldBeHeading(next, cues: cues))
    }

    /// Whether `next` is the rest of the paragraph `first` that a break cut.
    func continues(_ first: String, with next: String) -> Bool {
        continues(first, quoteBalance: LineShape.openQuoteBalance(first), with: next)
    }

    /// `continues(_:with:)` with the quotation balance of `first` already known.
    /// - Parameter acrossBoilerplate: a web page's meta line (`发布时间：…　来源：…`) or an imprint
    ///   stands between them: no page break does that, so only a sentence that plainly goes on
    ///   (the mid-sentence and quotation tests) joins across it; a long web title does not.
    func continues(_ first: String, quoteBalance: Int, with next: String, acrossBoilerplate: Bool = false) -> Bool {
        if LineShape.isTerminated(first) || LineShape.isKicker(first) || opensBrief(next) { return false }
        // A credit line under a title (`本报讯 记者 吴雨桐 通讯员 严俊`) is a block of its own.
        if next.utf8.count <= 160, inline.classifier.isCreditLine(next.scalarArray) { return false }
        // `问：…` starts a turn of an interview, not the middle of a sentence.
        if LineShape.startsMidSentence(next) && !cues.startsWithDialoguePrefix(next) { return true }
        if quoteBalance > 0 && LineShape.closesUnopenedQuote(next) {
            return true
        }
        if acrossBoilerplate { return false }
        // A run-in title over a sentence begun and not finished: the sentence goes on below.
        if LineShape.opensSentenceAfterGap(first) { return true }
        if LineShape.couldBeHeading(first, cues: cues) { return false }
        return !LineShape.couldBeHeading(next, cues: cues)
    }
}
