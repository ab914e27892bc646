/// Which towns a mechanism is counted for in the town × mechanism tables, `query` and `report`
/// (`--attribution`).
public enum TownCredit: String, Sendable, Equatable, CaseIterable {
    /// The towns attribution credits with practising it (the mechanism's `towns`).
    case passage
    /// Every town the article names, whatever it does there (the rule before attribution).
    case article
}
