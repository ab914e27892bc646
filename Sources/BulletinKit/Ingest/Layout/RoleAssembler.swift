/// Cuts a bulletin into articles from the roles the layout model chose for its blocks: one pass,
/// no look-back.
///
/// - A kicker or title starts an article unless it continues the head of one that has no body
///   yet (`kicker` → `title` → `deck` → `dateline`); a title line right after another is the
///   rest of a title broken over two lines.
/// - A brief starts a title-less article; so does body text after a byline or marker closed
///   the article above.
/// - A section marker, byline, continuation marker or end mark closes the article; a byline
///   under a title with no body yet is that article's own.
/// - Captions and masthead lines are dropped (captions counted in the nearest article).
struct RoleAssembler {
    let classifier: LineClassifier
    let cues: LayoutCues

    /// An article under construction.
    struct Draft {
        var kickers: [String] = []
        var titleLines: [String] = []
        /// For each title line, whether a blank line stood between it and the line above.
        var titleLineApart: [Bool] = []
        var decks: [String] = []
        var lateTitle: String?
        var section: String?
        var byline: [String] = []
        var paragraphs: [(text: String, isSubheading: Bool)] = []
        var continued: String?
        /// Under a marker that sends the reader back (`（上接第1版）`): the article began elsewhere.
        var continuesFromElsewhere = false
        var closed = false
        /// Closed by a byline only: a byline may stand under an article's opening part
        /// (`编者按：…` / `文/本刊记者 某某`), so a subheading the model reads under it goes on in
        /// the article.
        var closedByByline = false
        /// Closed by a head credit (`本报记者　黄　敏`) under its first paragraph: an editor's note
        /// or a lead-in printed above the credit, so the article's text may go on below it.
        var closedByHeadCredit = false
        /// The source line the article starts on (its first title or body line).
        var firstLine = 0
        var captions = 0
        /// What was taken off the front of title lines (`◎`, `聚焦｜`), as printed.
        var decorations: [String] = []

        var hasBody: Bool { !paragraphs.isEmpty }
        var hasHead: Bool { !kickers.isEmpty || !titleLines.isEmpty || !decks.isEmpty }

        /// Main title and subtitle (kicker and deck, in printed order).
        func titleAndSubtitle(cues: LayoutCues) -> (title: String?, subtitle: String?) {
            // A head line that breaks mid-phrase (`一部电梯让老楼里的`, `老小区停车难，`) is no
            // complete kicker and the line under it no deck: whatever role each was given, the
            // two are one title set on two lines.
            var kickers = kickers
            var titleLines = titleLines
            var apart = titleLineApart
            var decks = decks
            while let last = kickers.last, !titleLines.isEmpty, cues.endsRunningOn(last) {
                titleLines.insert(kickers.removeLast(), at: 0)
                apart.insert(false, at: 0)
            }
            while let last = titleLines.last, let deck = decks.first, cues.endsRunningOn(last),
                !LineShape.hasDash(deck), TitleBlock.bracketed(deck) == nil
            {
                titleLines.append(decks.removeFirst())
                apart.append(false)
            }
            var others = kickers.map(TitleBlock.trimDashes)
            var title: String? = nil
            // Title lines in a row are one title broken over lines when each line breaks
            // mid-phrase (`弄堂口的调解室，` / `一年调成五十六件事`), or is at least as long as the
            // next (a wrap fills a line before it breaks) and set right above it; a shorter,
            // complete line above a longer one is a kicker set as a title (`百舸争流 争先创优在
            // 行动` / `崇川区举办…`). A line set apart by a blank line, or one that holds two
            // phrases of its own (a gap or a comma inside: `网格连民心　服务零距离`), is a whole
            // heading, not half of one: in the gold, 1 of 194 titles broken over two lines has a
            // blank line between them against 25 of 168 kicker-and-title or title-and-deck pairs,
            // and 1 against 30 a gap or a comma inside the lower line.
            let joined = titleLines.joined()
            let wrapped = titleLines.indices.dropFirst().allSatisfy { index in
                let upper = titleLines[index - 1]
                let lower = titleLines[index]
                if cues.endsRunningOn(upper) { return true }
                let setApart = index < apart.count && apart[index]
                return upper.scalarCount >= lower.scalarCount && !setApart && !LineShape.holdsTwoPhrases(lower)
            }
            if titleLines.count > 1, !wrapped, !LineShape.hasDash(joined) {
                let block = TitleBlock(lines: titleLines, cues: cues)
                title = block.title
                if let sub = block.subtitle { others.append(sub) }
            } else if !titleLines.isEmpty, !LineShape.hasDash(joined) {
                title = joined
            } else if !titleLines.isEmpty {
                // Both halves on one line (`…促成效—— 打响…攻坚战`): the title block's reading of
                // the dash.
                let block = TitleBlock(lines: [joined], cues: cues)
                title = block.title
                if let sub = block.subtitle { others.append(sub) }
            } else if !kickers.isEmpty, decks.isEmpty {
                // A kicker with no title under it is the title.
                title = others.removeLast()
            }
            for deck in decks {
                let undashed = TitleBlock.trimDashes(deck)
                others.append(TitleBlock.bracketed(undashed) ?? undashed)
            }
            if title == nil, !others.isEmpty { title = others.removeFirst() }
            return (title, others.isEmpty ? nil : others.joined(separator: " "))
        }
    }

