import Foundation

/// `bulletin export DIR --xlsx FILE`: one workbook from a finished run folder, with a sheet for
/// each table — `articles`, `mentions`, `town_mechanism`, `first_mentions` — holding the same
/// rows as the folder's CSV files (built by the same `ArticleTables` and summary code from the
/// folder's `articles.jsonl` and `summary.json`), typed as `WorksheetWriter` says.
///
/// ```swift
/// try RunWorkbook.write(folder: "out", to: "out/bulletin.xlsx")
/// // sheets: articles, mentions, town_mechanism, first_mentions
/// ```
public enum RunWorkbook {
    /// The sheets, in order, each named like the CSV file it mirrors.
    public static let sheetNames = ["articles", "mentions", "town_mechanism", "first_mentions"]

    /// What went wrong: a file of the run that could not be read (exit status 1), or the
    /// workbook that could not be written (exit status 3).
    public enum Failure: Error, CustomStringConvertible {
        case input(path: String, line: Int?, reason: String)
        case output(OutputError)

        public var description: String {
            switch self {
            case .input(let path, let line, let reason): return path + (line.map { ":\($0)" } ?? "") + ": " + reason
            case .output(let error): return error.description
            }
        }
    }

    /// Reads `folder`'s `articles.jsonl` (twice: once for the articles, once for the mentions,
    /// so records never pile up in memory) and `summary.json`, and writes the workbook to `path`
    /// atomically. `rowLimit` is the most rows a sheet holds (tests split at a few).
    /// - Returns: the names of the sheets written.
    @discardableResult
    public static func write(folder: String, to path: String, rowLimit: Int = WorkbookWriter.excelRowLimit) throws(Failure) -> [String] {
        let records = folder + "/articles.jsonl"
        let summaryPath = folder + "/summary.json"
        for required in [records, summaryPath] where !FileManager.default.fileExists(atPath: required) {
            throw .input(path: required, line: nil, reason: "no such file: is \(folder) the folder of a finished 'bulletin run -o'?")
        }
        let book: WorkbookWriter
        do {
            book = try WorkbookWriter(path: path, rowLimit: rowLimit)
        } catch {
            throw .output(error)
        }
        do {
            var dates: [String: String] = [:]
            try book.beginSheet("articles", header: ArticleTables.articleColumns)
            try forEachArticle(in: records) { (article: Article) throws(OutputError) in
                if let date = article.date { dates[article.id] = date.description }
                try book.row(ArticleTables.articleRow(article))
            }
            try book.beginSheet("mentions", header: ArticleTables.mentionColumns)
            try forEachArticle(in: records) { (article: Article) throws(OutputError) in
                for row in ArticleTables.mentionRows(article) { try book.row(row) }
            }
            // The article ids behind the cells spill to a temporary folder as they grow, as in a run.
            let spill = NSTemporaryDirectory() + "bulletin-export-\(getpid())-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: spill) }
            let summary = try readSummary(summaryPath, dates: dates, spillFolder: spill)
            for table in TownMechanismSummary.fileNames where table.hasSuffix(".csv") {
                var first = true
                try summary.forEachRow(of: table) { (cells: [CSVWriter.Cell]) throws(OutputError) in
                    if first {
                        first = false
                        try book.beginSheet(String(table.dropLast(4)), header: cells.map { CSVWriter.field($0) })
                    } else {
                        try book.row(cells)
                    }
                }
            }
            try book.commit()
            return book.sheetNames
        } catch let failure as Failure {
            book.discard()
            throw failure
        } catch let error as OutputError {
            book.discard()
            throw .output(error)
        } catch {
            book.discard()
            throw .input(path: records, line: nil, reason: "\(error)")
        }
    }

    /// Each record of an `articles.jsonl` as an article; a line that is not one is an error
    /// naming the file and line.
    private static func forEachArticle(in path: String, _ body: (Article) throws(OutputError) -> Void) throws {
        try LineReader.forEachLine(of: path) { number, line in
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
            let record: ArticleRecord
            do {
                record = try ArticleRecord.decode(line)
            } catch {
                throw Failure.input(path: path, line: number, reason: "not an article record (\(error))")
            }
            try body(Article(record: record))
        }
    }

    private static func readSummary(_ path: String, dates: [String: String], spillFolder: String) throws -> TownMechanismSummary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.input(path: path, line: nil, reason: "cannot read")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let summary = try TownMechanismSummary(summary: object, dates: dates, spillFolder: spillFolder)
        else {
            throw Failure.input(path: path, line: nil, reason: "not a summary written by 'bulletin run' (a JSON object with towns)")
        }
        return summary
    }
}
