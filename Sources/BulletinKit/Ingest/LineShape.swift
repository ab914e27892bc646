/// Shape tests on a line or paragraph of text that decide between heading and body.
///
/// Headings (titles, kickers, subheadings) are short and never end a sentence; body paragraphs
/// end in `。！？…` or run longer than any heading. A line that does neither is either a heading
/// or a paragraph cut by a page break, which `PageBreakRepair` tells apart from its neighbour.
enum LineShape {
    /// Longest heading, in scalars. Titles in the wild run to about 35; a kicker or a title with a
    /// `——` deck on the same line to about 60.
    static let maxHeadingLength = 40
    static let maxHeadingWithDashLength = 72

    /// Whether a text is written in sentences: it has a clause or sentence mark inside, or runs as
    /// long as a sentence does. A row of a table or a list (`按时处置率　100%`), a signature
    /// (`——圩塘村村民　周建明`), a phone number or an office in brackets (`（街道城建办）`) has none.
    static func readsAsProse(_ text: String) -> Bool {
        var count = 0
        for scalar in text.unicodeScalars {
            if ScalarClass.isFullStop(scalar) || scalar == "，" || scalar == "," || scalar == "；" || scalar == ";" { return true }
            count += 1
        }
        return count >= proseLength
    }

    /// The length from which a text with no clause mark still reads as a cut sentence.
    static let proseLength = 40

    /// Whether the text ends a sentence: its last scalar, ignoring closing quotes and brackets,
    /// is sentence-final punctuation (`…了。”` ends, `打造“茸城e家”` does not).
    static func isTerminated(_ text: String) -> Bool { isTerminated(scalars: text.unicodeScalars) }

