// Mastheads: QR blurbs, imprint lines, English banners, page and issue lines, masthead dates,
// dated page headers, contents blocks, and paper names standing above them.
extension LineClassifier {

    func isMasthead(_ line: SourceLine) -> Bool {
        let folded = line.folded
        let scalars = folded.unicodeScalars
        // A rule printed with any symbol (`━━━━`, `--------`, `＊＊＊`), however wide: no text.
        // But a full-width sentence end is the tail of a sentence a hard wrap cut (`…占总量的7` /
        // `5%。`, `…签下调解协议` / `。`), never a rule, banner or page number.
        let endsSentence = scalars.contains(where: ScalarClass.isFullStop)
        if !scalars.contains(where: ScalarClass.isWordScalar) { return !endsSentence }
        guard line.length <= LineClassifier.furnitureMaxLength else { return false }
        // English banner lines, URLs, page numbers: no Chinese at all.
        if !scalars.contains(where: ScalarClass.isIdeograph) { return !endsSentence }
        guard let last = scalars.last, last != "。" else { return false }
        // A QR blurb or imprint is no sentence: a line with a sentence end inside goes on with
        // prose (`“堡镇发布”公众号预约。开幕当天，…`), whatever word of the paper it names.
        if !endsSentence, cues.isBoilerplate(folded) || cues.endsLikeImprint(folded) { return true }
        // What is left needs the line without its spaces, and only a short one (a paper's name,
        // a page or issue line) or one ending in a page (a contents entry) can pass. The tests
        // below read its scalars; only the paper-name test, on a line of 12 at most, needs a String.
        var length = 0
        for scalar in scalars where !ScalarClass.isSpace(scalar) { length += 1 }
        guard length <= LineClassifier.pageOrIssueMaxLength + LineClassifier.issueYearLength || last == "版" || last == "页" || ScalarClass.isASCIIDigit(last)
        else { return false }
        var compact: [Unicode.Scalar] = []
        compact.reserveCapacity(length)
        for scalar in scalars where !ScalarClass.isSpace(scalar) { compact.append(scalar) }
        if length <= 12, !compact.contains(where: LineClassifier.mastheadNamePunctuation.contains),
            cues.endsWithPaperName(String(scalars: compact))
        {
            return true
        }
        return isPageOrIssueLine(compact) || isContentsEntry(compact)
    }

    /// A paper's name above its masthead carries none of these.
    static let mastheadNamePunctuation: [Unicode.Scalar] = Array("，,。、“”".unicodeScalars)
    /// `总第 1203 期` and the like run to 14 characters at most.
    static let pageOrIssueMaxLength = 14
    /// The year an issue number may be printed after (`2024年第8期`): four digits and 年.
    static let issueYearLength = 5