    /// Whether a paragraph is running text that no furniture line is: long, no heading, and
    /// written in clauses. An imprint line (`主办：… 编印：… 准印证号：…`) or a distribution list
    /// (`报：区委政法委　送：街道领导　发：各居民区、派出所`) is as long but holds no sentence.
    static func isRunningText(_ text: String, cues: LayoutCues) -> Bool {
        guard text.scalarCount >= minimumRunningText, !LineShape.couldBeHeading(text, cues: cues),
            text.unicodeScalars.contains(where: { ScalarClass.isFullStop($0) || clauseMarks.contains($0) })
        else { return false }
        return !cues.isBoilerplate(text) || text.unicodeScalars.contains(where: ScalarClass.isFullStop)
    }

    /// Marks that end a clause inside a sentence.
    private static let clauseMarks: Set<Unicode.Scalar> = ["，", ",", "；", ";"]

    /// The length from which a paragraph of sentences is running text (a page footer, a web
    /// page's meta line or a contents entry is shorter).
    static let minimumRunningText = 40

    /// The articles, and each block's role as finally used (a role that made no sense where it
    /// stood is read as the nearest one that does: a deck with no title above is a title).
    func assemble(blocks: [Block], roles: [BlockRole]) -> (drafts: [Draft], roles: [BlockRole]) {
        var drafts: [Draft] = []
        var current: Draft? = nil
        var section: String? = nil
        var used = roles
        var pendingCaptions = 0
        /// A `（上接…）` marker seen with no head open: the next article continues from elsewhere.
        var continuationPending = false
        /// The role the last paragraph was given.
        var lastParagraphRole: BlockRole? = nil
        /// A run-in head (`石湖荡镇　镇里对…`, cut off its line as a possible title) that the model
        /// dropped: not a title after all, so it goes back in front of its text.
        var runInHead: (text: String, separator: String, index: Int)? = nil
        /// Running text read as masthead outside any article's body.
        var strayText: [(text: String, line: Int, index: Int)] = []

        func finish() {
            if var draft = current, draft.hasHead || draft.hasBody {
                draft.captions += pendingCaptions
                pendingCaptions = 0
                drafts.append(draft)
            }
            current = nil
        }
        func start(line: Int) {
            finish()
            current = Draft(section: section)
            current!.firstLine = line
            current!.continuesFromElsewhere = continuationPending
            continuationPending = false
            current!.captions = pendingCaptions
            pendingCaptions = 0
        }
        /// Whether the open article is still in its head: no body yet, not closed.
        func inHead() -> Bool { current.map { !$0.closed && !$0.hasBody && $0.hasHead } ?? false }
        /// Whether a subheading can go on in the open article: it has a head or a body.
        func openForBody() -> Bool { current.map { (!$0.closed || $0.closedByByline) && ($0.hasBody || $0.hasHead) } ?? false }
        /// Whether body text goes on in the open article: it has a head, a body, or only the
        /// credit line it started with.
        func acceptsBody() -> Bool { current.map { !$0.closed && ($0.hasBody || $0.hasHead || !$0.byline.isEmpty) } ?? false }
        /// A title line: the next line of the open head, or the first of a new article.
        func addTitle(_ text: String, line: Int, continuingHead: Bool, apart: Bool) {
            let bare = TitleBlock.undecorated(text, cues: cues)
            if !continuingHead { start(line: line) }
            current!.titleLines.append(bare)
            current!.titleLineApart.append(apart)
            if let range = text.rangeOfBytes(bare), range.lowerBound > text.startIndex {
                current!.decorations.append(String(text[..<range.lowerBound]))
            }
        }

        for (index, block) in blocks.enumerated() {
            switch block {
            case .section(let name, _):
                finish()
                section = name
            case .byline(let names, _, let photo, let head):
                // A photographer's credit closes a photo-news item (one paragraph under its
                // head, or none); under a caption, or a picture inside a longer article, it is
                // the picture's.
                if photo, lastParagraphRole == .caption || (current?.paragraphs.count ?? 0) > 1 { continue }
                if current != nil, current!.byline.isEmpty { current!.byline = names }
                if var open = current, open.hasBody {
                    if !open.closed {
                        open.closedByByline = true
                        open.closedByHeadCredit = head && open.paragraphs.count == 1
                    }
                    open.closed = true
                    current = open
                }
            case .continuedForward(let page, _):
                current?.continued = page
                current?.closed = true
                current?.closedByByline = false
                current?.closedByHeadCredit = false
            case .continuedBackward:
                // `（上接第1版）`: a continuation starts here, under its repeated title if one is open.
                if inHead() {
                    current!.continuesFromElsewhere = true
                } else {
                    finish()
                    continuationPending = true
                }
            case .endMark:
                current?.closed = true
                current?.closedByByline = false
                current?.closedByHeadCredit = false
            case .paragraph(let paragraph):
                let line = paragraph.lines[0]
                var role = roles[index]
                if role == .masthead || role == .caption, index + 1 < blocks.count,
                    case .paragraph(let next) = blocks[index + 1], next.lines.first == paragraph.lines.last
                {
                    runInHead = (paragraph.text, paragraph.runInSeparator ?? "\u{3000}", index)
                    continue
                }
                var text = paragraph.text
                if let head = runInHead {
                    text = head.text + head.separator + text
                }
                // Running text inside an article is never furniture: a paragraph of sentences
                // that the model reads as masthead while an article's body is open goes on in it
                // (a print page's stray paragraph, `自主题教育开展以来，…`), rather than being lost.
                if role == .masthead, RoleAssembler.isRunningText(text, cues: cues) {
                    if current.map({ !$0.closed && $0.hasBody }) ?? false {
                        role = .body
                        used[index] = .body
                    } else {
                        strayText.append((text, line, index))
                    }
                }
                defer {
                    if let head = runInHead {
                        used[head.index] = used[index]
                        runInHead = nil
                    }
                }
                switch role {
                case .masthead:
                    // A web page's meta line under the title credits the article's writer.
                    if inHead(), current!.byline.isEmpty, let names = classifier.metaLineCredit(text) {
                        current!.byline = names
                    }
                case .caption:
                    if current != nil { current!.captions += 1 } else { pendingCaptions += 1 }
                case .kicker:
                    if !(inHead() && current!.titleLines.isEmpty && current!.decks.isEmpty) { start(line: line) }
                    // A column label set with a brief's bullet (`■ 基层治理`, `■编后`): the label.
                    let bare = TitleBlock.withoutBullet(text, cues: cues)
                    current!.kickers.append(bare)
                    if let range = text.rangeOfBytes(bare), range.lowerBound > text.startIndex {
                        current!.decorations.append(String(text[..<range.lowerBound]))
                    }
                case .title:
                    addTitle(text, line: line, continuingHead: inHead() && current!.decks.isEmpty, apart: paragraph.gapBefore > 0)
                case .deck:
                    if inHead() {
                        current!.decks.append(text)
                    } else {
                        role = .title
                        addTitle(text, line: line, continuingHead: false, apart: paragraph.gapBefore > 0)
                    }
                case .dateline:
                    if let open = current, !open.closed, !open.hasBody {
                        if current!.byline.isEmpty { current!.byline = datelineNames(text) }
                    } else {
                        // A credit line with no head above: the start of an article all the same.
                        start(line: line)
                        current!.byline = datelineNames(text)
                    }
                case .lead, .body, .subheading:
                    if role == .subheading, !openForBody() {
                        role = .title
                        addTitle(text, line: line, continuingHead: false, apart: paragraph.gapBefore > 0)
                        break
                    }
                    if role != .subheading, current?.closedByHeadCredit ?? false {
                        current!.closed = false
                        current!.closedByByline = false
                        current!.closedByHeadCredit = false
                    }
                    if role != .subheading, !acceptsBody() {
                        role = .brief
                        start(line: line)
                    }
                    if role == .subheading, current!.closed {
                        current!.closed = false
                        current!.closedByByline = false
                    }
                    current!.paragraphs.append((text, role == .subheading))
                case .brief:
                    start(line: line)
                    current!.paragraphs.append((text, false))
                case .lateTitle:
                    if var open = current, open.titleLines.isEmpty, open.kickers.isEmpty, open.hasBody {
                        open.lateTitle = text
                        current = open
                    } else {
                        role = .title
                        addTitle(text, line: line, continuingHead: false, apart: paragraph.gapBefore > 0)
                    }
                case .section, .byline, .markerForward, .markerBackward, .endMark:
                    break
                }
                used[index] = role
                lastParagraphRole = role
            }
        }
        finish()
        // A bulletin that would give no article at all still gives its running text: each
        // paragraph of it a title-less article, never nothing for a file of text.
        if drafts.isEmpty {
            for stray in strayText {
                start(line: stray.line)
                current!.paragraphs.append((stray.text, false))
                used[stray.index] = .brief
                finish()
            }
        }
        return (drafts, used)
    }

    /// The names in a credit line under a title: `本报讯 记者 王某 通讯员 李某` → `["王某", "李某"]`,
    /// `时间：2025-09-04　来源：蒋垛镇　作者：陈晓东` → `["陈晓东"]`.
    func datelineNames(_ text: String) -> [String] {
        if let names = classifier.bylineNames(text) { return names }
        if let names = classifier.leadByline(text) { return names }
        if let names = classifier.metaLineCredit(text) { return names }
        var inner = Substring(text)
        for lead in cues.cues(for: .bylineLead) where inner.hasPrefixBytes(lead) {
            inner = inner.dropFirst(lead.count)
            break
        }
        if let first = inner.unicodeScalars.first, cues.cues(for: .briefBullet).contains(String(first)) {
            inner = inner.dropFirst()
        }
        return classifier.nameTokens(inner)
    }
}
