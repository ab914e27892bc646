/// Layout furniture printed on a text line instead of a line of its own, cut off so that the
/// layout model sees it as what it is:
///
/// ```
/// …86个小区中有71个完成公共收益公示，另有（下转第3版）   text + marker forward
/// （上接第1页）已全部协调解决。                            marker backward + text
/// …力争每个网格都有一个议事角。（完）                     text + end mark
/// …请居民来挑毛病、提建议。（刘晓庆 张维）                 text + byline
/// ■ 网格员技能大比武开赛　4月10日，湖塘镇第三届…           run-in title + text
/// ```
///
/// A credit closes its article, so it becomes a byline block: the same signal as a byline line. A
/// page footer glued to the last sentence (`…自家人”。华阳社区报 2024.11.15  01`) is dropped.
struct InlineFurniture: Sendable {
    let classifier: LineClassifier
    /// The folding source lines get, for the markers' digits (`（下转第３版）`).
    let folding: LookalikeFolding

    /// A piece of furniture at one end of a text, and where the text left over ends or starts
    /// (in scalars).
    struct Piece: Equatable {
        var kind: LineClassifier.Kind
        /// Trailing pieces: where the piece starts; leading pieces: where the text after it starts.
        var offset: Int
    }

    /// Furniture at the end of a paragraph: a continuation marker (`（下转第3版）`, `（上接第1版）`
    /// glued to a title), an end mark (`（完）`) or a credit (`（通讯员 钱晓燕）`, `（镇河长办）`,
    /// `（街道平安办 供稿）`, `·顾倩·`) after its last sentence.
    func trailing(_ text: String) -> Piece? {
        // Most paragraphs end in `。`: no need to look at their scalars.
        guard let end = text.unicodeScalars.last, !ScalarClass.isSentenceEnd(end) else { return nil }
        guard end == "）" || end == ")" || LineClassifier.bylineDots.contains(end) else { return unbracketedTail(text) }
        // Cues are matched on the folded text, which has the printed text's offsets.
        let folded = folding.fold(text)
        let s = folded.scalarArray
        if LineClassifier.bylineDots.contains(end) {
            guard let open = s.dropLast().lastIndex(where: LineClassifier.bylineDots.contains), open > 0,
                s.count - open <= 14, afterSentence(s, open),
                let names = classifier.bylineNames(String(scalars: s[open...])), !names.isEmpty
            else { return nil }
            return Piece(kind: .byline(names), offset: open)
        }
        guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0, s.count - open <= 24 else { return nil }
        switch classifier.continuationMarker(String(scalars: s[open...])) {
        case .continuedForward(let page)?: return Piece(kind: .continuedForward(page: page), offset: open)
        case .continuedBackward?: return Piece(kind: .continuedBackward, offset: open)
        case .endMark?: return afterSentence(s, open) ? Piece(kind: .endMark, offset: open) : nil
        default: break
        }
        guard afterSentence(s, open) else { return nil }
        let inner = s[(open + 1)..<(s.count - 1)]
        // A note or a date in brackets is text: `（注：以上为初步统计）`, `（2023年）`.
        guard !inner.contains(where: { "。！？!?…；;，,".unicodeScalars.contains($0) }),
            !classifier.cues.startsWithNotePrefix(String(scalars: inner))
        else { return nil }
        if let (names, start) = classifier.trailingByline(folded), start == open { return Piece(kind: .byline(names), offset: open) }
        // `（周宣）`, `（执笔：陈思远 黄嘉）`, `（城运中心 供稿）`: names only, after the last sentence.
        let names = classifier.nameTokens(Substring(String(scalars: inner)))
        guard !names.isEmpty, names.allSatisfy({ $0.count <= 12 }) else {
            return String(scalars: inner).containsBytes("供稿") ? Piece(kind: .byline([]), offset: open) : nil
        }
        return Piece(kind: .byline(names), offset: open)
    }

    /// What a paragraph's text ends with before a credit or a masthead printed after it.
    private static let tailOpeners: ScalarSet = ["。", "！", "？", "!", "?", "）", ")", "”"]

