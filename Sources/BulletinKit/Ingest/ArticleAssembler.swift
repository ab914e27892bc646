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
    private(set) var articles: [Draft] = []
    private var current: Draft? = nil
    private var section: String? = nil
    private let headingCandidates: [Int]
    private let headingShapes: [Int: HeadingShape]
    /// Block indices already read as title lines: a title is no parallel sibling of a subheading.
    private var titleBlocks = Set<Int>()

    /// An article under construction.
    struct Draft {
        var title: TitleBlock?
        var lateTitle: String?
        var section: String?
        var byline: [String] = []
        var paragraphs: [(text: String, isSubheading: Bool)] = []
        var continued: String?
        var closed = false
        /// The source line the article starts on (its first title or body line).
        var firstLine = 0

        var bodyText: String { paragraphs.map(\.text).joined(separator: "\n") }
        var bodyParagraphCount: Int { paragraphs.filter { !$0.isSubheading }.count }
    }

    init(blocks: [Block], cues: LayoutCues) {
        self.blocks = blocks
        self.cues = cues
        var texts: [String] = []
        var candidates: [Int] = []
        var shapes: [Int: HeadingShape] = [:]
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let paragraph) = block else { continue }
            texts.append(paragraph.text)
            if ArticleAssembler.isHeading(paragraph, cues: cues) {
                candidates.append(index)
                shapes[index] = HeadingShape(paragraph.text)
            }
        }
        self.topics = TopicSimilarity(paragraphs: texts)
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
                addBody(paragraph)
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
        if headings.count >= 2 {
            if open.title == nil, open.bodyParagraphCount >= 2,
                belongsToArticleAbove(headings[0].text, article: open, nextBody: body)
            {
                open.lateTitle = headings[0].text
                roles[headings[0].lines[0]] = .lateTitle
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
            open.paragraphs.append((heading.text, true))
            roles[heading.lines[0]] = .subheading
            current = open
        } else {
            finish()
            start(titledBy: headings)
        }
    }

    private func isSubheading(_ heading: Paragraph, at index: Int, in article: Draft, body: Int)
        -> Bool
    {
        if LineShape.hasDash(heading.text) || cues.startsWithActorColon(heading.text) {
            return false
        }
        let following = sectionText(from: body)
        let above = ([article.title?.title, article.title?.subtitle].compactMap { $0 }
            + article.paragraphs.map(\.text)).joined(separator: "\n")
        let similarity = topics.similarity(above, following)
        let opensLikeLead = cues.startsWithLeadOpener(following) || LineShape.startsWithDate(following)
        if ProcessInfo.processInfo.environment["BULLETIN_DEBUG"] != nil {
            print("heading \(heading.text): sim \(similarity) lead \(opensLikeLead) parallel \(hasParallelSibling(index))")
        }
        if hasParallelSibling(index) { return true }
        if opensLikeLead { return false }
        return similarity >= ArticleAssembler.subheadingSimilarity
    }

    /// Whether a heading candidate near `index` (same stretch, no byline or marker between) is
    /// set in parallel with it.
    private func hasParallelSibling(_ index: Int) -> Bool {
        guard let position = headingCandidates.firstIndex(of: index),
            let shape = headingShapes[index]
        else { return false }
        let low = max(0, position - ArticleAssembler.parallelWindow)
        let high = min(headingCandidates.count - 1, position + ArticleAssembler.parallelWindow)
        for other in low...high where other != position {
            let otherIndex = headingCandidates[other]
            if titleBlocks.contains(otherIndex) { continue }
            guard let otherShape = headingShapes[otherIndex], shape.isParallel(to: otherShape)
            else { continue }
            let between = min(index, otherIndex)..<max(index, otherIndex)
            if !between.contains(where: { isHardBoundary(blocks[$0]) }) { return true }
        }
        return false
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

    /// Whether a title-like line shares more with the untitled article above than with the body
    /// below it: a title the layout placed after its article.
    private func belongsToArticleAbove(_ heading: String, article: Draft, nextBody: Int) -> Bool {
        let above = topics.coverage(of: heading, in: article.bodyText)
        let below = topics.coverage(of: heading, in: sectionText(from: nextBody))
        return above > below
    }

    // MARK: - Body

    private mutating func addBody(_ paragraph: Paragraph) {
        if current == nil || current!.closed || startsUnrelatedBrief(paragraph) {
            finish()
            current = Draft(section: section)
            current!.firstLine = paragraph.lines[0]
        }
        current!.paragraphs.append((paragraph.text, false))
        roles[paragraph.lines[0]] = .body
        for line in paragraph.lines.dropFirst() { roles[line] = .joined }
    }

    /// A paragraph after a column gap that opens like a lead and has nothing in common with the
    /// open article is a title-less brief of its own rather than the article's continuation.
    private func startsUnrelatedBrief(_ paragraph: Paragraph) -> Bool {
        guard let open = current, paragraph.gapBefore >= 2, cues.startsWithLeadOpener(paragraph.text)
        else { return false }
        return topics.similarity(open.bodyText, paragraph.text) < ArticleAssembler.subheadingSimilarity / 2
    }

    // MARK: - Articles

    private mutating func start(titledBy headings: [Paragraph]) {
        let block = TitleBlock(lines: headings.map(\.text), cues: cues)
        current = Draft(title: block, section: section)
        current!.firstLine = headings[0].lines[0]
        for heading in headings {
            roles[heading.lines[0]] = heading.text.contains(block.title) ? .title : .subtitle
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
