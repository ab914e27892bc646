import Foundation
import Testing

@testable import BulletinKit

/// An RFC 4180 reader written for the tests, independent of `CSVWriter`.
func readCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
    var i = chars.startIndex
    while i < chars.endIndex {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.endIndex && chars[i + 1] == "\"" {
                    field.unicodeScalars.append("\"")
                    i += 1
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" {
            // part of CRLF
        } else if c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite("CSV export")
struct CSVTests {
    @Test("quoting, CRLF, BOM and the formula guard")
    func writer() {
        var csv = CSVWriter()
        csv.row([.text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("=SUM(A1)"), .text("-3"), .number(-3), .text("@x")])
        #expect(csv.output == "\u{FEFF}\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1),'-3,-3,'@x\r\n")
        #expect(readCSV(csv.output) == [["a,b", "say \"hi\"", "two\nlines", "'=SUM(A1)", "'-3", "-3", "'@x"]])
        #expect(!CSVWriter(bom: false).output.hasPrefix("\u{FEFF}"))
    }

    @Test("every table of a corpus run reads back and agrees with the JSON records")
    func roundTrip() throws {
        let folder = NSTemporaryDirectory() + "bulletin-csv-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try OutputFolder(path: folder, bom: true, identity: "csv round trip")
        var articles: [Article] = []
        for name in Corpus.bulletinNames() {
            let tagged = Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles)
            for article in tagged { try output.write(article) }
            articles += tagged
        }
        try output.finish(runSummary: RunSummary(), lexicons: Corpus.lexicons)
        let read = { (name: String) in readCSV(try String(contentsOfFile: folder + "/" + name, encoding: .utf8)) }

        let records = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/articles.json"))) as! [[String: Any]]
        let jsonl = try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(records.count == articles.count && jsonl.count == articles.count)

        let articleRows = try read("articles.csv")
        #expect(articleRows.first == ArticleTables.articleColumns)
        #expect(articleRows.count == articles.count + 1)
        let a = { (name: String) in ArticleTables.articleColumns.firstIndex(of: name)! }
        var precisions: Set<String> = []
        for (row, record) in zip(articleRows.dropFirst(), records) {
            #expect(row[a("id")] == record["id"] as? String)
            // A title a spreadsheet would run as a formula (`@马桥居民 …`) is guarded with `'`.
            let title = record["title"] as? String ?? ""
            #expect(row[a("title")] == (title.first.map { "=+-@\t\r".contains($0) } == true ? "'" + title : title))
            let mechanisms = (record["mechanisms"] as! [[String: Any]]).map { $0["name"] as! String }
            #expect(row[a("mechanisms")] == mechanisms.joined(separator: "；"))
            #expect(Int(row[a("figures")]) == (record["figures"] as! [Any]).count)
            // The date as the record has it, its precision, and its parts as plain numbers.
            let date = record["date"] as? String
            #expect(row[a("date")] == date ?? "")
            #expect(row[a("date_precision")] == record["date_precision"] as? String)
            precisions.insert(row[a("date_precision")])
            let parts = (date ?? "").split(separator: "-").map { String(Int($0)!) }
            #expect([row[a("year")], row[a("month")], row[a("day")]].filter { !$0.isEmpty } == parts)
            #expect(row[a("date_precision")] == ["none", "year", "month", "day"][parts.count])
        }
        // The corpus has day and month issue dates (`2024-06_web-huaxin`): both must be seen.
        #expect(precisions.isSuperset(of: ["day", "month"]))

        let mentionRows = try read("mentions.csv").dropFirst()
        let expectedMentions = records.reduce(0) { sum, record in
            let locations = (record["locations"] as! [[String: Any]]).reduce(0) { $0 + ($1["mentions"] as! [Any]).count }
            let mechanisms = (record["mechanisms"] as! [[String: Any]]).reduce(0) { $0 + ($1["mentions"] as! [Any]).count }
            return sum + locations + mechanisms + (record["figures"] as! [Any]).count
        }
        #expect(mentionRows.count == expectedMentions)
        let texts = Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as! String, Array(($0["text"] as! String).unicodeScalars)) })
        let m = { (name: String) in ArticleTables.mentionColumns.firstIndex(of: name)! }
        var dateFigures = 0
        for row in mentionRows {
            let text = texts[row[m("article")]]!
            let start = Int(row[m("start")])!
            let end = Int(row[m("end")])!
            #expect(String(String.UnicodeScalarView(text[start..<end])) == row[m("surface")].replacingOccurrences(of: "'", with: "", options: .anchored))
            // `value` is a plain number or empty; a date figure's ISO form is in `date`.
            #expect(row[m("value")].isEmpty || Double(row[m("value")]) != nil, "\(row)")
            if row[m("level_category_kind")] == "date" {
                dateFigures += 1
                #expect(row[m("value")].isEmpty && !row[m("date")].isEmpty, "\(row)")
            } else {
                #expect(row[m("date")].isEmpty, "\(row)")
            }
        }
        #expect(dateFigures > 0)

        let matrix = try read("town_mechanism.csv")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))) as! [String: Any]
        let towns = summary["towns"] as! [[String: Any]]
        #expect(matrix.count == towns.count + 1)
        let header = matrix[0]
        for (row, town) in zip(matrix.dropFirst(), towns) {
            #expect(row[0] == town["name"] as? String)
            let cells = town["mechanisms"] as! [String: [String: Any]]
            for (column, name) in header.enumerated().dropFirst(4) {
                let count = cells.values.first { $0["name"] as? String == name }?["count"] as? Int ?? 0
                #expect(Int(row[column]) == count, "\(row[0]) × \(name)")
            }
        }
        let firsts = try read("first_mentions.csv")
        #expect(firsts.count - 1 == towns.reduce(0) { $0 + ($1["mechanisms"] as! [String: Any]).count })
    }
}

