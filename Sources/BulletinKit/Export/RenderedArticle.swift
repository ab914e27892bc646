/// An article already turned into the bytes the outputs take: its JSON record, its rows of
/// `articles.csv` and `mentions.csv`, and what the summary needs. Rendering is most of the cost
/// of writing, so the batch runner's workers render in parallel and the one writer only appends.
public struct RenderedArticle: Sendable {
    /// The SPEC record, one line without its newline.
    public var record: String
    /// The article's row of `articles.csv` and its rows of `mentions.csv` (empty for JSON Lines
    /// output alone).
    public var articleRow: String
    public var mentionRows: String
    public var report: TownMechanismSummary.Report?

    /// The record alone, for JSON Lines on standard output.
    public static func record(_ article: Article) -> RenderedArticle {
        RenderedArticle(record: ArticleRecord.json(article), articleRow: "", mentionRows: "", report: nil)
    }

    /// Everything an output folder writes of the article.
    public static func full(_ article: Article) -> RenderedArticle {
        var csv = CSVWriter(bom: false)
        csv.row(ArticleTables.articleRow(article))
        let articleRow = csv.drain()
        for row in ArticleTables.mentionRows(article) { csv.row(row) }
        return RenderedArticle(
            record: ArticleRecord.json(article), articleRow: articleRow, mentionRows: csv.drain(),
            report: TownMechanismSummary.Report(article))
    }
}
