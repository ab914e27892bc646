/// Scores location tagging against gold, article by article: precision and recall of the towns,
/// districts and communities named, and how often a matched town sits under the gold district
/// (the hierarchy check) and a matched community under the gold town.
///
/// Articles are paired with their gold by `IngestEvaluation`'s rule (same body start and end), so
/// an ingestion miss does not count against tagging.
public struct LocationEvaluation: Sendable, CustomStringConvertible {
    public struct Score: Sendable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0
        public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }

        mutating func add(predicted p: Set<String>, gold g: Set<String>) {
            truePositives += p.intersection(g).count
            predicted += p.count
            gold += g.count
        }
    }

    public private(set) var towns = Score()
    public private(set) var districts = Score()
    public private(set) var communities = Score()
    public private(set) var townHierarchyRight = 0
    public private(set) var townHierarchyChecked = 0
    public private(set) var communityTownRight = 0
    public private(set) var communityTownChecked = 0
    public private(set) var misses: [String] = []

    public init() {}

    public var hierarchyAccuracy: Double {
        townHierarchyChecked == 0 ? 1 : Double(townHierarchyRight) / Double(townHierarchyChecked)
    }
    public var communityTownAccuracy: Double {
        communityTownChecked == 0 ? 1 : Double(communityTownRight) / Double(communityTownChecked)
    }

    public mutating func add(predicted articles: [Article], gold: GoldBulletin) {
        for (expected, article) in GoldPairing.pairs(articles, gold) {
            guard let goldTowns = expected.towns, let goldDistricts = expected.districts,
                let goldCommunities = expected.communities
            else { continue }
            let label = "\(article.id)"
            func names(_ level: AdminLevel) -> Set<String> {
                Set(article.locations.filter { $0.level == level }.map(\.name))
            }
            let predictedTowns = names(.town)
            let predictedDistricts = names(.district)
            let predictedCommunities = names(.community)
            towns.add(predicted: predictedTowns, gold: Set(goldTowns.map(\.name)))
            districts.add(predicted: predictedDistricts, gold: Set(goldDistricts))
            communities.add(predicted: predictedCommunities, gold: Set(goldCommunities.map(\.name)))
            report("town", predictedTowns, Set(goldTowns.map(\.name)), label)
            report("district", predictedDistricts, Set(goldDistricts), label)
            report("community", predictedCommunities, Set(goldCommunities.map(\.name)), label)
            for town in goldTowns {
                guard let location = article.locations.first(where: { $0.level == .town && $0.name == town.name })
                else { continue }
                townHierarchyChecked += 1
                if location.district == town.district && !location.ambiguous {
                    townHierarchyRight += 1
                } else {
                    misses.append("\(label): \(town.name) under \(location.district ?? "nil")\(location.ambiguous ? " (ambiguous)" : ""), gold \(town.district)")
                }
            }
            for community in goldCommunities {
                guard let location = article.locations.first(where: { $0.level == .community && $0.name == community.name })
                else { continue }
                communityTownChecked += 1
                if location.town == community.town {
                    communityTownRight += 1
                } else {
                    misses.append("\(label): community \(community.name) under \(location.town ?? "nil"), gold \(community.town ?? "nil")")
                }
            }
        }
    }

    private mutating func report(_ kind: String, _ predicted: Set<String>, _ gold: Set<String>, _ label: String) {
        for name in predicted.subtracting(gold).sorted() { misses.append("\(label): extra \(kind) \(name)") }
        for name in gold.subtracting(predicted).sorted() { misses.append("\(label): missed \(kind) \(name)") }
    }

    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "towns P \(f(towns.precision)) R \(f(towns.recall)) (gold \(towns.gold)); "
            + "districts P \(f(districts.precision)) R \(f(districts.recall)) (gold \(districts.gold)); "
            + "communities P \(f(communities.precision)) R \(f(communities.recall)) (gold \(communities.gold)); "
            + "town hierarchy \(f(hierarchyAccuracy)); community town \(f(communityTownAccuracy))"
    }
}

import Foundation
