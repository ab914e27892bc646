/// Reads each non-blank line on its own and says whether it is layout furniture (masthead,
/// caption, section marker, byline, continuation marker) or text that belongs to articles.
///
/// Text lines are left for `PageBreakRepair` and `ArticleAssembler`, which need their neighbours
/// to decide between title, subheading and body.
struct LineClassifier: Sendable {
    enum Kind: Sendable, Equatable {
        case blank
        case masthead(date: IssueDate?)
        case caption
        case section(String)
        case byline([String])
        case continuedForward(page: String)
        case continuedBackward
        case endMark
        case text
    }

    let cues: LayoutCues
    /// Role words a byline name may start with (`记者`, `通讯员`, `文`, `图`): the `credit-word`
    /// cues and the byline prefixes without their punctuation; longest first.
    let roleWords: [String]
    /// Byline roles that are nouns (`通讯员`, `记者`): a token ending in one is a role.
    let roleNouns: [String]
    /// Credit words that may follow a name (`供稿`, `摄影`), longest first.
    let creditSuffixes: [String]

    /// The last characters of the contents-header cues (`导读` → `读`): a line holding none of
    /// them is no contents header, which spares building its bare form.
    let contentsCueEnds: [Unicode.Scalar]

    /// The brief bullets (`■`, `◆`) that are one character, as scalars.
    let briefBullets: [Unicode.Scalar]

    /// The byline and lead words of the cues (`记者`, `通讯员`, `本报讯`), for credit lines.
    let creditWords: [String]
    /// The `section-brackets` and `section-label-brackets` cues split at their ellipsis
    /// (`【…】` → `【`, `】`); `anyLabel` for the latter, whose brackets hold any short label, not
    /// only a name.
    let sectionBrackets: [(open: String, close: String, anyLabel: Bool)]
    /// The first scalars of section brackets and ornaments: a line opening with none is no
    /// section marker, without looking further.
    let sectionOpeners: Set<Unicode.Scalar>
    /// The photo-credit words (`摄影`, `摄`, `供图`), longest first.
    let photoVerbs: [String]

    init(cues: LayoutCues) {
        self.cues = cues
        briefBullets = cues.cues(for: .briefBullet).compactMap { cue in
            cue.scalarCount == 1 ? cue.unicodeScalars.first : nil
        }
        creditWords = (cues.cues(for: .bylinePrefix) + cues.cues(for: .bylineLead)).map { $0.trimmingSpaces }.filter { $0.scalarCount >= 2 }
        var ends: [Unicode.Scalar] = []
        for cue in cues.cues(for: .contentsHeader) {
            if let last = cue.unicodeScalars.last, !ends.contains(last) { ends.append(last) }
        }
        contentsCueEnds = ends
        var brackets: [(open: String, close: String, anyLabel: Bool)] = []
        var openers = Set<Unicode.Scalar>()
        for (role, anyLabel) in [(LayoutCues.Role.sectionLabelBrackets, true), (.sectionBrackets, false)] {
            for cue in cues.cues(for: role) {
                let parts = cue.components(separatedBy: "…")
                guard parts.count == 2, let first = parts[0].unicodeScalars.first else { continue }
                brackets.append((parts[0], parts[1], anyLabel))
                openers.insert(first)
            }
        }
        for cue in cues.cues(for: .sectionOrnament) { if let first = cue.unicodeScalars.first { openers.insert(first) } }
        sectionBrackets = brackets
        sectionOpeners = openers
        let roles = Set(cues.cues(for: .creditWord)
            + cues.cues(for: .bylinePrefix).map { String(String.UnicodeScalarView($0.unicodeScalars.filter(ScalarClass.isIdeograph))) })
        roleWords = LineClassifier.longestFirst(Array(roles))
        // Role nouns: the byline prefixes that are words of their own (`记者`, `通讯员`), not a
        // credit's `文/`; credit words of two characters or more that may follow a name (`供稿`,
        // `摄影`; not `文` or `图`, which end many names).
        roleNouns = cues.cues(for: .bylinePrefix).filter { cue in
            cue.unicodeScalars.count >= 2 && cue.unicodeScalars.allSatisfy(ScalarClass.isIdeograph)
        }
        creditSuffixes = LineClassifier.longestFirst(cues.cues(for: .creditWord).filter { $0.unicodeScalars.count >= 2 })
        photoVerbs = LineClassifier.longestFirst(cues.cues(for: .photoCredit))
    }

