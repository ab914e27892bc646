/// How much of a date a source gave: the record's `date_precision` and the `date_precision`
/// column of `articles.csv`, so a spreadsheet or pandas never has to guess what `2023-12` means.
///
/// ```swift
/// DatePrecision(IssueDate(year: 2024, month: 3, day: 8))   // .day    ("2024-03-08")
/// DatePrecision(IssueDate(year: 2023, month: 12))          // .month  ("2023-12")
/// DatePrecision(nil)                                      // .none   (an undated bulletin)
/// ```
///
/// `year` belongs to the vocabulary the record fixes; no source the tool reads today gives a
/// year alone (file names and mastheads give a month at least).
public enum DatePrecision: String, Sendable, Equatable, CaseIterable {
    case day, month, year, none

    public init(_ date: IssueDate?) {
        guard let date else {
            self = .none
            return
        }
        self = date.day == nil ? .month : .day
    }
}
