/// Splits a bulletin into articles: the ingestion stage of the pipeline.
///
/// Lines are classified (`LineClassifier`: masthead, caption, section, byline, marker or text),
/// paragraphs cut by page breaks rejoined (`PageBreakRepair`), every block given its role for the
/// whole bulletin at once by the learned layout model (`BlockFeatures`, `LayoutModel`: kicker,
/// title, deck, dateline, lead, body, subheading, caption, brief …), and the roles cut into
/// articles (`RoleAssembler`). Mastheads, QR-code blurbs and captions are dropped; everything else
/// ends up in some article's text, title, subtitle or byline.
///
/// ```swift
/// let ingester = Ingester(lexicons: try .builtin())
/// let result = ingester.articles(in: Bulletin(path: "2024-01-05_xinhai.txt", text: text))
/// result.articles.map(\.title)   // ["用好“联”的方法，把主题教育成果转化为高质量发展动力", …]
/// ```
public struct Ingester: Sendable {
    public let lexicons: Lexicons
    /// Built once: it prepares its word lists from the cues.
    let classifier: LineClassifier
    let features: BlockFeatures
    let repair: PageBreakRepair
    /// The weights that choose the roles (`layout-weights.tsv`, or a model being trained).
    let model: LayoutModel
    /// The model's rows for the features `features` finds, resolved once.
    let featureRows: LayoutFeatureRows

    public init(lexicons: Lexicons) {
        self.init(lexicons: lexicons, model: lexicons.layoutModel)
    }

    /// An ingester deciding roles with `model` instead of the built-in weights (training,
    /// cross-validation).
    public init(lexicons: Lexicons, model: LayoutModel) {
        self.lexicons = lexicons
        self.classifier = LineClassifier(cues: lexicons.layoutCues)
        self.features = BlockFeatures(cues: lexicons.layoutCues, classifier: classifier)
        self.repair = PageBreakRepair(
            cues: lexicons.layoutCues, inline: InlineFurniture(classifier: classifier, folding: lexicons.folding))
        self.model = model
        self.featureRows = LayoutFeatureRows(model: model)
    }

    /// The articles of a bulletin and how each line was read.
    public struct Result: Sendable {
        public var articles: [Article]
        /// Each source line's role, indexed by line number − 1.
        public var roles: [LineRole]
        /// The source lines, as printed (trimmed), indexed by line number − 1.
        public var lines: [String]
        /// Page-break repairs: (line, next line) pairs that were joined into one paragraph.
        public var joins: [(Int, Int)]
        /// Why a block was read as it was, by line number (1-based): the features that spoke most
        /// for its role, with their weights. Filled only when asked (`explaining`).
        public var reasons: [Int: String]
        /// The source line each article starts on (its first title or body line), by article.
        public var firstLines: [Int]
        /// The issue date: from the file name, else from a masthead date line.
        public var date: IssueDate?
        /// Pieces cut off article text, as printed: bylines at the end of a paragraph
        /// (`（通讯员 钱晓燕）`), ornaments and column labels before a title (`◎`, `聚焦｜`).
        public var detached: [String] = []
        /// The paper's nameplate: its first masthead line, when that stands above the first
        /// article and is not a web page's meta line (`来源：宝山区融媒体中心　发布时间：…`). A
        /// district's nameplate (`宝山报`) makes the bulletin no town's own.
        public var nameplate: String? = nil
        /// The masthead lines, as printed: where the bulletin names its own town. A contents
        /// block's lines, which list the issue's titles (`一、泗泾镇“三所联动”调解室迎来兄弟镇取经`,
        /// `·镇里公布今年十项民生实事…………2版`), are left out: the towns they name are its
        /// articles', not the paper's; so are the meta lines of web pages after the first
        /// article (`来源：吴泾发布　发布时间：…`), which say where one article came from.
        public var masthead: [String] = []
        /// Lines dropped as layout (mastheads, captions, section markers, bylines, markers).
        public var dropped: [(line: Int, text: String, role: LineRole)] {
            zip(lines.indices, lines).compactMap { index, text in
                roles[index].isDropped ? (index + 1, text, roles[index]) : nil
            }
        }
    }

    /// A bulletin laid out as blocks, with each block's features: what the model decides on.
    struct Layout {
        var lines: [SourceLine]
        var kinds: [LineClassifier.Kind]
        var blocks: [Block]
        var joins: [PageBreakRepair.Join]
        /// Furniture cut off text lines (`（下转第3版）`, `（完）`, `（通讯员 钱晓燕）`), as printed.
        var detached: [(line: Int, text: String)]
        var features: [[LayoutFeature]]
        var mastheadDate: IssueDate?

