/// Which bulletins cross-validation holds out together: each bulletin alone (leave one out), or
/// `k` folds dealt family by family, so every fold holds each layout family in proportion and
/// each model is trained on the other `k − 1` folds.
///
/// ```swift
/// Folds.dealt(3, families: ["jianbao", "web", "jianbao", "web", "jianbao"]).groups
/// // [[0, 1], [2, 3], [4]]
/// ```
///
/// Leave one out trains as many models as there are bulletins; `k` folds train `k`, each on a
/// little less of the corpus, so its scores sit a little below.
public struct Folds: Sendable, Equatable {
    /// The indices of the bulletins held out together, fold by fold, each fold ascending.
    public let groups: [[Int]]

    /// Every bulletin its own fold.
    public static func leaveOneOut(count: Int) -> Folds {
        Folds(groups: (0..<count).map { [$0] })
    }

    /// `k` folds (at most one per bulletin): the bulletins of each family, in order, dealt in
    /// turn, the deal going on from family to family where the last one stopped.
    public static func dealt(_ k: Int, families: [String]) -> Folds {
        let count = min(max(k, 1), families.count)
        guard count > 0 else { return Folds(groups: []) }
        var groups = Array(repeating: [Int](), count: count)
        var next = 0
        for family in Array(Set(families)).sorted() {
            for index in families.indices where families[index] == family {
                groups[next].append(index)
                next = (next + 1) % count
            }
        }
        return Folds(groups: groups.map { $0.sorted() })
    }

    /// Leave one out when `k` is nil, otherwise `k` dealt folds.
    public static func make(_ k: Int?, families: [String]) -> Folds {
        k.map { dealt($0, families: families) } ?? leaveOneOut(count: families.count)
    }

    /// The items of every other fold, in order: what the model held out of `fold` trains on.
    func outside<Item>(_ fold: Int, of items: [Item]) -> [Item] {
        let heldOut = Set(groups[fold])
        return items.indices.filter { !heldOut.contains($0) }.map { items[$0] }
    }

    /// How the folds are named in a table's heading.
    public var name: String {
        groups.allSatisfy { $0.count == 1 } ? "leave-one-bulletin-out" : "\(groups.count)-fold (dealt by family)"
    }
}
