/// What ingestion decided a line of a bulletin is. `bulletin split FILE` prints one per line.
public enum LineRole: String, Sendable, Equatable {
    case blank
    /// Masthead, QR-code blurb, English banner, page or issue line, imprint: dropped.
    case masthead
    /// A photo caption (`▲ …`, `图为…`, `(摄影 张伟)`): dropped.
    case caption
    /// `【网格治理】`: sets the section of the articles under it.
    case section
    case title
    /// The kicker above or the deck below a title.
    case subtitle
    case subheading
    case body
    /// The rest of a paragraph that a page or column break cut (`…为契` / `机，将…`).
    case joined
    /// `·陈家豪 陈静·`, `(自治办)`: closes an article.
    case byline
    /// `>>> 下接 2 版`, `（上接第1版）`, `（完）`.
    case marker
    /// A title printed after its article's body.
    case lateTitle = "title (after body)"
}
