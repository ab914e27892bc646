/// Finds every quantity in an article: Arabic and Chinese numerals with their unit or measure word,
/// 万/亿 multipliers, approximation words, ranges, percentages, dates and years, ordinals and
/// structural codes — in one pass over the look-alike-folded scalars (full-width digits read as
/// ASCII), with offsets into the original text.
///
/// Not figures (rules documented in `corpus/README.md`): numerals inside mechanism and place
/// names (the spans the other taggers found), terms of `not-figures.tsv` (一呼百应, 第一时间),
/// `一` with a measure word (`一批`, `一名`: the article "a"), a Chinese numeral with no unit,
/// and an Arabic number with no unit unless it is a four-digit year.
///
/// ```swift
/// tagger.figures(in: "接待来访群众 314 批次 527 人次", excluded: [], issueDate: nil).map(\.text)
/// // ["314 批次", "527 人次"]
/// ```
public struct FigureTagger: Sendable {
    let units: [(unit: [Unicode.Scalar], kind: Figure.Kind, scale: Double)]
    let notFigures: PhraseMatcher
    let folding: LookalikeFolding

    static let prefixApprox = ["不少于", "不低于", "不足", "不到", "大约", "将近", "接近", "超过", "多达", "约", "近", "超", "逾"]
        .map { $0.scalarArray }
    static let suffixApprox = ["以上", "左右", "上下", "多", "余"].map { $0.scalarArray }
    static let rangeMarks: ScalarSet = ["至", "到", "-", "~", "～", "—", "－"]
    static let ordinalUnits = ["届", "次", "批", "期", "季度", "个", "名", "位", "轮", "年", "版", "章", "条", "项", "天", "家"]
        .map { $0.scalarArray }
    /// Measure words after which `一` reads "a" rather than a count.
    static let articleMeasures = ScalarSet("个批名次项场支位件份家处座条道面台张本封声句起种群番些点句股块间回趟段".unicodeScalars)

    public init(lexicons: Lexicons, units: [(String, Figure.Kind, Double)], notFigures: [String]) {
        self.units = units.map { ($0.0.scalarArray, $0.1, $0.2) }.sorted { $0.unit.count > $1.unit.count }
        self.notFigures = PhraseMatcher(patterns: notFigures.map { Array(lexicons.folding.fold($0).unicodeScalars) })
        self.folding = lexicons.folding
    }

    public func figures(in text: String, excluded: [Range<Int>], issueDate: IssueDate?) -> [Figure] {
        figures(in: ScalarText(text, folding: folding), excluded: excluded, issueDate: issueDate)
    }

    /// The figures of an article already split into scalars and folded (by the same folding).
    func figures(in scalarText: ScalarText, excluded: [Range<Int>], issueDate: IssueDate?) -> [Figure] {
        let s = scalarText.folded
        var blocked = [Bool](repeating: false, count: s.count + 1)
        for span in excluded { for i in span where i < s.count { blocked[i] = true } }
        for match in notFigures.allMatches(in: s) {
            for i in match.start..<match.end { blocked[i] = true }
        }
        var figures: [Figure] = []
        var context = DateContext(year: issueDate?.year, month: nil)
        var i = 0
        while i < s.count {
            guard !blocked[i], isNumberStart(s, i) else {
                i += 1
                continue
            }
            if let figure = readFigure(s, at: i, blocked: blocked, context: &context, issueDate: issueDate, original: scalarText) {
                figures.append(figure)
                i = max(figure.end, i + 1)
            } else {
                // Skip the rest of this number so its tail is not read as a number of its own.
                var j = i + 1
                while j < s.count, isNumberScalar(s[j]) { j += 1 }
                i = j
            }
        }
        return figures
    }

    // MARK: - Reading one figure

    struct DateContext {
        var year: Int?
        var month: Int?
    }

    private func isNumberStart(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        if ScalarClass.isASCIIDigit(s[i]) {
            return i == 0 || !(ScalarClass.isASCIIDigit(s[i - 1]) || s[i - 1] == "." || ScalarClass.isASCIILetter(s[i - 1]))
        }
        if ChineseNumeral.isNumeral(s[i]) || s[i] == "半" {
            return i == 0 || !ChineseNumeral.isNumeral(s[i - 1])
        }
        return s[i] == "第" || isPercentWord(s, i)
    }

