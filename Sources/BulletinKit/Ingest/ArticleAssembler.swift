import Foundation

/// Walks the repaired blocks of a bulletin and cuts them into articles.
///
/// - A section marker, byline, continuation marker or end mark closes the article before it; text
///   after a closed article starts a new one (a title-less photo brief when it has no heading).
/// - A run of heading lines followed by body starts an article, read by `TitleBlock`.
/// - Inside an open article, a single heading is a subheading when it has a parallel sibling
///   nearby (`HeadingShape`), or when the text under it goes on with the article's subject
///   (`TopicSimilarity`) and does not open like a news lead; otherwise it is a new title.
/// - Two stacked headings after an untitled article whose words the first one shares are that
///   article's title printed after its body, and the next article's title.
struct ArticleAssembler {
    let cues: LayoutCues
    let blocks: [Block]
    let topics: TopicSimilarity

    /// A subheading's following text shares at least this much with its article (tf-idf cosine of
    /// ideograph bigrams); below it, the heading starts a new article. Measured on the corpus:
    /// subheadings score 0.15–0.5 with their article, new articles 0.0–0.08.
    static let subheadingSimilarity = 0.1

    /// How many heading candidates on each side are looked at for a parallel sibling.
    static let parallelWindow = 3

    private(set) var roles: [Int: LineRole] = [:]
    /// Why a heading was read as it was, by source line, for `bulletin split`.
    private(set) var reasons: [Int: String] = [:]
    private(set) var articles: [Draft] = []
    private var current: Draft? = nil
    private var section: String? = nil
    private let headingCandidates: [Int]
    private let headingShapes: [Int: HeadingShape]
    /// The bigram counts of each paragraph block, by block index (empty for other blocks).
    private let blockCounts: [TopicSimilarity.Counts]
    /// Block indices already read as title lines: a title is no parallel sibling of a subheading.
    private var titleBlocks = Set<Int>()

    /// An article under construction.
    struct Draft {
        var title: TitleBlock?
        var lateTitle: String?
        var section: String?
        var byline: [String] = []
        private(set) var paragraphs: [(text: String, isSubheading: Bool)] = []
        /// The bigram counts of the paragraphs, for comparing the article so far with the text
        /// below a heading or lead: the counts of paragraphs added since the last comparison wait
        /// in `pendingCounts` and are merged in when the next comparison needs them.
        private(set) var bodyCounts = TopicSimilarity.Counts()
        private var pendingCounts: [TopicSimilarity.Counts] = []
        var continued: String?
        var closed = false
        /// The source line the article starts on (its first title or body line).
        var firstLine = 0

        init(title: TitleBlock? = nil, section: String?) {
            self.title = title
            self.section = section
        }

        var bodyText: String { paragraphs.map(\.text).joined(separator: "\n") }

        mutating func append(_ text: String, isSubheading: Bool, counts: TopicSimilarity.Counts) {
            paragraphs.append((text, isSubheading))
            pendingCounts.append(counts)
        }

        /// Brings `bodyCounts` up to date with every paragraph.
        mutating func settleCounts() {
            for counts in pendingCounts { bodyCounts = bodyCounts.merged(with: counts) }
            pendingCounts.removeAll()
        }

        /// Takes off the end of the last paragraph (a byline printed there): after assembly,
        /// when the counts are no longer read.
        mutating func replaceLastParagraph(with text: String) {
            paragraphs[paragraphs.count - 1].text = text
        }
        var bodyParagraphCount: Int { paragraphs.filter { !$0.isSubheading }.count }
    }

