/// Scores mechanism tagging against gold: precision and recall of the mechanisms each article is
/// tagged with (by canonical name), articles paired as in `IngestEvaluation`.
public struct MechanismEvaluation: Sendable, CustomStringConvertible {
    public private(set) var truePositives = 0
    public private(set) var predicted = 0
    public private(set) var gold = 0
    public private(set) var misses: [String] = []

    public init() {}

    public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }

    public mutating func add(predicted articles: [Article], gold bulletin: GoldBulletin) {
        for (expected, article) in GoldPairing.pairs(articles, bulletin) {
            guard let goldNames = expected.mechanisms else { continue }
            let names = Set(article.mechanisms.map(\.name))
            let expectedNames = Set(goldNames)
            truePositives += names.intersection(expectedNames).count
            predicted += names.count
            gold += expectedNames.count
            for name in names.subtracting(expectedNames).sorted() {
                let surfaces = article.mechanisms.first { $0.name == name }?.mentions.map(\.surface) ?? []
                misses.append("\(article.id): extra \(name) \(surfaces)")
            }
            for name in expectedNames.subtracting(names).sorted() { misses.append("\(article.id): missed \(name)") }
        }
    }

    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "mechanisms P \(f(precision)) R \(f(recall)) (gold \(gold), found \(predicted))"
    }
}

import Foundation