@Suite("Dates and numbers a spreadsheet reads right")
struct SpreadsheetDateTests {
    @Test("an article's date comes with its precision and its parts; an undated one says none")
    func articleDates() {
        let columns = ArticleTables.articleColumns
        func cells(_ date: IssueDate?) -> [String] {
            let article = Article(bulletin: "2023-12_jiangqiao", source: "2023-12_jiangqiao.txt", index: 1, title: "江桥镇召开会议", date: date, text: "江桥镇召开会议")
            let row = ArticleTables.articleRow(article)
            return ["date", "date_precision", "year", "month", "day"].map { CSVWriter.field(row[columns.firstIndex(of: $0)!]) }
        }
        #expect(cells(IssueDate(year: 2024, month: 3, day: 8)) == ["2024-03-08", "day", "2024", "3", "8"])
        #expect(cells(IssueDate(year: 2023, month: 12)) == ["2023-12", "month", "2023", "12", ""])
        #expect(cells(nil) == ["", "none", "", "", ""])
    }

    @Test("a date figure's ISO form is in `date`, never in `value`; a code is in `id_or_code`")
    func figureColumns() {
        let text = "江桥镇召开会议\n22日，江桥镇召开联席会议，2024年3月8日起推行“1+5+19+114+867”工作体系，化解纠纷23件。"
        let article = Corpus.tagger.tag([Article(bulletin: "jiangqiao", source: "jiangqiao.txt", index: 1, title: "江桥镇召开会议", text: text)])[0]
        let m = { (name: String) in ArticleTables.mentionColumns.firstIndex(of: name)! }
        let figures = ArticleTables.mentionRows(article).filter { $0[m("type")] == .text("figure") }
        let byText = Dictionary(figures.map { (CSVWriter.field($0[m("surface")]), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["22日"]?[m("date")] == .text("---22"))
        #expect(byText["22日"]?[m("value")] == .empty)
        #expect(byText["2024年3月8日"]?[m("date")] == .text("2024-03-08"))
        #expect(byText["1+5+19+114+867"]?[m("id_or_code")] == .text("1+5+19+114+867"))
        #expect(byText["1+5+19+114+867"]?[m("value")] == .empty)
        #expect(byText["23件"]?[m("value")] == .number(23))
        #expect(byText["23件"]?[m("date")] == .empty)
    }
}