    init(blocks: [Block], cues: LayoutCues) {
        self.blocks = blocks
        self.cues = cues
        var counts = [TopicSimilarity.Counts](repeating: TopicSimilarity.Counts(), count: blocks.count)
        var paragraphCounts: [TopicSimilarity.Counts] = []
        var candidates: [Int] = []
        var shapes: [Int: HeadingShape] = [:]
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let paragraph) = block else { continue }
            counts[index] = TopicSimilarity.counts(paragraph.text)
            paragraphCounts.append(counts[index])
            if ArticleAssembler.isHeading(paragraph, cues: cues) {
                candidates.append(index)
                shapes[index] = HeadingShape(paragraph.text)
            }
        }
        self.topics = TopicSimilarity(paragraphCounts: paragraphCounts)
        self.blockCounts = counts
        self.headingCandidates = candidates
        self.headingShapes = shapes
    }

    static func isHeading(_ paragraph: Paragraph, cues: LayoutCues) -> Bool {
        paragraph.lines.count == 1 && LineShape.couldBeHeading(paragraph.text, cues: cues)
    }

    mutating func assemble() -> [Draft] {
        var index = 0
        while index < blocks.count {
            switch blocks[index] {
            case .section(let name, let line):
                finish()
                section = name
                roles[line] = .section
            case .byline(let names, let line):
                roles[line] = .byline
                if current != nil, current!.byline.isEmpty {
                    current!.byline = names
                }
                current?.closed = true
            case .continuedForward(let page, let line):
                roles[line] = .marker
                current?.continued = page
                current?.closed = true
            case .continuedBackward(let line):
                roles[line] = .marker
                finish()
            case .endMark(let line):
                roles[line] = .marker
                current?.closed = true
            case .paragraph(let paragraph):
                var end = index
                while end < blocks.count, case .paragraph(let p) = blocks[end],
                    ArticleAssembler.isHeading(p, cues: cues)
                {
                    end += 1
                }
                let followedByBody: Bool
                if end < blocks.count, case .paragraph = blocks[end] { followedByBody = true } else {
                    followedByBody = false
                }
                if end > index && followedByBody {
                    headingRun(index..<end, body: end)
                    index = end
                    continue
                }
                // A byline between title and body (`■ 本报记者 陆佳琪`, `记者 王佳音 报道`) is the
                // new article's, and closes nothing.
                if end > index, end + 1 < blocks.count, case .byline(let names, let line) = blocks[end],
                    case .paragraph = blocks[end + 1]
                {
                    finish()
                    start(titledBy: (index..<end).map { self.paragraph(at: $0) })
                    titleBlocks.formUnion(index..<end)
                    current!.byline = names
                    roles[line] = .byline
                    index = end + 1
                    continue
                }
                // A repeated title above `（上接第1版）`: the continuation's title.
                if end > index, end + 1 < blocks.count, case .continuedBackward(let line) = blocks[end],
                    case .paragraph = blocks[end + 1]
                {
                    finish()
                    start(titledBy: (index..<end).map { self.paragraph(at: $0) })
                    roles[line] = .marker
                    index = end + 1
                    continue
                }
                addBody(paragraph, at: index)
            }
            index += 1
        }
        finish()
        return articles
    }

    // MARK: - Headings

    private mutating func headingRun(_ run: Range<Int>, body: Int) {
        let headings = run.map { paragraph(at: $0) }
        titleBlocks.formUnion(run)
        guard var open = current, !open.closed else {
            finish()
            start(titledBy: headings)
            return
        }
        open.settleCounts()
        if headings.count >= 2 {
            if open.title == nil, open.bodyParagraphCount >= 2,
                belongsToArticleAbove(headings[0].text, article: open, nextBody: body)
            {
                open.lateTitle = headings[0].text
                roles[headings[0].lines[0]] = .lateTitle
                reasons[headings[0].lines[0]] = "shares more words with the untitled article above"
                current = open
                finish()
                start(titledBy: Array(headings.dropFirst()))
            } else {
                finish()
                start(titledBy: headings)
            }
            return
        }
        let heading = headings[0]
        if isSubheading(heading, at: run.lowerBound, in: open, body: body) {
            titleBlocks.remove(run.lowerBound)
            open.append(heading.text, isSubheading: true, counts: blockCounts[run.lowerBound])
            roles[heading.lines[0]] = .subheading
            current = open
        } else {
            finish()
            start(titledBy: headings)
        }
    }

    private mutating func isSubheading(
        _ heading: Paragraph, at index: Int, in article: Draft, body: Int
    ) -> Bool {
        let line = heading.lines[0]
        if LineShape.hasDash(heading.text) {
            reasons[line] = "a dash joins title and kicker or deck"
            return false
        }
        if cues.startsWithActorColon(heading.text) {
            reasons[line] = "starts with a name and a colon, as titles do"
            return false
        }
        if heading.text.scalarCount <= 4 {
            reasons[line] = "too short for a title (背景, 做法, 成效)"
            return true
        }
        if LineShape.isEnumerated(heading.text) {
            reasons[line] = "numbered like a part of the article (一、…, （一）…)"
            return true
        }
        if let sibling = parallelSibling(index) {
            reasons[line] = "set in parallel with line \(sibling)"
            return true
        }
        let following = sectionText(from: body)
        if cues.startsWithLeadOpener(following) || LineShape.startsWithDate(following) {
            reasons[line] = "the text below opens like a news lead"
            return false
        }
        // The title lines and the paragraphs, as if joined by line breaks.
        let above = [article.title?.title, article.title?.subtitle].compactMap { $0 }
            .reduce(TopicSimilarity.Counts()) { $0.merged(with: TopicSimilarity.counts($1)) }
            .merged(with: article.bodyCounts)
        let similarity = topics.similarity(above, sectionCounts(from: body))
        let shown = String(format: "%.2f", similarity)
        if similarity >= ArticleAssembler.subheadingSimilarity {
            reasons[line] = "the text below goes on with the article (similarity \(shown))"
            return true
        }
        reasons[line] = "the text below turns to a new subject (similarity \(shown))"
        return false
    }

    /// The first line of a heading candidate near `index` (same stretch, no byline or marker
    /// between, not already a title) set in parallel with it.
    private func parallelSibling(_ index: Int) -> Int? {
        guard let position = headingCandidates.firstIndex(of: index),
            let shape = headingShapes[index]
        else { return nil }
        let low = max(0, position - ArticleAssembler.parallelWindow)
        let high = min(headingCandidates.count - 1, position + ArticleAssembler.parallelWindow)
        for other in low...high where other != position {
            let otherIndex = headingCandidates[other]
            if titleBlocks.contains(otherIndex) { continue }
            guard let otherShape = headingShapes[otherIndex], shape.isParallel(to: otherShape)
            else { continue }
            let between = min(index, otherIndex)..<max(index, otherIndex)
            if !between.contains(where: { isHardBoundary(blocks[$0]) }) {
                return paragraph(at: otherIndex).lines[0]
            }
        }
        return nil
    }

    private func isHardBoundary(_ block: Block) -> Bool {
        switch block {
        case .paragraph: return false
        default: return true
        }
    }

    /// The body paragraphs from `start` up to the next heading or layout marker (at most four).
    private func sectionText(from start: Int) -> String {
        var texts: [String] = []
        var index = start
        while index < blocks.count, texts.count < 4, case .paragraph(let p) = blocks[index] {
            if !texts.isEmpty, ArticleAssembler.isHeading(p, cues: cues) { break }
            texts.append(p.text)
            index += 1
        }
        return texts.joined(separator: "\n")
    }

    /// The bigram counts of `sectionText(from:)`.
    private func sectionCounts(from start: Int) -> TopicSimilarity.Counts {
        var counts = TopicSimilarity.Counts()
        var taken = 0
        var index = start
        while index < blocks.count, taken < 4, case .paragraph(let p) = blocks[index] {
            if taken > 0, ArticleAssembler.isHeading(p, cues: cues) { break }
            counts = counts.merged(with: blockCounts[index])
            taken += 1
            index += 1
        }
        return counts
    }

    /// Whether a title-like line shares more with the untitled article above than with the body
    /// below it: a title the layout placed after its article.
    private func belongsToArticleAbove(_ heading: String, article: Draft, nextBody: Int) -> Bool {
        let above = topics.coverage(of: heading, in: article.bodyCounts)
        let below = topics.coverage(of: heading, in: sectionText(from: nextBody))
        return above > below
    }

    // MARK: - Body

    private mutating func addBody(_ paragraph: Paragraph, at index: Int) {
        let labelled = LineShape.startsWithBracketLabel(paragraph.text) || cues.startsWithBriefBullet(paragraph.text)
        let brief = startsUnrelatedBrief(paragraph, at: index) || (!(current?.paragraphs.isEmpty ?? true) && labelled)
        if brief {
            reasons[paragraph.lines[0]] = labelled
                ? "opens with a bullet or a 【label】: a brief of its own" : "a lead on another subject: a brief of its own"
        }
        if current == nil || current!.closed || brief {
            finish()
            current = Draft(section: section)
            current!.firstLine = paragraph.lines[0]
        }
        current!.append(paragraph.text, isSubheading: false, counts: blockCounts[index])
        roles[paragraph.lines[0]] = .body
        for line in paragraph.lines.dropFirst() { roles[line] = .joined }
    }

    /// A paragraph that opens like a lead (`近日，…`, `18日上午，…`), has almost nothing in common
    /// with the open article, and either stands after a column gap or names a town or street the
    /// article has not (`6月12日，东山街道…` under an article on 湖熟街道) is a title-less brief of
    /// its own rather than the article's next paragraph.
    private mutating func startsUnrelatedBrief(_ paragraph: Paragraph, at index: Int) -> Bool {
        guard current.map({ !$0.paragraphs.isEmpty }) ?? false,
            cues.startsWithLeadOpener(paragraph.text) || LineShape.startsWithDate(paragraph.text)
        else { return false }
        current!.settleCounts()
        guard let open = current,
            topics.similarity(open.bodyCounts, blockCounts[index]) < ArticleAssembler.subheadingSimilarity / 2
        else { return false }
        if paragraph.gapBefore >= 2 { return true }
        let above = ([open.title?.title].compactMap { $0 } + open.paragraphs.map(\.text))
            .joined(separator: "\n")
        return ArticleAssembler.townNames(in: String(paragraph.text.prefix(30)))
            .contains { !above.containsBytes($0) }
    }

    /// Town-level names in a stretch of text, found by their suffix (`东山街道`, `湖塘镇`): the
    /// suffix with the two ideographs before it, which is enough to tell two towns apart.
    static func townNames(in text: String) -> [String] {
        let scalars = text.scalarArray
        var names: [String] = []
        for suffix in ["街道", "镇"] {
            let pattern = suffix.scalarArray
            var index = 2
            while index + pattern.count <= scalars.count {
                if Array(scalars[index..<index + pattern.count]) == pattern,
                    scalars[index - 2..<index].allSatisfy(ScalarClass.isIdeograph)
                {
                    let name = String(scalars: scalars[index - 2..<index + pattern.count])
                    if !["全镇", "各镇", "本镇", "该镇", "我镇", "乡镇", "城镇", "各街道", "本街道", "该街道"]
                        .contains(where: { name.hasSuffixBytes($0) })
                    {
                        names.append(name)
                    }
                }
                index += 1
            }
        }
        return names
    }

    // MARK: - Articles

    private mutating func start(titledBy headings: [Paragraph]) {
        let block = TitleBlock(lines: headings.map(\.text), cues: cues)
        current = Draft(title: block, section: section)
        current!.firstLine = headings[0].lines[0]
        for heading in headings {
            roles[heading.lines[0]] = heading.text.containsBytes(block.title) ? .title : .subtitle
        }
    }

    private mutating func finish() {
        if let draft = current, draft.title != nil || !draft.paragraphs.isEmpty {
            articles.append(draft)
        }
        current = nil
    }

    private func paragraph(at index: Int) -> Paragraph {
        guard case .paragraph(let paragraph) = blocks[index] else {
            preconditionFailure("block \(index) is not a paragraph")
        }
        return paragraph
    }
}
