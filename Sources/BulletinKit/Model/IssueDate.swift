/// The issue date of a bulletin, as precise as the source allows: a day (`2024-01-05`) or only a
/// month (`2024-05`).
///
/// Found in the file name (`2024-01-05_xinhai.txt`, `20240105_xinhai.txt`, `2024-05_zhoupu.txt`)
/// or in a masthead line (`2024年1月5日 星期五`).
public struct IssueDate: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int?

    public init?(year: Int, month: Int, day: Int? = nil) {
        guard (1949...2100).contains(year), (1...12).contains(month) else { return nil }
        if let day, !(1...31).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    public var description: String {
        let yyyyMM = "\(year)-\(month < 10 ? "0" : "")\(month)"
        guard let day else { return yyyyMM }
        return yyyyMM + "-\(day < 10 ? "0" : "")\(day)"
    }
}

extension IssueDate {
    /// The date a file name carries: `2024-01-05…`, `2024_01_05…`, `20240105…` or `2024-05…`,
    /// anywhere in the name as long as it is not part of a longer number.
    ///
    /// ```swift
    /// IssueDate(fileName: "2024-01-05_xinhai")?.description   // "2024-01-05"
    /// IssueDate(fileName: "20210520_chongchuan")?.description // "2021-05-20"
    /// IssueDate(fileName: "2024-05_zhoupu")?.description      // "2024-05"
    /// ```
    public init?(fileName: String) {
        let scalars = fileName.scalarArray
        var index = 0
        while index < scalars.count {
            if isDigit(scalars[index]) && (index == 0 || !isDigit(scalars[index - 1])) {
                if let date = IssueDate.parse(scalars, from: index) {
                    self = date
                    return
                }
            }
            index += 1
        }
        return nil
    }

    /// Reads a date starting at `start`: 8 digits, or 4 digits, a separator, 1–2 digits and
    /// optionally a separator and 1–2 digits.
    private static func parse(_ s: [Unicode.Scalar], from start: Int) -> IssueDate? {
        var digits = 0
        while start + digits < s.count, isDigit(s[start + digits]) { digits += 1 }
        if digits == 8 {
            let value = number(s[start..<start + 8])
            return IssueDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
        }
        guard digits == 4 else { return nil }
        let year = number(s[start..<start + 4])
        var cursor = start + 4
        guard cursor < s.count, isSeparator(s[cursor]) else { return nil }
        cursor += 1
        let monthStart = cursor
        while cursor < s.count, isDigit(s[cursor]), cursor - monthStart < 3 { cursor += 1 }
        guard (1...2).contains(cursor - monthStart) else { return nil }
        let month = number(s[monthStart..<cursor])
        if cursor + 1 < s.count, isSeparator(s[cursor]), isDigit(s[cursor + 1]) {
            let dayStart = cursor + 1
            var dayEnd = dayStart
            while dayEnd < s.count, isDigit(s[dayEnd]), dayEnd - dayStart < 3 { dayEnd += 1 }
            if (1...2).contains(dayEnd - dayStart) {
                return IssueDate(year: year, month: month, day: number(s[dayStart..<dayEnd]))
            }
        }
        if cursor < s.count, isDigit(s[cursor]) { return nil }
        return IssueDate(year: year, month: month)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || scalar == "."
    }

    private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1.value - 48) }
    }
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