    /// Words longest first, ties in byte order: the first that matches is the longest.
    private static func longestFirst(_ words: [String]) -> [String] {
        words.sorted { $0.count != $1.count ? $0.count > $1.count : $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Lines of layout furniture are short; a longer line is always text.
    static let furnitureMaxLength = 60

    func classify(_ line: SourceLine) -> Kind {
        if line.isBlank { return .blank }
        let folded = line.folded
        if let section = sectionName(folded, printed: line.text) { return .section(section) }
        if line.length <= 24 {
            if let marker = continuationMarker(folded), marker == .endMark || !hasTextBesideBrackets(folded) { return marker }
            if let names = bylineNames(folded) { return .byline(names) }
        }
        // Closing punctuation a hard wrap pushed onto a line of its own (`…反馈。（党政办` / `）`)
        // is the end of the line above, never a page's furniture.
        if line.length <= 3, line.text.unicodeScalars.allSatisfy({ LineClassifier.lineEndMarks.contains($0) || ScalarClass.isSpace($0) }) {
            return .text
        }
        if let date = mastheadDate(folded) { return .masthead(date: date) }
        if let date = datedHeaderLine(line) { return .masthead(date: date) }
        if isMasthead(line) || isSpreadPageLine(line) { return .masthead(date: nil) }
        if isCaption(line) { return .caption }
        return .text
    }

    /// Punctuation that closes what comes before it: no line of text opens with it.
    static let lineEndMarks = Set("）)」』”’》〉】，。、；：！？,.;:!?".unicodeScalars)

    // MARK: - Section markers

    /// The name of a section marker: a whole short line in the brackets of a
    /// `section-label-brackets` cue (`【网格治理】`, `【“走四百”办实事】`), a name in those of a
    /// `section-brackets` cue (`〔学习·交流〕`, not the issue line `〔总第132期〕`), or a name between
    /// two of the same `section-ornament` (`◇ 社区治理 ◇`, `| 民生 |`, `——平安建设——`).
    ///
    /// Brackets are matched on the line as folded and as printed: folding makes full-width
    /// brackets ASCII (`［平安法治］` → `[平安法治]`), and ASCII square brackets hold a web page's
    /// placeholders (`[图片]`), not sections.
    func sectionName(_ folded: String, printed: String) -> String? {
        guard let first = folded.unicodeScalars.first else { return nil }
        let printedFirst = printed.unicodeScalars.first { !ScalarClass.isSpace($0) }
        guard sectionOpeners.contains(first) || printedFirst.map(sectionOpeners.contains) == true else { return nil }
        let printed = printed.trimmingSpaces
        for (open, close, anyLabel) in sectionBrackets {
            guard let line = [folded, printed].first(where: { $0.hasPrefixBytes(open) && $0.hasSuffixBytes(close) }) else { continue }
            let inner = line.dropFirst(open.count).dropLast(close.count)
            guard !inner.isEmpty, inner.count <= 24, !inner.containsBytes(open), !inner.containsBytes(close) else { return nil }
            // A section's label is a name (`【网格治理】`, `【“走四百”办实事】`); a whole headline in
            // the brackets (`【秋收秸秆禁烧实现“零火点”】`, a digest's item) is longer.
            // A page's name (`【平安氾水·矛盾纠纷多元化解专版】`) may be longer.
            if inner.unicodeScalars.filter({ !ScalarClass.isSpace($0) }).count > LineClassifier.sectionLabelMaxLength,
                !cues.endsLikeSectionName(String(inner).trimmingSpaces)
            {
                return nil
            }
            // A web page's button (`【关闭窗口】`, `【打印本页】`) or placeholder (`［图片］`) is no
            // section.
            if cues.isBoilerplate(String(inner)) || cues.isBoilerplate(folded) { return nil }
            if !anyLabel, !LineClassifier.isSectionName(String(inner).trimmingSpaces) { return nil }
            return String(inner).trimmingSpaces.withoutLetterSpacing
        }
        guard sectionOpeners.contains(first) else { return nil }
        for ornament in cues.cues(for: .sectionOrnament) where folded.hasPrefixBytes(ornament) && folded.hasSuffixBytes(ornament) {
            // The ornament drawn as long as the rule wants (`══════　百姓问答　══════`).
            let drawn = Set(ornament.unicodeScalars)
            let isFrame = { (scalar: Unicode.Scalar) in drawn.contains(scalar) || ScalarClass.isSpace(scalar) }
            let inner = String(Substring(Substring(folded).unicodeScalars.trimming(while: isFrame)))
            guard LineClassifier.isSectionName(inner), !cues.isBoilerplate(inner) else { return nil }
            return inner.withoutLetterSpacing
        }
        return nil
    }

    /// The longest section label in brackets, in characters: the corpus's longest is eleven.
    static let sectionLabelMaxLength = 12

    /// A short name: two to twelve ideographs, perhaps a middle dot or a space between them
    /// (`学习·交流`, `简　讯`).
    private static func isSectionName(_ inner: String) -> Bool {
        let scalars = inner.unicodeScalars
        guard (2...12).contains(scalars.count), let first = scalars.first, let last = scalars.last else { return false }
        return ScalarClass.isIdeograph(first) && ScalarClass.isIdeograph(last)
            && scalars.allSatisfy { ScalarClass.isIdeograph($0) || ScalarClass.isSpace($0) || $0 == "·" }
    }

    // MARK: - Continuation and end markers

    func continuationMarker(_ folded: String) -> Kind? {
        let inner = stripBrackets(folded)
        if cues.isEndMark(inner) { return .endMark }
        guard folded.containsBytes("版") || folded.containsBytes("页") else { return nil }
        if cues.containsForwardContinuation(folded) {
            let unit: String = folded.containsBytes("版") ? "版" : "页"
            return .continuedForward(page: pageNumber(folded).map { "\($0)\(unit)" } ?? unit)
        }
        if cues.containsBackwardContinuation(folded) { return .continuedBackward }
        return nil
    }

    /// Whether a line holds a bracketed marker and, outside the brackets, text of its own: a
    /// continuation's repeated title run in with its marker (`（上接第1版）一条车道划线背后的三轮协商`,
    /// `小网格撬动大治理（上接第1版）`). The line is text then, and the marker is cut off it
    /// (`InlineFurniture`).
    func hasTextBesideBrackets(_ folded: String) -> Bool {
        let s = folded.scalarArray
        guard let open = s.firstIndex(where: { $0 == "（" || $0 == "(" }),
            let close = s[open...].firstIndex(where: { $0 == "）" || $0 == ")" })
        else { return false }
        let outside = s[..<open].filter(ScalarClass.isIdeograph).count + s[(close + 1)...].filter(ScalarClass.isIdeograph).count
        return outside >= 4
    }

    /// The first page number in a marker: ASCII digits or a Chinese numeral up to 十九.
    private func pageNumber(_ folded: String) -> Int? {
        var digits = ""
        for scalar in folded.unicodeScalars {
            if ScalarClass.isASCIIDigit(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if !digits.isEmpty {
                break
            }
        }
        if let value = Int(digits) { return value }
        let numerals: [Character: Int] = [
            "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        ]
        guard let start = folded.firstIndex(where: { numerals[$0] != nil || $0 == "十" }) else {
            return nil
        }
        let after = folded[start...].prefix { numerals[$0] != nil || $0 == "十" }
        if after.hasPrefixBytes("十") { return 10 + (after.dropFirst().first.flatMap { numerals[$0] } ?? 0) }
        return numerals[after.first!]
    }

    // MARK: - Captions

    func isCaption(_ line: SourceLine) -> Bool {
        guard line.length <= 80 else { return false }
        let folded = line.folded
        if cues.startsWithCaptionPrefix(folded) {
            // `▲12月13日，…，当天共走访沿街商铺86家。（摄影　李晨）`: a photo-news brief, not a caption.
            return !isPhotoNews(folded)
        }
        return line.length <= LineClassifier.furnitureMaxLength
            && cues.containsCaptionWord(folded)
            && !folded.hasSuffixBytes("。")
    }

    /// A paragraph under a photo that tells the news in full: a sentence of several clauses
    /// (two commas or more, 40 characters or more) that ends with `。`, before any credit.
    func isPhotoNews(_ folded: String) -> Bool { isPhotoNews(scalars: folded.scalarArray) }

    /// `isPhotoNews` on a text's scalars, derived once by the caller; nothing is copied.
    func isPhotoNews(scalars all: [Unicode.Scalar]) -> Bool {
        var scalars = all[...]
        if scalars.last == "）" || scalars.last == ")", let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }) {
            scalars = scalars[..<open]
        }
        guard scalars.count >= 40, scalars.last == "。" else { return false }
        var commas = 0
        for scalar in scalars where scalar == "，" || scalar == "," {
            commas += 1
            if commas >= 2 { return true }
        }
        return false
    }

    func stripBrackets(_ folded: String) -> String {
        var inner = Substring(folded).unicodeScalars
        while let first = inner.first, LineClassifier.openingMarks.contains(first) { inner = inner.dropFirst() }
        while let last = inner.last, LineClassifier.closingMarks.contains(last) { inner = inner.dropLast() }
        return String(Substring(inner.trimmingSpaces()))
    }

    /// What a marker line may be wrapped in: `（下转第4版）`, `——完——`.
    static let openingMarks: [Unicode.Scalar] = Array("(（[【<《>－-—".unicodeScalars)
    static let closingMarks: [Unicode.Scalar] = Array(")）]】>》<－-—".unicodeScalars)
}