    private func isNumberScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarClass.isASCIIDigit(s) || ChineseNumeral.isNumeral(s) || s == "." || s == ","
    }

    private func isPercentWord(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 3 < s.count && s[i] == "百" && s[i + 1] == "分" && s[i + 2] == "之"
    }

    /// A number at `i`: its value, where it ends, whether it was Arabic, and its digit count.
    /// It stops at a `blocked` position; nil blocks nothing (a date's month and day are read
    /// whole, and an array of the text's length made for each would be quadratic in a long
    /// chronology).
    func readNumber(_ s: [Unicode.Scalar], _ i: Int, _ blocked: [Bool]?) -> (value: Double, end: Int, arabic: Bool, digits: Int)? {
        func isBlocked(_ j: Int) -> Bool { blocked?[j] ?? false }
        var j = i
        if ScalarClass.isASCIIDigit(s[i]) {
            var text = ""
            var digits = 0
            while j < s.count, !isBlocked(j) {
                if ScalarClass.isASCIIDigit(s[j]) {
                    text.unicodeScalars.append(s[j])
                    digits += 1
                } else if s[j] == ",", j + 3 < s.count, (1...3).allSatisfy({ ScalarClass.isASCIIDigit(s[j + $0]) }),
                    j + 4 >= s.count || !ScalarClass.isASCIIDigit(s[j + 4])
                {
                    // a thousands separator
                } else if s[j] == ".", j + 1 < s.count, ScalarClass.isASCIIDigit(s[j + 1]), !text.contains(".") {
                    text.unicodeScalars.append(".")
                } else {
                    break
                }
                j += 1
            }
            // More than 15 digits is a serial number or noise, and no figure (it would not fit an Int).
            guard digits <= 15, var value = Double(text) else { return nil }
            // 万 / 亿 / 千 after Arabic digits multiply (`2万`, `3.5亿`, `10 万人口`).
            let afterSpaces = skipSpaces(s, j)
            if afterSpaces < s.count, !isBlocked(afterSpaces), ChineseNumeral.bigUnit(s[afterSpaces]) != nil { j = afterSpaces }
            if j < s.count, !isBlocked(j), let big = ChineseNumeral.bigUnit(s[j]) {
                value *= Double(big)
                j += 1
                if j < s.count, let big2 = ChineseNumeral.bigUnit(s[j]), big2 > big {  // 万亿
                    value *= Double(big2)
                    j += 1
                }
            } else if j < s.count, !isBlocked(j), s[j] == "千" || s[j] == "百", !text.contains(".") || s[j] == "千" {
                value *= s[j] == "千" ? 1000 : 100
                j += 1
            }
            return (value, j, true, digits)
        }
        if s[i] == "半" { return (0.5, i + 1, false, 0) }
        while j < s.count, !isBlocked(j), ChineseNumeral.isNumeral(s[j]) { j += 1 }
        guard let value = ChineseNumeral.value(s[i..<j]) else { return nil }
        // A lone 百/千/万/亿 is a word (`健康进万家`) unless an approximation follows (`千余`).
        let afterApprox = FigureTagger.prefixApprox.contains { i >= $0.count && matches($0, s, i - $0.count) }
        if j - i == 1, s[i] != "十", ChineseNumeral.digit(s[i]) == nil, !afterApprox,
            !(j < s.count && (s[j] == "余" || s[j] == "多"))
        {
            return nil
        }
        var end = j
        var total = Double(value)
        // `一年半`, `两个半月`: a trailing 半 is read with the unit below.
        if end < s.count, s[end] == "半", end + 1 < s.count, ChineseNumeral.isNumeral(s[end - 1]) == false {
            total += 0.5
            end += 1
        }
        return (total, end, false, 0)
    }

    private func readFigure(
        _ s: [Unicode.Scalar], at start: Int, blocked: [Bool], context: inout DateContext, issueDate: IssueDate?,
        original: ScalarText
    ) -> Figure? {
        // Ordinals: 第 + number + ordinal unit.
        if s[start] == "第" {
            guard start + 1 < s.count, !blocked[start + 1], isNumberStart(s, start + 1) || ScalarClass.isASCIIDigit(s[start + 1]),
                let number = readNumber(s, start + 1, blocked)
            else { return nil }
            var end = skipSpaces(s, number.end)
            guard let unit = FigureTagger.ordinalUnits.first(where: { matches($0, s, end) }) else { return nil }
            end += unit.count
            return make(original, start, end, .number(number.value), unit: String(scalars: unit), kind: .ordinal, approx: false)
        }
        // 百分之三十三
        if isPercentWord(s, start) {
            guard let number = readNumber(s, start + 3, blocked) else { return nil }
            return make(original, start, number.end, .number(number.value), unit: "%", kind: .percent, approx: false)
        }
        // Structural codes: 1+5+19+114+867, 2+3+19+X, 1+3+N.
        if ScalarClass.isASCIIDigit(s[start]), let code = readCode(s, start) {
            return make(original, start, code, .text(String(scalars: s[start..<code])), unit: nil, kind: .code, approx: false)
        }
        guard let number = readNumber(s, start, blocked) else { return nil }
        var figureStart = start
        var approx = false
        // An approximation word right before (`约`, `近`, `超`).
        var before = start
        while before > 0, s[before - 1] == " " { before -= 1 }
        // (An approximation word inside a blocked term, `附近` or `最近`, is no approximation.)
        for word in FigureTagger.prefixApprox
        where before >= word.count && matches(word, s, before - word.count) && !blockedSpan(blocked, before - word.count, word.count) {
            figureStart = before - word.count
            approx = true
            break
        }
        var end = number.end
        var cursor = skipSpaces(s, end)

        // A 号 that begins a term that is no figure (`3号楼`, `3号线`) is no day: the number is part
        // of a name.
        if cursor < s.count, blocked[cursor], s[cursor] == "号" { return nil }
        // Dates and years: YYYY年[M月[D日]], M月[D日], D日 after a month.
        if let date = readDate(s, start, number: number, cursor: cursor, context: &context, issueDate: issueDate) {
            return make(original, start, date.end, date.value, unit: nil, kind: date.kind, approx: false)
        }
        // A range: 3至5人, 3-5人.
        var maximum: Double? = nil
        if cursor < s.count, FigureTagger.rangeMarks.contains(s[cursor]), cursor + 1 < s.count,
            isNumberStart(s, cursor + 1) || ScalarClass.isASCIIDigit(s[cursor + 1]),
            let upper = readNumber(s, cursor + 1, blocked), upper.value > number.value
        {
            maximum = upper.value
            end = upper.end
            cursor = skipSpaces(s, end)
        }
        // 余 / 多 between the number and the unit (`1500 余份`, `20余条`, `千余`).
        if cursor < s.count, s[cursor] == "余" || s[cursor] == "多" {
            approx = true
            end = cursor + 1
            cursor = skipSpaces(s, end)
        }
        // Percent signs and units.
        var unitText: String? = nil
        var scale = 1.0
        var scaleValue = 0.0
        var kind = Figure.Kind.count
        if cursor < s.count, s[cursor] == "%" || s[cursor] == "％" {
            unitText = "%"
            kind = .percent
            end = cursor + 1
        } else if cursor + 2 < s.count, s[cursor] == "个", s[cursor + 1] == "多" || s[cursor + 1] == "半",
            let unit = units.first(where: { matches($0.unit, s, cursor + 2) && $0.kind == .duration })
        {
            // `一个多月`, `两个半小时`: 个 + 多/半 + a unit of time.
            unitText = "个" + String(scalars: unit.unit)
            kind = .duration
            if s[cursor + 1] == "多" { approx = true } else { scaleValue += 0.5 }
            end = cursor + 2 + unit.unit.count
        } else if let unit = units.first(where: { matches($0.unit, s, cursor) && !blockedSpan(blocked, cursor, $0.unit.count) }) {
            unitText = String(scalars: unit.unit)
            kind = unit.kind
            end = cursor + unit.unit.count
            scale = unit.scale
        }
        if kind == .percent, scale != 1 { unitText = "%" }
        if unitText == nil {
            // A Chinese numeral before 大 (`十大民生实事`) counts; any other bare numeral does not,
            // nor does a bare Arabic number other than a year.
            if !number.arabic, number.value >= 2, cursor < s.count, s[cursor] == "大" {
                return make(original, figureStart, end, .number(number.value), unit: nil, kind: .count, approx: approx)
            }
            if number.arabic, number.digits == 4, (1949...2100).contains(Int(number.value)), number.value == number.value.rounded(),
                !(cursor < s.count && (ScalarClass.isASCIIDigit(s[cursor]) || s[cursor] == "号" || s[cursor] == "弄"))
            {
                return make(original, start, end, .number(number.value), unit: nil, kind: .year, approx: false)
            }
            return nil
        }
        // `一` with a measure word is the article "a" (`一批`, `一名`, `一扇门`), not a count.
        if !number.arabic, number.value == 1, maximum == nil, !approx, kind == .count,
            let unit = unitText, unit.scalarCount == 1
        {
            return nil
        }
        // `上世纪九十年代` → 1990.
        if kind == .year {
            var year = number.value
            if year < 100 { year += 1900 }
            let lead = Array("上世纪".unicodeScalars)
            let yearStart = start >= lead.count && matches(lead, s, start - lead.count) ? start - lead.count : start
            return make(original, yearStart, end, .number(year), unit: unitText, kind: .year, approx: approx)
        }
        let value = (number.value + scaleValue) * scale
        // Words after the unit: 以上 / 左右 / 上下.
        // `两年多来`: 多 after the unit.
        if unitText != nil, end < s.count, s[end] == "多" {
            approx = true
            end += 1
        }
        let afterUnit = skipSpaces(s, end)
        for word in FigureTagger.suffixApprox.prefix(3) where matches(word, s, afterUnit) {
            approx = true
            end = afterUnit + word.count
            break
        }
        // `12元至18元`: a range with the unit written twice.
        if maximum == nil, let unit = unitText, end < s.count, FigureTagger.rangeMarks.contains(s[end]), end + 1 < s.count,
            ScalarClass.isASCIIDigit(s[end + 1]) || ChineseNumeral.isNumeral(s[end + 1]),
            let upper = readNumber(s, end + 1, blocked), upper.value > number.value,
            matches(unit.scalarArray, s, upper.end)
        {
            maximum = upper.value
            end = upper.end + unit.scalarCount
        }
        var figure = make(original, figureStart, end, .number(value), unit: unitText, kind: kind, approx: approx)
        figure.max = maximum.map { $0 * scale }
        figure.object = object(after: end, in: s)
        return figure
    }

    /// The noun after a figure's unit when punctuation closes it within four characters
    /// (`19个居民区、` → 居民区).
    private func object(after end: Int, in s: [Unicode.Scalar]) -> String? {
        var j = end
        while j < s.count, j - end < 5, ScalarClass.isIdeograph(s[j]) { j += 1 }
        guard j - end >= 1, j - end <= 4, j == s.count || !ScalarClass.isIdeograph(s[j]) else { return nil }
        return String(scalars: s[end..<j])
    }

    private func make(
        _ text: ScalarText, _ start: Int, _ end: Int, _ value: Figure.Value, unit: String?, kind: Figure.Kind, approx: Bool
    ) -> Figure {
        Figure(text: text.surface(start, end), value: value, max: nil, unit: unit, kind: kind, approx: approx, object: nil, start: start, end: end)
    }

    func skipSpaces(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, s[j] == " " || s[j] == "\u{3000}" || s[j] == "\u{A0}" { j += 1 }
        return j
    }

    private func blockedSpan(_ blocked: [Bool], _ start: Int, _ count: Int) -> Bool {
        (start..<start + count).contains { blocked[$0] }
    }

    func matches(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], _ index: Int) -> Bool {
        ScalarWord.matches(word, in: s, at: index)
    }
}
