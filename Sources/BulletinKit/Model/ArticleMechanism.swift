/// A governance mechanism an article reports (SPEC `mechanisms`): the lexicon entry it is, every
/// mention of it in the article's `text`, and the towns credited with practising it. One per
/// mechanism per article, whatever form the text names it by.
///
/// ```swift
/// // “彭浦新村街道推动“三所联动”…” →
/// ArticleMechanism(id: "sansuo-liandong", name: "三所联动", category: "dispute-resolution",
///                  kind: .mechanism, mentions: [Mention(start: 9, end: 13, surface: "三所联动")])
/// ```
public struct ArticleMechanism: Sendable, Equatable {
    /// The lexicon entry's id (`sansuo-liandong`).
    public var id: String
    /// The entry's canonical name, whatever form the text used.
    public var name: String
    public var category: String
    public var kind: MechanismKind
    /// Every mention, in text order.
    public var mentions: [Mention]
    /// The towns practising it in this article (filled by attribution).
    public var towns: [PractisingTown]

    public init(
        id: String, name: String, category: String, kind: MechanismKind = .mechanism, mentions: [Mention],
        towns: [PractisingTown] = []
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.kind = kind
        self.mentions = mentions
        self.towns = towns
    }
}
