// Dates, years and structural codes: `2024年1月1日`, `2021 年 9 月`, `5月14日`, `1至10月`, `22日`
// after a month, and `1+5+19+114+867`.
extension FigureTagger {
    /// `YYYY年M月D日`, `YYYY年M月`, `YYYY年`, `M月D日`, `M月`, `D日` (after a month).
    func readDate(
        _ s: [Unicode.Scalar], _ start: Int, number: (value: Double, end: Int, arabic: Bool, digits: Int), cursor: Int,
        context: inout DateContext, issueDate: IssueDate?
    ) -> (value: Figure.Value, end: Int, kind: Figure.Kind)? {
        guard number.value == number.value.rounded(), abs(number.value) < 1e12 else { return nil }
        let value = Int(number.value)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func readPart(_ at: Int, _ marker: Unicode.Scalar) -> (Int, Int)? {
            let p = skipSpaces(s, at)
            guard p < s.count, ScalarClass.isASCIIDigit(s[p]) || ChineseNumeral.isNumeral(s[p]),
                let n = readNumber(s, p, nil), n.value == n.value.rounded()
            else { return nil }
            let q = skipSpaces(s, n.end)
            guard q < s.count, s[q] == marker else { return nil }
            return (Int(n.value), q + 1)
        }
        if cursor < s.count, s[cursor] == "年", (number.arabic && number.digits == 4 || !number.arabic && value >= 1949), (1949...2100).contains(value) {
            if let (month, monthEnd) = readPart(cursor + 1, "月"), (1...12).contains(month) {
                context.year = value
                context.month = month
                if let (day, dayEnd) = readPart(monthEnd, "日"), (1...31).contains(day) {
                    return (.text("\(value)-\(two(month))-\(two(day))"), dayEnd, .date)
                }
                return (.text("\(value)-\(two(month))"), monthEnd, .date)
            }
            // `2023年以来`, `2023年度`: a year. It does not date the months that follow (`建于1986年
            // …今年4月`): only a written year-and-month does.
            return (.number(Double(value)), cursor + 1, .year)
        }
        // `1至10月`: a range of months written with one 月.
        if (1...12).contains(value), cursor < s.count, FigureTagger.rangeMarks.contains(s[cursor]),
            let (upper, rangeEnd) = readPart(cursor + 1, "月"), (value..<13).contains(upper)
        {
            context.month = upper
            let year = context.year ?? issueDate?.year
            return (.text(year.map { "\($0)-\(two(value))" } ?? "--\(two(value))"), rangeEnd, .date)
        }
        if cursor < s.count, s[cursor] == "月", (1...12).contains(value) {
            // `5个月` is a duration and never reaches here; `5月` is a month.
            context.month = value
            let year = context.year ?? issueDate?.year
            if let (day, dayEnd) = readPart(cursor + 1, "日"), (1...31).contains(day) {
                return (.text(year.map { "\($0)-\(two(value))-\(two(day))" } ?? "--\(two(value))-\(two(day))"), dayEnd, .date)
            }
            var monthEnd = cursor + 1
            // `1月至2月`: a range of months reads as its first month.
            if monthEnd < s.count, FigureTagger.rangeMarks.contains(s[monthEnd]), let (_, rangeEnd) = readPart(monthEnd + 1, "月") {
                monthEnd = rangeEnd
            }
            return (.text(year.map { "\($0)-\(two(value))" } ?? "--\(two(value))"), monthEnd, .date)
        }
        if cursor < s.count, s[cursor] == "日" || s[cursor] == "号", (1...31).contains(value), number.digits <= 2 {
            // A day after a month the article named; a day alone keeps its month unknown (`---22`).
            guard let month = context.month else { return (.text("---\(two(value))"), cursor + 1, .date) }
            let year = context.year ?? issueDate?.year
            return (.text(year.map { "\($0)-\(two(month))-\(two(value))" } ?? "--\(two(month))-\(two(value))"), cursor + 1, .date)
        }
        return nil
    }

    /// `1+5+19+114+867`, `2+3+19+X`: digits (or X/N) joined by at least two `+`.
    func readCode(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        var j = start
        var pluses = 0
        var lastWasPlus = false
        while j < s.count {
            let c = s[j]
            if ScalarClass.isASCIIDigit(c) || ((c == "X" || c == "N" || c == "x") && lastWasPlus) {
                lastWasPlus = false
            } else if c == "+", !lastWasPlus {
                lastWasPlus = true
                pluses += 1
            } else {
                break
            }
            j += 1
        }
        if lastWasPlus { j -= 1; pluses -= 1 }
        return pluses >= 2 ? j : nil
    }
}
