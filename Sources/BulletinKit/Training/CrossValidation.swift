import Foundation

/// Cross-validated scores: each bulletin's ingestion scored by a model that never saw it (leave
/// one bulletin out, or folds), summed by layout family and overall. `bulletin train
/// --cross-validate` prints `table`.
public struct CrossValidation: Sendable {
    /// Each bulletin's name and layout family, in order.
    public let examples: [(name: String, family: String)]
    /// Each bulletin's score, in the same order.
    public let scores: [IngestEvaluation]
    /// Gold role against decoded role, over every paragraph block.
    public var confusion = RoleConfusion(gold: [], decoded: [])

    public init(examples: [(name: String, family: String)], scores: [IngestEvaluation]) {
        self.examples = examples
        self.scores = scores
    }

    /// The scores of one family, or of all bulletins (`nil`).
    public func total(family: String? = nil) -> IngestEvaluation {
        var sum = IngestEvaluation()
        for (example, score) in zip(examples, scores) where family == nil || example.family == family {
            sum.merge(score)
        }
        return sum
    }

    public var families: [String] { Array(Set(examples.map(\.family))).sorted() }

    /// One row per family and one for all: bulletins, gold and found articles, boundary P/R/F1,
    /// titles exactly right among matched articles.
    public var table: String {
        func row(_ name: String, _ e: IngestEvaluation, bulletins: Int) -> String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            return name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: "%9d %6d %6d", bulletins, e.gold, e.predicted)
                + "  \(f(e.precision))  \(f(e.recall))  \(f(e.f1))   \(f(e.accuracy("title")))"
        }
        var lines = ["family    bulletins   gold  found  P      R      F1      titles"]
        for family in families {
            lines.append(row(family, total(family: family), bulletins: examples.filter { $0.family == family }.count))
        }
        lines.append(row("all", total(), bulletins: examples.count))
        return lines.joined(separator: "\n")
    }
}
