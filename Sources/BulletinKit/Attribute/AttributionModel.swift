import Foundation

/// The learned weights of attribution (`lexicons/attribution-weights.tsv`): two linear scorers
/// over named features. `subject` says whether an article reports on a town it names (or on the
/// bulletin's own town); `practice` whether a town practises a mechanism the article names.
/// A candidate is credited when its features sum above zero.
///
/// ```
/// task      feature         weight
/// subject   title           2.150
/// subject   visit:all      -1.900
/// practice  sentence:actor  1.300
/// ```
public struct AttributionModel: Sendable, Equatable {
    public enum Task: String, Sendable, CaseIterable {
        case subject
        case practice
    }

    /// Task → feature → weight.
    var weights: [Task: [String: Double]] = [:]

    public init() {}

    public func score(_ task: Task, _ features: [String]) -> Double {
        guard let table = weights[task] else { return 0 }
        var total = 0.0
        for feature in features { total += table[feature] ?? 0 }
        return total
    }

    /// The practice weights by base feature: its own weight and those of its crossings with a
    /// standing (`S|name`, `M|name`), found with one look-up. `score` gives exactly what
    /// `score(.practice, features.names)` gives: the same weights added in the same order.
    struct PracticeWeights: Sendable {
        struct Entry: Sendable {
            var plain = 0.0
            var subject = 0.0
            var mentioned = 0.0
        }
        /// By `PracticeFeature.rawValue`: a feature is an array read, not a `String` hashed.
        /// Weights of names the features no longer make are never read, as before.
        private var entries = [Entry](repeating: Entry(), count: PracticeFeature.allCases.count)

        init(_ model: AttributionModel) {
            for (name, weight) in model.weights[.practice] ?? [:] {
                // Split on bytes: `S|` followed by a combining mark is not the Character `|`.
                if name.hasPrefixBytes("S|") {
                    guard let feature = PracticeFeature.named(String(decoding: name.utf8.dropFirst(2), as: UTF8.self)) else { continue }
                    entries[feature.rawValue].subject = weight
                } else if name.hasPrefixBytes("M|") {
                    guard let feature = PracticeFeature.named(String(decoding: name.utf8.dropFirst(2), as: UTF8.self)) else { continue }
                    entries[feature.rawValue].mentioned = weight
                } else {
                    guard let feature = PracticeFeature.named(name) else { continue }
                    entries[feature.rawValue].plain = weight
                }
            }
        }

        func score(_ features: AttributionFeatures.Practice) -> Double {
            var total = 0.0
            for feature in features.base { total += entries[feature.rawValue].plain }
            for feature in features.base {
                total += features.isSubject ? entries[feature.rawValue].subject : entries[feature.rawValue].mentioned
            }
            return total
        }
    }

    public func weight(_ task: Task, _ feature: String) -> Double { weights[task]?[feature] ?? 0 }

    mutating func set(_ task: Task, _ feature: String, _ weight: Double) {
        weights[task, default: [:]][feature] = weight
    }

    /// - Throws: `LexiconError` naming the file and line of a bad row.
    public init(parsing text: String, file: String) throws(LexiconError) {
        var model = AttributionModel()
        try TSVTable.forEachRow(parsing: text, file: file, required: ["task", "feature", "weight"]) { row throws(LexiconError) in
            guard let task = Task(rawValue: row.value("task")) else {
                throw .malformedRow(
                    file: file, line: row.line,
                    message: "unknown task '\(row.value("task"))' (known: subject, practice)")
            }
            guard let weight = Double(row.value("weight")), weight.isFinite else {
                throw .malformedRow(file: file, line: row.line, message: "weight '\(row.value("weight"))' is not a number")
            }
            model.set(task, row.value("feature"), weight)
        }
        self = model
    }

    /// The weights as `attribution-weights.tsv`: by task, features sorted, three decimals, zeros
    /// left out, so the same training gives the same file.
    public func tsv(header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("task\tfeature\tweight")
        for task in Task.allCases {
            for (feature, weight) in (weights[task] ?? [:]).sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                let rounded = (weight * 1000).rounded() / 1000
                guard rounded != 0 else { continue }
                lines.append("\(task.rawValue)\t\(feature)\t\(String(format: "%.3f", rounded))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
