/// The pinned JSON record of one article (SPEC "The article record"), written with a fixed key
/// order. Tagging fields (`locations`, `mechanisms`, `figures`) are empty arrays until the tagger
/// stage fills them.
public enum ArticleRecord {
    /// One record as a single line of JSON (no trailing newline).
    public static func json(_ article: Article) -> String {
        var json = JSONWriter()
        json.object { o in
            o.key("id"); o.string(article.id)
            o.key("bulletin"); o.string(article.bulletin)
            o.key("source"); o.string(article.source)
            o.key("index"); o.int(article.index)
            o.key("title"); o.optionalString(article.title)
            o.key("subtitle"); o.optionalString(article.subtitle)
            o.key("section"); o.optionalString(article.section)
            o.key("byline"); o.stringArray(article.byline)
            o.key("subheadings"); o.stringArray(article.subheadings)
            o.key("truncated"); o.bool(article.truncated)
            o.key("continued"); o.optionalString(article.continued)
            o.key("date"); o.optionalString(article.date?.description)
            o.key("text"); o.string(article.text)
            o.key("locations"); o.array { _ in }
            o.key("mechanisms"); o.array { _ in }
            o.key("figures"); o.array { _ in }
        }
        return json.output
    }
}
