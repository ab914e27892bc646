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

    /// Lines of layout furniture are short; a longer line is always text.
    static let furnitureMaxLength = 60

    func classify(_ line: SourceLine) -> Kind {
        if line.isBlank { return .blank }
        let folded = line.folded
        if let section = sectionName(folded) { return .section(section) }
        if line.length <= 24 {
            if let marker = continuationMarker(folded) { return marker }
            if let names = bylineNames(folded) { return .byline(names) }
        }
        if let date = mastheadDate(folded) { return .masthead(date: date) }
        if let date = datedHeaderLine(line) { return .masthead(date: date) }
        if isMasthead(line) { return .masthead(date: nil) }
        if isCaption(line) { return .caption }
        return .text
    }

    // MARK: - Section markers

    /// `【网格治理】` → `网格治理`: a whole line in lenticular brackets, short.
    func sectionName(_ folded: String) -> String? {
        guard folded.hasPrefix("【"), folded.hasSuffix("】") else { return nil }
        let inner = folded.dropFirst().dropLast()
        guard !inner.isEmpty, inner.count <= 24, !inner.contains("【"), !inner.contains("】")
        else { return nil }
        return String(inner).trimmingSpaces
    }

    // MARK: - Continuation and end markers

    func continuationMarker(_ folded: String) -> Kind? {
        let inner = stripBrackets(folded)
        if cues.isEndMark(inner) { return .endMark }
        guard folded.contains("版") || folded.contains("页") else { return nil }
        if cues.containsForwardContinuation(folded) {
            let unit: String = folded.contains("版") ? "版" : "页"
            return .continuedForward(page: pageNumber(folded).map { "\($0)\(unit)" } ?? unit)
        }
        if cues.containsBackwardContinuation(folded) { return .continuedBackward }
        return nil
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
        if after.hasPrefix("十") { return 10 + (after.dropFirst().first.flatMap { numerals[$0] } ?? 0) }
        return numerals[after.first!]
    }

    // MARK: - Bylines

    /// The names of a byline line, or nil when the line is not one.
    ///
    /// `·夏凡 张顺燕 印春湘·` → `["夏凡", "张顺燕", "印春湘"]`; `(海永镇自治办)` → `["海永镇自治办"]`;
    /// `文/王芳 图/李强` → `["王芳", "李强"]`.
    func bylineNames(_ folded: String) -> [String]? {
        let dots: Set<Character> = ["·", "•", "・", "‧", "∙"]
        if let first = folded.first, let last = folded.last, dots.contains(first),
            dots.contains(last), folded.count > 2
        {
            let names = nameTokens(folded.dropFirst().dropLast())
            return names.isEmpty || names.contains(where: { $0.count > 5 }) ? nil : names
        }
        let brackets: [(Character, Character)] = [("(", ")"), ("（", "）"), ("[", "]")]
        for (open, close) in brackets where folded.first == open && folded.last == close {
            let inner = folded.dropFirst().dropLast()
            if inner.contains(where: { "图摄完版".contains($0) }) { return nil }
            let names = nameTokens(inner)
            guard !names.isEmpty, names.allSatisfy({ $0.count <= 12 }) else { return nil }
            return names
        }
        if cues.startsWithBylinePrefix(folded), !folded.contains("。"), !folded.contains("，") {
            let names = nameTokens(Substring(folded))
            return names.isEmpty ? nil : names
        }
        return nil
    }

    /// Splits a byline's inner text into names: separated by spaces, `/`, `、` or colons, role
    /// words (`记者`, `通讯员`, `文`, `图`) removed. Every token must be ideographs only.
    private func nameTokens(_ inner: Substring) -> [String] {
        let separators: Set<Character> = [" ", "/", "／", "、", "：", ":", "\u{3000}", "\t"]
        // Role words: the byline prefixes of the lexicon (记者, 通讯员, 本报评论员 …) and their short forms.
        let roles = Set(["文", "图", "摄影", "摄", "供稿", "撰稿", "编辑", "本报"]
            + cues.cues(for: .bylinePrefix).map { String($0.unicodeScalars.filter(ScalarClass.isIdeograph).map(Character.init)) })
        var names: [String] = []
        for token in inner.split(whereSeparator: { separators.contains($0) }) {
            var name = String(token)
            for role in roles.sorted(by: { $0.count > $1.count }) where name.hasPrefix(role) && name.count > role.count + 1 {
                name = String(name.dropFirst(role.count))
                break
            }
            if roles.contains(name) { continue }
            guard name.unicodeScalars.allSatisfy(ScalarClass.isIdeograph) else { return [] }
            names.append(name)
        }
        return names
    }

    /// A byline printed at the end of the last paragraph (`…已完成路基施工。（通讯员 钱晓燕）`):
    /// the names, and where the bracket starts (in scalars).
    func trailingByline(_ paragraph: String) -> (names: [String], start: Int)? {
        let s = Array(paragraph.unicodeScalars)
        guard let last = s.last, last == "）" || last == ")", s.count > 4 else { return nil }
        guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), s.count - open <= 30, open > 0,
            ScalarClass.isSentenceEnd(s[open - 1]) || ScalarClass.isCloser(s[open - 1])
        else { return nil }
        let inner = String(String.UnicodeScalarView(s[(open + 1)..<(s.count - 1)]))
        guard cues.startsWithBylinePrefix(inner), let names = bylineNames("(" + inner + ")") else { return nil }
        return (names, open)
    }

    /// The byline a news lead opens with: `本报讯（记者 沈洁 通讯员 顾晓峰）11月21日，…` →
    /// `["沈洁", "顾晓峰"]`.
    func leadByline(_ paragraph: String) -> [String]? {
        let s = Array(paragraph.unicodeScalars.prefix(48))
        guard let open = s.prefix(14).firstIndex(where: { $0 == "（" || $0 == "(" }), open >= 1,
            let close = s[open...].firstIndex(where: { $0 == "）" || $0 == ")" })
        else { return nil }
        let before = String(String.UnicodeScalarView(s[..<open]))
        guard cues.cues(for: .bylineLead).contains(where: { before.hasSuffix($0) }) else { return nil }
        return bylineNames("(" + String(String.UnicodeScalarView(s[(open + 1)..<close])) + ")")
    }

    // MARK: - Mastheads

    func isMasthead(_ line: SourceLine) -> Bool {
        let folded = line.folded
        guard line.length <= LineClassifier.furnitureMaxLength else { return false }
        let scalars = folded.unicodeScalars
        let ideographs = scalars.filter(ScalarClass.isIdeograph).count
        // English banner lines, URLs, page numbers: no Chinese at all.
        if ideographs == 0 { return true }
        if folded.hasSuffix("。") { return false }
        if cues.isBoilerplate(folded) || cues.endsLikeImprint(folded) { return true }
        let compact = String(String.UnicodeScalarView(scalars.filter { !ScalarClass.isSpace($0) }))
        if compact.count <= 12, cues.endsWithPaperName(compact),
            !compact.contains(where: { "，,。、“”".contains($0) })
        {
            return true
        }
        return isPageOrIssueLine(compact)
    }

    /// `第 3 版`, `第86期`, `总第 1203 期`, `第3版 要闻`: a page or issue line.
    private func isPageOrIssueLine(_ compact: String) -> Bool {
        guard compact.count <= 14 else { return false }
        var rest = Substring(compact)
        if rest.hasPrefix("总") { rest = rest.dropFirst() }
        guard rest.hasPrefix("第") else { return false }
        rest = rest.dropFirst()
        let number = rest.prefix { $0.isASCII && $0.isNumber || "一二三四五六七八九十百零〇".contains($0) }
        guard !number.isEmpty else { return false }
        rest = rest.dropFirst(number.count)
        return rest.hasPrefix("版") || rest.hasPrefix("期")
    }

    /// A line that is only a date (`2024年3月8日 星期五`, `2023年12月15日 第 48 期`): the issue
    /// date of a masthead.
    func mastheadDate(_ folded: String) -> IssueDate? {
        let compact = Array(folded.unicodeScalars.filter { !ScalarClass.isSpace($0) })
        guard compact.count <= 30 else { return nil }
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
        let rest = String(String.UnicodeScalarView(compact[i...]))
        let allowed = Set("星期周一二三四五六日天第总期版农历腊正冬月初十廿卅0123456789,，、|/()（）-")
        guard rest.allSatisfy({ allowed.contains($0) }) else { return nil }
        return IssueDate(year: year, month: month, day: day)
    }

    /// A table of contents (`本期导读` and the titles listed under it) is no article: the header
    /// line and the short lines below it, up to the first paragraph or a gap of two blank lines,
    /// are masthead.
    func absorbingContents(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        var index = 0
        while index < lines.count {
            let bare = String(lines[index].folded.unicodeScalars.filter {
                !ScalarClass.isSpace($0) && !"【】[]《》<>·•:：".unicodeScalars.contains($0)
            }.map(Character.init))
            // `本期导读`, `【导读】`, `本期导读 IN THIS ISSUE`: the cue, then nothing Chinese.
            let header = cues.cues(for: .contentsHeader).contains { cue in
                bare.hasPrefix(cue) && !bare.dropFirst(cue.count).unicodeScalars.contains(where: ScalarClass.isIdeograph)
            }
            guard kinds[index] == .text || kinds[index] == .section(bare), header else {
                index += 1
                continue
            }
            kinds[index] = .masthead(date: nil)
            var next = index + 1
            var blanks = 0
            while next < lines.count {
                if kinds[next] == .blank {
                    blanks += 1
                    if blanks >= 2 { break }
                } else {
                    blanks = 0
                    let line = lines[next]
                    guard kinds[next] == .text, line.length <= 48, !ByteSearch.contains(line.text, LineClassifier.fullStop) else { break }
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

    /// Masthead lines come in clusters: a short line with no punctuation standing first in the
    /// file, or between masthead lines, right above a masthead line is the paper's name
    /// (`周浦民生` above `…党委宣传办公室编印`).
    func absorbingMastheadNames(_ lines: [SourceLine], _ kinds: [Kind]) -> [Kind] {
        var kinds = kinds
        func isMasthead(_ kind: Kind) -> Bool {
            if case .masthead = kind { return true }
            return false
        }
        let nonBlank = kinds.indices.filter { kinds[$0] != .blank }
        for (position, index) in nonBlank.enumerated() where kinds[index] == .text {
            let line = lines[index]
            guard !line.text.unicodeScalars.contains(where: ScalarClass.isClausePunctuation),
                position + 1 < nonBlank.count, isMasthead(kinds[nonBlank[position + 1]])
            else { continue }
            let first = position == 0 && line.length <= 12
            let between = position > 0 && isMasthead(kinds[nonBlank[position - 1]]) && line.length <= 30
            if first || between {
                kinds[index] = .masthead(date: nil)
            }
        }
        return kinds
    }

    static let yearMark: [UInt8] = Array("年".utf8)

    /// A page header or imprint line holding a date among other layout words, set apart by wide
    /// gaps or naming the paper (`2　综合新闻　　罗店镇报　2024年9月13日`, `中共…政法委员会　　二〇二四年六月二十八日`).
    func datedHeaderLine(_ line: SourceLine) -> IssueDate? {
        // Cheap test first: no 年, no date (this runs for most short lines).
        guard line.length <= LineClassifier.furnitureMaxLength, ByteSearch.contains(line.folded, LineClassifier.yearMark),
            !LineShape.isTerminated(line.text),
            !line.folded.unicodeScalars.contains(where: { $0 == "，" || $0 == "," || $0 == "。" })
        else { return nil }
        let scalars = Array(line.text.unicodeScalars)
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
        let namesPaper = cues.cues(for: .paperSuffix).contains { cue in
            line.folded.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).contains { $0.hasSuffix(cue) }
        }
        guard wideGap || namesPaper else { return nil }
        // The date: the text from a year (four digits or numerals before 年) to the end.
        let folded = Array(line.folded.unicodeScalars)
        for (index, scalar) in folded.enumerated() where scalar == "年" && index >= 4 {
            let start = index - 4
            let tail = String(String.UnicodeScalarView(folded[start...]))
            let tailStop = tail.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) ?? tail.endIndex
            if let date = mastheadDate(String(tail[..<tailStop])) ?? mastheadDate(tail) { return date }
        }
        return nil
    }

    // MARK: - Captions

    func isCaption(_ line: SourceLine) -> Bool {
        guard line.length <= 80 else { return false }
        let folded = line.folded
        if cues.cues(for: .captionPrefix).contains(where: { folded.hasPrefix($0) }) { return true }
        return line.length <= LineClassifier.furnitureMaxLength
            && cues.cues(for: .captionContains).contains { folded.contains($0) }
            && !folded.hasSuffix("。")
    }

    private func stripBrackets(_ folded: String) -> String {
        var inner = Substring(folded)
        while let first = inner.first, "(（[【<《>－-—".contains(first) { inner = inner.dropFirst() }
        while let last = inner.last, ")）]】>》<－-—".contains(last) { inner = inner.dropLast() }
        return String(inner).trimmingSpaces
    }
}
