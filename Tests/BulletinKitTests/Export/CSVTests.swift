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
        try output.finish(runSummary: BatchRunner.Summary(), lexicons: Corpus.lexicons)
        let read = { (name: String) in readCSV(try String(contentsOfFile: folder + "/" + name, encoding: .utf8)) }

        let records = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/articles.json"))) as! [[String: Any]]
        let jsonl = try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(records.count == articles.count && jsonl.count == articles.count)

        let articleRows = try read("articles.csv")
        #expect(articleRows.first == ArticleTables.articleColumns)
        #expect(articleRows.count == articles.count + 1)
        for (row, record) in zip(articleRows.dropFirst(), records) {
            #expect(row[0] == record["id"] as? String)
            // A title a spreadsheet would run as a formula (`@马桥居民 …`) is guarded with `'`.
            let title = record["title"] as? String ?? ""
            #expect(row[4] == (title.first.map { "=+-@\t\r".contains($0) } == true ? "'" + title : title))
            let mechanisms = (record["mechanisms"] as! [[String: Any]]).map { $0["name"] as! String }
            #expect(row[9] == mechanisms.joined(separator: "；"))
            #expect(Int(row[10]) == (record["figures"] as! [Any]).count)
        }

        let mentionRows = try read("mentions.csv").dropFirst()
        let expectedMentions = records.reduce(0) { sum, record in
            let locations = (record["locations"] as! [[String: Any]]).reduce(0) { $0 + ($1["mentions"] as! [Any]).count }
            let mechanisms = (record["mechanisms"] as! [[String: Any]]).reduce(0) { $0 + ($1["mentions"] as! [Any]).count }
            return sum + locations + mechanisms + (record["figures"] as! [Any]).count
        }
        #expect(mentionRows.count == expectedMentions)
        let texts = Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as! String, Array(($0["text"] as! String).unicodeScalars)) })
        for row in mentionRows {
            let text = texts[row[0]]!
            let start = Int(row[9])!
            let end = Int(row[10])!
            #expect(String(String.UnicodeScalarView(text[start..<end])) == row[5].replacingOccurrences(of: "'", with: "", options: .anchored))
        }

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
