/// What ingestion decided a line of a bulletin is. `bulletin split FILE` prints one per line.
public enum LineRole: String, Sendable, Equatable {
    case blank
    /// Masthead, QR-code blurb, English banner, page or issue line, imprint, publisher credit:
    /// dropped.
    case masthead
    /// A photo caption (`▲ …`, `图为…`, `(摄影 张伟)`, `“睦邻课堂”活动现场`): dropped.
    case caption
    /// `【网格治理】`: sets the section of the articles under it.
    case section
    /// The line above a title.
    case kicker
    case title
    /// The line below a title.
    case deck
    /// `本报讯 记者 王某 通讯员 李某` under a title: the article's byline, dropped from its text.
    case dateline
    /// The first paragraph under a title.
    case lead
    /// A paragraph that starts a title-less article of its own.
    case brief
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

    init(_ role: BlockRole) {
        switch role {
        case .masthead: self = .masthead
        case .kicker: self = .kicker
        case .title: self = .title
        case .deck: self = .deck
        case .dateline: self = .dateline
        case .lead: self = .lead
        case .brief: self = .brief
        case .body: self = .body
        case .subheading: self = .subheading
        case .caption: self = .caption
        case .lateTitle: self = .lateTitle
        case .section: self = .section
        case .byline: self = .byline
        case .markerForward, .markerBackward, .endMark: self = .marker
        }
    }

    /// Lines that are in no article's text.
    public var isDropped: Bool {
        switch self {
        case .masthead, .caption, .section, .byline, .marker, .dateline: true
        default: false
        }
    }
}