    /// A table-of-contents entry: a title, leader dots, a page (`…群众诉求家门口办结 ………… 1、2版`),
    /// from the line's scalars without its spaces.
    func isContentsEntry(_ compact: [Unicode.Scalar]) -> Bool {
        guard let last = compact.last, last == "版" || last == "页" || ScalarClass.isASCIIDigit(last) else { return false }
        var run = 0
        for scalar in compact {
            if scalar == "…" || scalar == "." || scalar == "·" {
                run += scalar == "…" ? 3 : 1
                if run >= 6 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// A running page header or footer spread across the column by wide gaps, with a page number
    /// as one of its parts: `九亭报·要闻　　　　　　01`, `02　　综合新闻　　　　JIUTING TOWN NEWS`.
    /// Such lines can be long (the gaps), so this is checked apart from the length limit.
    func isSpreadPageLine(_ line: SourceLine) -> Bool {
        guard line.length <= 120 else { return false }
        var parts: [[Unicode.Scalar]] = [[]]
        var gap = 0
        var content = 0
        // Gaps are measured on the printed text (folding turns `　` into a space), the rest on
        // the folded text (`０２` is a page number too); the two have the same scalars.
        for (printed, scalar) in zip(line.text.unicodeScalars, line.folded.unicodeScalars) {
            if ScalarClass.isSpace(printed) {
                gap += printed == "\u{3000}" ? 2 : 1
                continue
            }
            if ScalarClass.isClausePunctuation(scalar) || scalar == "。" { return false }
            if gap >= 4, !parts[parts.count - 1].isEmpty { parts.append([]) }
            gap = 0
            parts[parts.count - 1].append(scalar)
            content += 1
        }
        guard parts.count >= 2, content <= 40 else { return false }
        // A page number, perhaps between dashes (`— 2 —`, `-3-`).
        let isPageNumber = { (part: [Unicode.Scalar]) in
            let digits = part.filter(ScalarClass.isASCIIDigit).count
            return (1...3).contains(digits)
                && part.allSatisfy { ScalarClass.isASCIIDigit($0) || LineClassifier.pageNumberDashes.contains($0) }
        }
        return isPageNumber(parts[0]) || isPageNumber(parts[parts.count - 1])
            || parts.contains { isPageOrIssueLine($0) }
    }

    /// Dashes a page number may stand between in a running footer (`— 2 —`).
    static let pageNumberDashes: Set<Unicode.Scalar> = ["—", "-", "－", "–", "─"]

    /// `第 3 版`, `第86期`, `总第 1203 期`, `第3版 要闻`: a page or issue line, also bracketed
    /// and after its year (`（2024年第19期）`, `2024年第8期（总第96期）`). Read from the line's
    /// scalars (without its spaces): its letters, digits and ideographs, then the pattern.
    func isPageOrIssueLine(_ compact: [Unicode.Scalar]) -> Bool {
        let words = compact.filter(ScalarClass.isWordScalar)
        var rest = words[...]
        // The year an issue number counts in: four digits and 年.
        var limit = LineClassifier.pageOrIssueMaxLength
        let yearLength = LineClassifier.issueYearLength
        if words.count >= yearLength, words[..<(yearLength - 1)].allSatisfy(ScalarClass.isASCIIDigit), words[yearLength - 1] == "年" {
            rest = rest.dropFirst(yearLength)
            limit += yearLength
        }
        guard let first = rest.first, first == "总" || first == "第", words.count <= limit
        else { return false }
        if first == "总" { rest = rest.dropFirst() }
        guard rest.first == "第" else { return false }
        rest = rest.dropFirst()
        let number = rest.prefix { ScalarClass.isASCIIDigit($0) || LineClassifier.chineseNumerals.contains($0) }
        guard !number.isEmpty else { return false }
        rest = rest.dropFirst(number.count)
        return rest.first == "版" || rest.first == "期" || rest.first == "页"
    }

    /// The numerals of a page or issue number written in Chinese.
    static let chineseNumerals: [Unicode.Scalar] = Array("一二三四五六七八九十百零〇".unicodeScalars)

    /// A line that is only a date (`2024年3月8日 星期五`, `2023年12月15日 第 48 期`): the issue
    /// date of a masthead.
    func mastheadDate(_ folded: String) -> IssueDate? {
        // Cheap test first: no 年, no date (this runs for every line).
        guard ByteSearch.contains(folded, LineClassifier.yearMark) else { return nil }
        var compact: [Unicode.Scalar] = []
        for scalar in folded.unicodeScalars where !ScalarClass.isSpace(scalar) {
            compact.append(scalar)
            // A paragraph that mentions a year is no masthead date: stop reading it early.
            if compact.count > 30 { return nil }
        }
        var i = 0
        func number() -> Int? {
            var value = 0
            var digits = 0
            while i < compact.count, ScalarClass.isASCIIDigit(compact[i]), digits < 4 {
                value = value * 10 + Int(compact[i].value - 48)
                i += 1
                digits += 1
            }
            if digits > 0 { return value }
            // Chinese numerals: 二〇二四, 六, 二十八.
            let start = i
            while i < compact.count, ChineseNumeral.isNumeral(compact[i]), i - start < 5 { i += 1 }
            return i > start ? ChineseNumeral.value(compact[start..<i]) : nil
        }
        guard let year = number(), year >= 1949, i < compact.count, compact[i] == "年" else {
            return nil
        }
        i += 1
        guard let month = number(), i < compact.count, compact[i] == "月" else { return nil }
        i += 1
        var day: Int? = nil
        let save = i
        if let value = number(), i < compact.count, compact[i] == "日" || compact[i] == "号" {
            day = value
            i += 1
        } else {
            i = save
        }
        // What may follow a masthead date: weekday, issue number, lunar date, punctuation.
        guard compact[i...].allSatisfy({ LineClassifier.afterMastheadDate.contains($0) }) else { return nil }
        return IssueDate(year: year, month: month, day: day)
    }

    /// A table of contents (`本期导读` and the titles listed under it) is no article: the header
    /// line and the short lines below it, up to the first paragraph or a gap of two blank lines,
    /// are masthead.
    func absorbingContents(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        var index = 0
        while index < lines.count {
            guard let bare = contentsHeader(lines[index]), kinds[index] == .text || kinds[index] == .section(bare) else {
                index += 1
                continue
            }
            kinds[index] = .masthead(date: nil)
            var next = index + 1
            var blanks = 0
            var pagedEntries = 0
            // The mark the first entry opens with (`◆`, `·`, `▶`), and how many entries share it.
            var entryMark: Unicode.Scalar? = nil
            var markedEntries = 0
            while next < lines.count {
                if kinds[next] == .blank {
                    blanks += 1
                    if blanks >= 2 { break }
                } else {
                    let line = lines[next]
                    // Entries that give their pages (`…问计　　1版`): past a blank line, a line
                    // that gives none is no entry but what follows the box (a title, the first
                    // lines of a hard-wrapped article).
                    let paged = LineClassifier.endsWithPageReference(line.text) || LineClassifier.startsWithPageReference(line.text)
                    if blanks > 0, pagedEntries >= 2, !paged { break }
                    // So do entries that open with one mark (`◆街道部署…` / `◆“三所联动”…`):
                    // past a blank line, a line without it is what follows the box.
                    let first = line.text.unicodeScalars.first
                    if blanks > 0, markedEntries >= 2, first != entryMark { break }
                    blanks = 0
                    guard kinds[next] == .text, line.length <= 48, !ByteSearch.contains(line.text, LineClassifier.fullStop) else { break }
                    if paged { pagedEntries += 1 }
                    if entryMark == nil, markedEntries == 0, let first, LineClassifier.isEntryMark(first) { entryMark = first }
                    if let entryMark, first == entryMark { markedEntries += 1 }
                    // A listed title with its article right under it is the article's title.
                    if let body = lines[(next + 1)...].firstIndex(where: { !$0.isBlank }), kinds[body] == .text,
                        lines[body].length > 48 || ByteSearch.contains(lines[body].text, LineClassifier.fullStop)
                    {
                        break
                    }
                    kinds[next] = .masthead(date: nil)
                }
                next += 1
            }
            index = next
        }
        return kinds
    }

    static let fullStop: [UInt8] = Array("。".utf8)

    /// Whether a contents entry's first character is a mark set before each entry (`◆`, `·`,
    /// `▶`, `●`) rather than the start of its title: no word character, quote or bracket.
    static func isEntryMark(_ scalar: Unicode.Scalar) -> Bool {
        !ScalarClass.isWordScalar(scalar) && !ScalarClass.isSpace(scalar) && !"“‘「『《〈（(【〔[\"'".unicodeScalars.contains(scalar)
    }

    /// Whether a line ends with the page a contents entry points to: `1版`, `（1、2版）`,
    /// `…… 3`, `第2页`, `第二版` (a page in Chinese numerals only with 版 or 页 after it).
    static func endsWithPageReference(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().drop { ScalarClass.isSpace($0) || $0 == "）" || $0 == ")" }
        var named = false
        if let last = scalars.first, last == "版" || last == "页" {
            scalars = scalars.dropFirst()
            named = true
        }
        guard let digit = scalars.first else { return false }
        return ScalarClass.isASCIIDigit(digit) || ("０"..."９").contains(digit)
            || (named && "一二三四五六七八九十".unicodeScalars.contains(digit))
    }

    /// Whether a line opens with the page a contents entry points to, then a space: `2版　…`,
    /// `第3版 …`, `P4 …` (an entry set page first).
    static func startsWithPageReference(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars.drop(while: ScalarClass.isSpace)
        if scalars.first == "第" { scalars = scalars.dropFirst() }
        if scalars.first == "P" || scalars.first == "p" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { ScalarClass.isASCIIDigit($0) || ("０"..."９").contains($0) }
        guard (1...2).contains(digits.count) else { return false }
        scalars = scalars.dropFirst(digits.count)
        if scalars.first == "版" || scalars.first == "页" { scalars = scalars.dropFirst() }
        guard let gap = scalars.first else { return false }
        return ScalarClass.isSpace(gap)
    }

    /// The line's word characters when it reads as a contents header (`本期导读`, `【导读】`,
    /// `本期导读 IN THIS ISSUE`, `要闻导读`), else nil.
    func contentsHeader(_ line: SourceLine) -> String? {
        // A contents header is a few words (`本期导读 IN THIS ISSUE`, in a box's top rule
        // `┌──── 本期导读 ────┐`): test nothing longer.
        guard line.length <= 80, line.folded.unicodeScalars.contains(where: contentsCueEnds.contains) else { return nil }
        var bareScalars = String.UnicodeScalarView()
        for scalar in line.folded.unicodeScalars where ScalarClass.isWordScalar(scalar) { bareScalars.append(scalar) }
        let bare = String(bareScalars)
        guard bare.scalarCount <= 24 else { return nil }
        // `本期导读`, `【导读】`, `本期导读 IN THIS ISSUE`: the cue, then nothing Chinese.
        // …or a short heading ending with one (`要闻导读`).
        let header = cues.cues(for: .contentsHeader).contains { cue in
            bare.hasPrefixBytes(cue) && !bare.dropFirst(cue.count).unicodeScalars.contains(where: ScalarClass.isIdeograph)
                || bare.hasSuffixBytes(cue) && bare.scalarCount <= cue.scalarCount + 2
        }
        return header ? bare : nil
    }

    func isContentsHeader(_ line: SourceLine) -> Bool { contentsHeader(line) != nil }

    /// Whether a line holds only a date (`2024年6月20日`).
    static func isDateOnly(_ text: String) -> Bool {
        plain.mastheadDate(text) != nil
    }

    /// A classifier without cues, for the tests that need none (built once).
    private static let plain = LineClassifier(cues: LayoutCues())

    /// A date alone on a line right under article text, past the top of the file, is the date a
    /// notice or letter is signed with (`中共…宣传办` / `2024年6月20日`): text, not masthead. So is
    /// a bare date under a notice's signing office and contact lines that were read as masthead
    /// (`联系电话：…` / `…办公室` / `2024年10月9日`), and those lines with it.
    func demotingSignOffDates(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        let nonBlank = kinds.indices.filter { kinds[$0] != .blank }
        for (position, index) in nonBlank.enumerated() where position >= 3 {
            guard case .masthead(let date) = kinds[index], date != nil, mastheadDate(lines[index].folded) != nil
            else { continue }
            // Up to three short lines between the notice's text and a bare date: contact lines
            // read as masthead and the signing office (`举报电话：…` / `海永镇人民政府`), not editor
            // or imprint lines.
            var signature: [Int] = []
            var above = position - 1
            let bareDate = lines[index].length <= LineClassifier.bareDateLength
            while bareDate, above >= 0, signature.count < 3 {
                let line = lines[nonBlank[above]]
                let isOffice = line.length <= 20 && !cues.isBoilerplate(line.folded)
                    && !line.text.unicodeScalars.contains(where: ScalarClass.isClausePunctuation)
                let signs: Bool
                switch kinds[nonBlank[above]] {
                case .masthead: signs = isOffice || (line.length <= 30 && cues.isContactLine(line.folded))
                case .text: signs = isOffice
                default: signs = false
                }
                guard signs else { break }
                signature.append(nonBlank[above])
                above -= 1
            }
            if !signature.isEmpty, above >= 0, kinds[nonBlank[above]] == .text {
                for line in signature { kinds[line] = .text }
                kinds[index] = .text
            } else if kinds[nonBlank[position - 1]] == .text {
                kinds[index] = .text
            }
        }
        return kinds
    }

    /// A contact line right under article text (`咨询电话：0510-8686××××` closing a service item,
    /// `报名热线：…` under an announcement) is masthead by its words alone, as the imprint's
    /// `电话：…` is. Under text it is handed to the layout model as text instead, with the contact
    /// lines that follow it; the model weighs where it belongs (`cue:contact`, `cue:boilerplate`)
    /// as it learned from the gold: the close of the article, or the imprint starting there.
    func handingOverClosingContacts(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        var previous: Kind? = nil
        for index in kinds.indices where kinds[index] != .blank {
            defer { previous = kinds[index] }
            guard case .masthead(date: nil) = kinds[index], previous == .text, lines[index].length <= LineClassifier.contactMaxLength,
                cues.isContactLine(lines[index].folded)
            else { continue }
            kinds[index] = .text
        }
        return kinds
    }

    /// The longest a contact line handed to the model is (`联系人：王老师　联系电话：0513-8367××××`).
    static let contactMaxLength = 40

    /// The longest a date alone on a line is (`2024年10月9日`, `2024年12月31日`).
    static let bareDateLength = 11

    /// Masthead lines come in a cluster at the top of the file: a short line with no punctuation
    /// in that cluster, right above a masthead line, is the paper's name (`周浦民生` above
    /// `…党委宣传办公室编印`) — unless the line below is a web page's meta line
    /// (`2024-05-15 09:15　浏览次数：1234`), which makes it the page's title. Past the first line
    /// of text, such lines are left to the layout model: a web title between `关注我们` and an
    /// image placeholder, or a notice's signing office between its contact line and its date, is
    /// no paper's name.
    func absorbingMastheadNames(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        let nonBlank = kinds.indices.filter { kinds[$0] != .blank }
        for (position, index) in nonBlank.enumerated() where position + 1 < nonBlank.count {
            // The cluster is masthead lines and the names absorbed among them; anything else
            // (a section marker, a byline, a caption) ends it as text does.
            if case .masthead = kinds[index] { continue }
            guard kinds[index] == .text else { break }
            let line = lines[index]
            guard !line.text.unicodeScalars.contains(where: ScalarClass.isClausePunctuation),
                line.length <= (position == 0 ? 12 : 30),
                case .masthead = kinds[nonBlank[position + 1]],
                !cues.isWebMeta(lines[nonBlank[position + 1]].folded)
            else { break }
            kinds[index] = .masthead(date: nil)
        }
        return kinds
    }

    static let yearMark: [UInt8] = Array("年".utf8)
    static let afterMastheadDate = ScalarSet("星期周一二三四五六日天第总期版农历腊正冬月初十廿卅0123456789,，、|/()（）-".unicodeScalars)

    /// A page header or imprint line holding a date among other layout words, set apart by wide
    /// gaps, naming the paper or ending like an imprint (`2　综合新闻　　罗店镇报　2024年9月13日`,
    /// `中共…政法委员会　　二〇二四年六月二十八日`, `2023年11月15日 第22期 …人民政府 主办`), or holding
    /// an imprint's words (`2022年6月10日 星期五 第6期(总第48期) 内部资料`).
    func datedHeaderLine(_ line: SourceLine) -> IssueDate? {
        // Cheap test first: no 年, no date (this runs for most short lines).
        guard line.length <= LineClassifier.furnitureMaxLength, ByteSearch.contains(line.folded, LineClassifier.yearMark),
            !LineShape.isTerminated(line.text),
            !line.folded.unicodeScalars.contains(where: { $0 == "，" || $0 == "," || $0 == "。" })
        else { return nil }
        let scalars = line.text.scalarArray
        var gap = 0
        var wideGap = false
        for scalar in scalars {
            if ScalarClass.isSpace(scalar) {
                gap += scalar == "\u{3000}" ? 2 : 1
                if gap >= 2 { wideGap = true }
            } else {
                gap = 0
            }
        }
        let parts = line.folded.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(Substring.init)
        let namesPaper = parts.contains(where: cues.endsWithPaperName)
        // An imprint with the date in front, fields run together by the extraction
        // (`2023年11月15日 第22期 中共…顾村镇委员会 …顾村镇人民政府 主办`, `… 第11期 内部资料`).
        let imprint = cues.endsLikeImprint(line.folded.trimmingSpaces) || cues.isBoilerplate(line.folded)
        guard wideGap || namesPaper || imprint else { return nil }
        // The date: the text from a year (four digits or numerals before 年) to the end.
        let folded = line.folded.scalarArray
        for (index, scalar) in folded.enumerated() where scalar == "年" && index >= 4 {
            let start = index - 4
            let tail = String(scalars: folded[start...])
            let tailStop = tail.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) ?? tail.endIndex
            if let date = mastheadDate(String(tail[..<tailStop])) ?? mastheadDate(tail) { return date }
        }
        return nil
    }
}