    /// What follows the last sentence without brackets: a page footer or header glued on by the
    /// extraction (`…居民的“自家人”。华阳社区报 2024.11.15  01`, `…纠纷。(完)盛泽镇报·要闻 01`), or
    /// a photographer's credit (`…600余公斤。　顾海燕　摄`).
    private func unbracketedTail(_ text: String) -> Piece? {
        let s = text.scalarArray
        guard let last = s.suffix(48).lastIndex(where: InlineFurniture.tailOpeners.contains),
            s.count - last - 1 >= 3, LineShape.isTerminated(scalars: s[...last])
        else { return nil }
        // A photographer's credit without brackets: `…600余公斤。　顾海燕　摄`, `…。摄影 李晨`.
        let credit = s[(last + 1)...].filter { !ScalarClass.isSpace($0) }
        if credit.count <= 12, credit.allSatisfy(ScalarClass.isIdeograph), credit.last == "摄" || String(scalars: credit).hasPrefix("摄影") {
            let names = classifier.nameTokens(Substring(String(scalars: s[(last + 1)...]).trimmingSpaces))
            if !names.isEmpty { return Piece(kind: .byline(names), offset: last + 1) }
        }
        let tail = SourceLine(number: 0, raw: Substring(String(scalars: s[(last + 1)...])), folding: folding)
        if case .masthead = classifier.classify(tail) { return Piece(kind: .masthead(date: nil), offset: last + 1) }
        // The paper's name and a page number: `华阳社区报 2024.11.15  01`, `盛泽镇报·要闻 01`.
        let parts = tail.folded.unicodeScalars.split(whereSeparator: { ScalarClass.isSpace($0) || LineClassifier.bylineDots.contains($0) })
            .map(Substring.init)
        guard let page = parts.last, parts.count >= 2, parts.contains(where: classifier.cues.endsWithPaperName),
            page.unicodeScalars.count <= 3 && page.unicodeScalars.allSatisfy(ScalarClass.isASCIIDigit) || page.hasSuffixBytes("版")
        else { return nil }
        return Piece(kind: .masthead(date: nil), offset: last + 1)
    }

    /// A continuation marker a line opens with: `（上接第1页）已全部协调解决。`.
    func leading(_ text: String) -> Piece? {
        guard let first = text.unicodeScalars.first, first == "（" || first == "(" else { return nil }
        let s = text.scalarArray
        guard let close = s.prefix(16).firstIndex(where: { $0 == "）" || $0 == ")" }), close + 1 < s.count else { return nil }
        let folded = folding.fold(String(scalars: s[...close]))
        guard let marker = classifier.continuationMarker(folded), marker != .endMark else { return nil }
        let rest = s[(close + 1)...].drop(while: ScalarClass.isSpace)
        guard !rest.isEmpty else { return nil }
        return Piece(kind: marker, offset: rest.startIndex)
    }

    /// A brief's title run in before a colon after its bullet:
    /// `◆我镇首批“法律明白人”持证上岗：11月22日，…`. The head reads as a heading and leaves
    /// nothing open; the text after the colon is longer sentences, which may go on in the next
    /// line of a hard-wrapped column. (Without a bullet, a colon after a few words is a speaker
    /// or an actor: `镇党委书记：…`, `周浦镇：…`.)
    private func bulletedColonRunInTitle(_ text: String) -> (headEnd: Int, textStart: Int)? {
        guard let first = text.unicodeScalars.first, classifier.briefBullets.contains(first) else { return nil }
        let s = text.scalarArray
        let start = s.dropFirst().prefix(while: ScalarClass.isSpace).endIndex
        guard let colon = s[start...].prefix(33).firstIndex(where: { $0 == "：" }), colon - start >= 4 else { return nil }
        let body = s[(colon + 1)...].drop(while: ScalarClass.isSpace)
        guard body.count >= 16, body.count >= 2 * (colon - start) else { return nil }
        let head = String(scalars: s[start..<colon])
        // `◆红翔社区：5月11日，…` names who acted, as a brief's text does: no title.
        guard !classifier.cues.startsWithActorColon(head + "："),
            acceptsRunIn(head: s[start..<colon], text: body, line: text)
        else { return nil }
        return (colon, body.startIndex)
    }

    /// A brief's headline in lenticular brackets run into its text, as digest pages print their
    /// items: `【文明实践所举办端午民俗活动】5月30日，镇新时代…`. The brackets close within the
    /// first 34 scalars around a heading; the text after them is sentences, at least twice as
    /// long. A short name in the brackets (`【南桥镇】`) is a label standing where an item number
    /// would, not a headline (`numberedRunInTitle`). The head keeps its brackets, which come off
    /// the title as a bracketed title line's do; nothing stands between head and text.
    private func bracketedRunInTitle(_ text: String) -> (headEnd: Int, textStart: Int)? {
        guard text.unicodeScalars.first == "【" else { return nil }
        let s = text.scalarArray
        guard let close = s.prefix(34).firstIndex(of: "】"), close - 1 >= 4, LineShape.itemLabelLength(scalars: s) == nil else { return nil }
        let inner = s[1..<close]
        let body = s[(close + 1)...].drop(while: ScalarClass.isSpace)
        guard body.count >= 16, body.count >= 2 * close else { return nil }
        guard acceptsRunIn(head: inner, text: body, line: text), LineShape.isTerminated(String(scalars: body)) else { return nil }
        return (close + 1, body.startIndex)
    }

