/// The role of one block of a bulletin (a repaired paragraph, or a line of layout furniture) in
/// its article, as the layout model decides it for the whole bulletin at once.
///
/// ```
/// 石港镇聚焦群众“关键小事”——        kicker
/// 网格连民心 服务零距离              title
/// 本报讯 记者 周静 通讯员 陆海燕      dateline
/// “楼道里的灯坏了好些天，…”          lead
/// ▲ 网格员上门走访独居老人            caption
/// 织密一张网                          subheading
/// 今年以来，石港镇把网格作为…          body
/// ·周静 陆海燕·                       byline
/// 22日，石港镇新时代文明实践所…        brief
/// ```
public enum BlockRole: Int, Sendable, CaseIterable, Equatable {
    /// Masthead, publisher credit, page header, contents, editor line: dropped.
    case masthead
    /// The line above a title (`…——`, or a plain first line of a stack).
    case kicker
    case title
    /// The line below a title (`——…纪实`, `（…）`).
    case deck
    /// A credit line under the title: `本报讯 记者 王某 通讯员 李某`, `■ 本报记者 …`.
    case dateline
    /// The first body paragraph under a title.
    case lead
    /// A paragraph that starts an article of its own without a title (a brief, a fragment).
    case brief
    case body
    case subheading
    /// A photo caption between or around paragraphs: dropped, counted in the record.
    case caption
    /// A title printed after its article's body.
    case lateTitle
    // Furniture the line classifier recognises: fixed, never chosen by the model.
    case section
    case byline
    case markerForward
    case markerBackward
    case endMark

    /// The roles the model chooses among for a paragraph block.
    public static let paragraphRoles: [BlockRole] = [
        .masthead, .kicker, .title, .deck, .dateline, .lead, .brief, .body, .subheading, .caption, .lateTitle,
    ]

    /// The roles a turn of an interview (`问：…`, `答：…`, `记者：…`) may take: text, never a
    /// heading, whatever its length or its question mark.
    public static let turnRoles: [BlockRole] = [.lead, .brief, .body]

    /// The name used in `layout-weights.tsv` and in `bulletin split`.
    public var name: String {
        switch self {
        case .masthead: "masthead"
        case .kicker: "kicker"
        case .title: "title"
        case .deck: "deck"
        case .dateline: "dateline"
        case .lead: "lead"
        case .brief: "brief"
        case .body: "body"
        case .subheading: "subheading"
        case .caption: "caption"
        case .lateTitle: "late-title"
        case .section: "section"
        case .byline: "byline"
        case .markerForward: "marker-forward"
        case .markerBackward: "marker-backward"
        case .endMark: "end-mark"
        }
    }

    public init?(name: String) {
        guard let role = BlockRole.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }

    /// The fixed role of a furniture block (section marker, byline, marker), nil for a paragraph.
    init?(furniture block: Block) {
        switch block {
        case .paragraph: return nil
        case .section: self = .section
        case .byline: self = .byline
        case .continuedForward: self = .markerForward
        case .continuedBackward: self = .markerBackward
        case .endMark: self = .endMark
        }
    }
}