    /// `isTerminated` on a text's scalars (a paragraph's, derived once by its caller).
    static func isTerminated<S: BidirectionalCollection<Unicode.Scalar>>(scalars text: S) -> Bool {
        var scalars = text[...]
        var sawCloser = false
        while let last = scalars.last, ScalarClass.isCloser(last) {
            scalars = scalars.dropLast()
            sawCloser = true
        }
        guard let last = scalars.last else { return sawCloser }
        if ScalarClass.isSentenceEnd(last) { return true }
        // A half-width full stop after Chinese text (`…22处限期整改.`), not after a number.
        if last == ".", let before = scalars.dropLast().last, ScalarClass.isIdeograph(before) || ScalarClass.isCloser(before) {
            return true
        }
        // A short credit in brackets after the last sentence: `…共走访沿街商铺86家。（摄影　李晨）`.
        if text.last == "）" || text.last == ")",
            let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), scalars.distance(from: open, to: scalars.endIndex) <= 16,
            open > scalars.startIndex, ScalarClass.isSentenceEnd(scalars[scalars.index(before: open)])
        {
            return true
        }
        // `……”` and a closing quote after an exclamation are common sentence ends; a closer
        // after an ideograph is a quoted name and ends nothing.
        return last == "…" && sawCloser
    }

    /// Whether the text carries `——` (a kicker, a deck, or both halves on one line).
    static func hasDash(_ text: String) -> Bool { ByteSearch.contains(text, dash) }

    /// Whether a heading holds two phrases of its own, set apart by a gap or a comma inside it
    /// (`网格连民心　服务零距离`, `老楼加梯，加出邻里情`): a whole heading rather than the half
    /// of one broken over two lines.
    static func holdsTwoPhrases(_ text: String) -> Bool {
        let scalars = text.unicodeScalars[...].trimmingSpaces()
        return scalars.contains { $0 == "，" || $0 == "," || ScalarClass.isSpace($0) }
    }

    /// A short line ending in `？` or `！` with no full stop in it may be a title
    /// (`社区食堂开张了，老人满意吗？`); a quoted exclamation (`…！”`) may not.
    static func isQuestionOrExclamationTitle(_ text: String) -> Bool {
        isQuestionOrExclamationTitle(scalars: text.unicodeScalars)
    }

    /// `isQuestionOrExclamationTitle` on a text's scalars.
    static func isQuestionOrExclamationTitle<S: BidirectionalCollection<Unicode.Scalar>>(scalars text: S) -> Bool {
        guard let last = text.last, last == "？" || last == "！" || last == "?" || last == "!" else { return false }
        return text.count <= 36 && !text.contains("。")
            && !text.dropLast().contains { "？！?!；;".unicodeScalars.contains($0) }
    }

    /// `——` as UTF-8 (two U+2014).
    private static let dash: [UInt8] = Array("——".utf8)

    /// Whether a line ends with `——`: a kicker above its title.
    static func isKicker(_ text: String) -> Bool {
        text.hasSuffixBytes("——") && text.scalarCount > 2
    }

    /// `isKicker` on a text's scalars.
    static func isKicker(scalars: [Unicode.Scalar]) -> Bool {
        scalars.count > 2 && scalars[scalars.count - 1] == "—" && scalars[scalars.count - 2] == "—"
    }

    /// Whether text could be a heading on its own: not a sentence end, no full stop inside, and
    /// short. `cues` rules out lines that open like a news lead (`近期，镇党委…`).
    static func couldBeHeading(_ text: String, cues: LayoutCues) -> Bool {
        // Longer than any heading for sure (a scalar is at most four bytes), without counting:
        // paragraphs rejoined from many lines are asked at every join.
        if text.utf8.count > 4 * maxHeadingWithDashLength { return false }
        if isTerminated(text) && !isKicker(text) && !isQuestionOrExclamationTitle(text) { return false }
        let length = text.scalarCount
        let limit = hasDash(text) ? maxHeadingWithDashLength : maxHeadingLength
        if length > limit || length == 0 { return false }
        if ByteSearch.contains(text, fullStop) { return false }
        if cues.startsWithLeadOpener(text), text.contains(where: { $0 == "，" || $0 == "," }) {
            return false
        }
        if readsLikeSentence(text) && !hasDash(text) && !isEnumerated(text) { return false }
        if cues.startsWithDialoguePrefix(text) { return false }
        if isFigureRow(text) { return false }
        return true
    }

    /// `couldBeHeading` for a paragraph whose scalars its caller has already derived: the scalar
    /// tests read them instead of decoding the text again; the byte tests read the text.
    static func couldBeHeading(_ text: String, scalars: [Unicode.Scalar], cues: LayoutCues) -> Bool {
        if text.utf8.count > 4 * maxHeadingWithDashLength { return false }
        if isTerminated(scalars: scalars) && !isKicker(scalars: scalars) && !isQuestionOrExclamationTitle(scalars: scalars) {
            return false
        }
        let length = scalars.count
        let limit = hasDash(text) ? maxHeadingWithDashLength : maxHeadingLength
        if length > limit || length == 0 { return false }
        if ByteSearch.contains(text, fullStop) { return false }
        if cues.startsWithLeadOpener(text), scalars.contains(where: { $0 == "，" || $0 == "," }) {
            return false
        }
        if readsLikeSentence(scalars: scalars) && !hasDash(text) && enumerationLength(scalars: scalars) == nil { return false }
        if cues.startsWithDialoguePrefix(text) { return false }
        if isFigureRow(scalars: scalars) { return false }
        return true
    }

    /// A head set off by a wide gap and then the start of a sentence (`■ 镇部署秋季秸秆禁烧工作　10月21日，
    /// 镇召开秋收秋种暨秸秆禁`): a brief's run-in title over text a column wrapped, not a heading
    /// in two parts (`新泾镇推行“多格合一”　一张网格管到底`). The part after the gap is eight
    /// characters or more with a comma inside.
    ///
    /// Reads the first hundred characters only: it is asked of the paragraph rejoined so far at
    /// every join, which may be thousands of lines long (reading it all made the repair quadratic).
    static func opensSentenceAfterGap(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(100))
        guard let gap = scalars.prefix(34).firstIndex(where: { $0 == "\u{3000}" }), gap >= 4 else { return false }
        let after = scalars[gap...].drop(while: ScalarClass.isSpace)
        return after.count >= 8 && after.contains(where: { $0 == "，" || $0 == "," })
    }

    /// A row of a numbers box: a label, a wide gap, a figure (`走访居民　12600余户`, `办结率　　88.1%`).
    static func isFigureRow(_ text: String) -> Bool { isFigureRow(scalars: text.scalarArray) }

    /// `isFigureRow` on a text's scalars.
    static func isFigureRow(scalars: [Unicode.Scalar]) -> Bool {
        guard let gapStart = scalars.firstIndex(where: ScalarClass.isSpace), gapStart >= 2,
            scalars[..<gapStart].allSatisfy(ScalarClass.isIdeograph)
        else { return false }
        let afterGap = scalars[gapStart...].drop(while: ScalarClass.isSpace)
        let gap = scalars[gapStart..<afterGap.startIndex]
        guard gap.contains("\u{3000}") || gap.count >= 2, let first = afterGap.first else { return false }
        return ScalarClass.isASCIIDigit(first) && afterGap.count <= 10
    }

    static let fullStop: [UInt8] = Array("。".utf8)

    /// Net count of quotation marks and brackets left open (positive) at the end of text.
    static func openQuoteBalance(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ScalarClass.quoteBalanceDelta($1) }
    }

    /// Whether text closes a quotation it did not open (`染力了”……`): it continues a line that
    /// opened one.
    static func closesUnopenedQuote(_ text: String) -> Bool {
        var balance = 0
        for scalar in text.unicodeScalars {
            balance += ScalarClass.quoteBalanceDelta(scalar)
            if balance < 0 { return true }
        }
        return false
    }

    /// Whether text starts the way no paragraph can: with clause punctuation or a closer, or with
    /// a single ideograph and then clause punctuation (`机，将…`, `抓,镇村干部…`).
    static func startsMidSentence(_ text: String) -> Bool { startsMidSentence(scalars: text.unicodeScalars) }

    /// `startsMidSentence` on a text's scalars.
    static func startsMidSentence<S: Sequence<Unicode.Scalar>>(scalars text: S) -> Bool {
        var iterator = text.makeIterator()
        guard let first = iterator.next() else { return false }
        // A straight quote is an opener as often as a closer (`"三所联动"不是新名词…` in a paper set
        // in half-width punctuation): it closes a quotation only when the text holds an odd
        // number of them (`染力了"…`).
        if first == "\"" || first == "'" {
            var count = 1
            while let scalar = iterator.next() { if scalar == first { count += 1 } }
            return count % 2 == 1
        }
        if ScalarClass.isClausePunctuation(first) || ScalarClass.isCloser(first) { return true }
        // Particles that never open a sentence (`的垃圾投放时间…`, `了解决…` is rare enough).
        if first == "的" || first == "着" || first == "得" { return true }
        guard ScalarClass.isIdeograph(first), let second = iterator.next() else { return false }
        // `一、基本案情` opens an item; `…老人` / `、残疾人…` goes on with a word.
        if second == "、" && ChineseNumeral.isNumeral(first) { return false }
        return ScalarClass.isClausePunctuation(second)
    }

    /// Whether text opens with a date (`2024年1月1日`, `12 月 10 日下午`, `5月14日,`, `22日,`), the
    /// way news leads do.
    static func startsWithDate(_ text: String) -> Bool { startsWithDate(scalars: text.unicodeScalars) }

    /// `startsWithDate` on a text's scalars.
    static func startsWithDate<S: Collection<Unicode.Scalar>>(scalars text: S) -> Bool {
        var digits = 0
        for scalar in text.prefix(16) {
            if ScalarClass.isASCIIDigit(scalar) || "０１２３４５６７８９".unicodeScalars.contains(scalar) {
                digits += 1
            } else if ScalarClass.isSpace(scalar) {
                continue
            } else if scalar == "年" || scalar == "月" || scalar == "日" {
                return digits > 0
            } else {
                return false
            }
        }
        return false
    }

    /// A date, perhaps with the part of the day after it, and nothing more (`3月2日上午`, `2019年`,
    /// `10月5日晚`); not a headline that opens with a year (`2026年民生实事项目征集启动`).
    static func isDateAndHour(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
        var digits = 0
        var dateMarks = 0
        var rest = head[...]
        while let scalar = rest.first {
            if ScalarClass.isASCIIDigit(scalar) {
                digits += 1
            } else if scalar == "年" || scalar == "月" || scalar == "日" || scalar == "号" {
                dateMarks += 1
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        return digits > 0 && dateMarks > 0 && rest.count <= 3
    }

    /// Whether a heading is numbered as a part of its article: `一、…`, `（一）…`, `(1)…`, `1．…`.
    static func isEnumerated(_ text: String) -> Bool { enumerationLength(text) != nil }

    /// How many scalars the number opening an enumerated line takes (`三、` 2, `（一）` 3, `12.` 3),
    /// or nil when the line does not open with one.
    static func enumerationLength(_ text: String) -> Int? { enumerationLength(scalars: Array(text.unicodeScalars.prefix(6))) }

    /// `enumerationLength` on a text's scalars (only the first six are read).
    static func enumerationLength(scalars: [Unicode.Scalar]) -> Int? {
        let s = scalars.prefix(6)
        guard !s.isEmpty else { return nil }
        var i = 0
        let open = s[0] == "（" || s[0] == "("
        if open { i = 1 }
        let numberStart = i
        while i < s.count, ChineseNumeral.isNumeral(s[i]) || ScalarClass.isASCIIDigit(s[i]) { i += 1 }
        guard i > numberStart, i - numberStart <= 3, i < s.count else { return nil }
        if open { return s[i] == "）" || s[i] == ")" ? i + 1 : nil }
        let closes = s[i] == "、" || (ScalarClass.isASCIIDigit(s[numberStart]) && (s[i] == "．" || s[i] == "."))
        return closes ? i + 1 : nil
    }

    /// The length (in scalars, brackets included) of a label in lenticular brackets that opens a
    /// text and is followed by more, or nil; the closing bracket must fall within the text's first
    /// `width` scalars.
    /// - `namesOnly`: the label holds two or more ideographs only (`【南桥镇】…` → 5), as where it
    ///   stands for an item's number; otherwise any label of one or more scalars
    ///   (`【怒江苑居民区】近日，…`, `【“走四百”】…`), as where it opens a brief.
    static func bracketLabelLength<S: Collection<Unicode.Scalar>>(scalars: S, width: Int, namesOnly: Bool) -> Int? {
        let s = scalars.prefix(width)
        guard s.first == "【", let close = s.firstIndex(of: "】") else { return nil }
        let innerLength = s.distance(from: s.index(after: s.startIndex), to: close)
        guard innerLength >= (namesOnly ? 2 : 1), s.index(after: close) != s.endIndex else { return nil }
        if namesOnly, !s[s.index(after: s.startIndex)..<close].allSatisfy(ScalarClass.isIdeograph) { return nil }
        return innerLength + 2
    }

    /// Whether a paragraph opens with a bracketed label (`【旺庄街道】6月18日，…`): in news-brief
    /// pages each such paragraph is a brief of its own. Only the first sixteen scalars are read.
    static func startsWithBracketLabel<S: Collection<Unicode.Scalar>>(scalars: S) -> Bool {
        bracketLabelLength(scalars: scalars, width: 16, namesOnly: false) != nil
    }

    /// The length of a short label of ideographs in lenticular brackets that opens a text and
    /// stands where an item number would (`【南桥镇】镇领导…` → 5), or nil. Only the first twelve
    /// scalars are read.
    static func itemLabelLength<S: Collection<Unicode.Scalar>>(scalars: S) -> Int? {
        bracketLabelLength(scalars: scalars, width: 12, namesOnly: true)
    }

    /// Whether a line is one unit in lenticular brackets and nothing else
    /// (`【保东村开展“敲门行动”关爱独居老人】`, a digest's headline set alone).
    static func isBracketedWhole(_ text: String) -> Bool {
        isBracketedWhole(scalars: Substring(text).unicodeScalars.trimmingSpaces())
    }

    /// `isBracketedWhole` on scalars already trimmed of their spaces.
    static func isBracketedWhole<S: BidirectionalCollection<Unicode.Scalar>>(scalars: S) -> Bool {
        // The ends first: most lines open with no bracket, and counting walks the whole line.
        guard scalars.first == "【", scalars.last == "】", scalars.count > 2 else { return false }
        return !scalars.dropFirst().dropLast().contains { $0 == "【" || $0 == "】" }
    }

    /// Clause commas outside quotation marks, and whether an enumeration comma stands outside them
    /// too: a line with two clauses or a list is a sentence, not a heading.
    static func readsLikeSentence(_ text: String) -> Bool { readsLikeSentence(scalars: text.unicodeScalars) }

    /// `readsLikeSentence` on a text's scalars.
    static func readsLikeSentence<S: Sequence<Unicode.Scalar>>(scalars text: S) -> Bool {
        var depth = 0
        var commas = 0
        var enumeration = false
        for scalar in text {
            switch scalar {
            case "“", "「", "『", "《", "（", "(": depth += 1
            case "”", "」", "』", "》", "）", ")": depth = max(0, depth - 1)
            case "，", ",": if depth == 0 { commas += 1 }
            case "、": if depth == 0 { enumeration = true }
            default: break
            }
        }
        return commas >= 2 || (commas >= 1 && enumeration)
    }

    /// Whether the line holds a clock time (`08:30`, `17：20`): web pages' meta lines do, print
    /// furniture does not.
    static func hasClockTime(_ line: String) -> Bool {
        let scalars = line.scalarArray
        return scalars.indices.contains { isClockColon(scalars, at: $0) }
    }

    /// Whether the scalar at `index` is the colon of a clock time: `：` or `:` after a digit and
    /// before the two digits of the minutes (ASCII or full-width), as in `2024-10-11 8:30`; a
    /// ratio (`1:1`) is not one.
    static func isClockColon(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index + 2 < scalars.count, scalars[index] == ":" || scalars[index] == "："
        else { return false }
        return isDigit(scalars[index - 1]) && isDigit(scalars[index + 1]) && isDigit(scalars[index + 2])
    }

    /// An ASCII or full-width digit.
    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isASCIIDigit(s) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }
}
