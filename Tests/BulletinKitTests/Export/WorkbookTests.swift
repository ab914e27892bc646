import Foundation
import Testing

@testable import BulletinKit

@Suite("Workbook: CRC-32, ZIP and the .xlsx")
struct WorkbookTests {
    @Test("CRC-32 of the standard check vectors, and the same sum when fed in pieces")
    func crc32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        let text = Array("斜土路街道完善信访工作“三项机制”".utf8)
        var pieces = CRC32()
        pieces.update(text[..<7])
        pieces.update(text[7...])
        #expect(pieces.value == CRC32.checksum(text))
        #expect(CRC32.checksum(text) != CRC32.checksum(text.dropLast()))
    }

    /// A ZIP with Chinese names and contents, an empty entry and a larger one.
    func sampleZip() throws -> (bytes: [UInt8], entries: [(String, [UInt8])]) {
        var random = SplitMix64(seed: 16)
        let noise = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let entries: [(String, [UInt8])] = [
            ("xl/worksheets/sheet1.xml", Array(String(repeating: "<row><c t=\"inlineStr\"><is><t>三所联动</t></is></c></row>", count: 400).utf8)),
            ("纪要/江桥镇.txt", Array("江桥镇召开第四季度信访工作联席会议。\n".utf8)),
            ("empty", []),
            ("noise.bin", noise),
        ]
        var bytes: [UInt8] = []
        var zip = ZipWriter(path: "test.zip") { (piece: [UInt8]) throws(OutputError) in bytes += piece }
        // Deflated where that helps (the repetitive sheet), stored otherwise.
        for (index, (name, data)) in entries.enumerated() { try zip.add(name, data, compress: index != 1) }
        // And one streamed in pieces, its CRC-32 and sizes in a data descriptor.
        let streamed = Array(String(repeating: "<row><c><v>1326</v></c><c t=\"b\"><v>1</v></c></row>", count: 3_000).utf8) + noise
        try zip.beginEntry("xl/worksheets/sheet2.xml")
        for piece in stride(from: 0, to: streamed.count, by: 40_000) {
            try zip.writeEntry(Array(streamed[piece..<min(piece + 40_000, streamed.count)]))
        }
        try zip.endEntry()
        try zip.finish()
        return (bytes, entries + [("xl/worksheets/sheet2.xml", streamed)])
    }

    @Test("a ZIP round trip: our test reader gets every entry back, CRC and sizes checked")
    func zipRoundTrip() throws {
        let (bytes, entries) = try sampleZip()
        let read = try TestZipReader(bytes)
        #expect(read.entries.map(\.name) == entries.map(\.0))
        #expect(read.entries.map(\.data) == entries.map(\.1))
        // A flipped byte in an entry's data is caught by its CRC.
        var damaged = bytes
        damaged[40] ^= 0xFF
        #expect(throws: (any Error).self) { try TestZipReader(damaged) }
    }

    @Test(
        "DEFLATE round trip: what Deflate writes inflates back exactly, and sheet XML shrinks",
        arguments: ["empty", "sheet", "noise", "run", "far", "pieces"])
    func deflate(kind: String) throws {
        var random = SplitMix64(seed: 1951)
        let input: [UInt8]
        switch kind {
        case "empty": input = []
        case "sheet":
            input = Array((1...3_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>江桥镇#\($0 % 17)</t></is></c><c r=\"B\($0)\"><v>\($0 * 37)</v></c></row>" }.joined().utf8)
        case "noise": input = (0..<50_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case "run": input = [UInt8](repeating: 0x61, count: 100_000) + Array("三所联动".utf8)  // overlapping matches at distance 1
        default:
            // A phrase repeated past the 32 KiB window, with noise between: matches near the window's edge.
            let phrase = Array("“四百”大走访在斜土路街道全面铺开".utf8)
            input = (0..<12).flatMap { _ in phrase + (0..<30_000).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        }
        if kind == "pieces" {
            // Pieces of one stream: the second refers back into the first.
            let piece = Array((1...100).map { "<row r=\"\($0)\"><c t=\"inlineStr\"><is><t>斜土路街道\($0 * 7919 % 1000)</t></is></c></row>" }.joined().utf8)  // under the 32 KiB window
            var stream = Deflate.Stream()
            let first = stream.write(piece)
            let second = stream.write(piece)
            let out = first + second + stream.write([]) + stream.finish()
            #expect(try TestInflater.inflate(out) == piece + piece)
            #expect(second.count * 5 < first.count, "\(second.count) after \(first.count)")
            return
        }
        let compressed = Deflate.compress(input)
        #expect(try TestInflater.inflate(compressed) == input)
        if kind == "sheet" { #expect(compressed.count * 4 < input.count, "\(compressed.count) of \(input.count)") }
    }

    @Test("Python's zipfile tests our ZIP and lists the UTF-8 names (skipped without python3)")
    func zipReadByPython() throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else { return }
        let path = NSTemporaryDirectory() + "bulletin-zip-\(UUID().uuidString).zip"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (bytes, _) = try sampleZip()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (status, output) = try run(python, ["-m", "zipfile", "-t", path])
        #expect(status == 0, "\(output)")
        let (listed, names) = try run(python, ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path])
        #expect(listed == 0)
        #expect(names.contains("纪要/江桥镇.txt"), "\(names)")
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let article: Article = {
        let text = """
            @马桥居民 议事会把“三所联动”搬进楼道
            12月8日，江桥镇召开第四季度信访工作联席会议，推行“三所联动”，全年化解纠纷1326件，调解成功率98.5%。
            """
        var article = Article(
            bulletin: "2023-12-15_jiangqiao", source: "archive/2023-12-15_jiangqiao.txt", index: 2,
            title: "@马桥居民 议事会把“三所联动”搬进楼道", section: "平安建设", byline: ["王芳", "李强"],
            date: IssueDate(year: 2023, month: 12, day: 15), text: text)
        article = Corpus.tagger.tag([article])[0]
        return article
    }()

    /// What a cell reads as, in the CSV's words but without the CSV's formula guard.
    func expected(_ cell: CSVWriter.Cell) -> String {
        if case .text(let text) = cell { return text }
        return CSVWriter.field(cell)
    }

    @Test("the workbook's cells for a Chinese article equal its CSV rows, typed, with no formula guard")
    func cellsEqualCSV() throws {
        let path = NSTemporaryDirectory() + "bulletin-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let article = WorkbookTests.article
        let book = try WorkbookWriter(path: path)
        try book.beginSheet("articles", header: ArticleTables.articleColumns)
        try book.row(ArticleTables.articleRow(article))
        let mentions = ArticleTables.mentionRows(article)
        try book.beginSheet("mentions", header: ArticleTables.mentionColumns)
        for row in mentions { try book.row(row) }
        try book.commit()

        let archive = try TestZipReader(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            #expect(archive[part] != nil, "\(part)")
        }
        let workbook = String(decoding: archive["xl/workbook.xml"]!, as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"articles\"") && workbook.contains("<sheet name=\"mentions\""))

        let articles = try SheetCells(archive["xl/worksheets/sheet1.xml"]!)
        #expect(articles.frozen == "A2")
        #expect(articles.filter == "A1:Q2")
        #expect(articles.rows[0] == ArticleTables.articleColumns)
        let row = ArticleTables.articleRow(article)
        let csvRow = row.map(expected)
        #expect(articles.rows[1] + Array(repeating: "", count: csvRow.count - articles.rows[1].count) == csvRow)
        // No `'` before the title: a typed text cell is never run as a formula.
        #expect(articles.rows[1][ArticleTables.articleColumns.firstIndex(of: "title")!] == "@马桥居民 议事会把“三所联动”搬进楼道")
        // The date is a real date in the date style; its precision and parts are beside it.
        let sheet1 = String(decoding: archive["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(sheet1.contains("<c r=\"D2\" s=\"1\"><v>\(SpreadsheetDate.serial(year: 2023, month: 12, day: 15))</v></c>"))
        #expect(sheet1.contains("<c r=\"P2\" t=\"b\"><v>0</v></c>"))  // truncated: false

        let mentionCells = try SheetCells(archive["xl/worksheets/sheet2.xml"]!)
        #expect(mentionCells.rows.count == mentions.count + 1)
        #expect(mentions.count >= 6)  // 马桥, 江桥镇, 三所联动 twice, and the figures
        for (read, cells) in zip(mentionCells.rows.dropFirst(), mentions) {
            let csv = cells.map(expected)
            #expect(read + Array(repeating: "", count: csv.count - read.count) == csv)
        }
        // 1326 and 98.5 are numbers, not text.
        let sheet2 = String(decoding: archive["xl/worksheets/sheet2.xml"]!, as: UTF8.self)
        #expect(sheet2.contains("<v>1326</v>") && sheet2.contains("<v>98.5</v>"))
    }

    @Test("a table over the row limit is split into sheets named 1 of n …, each with the header")
    func split() throws {
        let path = NSTemporaryDirectory() + "bulletin-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mentions = ArticleTables.mentionRows(WorkbookTests.article)
        // 19 to 27 rows: three sheets of a header and up to 9 rows.
        let rows = (0..<(27 / mentions.count)).flatMap { _ in mentions }
        #expect(rows.count > 18 && rows.count <= 27)
        let book = try WorkbookWriter(path: path, rowLimit: 10)
        try book.beginSheet("articles", header: ArticleTables.articleColumns)
        try book.row(ArticleTables.articleRow(WorkbookTests.article))
        try book.beginSheet("mentions", header: ArticleTables.mentionColumns)
        for row in rows { try book.row(row) }
        try book.commit()
        #expect(book.sheetNames == ["articles", "mentions (1 of 3)", "mentions (2 of 3)", "mentions (3 of 3)"])

        let archive = try TestZipReader(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var read: [[String]] = []
        for n in 2...4 {
            let sheet = try SheetCells(archive["xl/worksheets/sheet\(n).xml"]!)
            #expect(sheet.rows.count <= 10)
            #expect(sheet.rows[0] == ArticleTables.mentionColumns)
            #expect(sheet.frozen == "A2")
            read += sheet.rows.dropFirst()
        }
        #expect(read.count == rows.count)
        for (got, cells) in zip(read, rows) {
            let csv = cells.map(expected)
            #expect(got + Array(repeating: "", count: csv.count - got.count) == csv)
        }
        let workbook = String(decoding: archive["xl/workbook.xml"]!, as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"mentions (3 of 3)\" sheetId=\"4\" r:id=\"rId4\"/>"))
    }

    @Test("a text past the 32,767 characters a cell holds is cut there, on a character boundary")
    func longText() throws {
        var sheet = WorksheetWriter(header: ["sentence"])
        let long = String(repeating: "江桥镇推行“三所联动”𠀀", count: 3_000)  // 𠀀 takes two UTF-16 units
        sheet.row([.text(long)])
        let cells = try SheetCells(sheet.xml())
        let kept = cells.rows[1][0]
        #expect(kept.utf16.count <= WorksheetWriter.cellTextLimit && kept.utf16.count > WorksheetWriter.cellTextLimit - 2)
        #expect(long.hasPrefix(kept))
    }

    @Test("rows streamed into the archive as they come read back the same; widths come from the first rows")
    func streamed() throws {
        let path = NSTemporaryDirectory() + "bulletin-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try WorkbookWriter(path: path, rowLimit: 40, pieceSize: 1, widthSampleRows: 5)
        try book.beginSheet("towns", header: ["town", "articles"])
        let towns = ["斜土路街道", "江桥镇", "五角场街道", "华新镇", "桃浦镇"]
        var rows: [[CSVWriter.Cell]] = []
        for n in 0..<60 {
            // After the first five rows a much longer name: the width stays that of the sample.
            let name = n < 5 ? towns[n] : towns[n % 5] + String(repeating: "新村", count: 8)
            rows.append([.text(name), .int(n * 7)])
            try book.row(rows[rows.count - 1])
        }
        try book.commit()
        #expect(book.sheetNames == ["towns (1 of 2)", "towns (2 of 2)"])
        let archive = try TestZipReader(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var read: [[String]] = []
        for n in 1...2 {
            let sheet = try SheetCells(archive["xl/worksheets/sheet\(n).xml"]!)
            #expect(sheet.rows[0] == ["town", "articles"])
            read += sheet.rows.dropFirst()
        }
        #expect(read == rows.map { $0.map(expected) })
        let first = String(decoding: archive["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(first.contains("<col min=\"1\" max=\"1\" width=\"12\" customWidth=\"1\"/>"))  // 五角场街道: 10, + 2
    }

    @Test("spreadsheet day numbers: 1900-03-01 is 61, 1970-01-01 is 25569, 2024-03-08 is 45359")
    func serials() {
        #expect(SpreadsheetDate.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(SpreadsheetDate.serial(year: 1970, month: 1, day: 1) == 25569)
        #expect(SpreadsheetDate.serial(year: 2024, month: 3, day: 8) == 45359)
        #expect(SpreadsheetDate.serial(year: 2024, month: 3, day: 1) - SpreadsheetDate.serial(year: 2024, month: 2, day: 28) == 2)
    }

    @Test("XML text: escaped, a CR kept as a reference, characters XML 1.0 forbids dropped")
    func xmlText() {
        #expect(XMLText.escaped("“三所联动”<试点>&\"甲\"") == "“三所联动”&lt;试点&gt;&amp;&quot;甲&quot;")
        #expect(XMLText.escaped("江桥\u{1}镇\u{FFFE}\u{FFFF}\t\n\r") == "江桥镇\t\n&#13;")
    }

    @Test("a run folder's workbook: the articles sheet equals articles.csv, an error names a missing file")
    func runFolder() throws {
        let folder = NSTemporaryDirectory() + "bulletin-export-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try OutputFolder(path: folder, bom: true, identity: "export test")
        let names = Array(Corpus.bulletinNames().prefix(3))
        for name in names {
            for article in Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles) {
                try output.write(article)
            }
        }
        try output.finish(runSummary: RunSummary(), lexicons: Corpus.lexicons)
        let sheets = try RunWorkbook.write(folder: folder, to: folder + "/run.xlsx", rowLimit: 50)
        #expect(sheets.first == "articles")
        #expect(sheets.contains("mentions (1 of \(sheets.filter { $0.hasPrefix("mentions") }.count))"))
        let archive = try TestZipReader(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/run.xlsx"))))
        let csv = readCSV(try String(contentsOfFile: folder + "/articles.csv", encoding: .utf8))
        let sheet = try SheetCells(archive["xl/worksheets/sheet1.xml"]!)
        #expect(sheet.rows.count == csv.count)
        for (got, want) in zip(sheet.rows, csv) {
            let unguarded = want.map { $0.hasPrefix("'") ? String($0.dropFirst()) : $0 }
            #expect(got + Array(repeating: "", count: want.count - got.count) == unguarded)
        }

        try FileManager.default.removeItem(atPath: folder + "/summary.json")
        #expect {
            try RunWorkbook.write(folder: folder, to: folder + "/again.xlsx")
        } throws: { error in
            "\(error)".hasPrefix(folder + "/summary.json: no such file")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/again.xlsx"))
    }
}
