/// One article of a bulletin, as ingestion cut it: its title lines, byline, section,
/// subheadings and repaired text.
///
/// `text` is the title line first (when there is one), then the subtitle line, then each
/// paragraph and subheading, joined by `\n`; later stages report offsets into it, counted in
/// Unicode scalars.
public struct Article: Sendable, Equatable {
    public var bulletin: String
    public var source: String
    /// 1-based position in the bulletin.
    public var index: Int
    public var title: String?
    /// The other line of a two-line title: the kicker above (`…——`) or the deck below.
    public var subtitle: String?
    /// The text of the nearest `【…】` section marker above the article.
    public var section: String?
    public var byline: [String]
    public var subheadings: [String]
    /// Cut off mid-sentence, or continued on another page.
    public var truncated: Bool
    /// Where a continuation marker sends the reader (`>>> 下接 2 版` → `2版`).
    public var continued: String?
    /// Photo captions ingestion dropped from `text` in and around the article.
    public var captions = 0
    public var date: IssueDate?
    public var text: String
    /// Places the article mentions (filled by the tagging stage).
    public var locations: [Location] = []
    /// Governance mechanisms the article reports (filled by the tagging stage).
    public var mechanisms: [ArticleMechanism] = []
    /// The towns the article reports on, strongest first (filled by attribution).
    public var towns: [TownRef] = []
    /// Quantities the article reports (filled by the tagging stage).
    public var figures: [Figure] = []

    /// `bulletin#index`, the record's `id`.
    public var id: String { "\(bulletin)#\(index)" }

    public init(
        bulletin: String, source: String, index: Int, title: String? = nil,
        subtitle: String? = nil, section: String? = nil, byline: [String] = [],
        subheadings: [String] = [], truncated: Bool = false, continued: String? = nil,
        date: IssueDate? = nil, text: String
    ) {
        self.bulletin = bulletin
        self.source = source
        self.index = index
        self.title = title
        self.subtitle = subtitle
        self.section = section
        self.byline = byline
        self.subheadings = subheadings
        self.truncated = truncated
        self.continued = continued
        self.date = date
        self.text = text
    }

    /// The paragraphs after the title lines (subheadings included), as lines of `text`.
    public var bodyLines: [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if title != nil { lines = lines.dropFirst() }
        if subtitle != nil { lines = lines.dropFirst() }
        return Array(lines)
    }
}
