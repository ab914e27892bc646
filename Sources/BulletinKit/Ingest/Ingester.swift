/// Splits a bulletin into articles: the ingestion stage of the pipeline.
///
/// Lines are classified (`LineClassifier`), paragraphs cut by page breaks rejoined
/// (`PageBreakRepair`), and the blocks cut into articles (`ArticleAssembler`). Mastheads, QR-code
/// blurbs and captions are dropped; everything else ends up in some article's text, title,
/// subtitle or byline.
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

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        self.classifier = LineClassifier(cues: lexicons.layoutCues)
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
        /// Why a heading or paragraph was read as it was, by line number (1-based).
        public var reasons: [Int: String]
        /// The source line each article starts on (its first title or body line), by article.
        public var firstLines: [Int]
        /// The issue date: from the file name, else from a masthead date line.
        public var date: IssueDate?
        /// Pieces cut off article text, as printed: bylines at the end of a paragraph
        /// (`（通讯员 钱晓燕）`), ornaments and column labels before a title (`◎`, `聚焦｜`).
        public var detached: [String] = []
        /// Lines dropped as layout (mastheads, captions, section markers, bylines, markers).
        public var dropped: [(line: Int, text: String, role: LineRole)] {
            zip(lines.indices, lines).compactMap { index, text in
                switch roles[index] {
                case .masthead, .caption, .section, .byline, .marker: (index + 1, text, roles[index])
                default: nil
                }
            }
        }
    }

    public func articles(in bulletin: Bulletin) -> Result {
        let cues = lexicons.layoutCues
        let lines = SourceLine.lines(of: bulletin.text, folding: lexicons.folding)
        let kinds = classifier.demotingSignOffDates(
            lines, classifier.absorbingContents(lines, classifier.absorbingMastheadNames(lines, lines.map(classifier.classify))))

        var roles = [LineRole](repeating: .blank, count: lines.count)
        var mastheadDate: IssueDate? = nil
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case .masthead(let date):
                roles[index] = .masthead
                if mastheadDate == nil { mastheadDate = date }
            case .caption: roles[index] = .caption
            default: break
            }
        }

        let (blocks, joins) = PageBreakRepair(cues: cues).blocks(lines: lines, kinds: kinds)
        var assembler = ArticleAssembler(blocks: blocks, cues: cues)
        let drafts = assembler.assemble()
        for (line, role) in assembler.roles { roles[line - 1] = role }

        let date = bulletin.date ?? mastheadDate
        var detached: [String] = []
        let articles = drafts.enumerated().map { offset, original in
            var draft = original
            detached += draft.title?.decorations ?? []
            // A byline printed at the end of the last paragraph comes off it.
            if draft.byline.isEmpty, let last = draft.paragraphs.indices.last, !draft.paragraphs[last].isSubheading,
                let (names, start) = classifier.trailingByline(draft.paragraphs[last].text)
            {
                let scalars = draft.paragraphs[last].text.scalarArray
                detached.append(String(scalars: scalars[start...]))
                draft.replaceLastParagraph(with: String(scalars: scalars[..<start]))
                draft.byline = names
            }
            var article = Ingester.article(from: draft, index: offset + 1, bulletin: bulletin, date: date)
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
        return Result(
            articles: articles, roles: roles, lines: lines.map(\.text),
            joins: joins.map { ($0.firstLine, $0.nextLine) },
            reasons: assembler.reasons, firstLines: drafts.map(\.firstLine), date: date, detached: detached)
    }

    private static func article(
        from draft: ArticleAssembler.Draft, index: Int, bulletin: Bulletin, date: IssueDate?
    ) -> Article {
        let title = draft.lateTitle ?? draft.title?.title
        let subtitle = draft.title?.subtitle
        var lines: [String] = []
        if let title { lines.append(title) }
        if let subtitle { lines.append(subtitle) }
        lines += draft.paragraphs.map(\.text)
        let lastBody = draft.paragraphs.last(where: { !$0.isSubheading })?.text
        // A notice signed with a date (`2024年6月20日`) ends complete.
        let signedWithDate = lastBody.map { LineClassifier.isDateOnly($0) } ?? false
        let truncated = draft.continued != nil || (lastBody.map { !LineShape.isTerminated($0) } ?? true) && !signedWithDate
        return Article(
            bulletin: bulletin.id, source: bulletin.source, index: index, title: title,
            subtitle: subtitle, section: draft.section, byline: draft.byline,
            subheadings: draft.paragraphs.filter(\.isSubheading).map(\.text),
            truncated: truncated, continued: draft.continued, date: date,
            text: lines.joined(separator: "\n"))
    }
}
