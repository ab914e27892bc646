/// Scores figures against gold: precision and recall of (value, unit) pairs per article, counted
/// as multisets, and how often a matched figure's kind and approximation are right.
public struct FigureEvaluation: Sendable, CustomStringConvertible {
    public private(set) var truePositives = 0
    public private(set) var predicted = 0
    public private(set) var gold = 0
    public private(set) var kindRight = 0
    public private(set) var approxRight = 0
    public private(set) var misses: [String] = []

    public init() {}

    public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
    public var kindAccuracy: Double { truePositives == 0 ? 1 : Double(kindRight) / Double(truePositives) }
    public var approxAccuracy: Double { truePositives == 0 ? 1 : Double(approxRight) / Double(truePositives) }

    static func key(_ value: String, _ unit: String?) -> String { value + "|" + (unit ?? "") }

    static func valueString(_ value: Figure.Value) -> String {
        switch value {
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .text(let t): return t
        }
    }

    public mutating func add(predicted articles: [Article], gold bulletin: GoldBulletin) {
        for (expected, article) in GoldPairing.pairs(articles, bulletin) {
            guard let goldFigures = expected.figures else { continue }
            var remaining = goldFigures
            predicted += article.figures.count
            gold += goldFigures.count
            for figure in article.figures {
                let key = FigureEvaluation.key(FigureEvaluation.valueString(figure.value), figure.unit)
                if let index = remaining.firstIndex(where: { FigureEvaluation.key($0.value.description, $0.unit) == key }) {
                    truePositives += 1
                    if remaining[index].kind == figure.kind.rawValue { kindRight += 1 } else {
                        misses.append("\(article.id): \(figure.text) kind \(figure.kind.rawValue), gold \(remaining[index].kind)")
                    }
                    if remaining[index].approx == figure.approx { approxRight += 1 } else {
                        misses.append("\(article.id): \(figure.text) approx \(figure.approx), gold \(remaining[index].approx)")
                    }
                    remaining.remove(at: index)
                } else {
                    misses.append("\(article.id): extra figure \(figure.text) = \(key)")
                }
            }
            for figure in remaining {
                misses.append("\(article.id): missed figure \(figure.text) = \(FigureEvaluation.key(figure.value.description, figure.unit))")
            }
        }
    }

    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "figures P \(f(precision)) R \(f(recall)) (gold \(gold), found \(predicted)); kind \(f(kindAccuracy)); approx \(f(approxAccuracy))"
    }
}

import Foundation