    /// A title run into the text of its brief, set off by a wide space: `镇区加装电梯再提速　今年
    /// 以来，石港镇…`. Returns where the head ends and where the text starts (in scalars).
    ///
    /// The head is short and reads as a heading; the rest is sentences (a comma inside, ending
    /// like a sentence) and longer than the head. A heading set in two parts (`新泾镇推行“多格
    /// 合一”　一张网格管到底`) and a figure row (`按时办结率　99.7%`) stay one line.
    func runInTitle(_ text: String) -> (headEnd: Int, textStart: Int)? {
        guard text.utf8.count >= 60 else { return nil }  // head ≥ 4 and text ≥ 16 scalars
        if let numbered = numberedRunInTitle(text) { return numbered }
        if let bracketed = bracketedRunInTitle(text) { return bracketed }
        if let bulleted = bulletedColonRunInTitle(text) { return bulleted }
        // Most lines have no space near their start: no need to look at their scalars.
        guard InlineFurniture.hasSpaceNearStart(text) else { return nil }
        let s = text.scalarArray
        var start = 0
        // A brief bullet before the head: `■ 网格员技能大比武开赛　…`.
        if let first = s.first, classifier.briefBullets.contains(first) {
            start = s.dropFirst().prefix(while: ScalarClass.isSpace).endIndex
        }
        // A date and its hour set before the text (`3月2日上午　…接到一个陌生电话`) is a step of a
        // timeline told in the article, no heading: diaries set their dates on lines of their own.
        guard let gap = s[start...].prefix(32).firstIndex(where: { $0 == "\u{3000}" || $0 == " " }),
            gap - start >= 4, !LineShape.isDateAndHour(s[start..<gap])
        else { return nil }
        let wide = s[gap] == "\u{3000}" || (gap + 1 < s.count && ScalarClass.isSpace(s[gap + 1]))
        let body = s[gap...].drop(while: ScalarClass.isSpace)
        guard wide, body.count >= 16, body.count >= 2 * (gap - start) else { return nil }
        guard acceptsRunIn(head: s[start..<gap], text: body, line: text), LineShape.isTerminated(String(scalars: body))
        else { return nil }
        return (gap, body.startIndex)
    }

    /// What every run-in title asks of its two parts: the head leaves no bracket or quotation
    /// open, is no credit (`本报讯（记者　唐敏）…`) and reads as a heading; the line is no figure
    /// row; the text after it has a comma, as sentences do.
    private func acceptsRunIn(head: ArraySlice<Unicode.Scalar>, text: ArraySlice<Unicode.Scalar>, line: String) -> Bool {
        let headText = String(scalars: head)
        return LineShape.openQuoteBalance(headText) == 0 && !classifier.isCreditLine(Array(head))
            && LineShape.couldBeHeading(headText, cues: classifier.cues) && !LineShape.isFigureRow(line)
            && text.contains(where: { $0 == "，" || $0 == "," })
    }

    /// A numbered item whose title ends in a full stop before its text, as work briefs print them:
    /// `一、“红色物业”实现住宅小区全覆盖。今年以来，街道…`. The head (number included, the full
    /// stop not) is short and reads as a heading; the text after it is sentences, at least twice
    /// as long. Whether it is a title is the layout model's to decide.
    ///
    /// A bracketed label may stand for the number (`【南桥镇】镇领导“夜间接访”延伸到村居。10月以来，…`,
    /// a district sheet's item on one town).
    func numberedRunInTitle(_ text: String) -> (headEnd: Int, textStart: Int)? {
        guard let number = LineShape.enumerationLength(text) ?? LineShape.itemLabelLength(scalars: text.unicodeScalars) else { return nil }
        let s = text.scalarArray
        guard let stop = s.prefix(number + 32).firstIndex(of: "。"), stop - number >= 4 else { return nil }
        let body = s[(stop + 1)...].drop(while: ScalarClass.isSpace)
        guard body.count >= 16, body.count >= 2 * stop else { return nil }
        let head = String(scalars: s[number..<stop])
        guard !head.unicodeScalars.contains(where: ScalarClass.isClausePunctuation),
            LineShape.couldBeHeading(head, cues: classifier.cues), LineShape.isTerminated(String(scalars: body))
        else { return nil }
        return (stop, body.startIndex)
    }

    /// Whether the first bytes a run-in title can take (34 scalars) hold a space, `　` (E3 80 80)
    /// or ` `.
    private static func hasSpaceNearStart(_ text: String) -> Bool {
        var wideSpaceBytes = 0
        for byte in text.utf8.prefix(4 * 34) {
            if byte == 0x20 { return true }
            wideSpaceBytes = byte == 0xE3 ? 1 : (byte == 0x80 && wideSpaceBytes > 0 ? wideSpaceBytes + 1 : 0)
            if wideSpaceBytes == 3 { return true }
        }
        return false
    }

    /// The scalar before `index` ends a sentence (or closes a quotation after one), a half-width
    /// full stop after Chinese text included (`…宣传资料5,000余份.(镇妇联)`).
    private func afterSentence(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        // A credit may be set off by spaces: `…健康档案。　（通讯员 顾晓丽）`.
        var index = index
        while index > 0, ScalarClass.isSpace(s[index - 1]) { index -= 1 }
        guard index > 0 else { return false }
        if ScalarClass.isSentenceEnd(s[index - 1]) || ScalarClass.isCloser(s[index - 1]) { return true }
        return s[index - 1] == "." && LineShape.isTerminated(String(scalars: s[..<index]))
    }
}
