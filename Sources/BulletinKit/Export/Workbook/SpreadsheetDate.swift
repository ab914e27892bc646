/// A day as a spreadsheet stores it: the number of days since 1899-12-30 (Excel's 1900 date
/// system, as LibreOffice and openpyxl read it), shown as a date by a date number format.
///
/// ```swift
/// SpreadsheetDate.serial(year: 2024, month: 3, day: 8)   // 45359
/// SpreadsheetDate.serial(year: 1900, month: 3, day: 1)   // 61
/// ```
/// Valid from 1900-03-01 on (Excel's phantom 1900-02-29 lies before), which every issue date is.
enum SpreadsheetDate {
    static func serial(year: Int, month: Int, day: Int) -> Int {
        daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
