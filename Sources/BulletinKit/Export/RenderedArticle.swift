/// An article already turned into the bytes the outputs take: its JSON record, its rows of
/// `articles.csv` and `mentions.csv`, and what the summary needs. Rendering is most of the cost
/// of writing, so the batch runner's workers render in parallel and the one writer only appends.
public struct RenderedArticle: Sendable {
    /// The SPEC record, one line without its newline, as UTF-8 (kept as bytes: they go to files
    /// as bytes, and a `String` of them would be validated once more for nothing).
    public var record: [UInt8]
    /// The article's row of `articles.csv` and its rows of `mentions.csv` (empty for JSON Lines
    /// output alone).
    public var articleRow: [UInt8]
    public var mentionRows: [UInt8]
    public var report: TownMechanismSummary.Report?

    /// The record alone, for JSON Lines on standard output.
    public static func record(_ article: Article) -> RenderedArticle {
        RenderedArticle(record: ArticleRecord.bytes(article), articleRow: [], mentionRows: [], report: nil)
    }

    /// Everything an output folder writes of the article.
    public static func full(_ article: Article, credit: TownCredit = .passage) -> RenderedArticle {
        var csv = CSVWriter(bom: false)
        csv.row(ArticleTables.articleRow(article))
        let articleRow = csv.drainBytes()
        ArticleTables.writeMentionRows(article, to: &csv)
        return RenderedArticle(
            record: ArticleRecord.bytes(article), articleRow: articleRow, mentionRows: csv.drainBytes(),
            report: TownMechanismSummary.Report(article, credit: credit))
    }
}
