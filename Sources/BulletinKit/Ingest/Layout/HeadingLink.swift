/// How a block stands to the heading-shaped paragraph before it, for the layout model's
/// agreement weights: headings set alike are read alike. Three town headings of one report
/// (`漆桥街道：…`, `砖墙镇：…`, `东坝街道：…`) are all subheadings or all titles, and the model
/// decides them together — the role of the last heading is part of the decoder's state.
enum HeadingLink: UInt8, Sendable {
    /// Not a heading-shaped paragraph (text, or furniture): the last heading stays the last.
    case none
    /// A heading-shaped paragraph not set like the last one.
    case heading
    /// A heading-shaped paragraph set like the last one (`HeadingShape.isParallel`, or numbered
    /// the same way).
    case parallel

    /// What the agreement weights remember of a heading's role: read as a title (or its kicker,
    /// deck, a title after its body), as a subheading, or as anything else.
    static let classCount = 3

    static func headingClass(_ role: BlockRole) -> Int {
        switch role {
        case .title, .kicker, .deck, .lateTitle: return 1
        case .subheading: return 2
        default: return 0
        }
    }

    /// `agree:title` …, the feature names of the weights file, by class.
    static let classNames = ["agree:other", "agree:title", "agree:subheading"]
}
