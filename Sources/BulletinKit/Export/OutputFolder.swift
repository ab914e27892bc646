import Foundation

/// The files `bulletin run -o DIR` writes, fed article by article:
///
/// | file | what |
/// |---|---|
/// | `articles.jsonl` | one SPEC record per line |
/// | `articles.json` | the same records as one JSON array |
/// | `articles.csv` | one row per article |
/// | `mentions.csv` | one row per location, mechanism or figure mention |
/// | `town_mechanism.csv` | towns × mechanisms, article counts |
/// | `first_mentions.csv` | per town and mechanism: first/last date, bulletins, articles, first article |
/// | `summary.json` | towns × mechanisms with the article ids behind each cell |
/// | `manifest.json` | version, lexicons and inputs with SHA-256, counts |
///
/// Every file goes to a temporary name and is renamed into place only when the run completes.
public final class OutputFolder {
    public static let fileNames = [
        "articles.jsonl", "articles.json", "articles.csv", "mentions.csv", "town_mechanism.csv",
        "first_mentions.csv", "summary.json", "manifest.json",
    ]

    public let path: String
    private let bom: Bool
    private let jsonl: AtomicFile
    private let jsonArray: AtomicFile
    private let articlesCSV: AtomicFile
    private let mentionsCSV: AtomicFile
    private var summary = TownMechanismSummary()
    private var articleCount = 0

    /// Creates the folder if needed and opens the streamed files.
    /// - Throws: `OutputError` when the folder cannot be created or written.
    public init(path: String, bom: Bool) throws(OutputError) {
        self.path = path
        self.bom = bom
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: "cannot create the folder")
        }
        jsonl = try AtomicFile(path: path + "/articles.jsonl")
        jsonArray = try AtomicFile(path: path + "/articles.json")
        articlesCSV = try AtomicFile(path: path + "/articles.csv")
        mentionsCSV = try AtomicFile(path: path + "/mentions.csv")
        var header = CSVWriter(bom: bom)
        header.header(ArticleTables.articleColumns)
        try articlesCSV.write(header.output)
        header = CSVWriter(bom: bom)
        header.header(ArticleTables.mentionColumns)
        try mentionsCSV.write(header.output)
        try jsonArray.write("[")
    }

    public func write(_ article: Article) throws(OutputError) {
        let record = ArticleRecord.json(article)
        try jsonl.write(record + "\n")
        try jsonArray.write((articleCount == 0 ? "\n" : ",\n") + record)
        var csv = CSVWriter(bom: false)
        csv.row(ArticleTables.articleRow(article))
        try articlesCSV.write(csv.drain())
        for row in ArticleTables.mentionRows(article) { csv.row(row) }
        try mentionsCSV.write(csv.drain())
        summary.add(article)
        articleCount += 1
    }

    /// Writes the summary tables and the manifest, and renames every file into place.
    public func finish(runSummary: BatchRunner.Summary, lexicons: Lexicons) throws(OutputError) {
        try jsonArray.write(articleCount == 0 ? "]\n" : "\n]\n")
        let whole = summary.files(bom: bom) + [("manifest.json", Manifest.json(summary: runSummary, lexicons: lexicons))]
        var files: [AtomicFile] = [jsonl, jsonArray, articlesCSV, mentionsCSV]
        for (name, contents) in whole {
            let file = try AtomicFile(path: path + "/" + name)
            try file.write(contents)
            files.append(file)
        }
        for file in files { try file.commit() }
    }

    /// Writes whole files into `folder` (created if needed), each atomically: all of them appear,
    /// or, when one cannot be written, none of those not yet renamed.
    public static func writeWhole(_ files: [(name: String, contents: String)], into folder: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: folder, reason: "cannot create the folder")
        }
        var opened: [AtomicFile] = []
        for (name, contents) in files {
            let file = try AtomicFile(path: folder + "/" + name)
            opened.append(file)
            try file.write(contents)
        }
        for file in opened { try file.commit() }
    }

    /// Gives up: no file of this run appears.
    public func discard() {
        for file in [jsonl, jsonArray, articlesCSV, mentionsCSV] { file.discard() }
    }
}