        /// The fixed role of each furniture block, nil for paragraphs.
        var fixed: [BlockRole?] { blocks.map(BlockRole.init(furniture:)) }
        /// Whether each block is a paragraph opening with a turn of an interview (`问：…`).
        var turns: [Bool]
        /// Whether each block is a heading, and one set like the heading before it.
        var links: [HeadingLink]
    }

    func layout(of bulletin: Bulletin) -> Layout {
        let lines = SourceLine.lines(of: bulletin.text, folding: lexicons.folding)
        let classified = classifier.absorbingMastheadNames(lines, lines.map(classifier.classify))
        let absorbed = classifier.absorbingContents(lines, classified)
        let kinds = classifier.handingOverClosingContacts(lines, classifier.demotingSignOffDates(lines, absorbed))
        let listing = ContentsListing(lines: lines, classified: classified, absorbed: absorbed, classifier: classifier)
        // The issue date from a masthead line; a web page's meta line (`… 2024年08月22日 07:45`)
        // dates one reprinted article, not the issue.
        var mastheadDate: IssueDate? = nil
        for (line, kind) in zip(lines, kinds) {
            guard case .masthead(let date?) = kind, !LineShape.hasClockTime(line.text) else { continue }
            mastheadDate = date
            break
        }
        let (blocks, joins, detached, repaired) = repair.blocks(lines: lines, kinds: kinds)
        let blockFeatures = features.features(of: blocks, listing: listing)
        // A paragraph opening with an interview's turn (`问：…`) has `cue:dialogue`, asked once.
        let turns = blockFeatures.map { $0.contains(.cueDialogue) }
        let links = blockFeatures.map { features -> HeadingLink in
            guard features.contains(.heading) else { return .none }
            return features.contains(.parallelToLastHeading) ? .parallel : .heading
        }
        return Layout(
            lines: lines, kinds: repaired, blocks: blocks, joins: joins, detached: detached,
            features: blockFeatures, mastheadDate: mastheadDate, turns: turns, links: links)
    }

    /// - Parameter explaining: also say, for each block, which features decided its role
    ///   (`bulletin split`); a run does not pay for it.
    public func articles(in bulletin: Bulletin, explaining: Bool = false) -> Result {
        let layout = layout(of: bulletin)
        let rows = layout.features.map(featureRows.rows)
        let decided = model.decode(rows: rows, fixed: layout.fixed, turns: layout.turns, links: layout.links)
        return result(bulletin: bulletin, layout: layout, decided: decided, explainedBy: explaining ? rows : nil)
    }

    /// The articles cut with the roles given (the gold's, to see what the rest of ingestion
    /// leaves reachable).
    func articles(in bulletin: Bulletin, layout: Layout, decided: [BlockRole]) -> [Article] {
        result(bulletin: bulletin, layout: layout, decided: decided, explainedBy: nil).articles
    }

