import BulletinKit

/// `--attribution passage|article` and `--kind K,…|all`, shared by run, summarize, query and report.
extension TownCredit {
    /// What `--attribution` takes: passage, article.
    static let names = allCases.map(\.rawValue)

    static func parse(_ text: String?) throws(UsageError) -> TownCredit {
        guard let text else { return .passage }
        guard let credit = TownCredit(rawValue: text) else {
            throw UsageError("--attribution takes passage or article, not '\(text)'")
        }
        return credit
    }
}

extension MechanismKind {
    /// What `--kind` takes in query and report: each kind (a comma-separated list of them) or all.
    static let selectionNames = allCases.map(\.rawValue) + ["all"]

    /// The kinds `--kind` selects: `mechanism,campaign` by default, `all` for every kind.
    static func parseSelection(_ text: String?) throws(UsageError) -> Set<MechanismKind> {
        guard let text else { return Set(allCases.filter(\.isShownByDefault)) }
        if text == "all" { return Set(allCases) }
        var kinds = Set<MechanismKind>()
        for name in text.split(separator: ",") {
            guard let kind = MechanismKind(rawValue: String(name)) else {
                throw UsageError("--kind takes all or a list of \(allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
            }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { throw UsageError("--kind needs at least one kind, or all") }
        return kinds
    }
}
