import Testing

@testable import BulletinKit

@Suite("Issue dates from a --dates file")
struct IssueDatesTests {
    func dates(_ text: String) throws -> IssueDates {
        try IssueDates(parsing: text, source: "dates.csv", sha256: "-")
    }

    @Test("rows by path or file name, with or without a header, commas or tabs, quotes and comments")
    func reads() throws {
        let table = try dates("""
            file,date
            # scanned in 2024
            scans/0001.txt,2023-12-08
            0002.txt\t2023-12
            "0003, 副本",2024-02-29
            0004,2023-01-05

            """)
        #expect(table.count == 4)
        #expect(table.date(for: "scans/0001.txt")?.description == "2023-12-08")
        #expect(table.date(for: "./scans//0001.txt")?.description == "2023-12-08")
        // A path is a path: another folder's 0001.txt has no date from this row.
        #expect(table.date(for: "other/0001.txt") == nil)
        #expect(table.date(for: "archive/0002.txt")?.description == "2023-12")
        #expect(table.date(for: "archive/0002.txt")?.day == nil)
        #expect(table.date(for: "0003, 副本.txt")?.description == "2024-02-29")
        #expect(table.date(for: "x/0004.txt")?.description == "2023-01-05")
        #expect(table.date(for: "0005.txt") == nil)
    }

    @Test(
        "a row that is not a file and a real date is an error naming the file and line",
        arguments: [
            ("0001.txt,2023-02-30\n", "dates.csv:1: '2023-02-30' is not a date (YYYY-MM-DD or YYYY-MM)"),
            ("file,date\n0001.txt,2023-13\n", "dates.csv:2: '2023-13' is not a date (YYYY-MM-DD or YYYY-MM)"),
            ("0001.txt,2023/12/08\n", "dates.csv:1: '2023/12/08' is not a date (YYYY-MM-DD or YYYY-MM)"),
            ("0001.txt,2023年12月8日\n", "dates.csv:1: '2023年12月8日' is not a date (YYYY-MM-DD or YYYY-MM)"),
            ("0001.txt\n", "dates.csv:1: expected two columns, a file and a date, found 1"),
            ("a.txt,2023-01-02\n\na.txt,2023-01-03\n", "dates.csv:3: 'a.txt' is given a date already, on line 1"),
        ])
    func refuses(text: String, message: String) {
        #expect(throws: DatesFileError.self) { try dates(text) }
        do throws(DatesFileError) {
            _ = try IssueDates(parsing: text, source: "dates.csv", sha256: "-")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a file that is not there says so")
    func missingFile() {
        #expect(throws: DatesFileError.unreadable(file: "/nonexistent/dates.csv", reason: "no such file")) {
            try IssueDates(contentsOf: "/nonexistent/dates.csv")
        }
    }
}