    private func result(bulletin: Bulletin, layout: Layout, decided: [BlockRole], explainedBy rows: [[Int]]?) -> Result {
        let (drafts, blockRoles) = RoleAssembler(classifier: classifier, cues: lexicons.layoutCues)
            .assemble(blocks: layout.blocks, roles: decided)

        var roles = [LineRole](repeating: .blank, count: layout.lines.count)
        for (index, kind) in layout.kinds.enumerated() {
            switch kind {
            case .masthead: roles[index] = .masthead
            case .caption: roles[index] = .caption
            default: break
            }
        }
        var reasons: [Int: String] = [:]
        var lastHeadingClass = 0  // what the last heading was read as (`HeadingLink`), for the reasons
        for (index, block) in layout.blocks.enumerated() {
            switch block {
            // Furniture cut off a text line leaves the line its text's role.
            case .section(_, let line): if roles[line - 1] == .blank { roles[line - 1] = .section }
            case .byline(_, let line, _, _): if roles[line - 1] == .blank { roles[line - 1] = .byline }
            case .continuedForward(_, let line), .continuedBackward(let line), .endMark(let line):
                if roles[line - 1] == .blank { roles[line - 1] = .marker }
            case .paragraph(let paragraph):
                let role = blockRoles[index]
                let lineRole = LineRole(role)
                roles[paragraph.lines[0] - 1] = lineRole
                for line in paragraph.lines.dropFirst() { roles[line - 1] = lineRole.isDropped ? lineRole : .joined }
                guard let rows else { continue }
                let previous = index > 0 ? decided[index - 1] : nil  // the role the decoder scored the transition from
                // A heading set like the last heading also weighs what that one was read as.
                var agreeing: (String, Double)? = nil
                if layout.links[index] == .parallel {
                    agreeing = (HeadingLink.classNames[lastHeadingClass], model.agreement(lastClass: lastHeadingClass, role: decided[index]))
                }
                if layout.links[index] != .none { lastHeadingClass = HeadingLink.headingClass(decided[index]) }
                let strongest = model.strongest(rows: rows[index], role: decided[index], previous: previous, agreeing: agreeing)
                if !strongest.isEmpty {
                    var reason = strongest.map { "\($0.0) \(LayoutModel.signed($0.1))" }.joined(separator: ", ")
                    if role != decided[index] { reason = "read as \(decided[index].name), kept as \(role.name): " + reason }
                    reasons[paragraph.lines[0]] = reason
                }
            }
        }

        let date = bulletin.date ?? layout.mastheadDate
        // A piece cut off a line the model then dropped whole is dropped with it, not twice.
        var detached = layout.detached.filter { !roles[$0.line - 1].isDropped }.map(\.text)
        let articles = drafts.enumerated().map { offset, draft in
            detached += draft.decorations
            var article = article(from: draft, index: offset + 1, bulletin: bulletin, date: date)
            // An untitled piece that starts mid-sentence was cut off at its start.
            if article.title == nil, let first = draft.paragraphs.first?.text, LineShape.startsMidSentence(first) {
                article.truncated = true
            }
            // No closing byline: the lead's own (`本报讯（记者 沈洁）…`), if it has one.
            if article.byline.isEmpty, let lead = draft.paragraphs.first(where: { !$0.isSubheading }),
                let names = classifier.leadByline(lead.text)
            {
                article.byline = names
            }
            return article
        }
        let firstArticleLine = drafts.first?.firstLine ?? Int.max
        let nameplate = layout.lines.first { roles[$0.number - 1] == .masthead }.flatMap { line in
            line.number < firstArticleLine && !line.isWebMeta(classifier.cues) ? line.text : nil
        }
        let titles = Set(articles.compactMap { $0.title?.withoutSpaces })
        let lines = layout.lines.map(\.text)
        let masthead = zip(layout.lines, roles).compactMap { line, role -> String? in
            guard role == .masthead, !titles.contains(TitleBlock.listed(line.text, cues: lexicons.layoutCues).withoutSpaces)
            else { return nil }
            // A web page's meta line under a later article (`来源：吴泾发布　发布时间：…`) names
            // where that article came from, not whose the bulletin is.
            return line.number > firstArticleLine && line.isWebMeta(classifier.cues) ? nil : line.text
        }
        return Result(
            articles: articles, roles: roles, lines: lines,
            joins: layout.joins.map { ($0.firstLine, $0.nextLine) },
            reasons: reasons, firstLines: drafts.map(\.firstLine), date: date, detached: detached, nameplate: nameplate,
            masthead: masthead)
    }

    private func article(from draft: RoleAssembler.Draft, index: Int, bulletin: Bulletin, date: IssueDate?) -> Article {
        let head = draft.titleAndSubtitle(cues: lexicons.layoutCues)
        let title = draft.lateTitle ?? head.title
        let subtitle = head.subtitle
        var lines: [String] = []
        if let title { lines.append(title) }
        if let subtitle { lines.append(subtitle) }
        lines += draft.paragraphs.map(\.text)
        let lastBody = draft.paragraphs.last(where: { !$0.isSubheading })?.text
        // Cut off at its end when its text stops mid-sentence; a last line of a list, a table, a
        // signature or a phone number (`按时办结率　100%`, `——圩塘村村民　周建明`, `（街道加梯办）`)
        // ends no sentence and cuts nothing. A notice signed with a date ends complete.
        let endsMidSentence = lastBody.map { !LineShape.isTerminated($0) && LineShape.readsAsProse($0) } ?? true
        let truncated = draft.continued != nil || draft.continuesFromElsewhere || endsMidSentence
        var article = Article(
            bulletin: bulletin.id, source: bulletin.source, index: index, title: title,
            subtitle: subtitle, section: draft.section, byline: draft.byline,
            subheadings: draft.paragraphs.filter(\.isSubheading).map(\.text),
            truncated: truncated, continued: draft.continued, date: date,
            text: lines.joined(separator: "\n"))
        article.captions = draft.captions
        return article
    }
}
