/// Scores attribution against gold: precision and recall of (article, town, mechanism) triples —
/// the pairs an editor's table counts — and of each article's subject towns, with the bulletin's
/// own town right or wrong. Articles are paired as in `IngestEvaluation`; a triple of a gold
/// article ingestion did not find is missed, one of an article it made up is wrong.
///
/// `article` scores today's rule for comparison: every town an article names practises every
/// mechanism it names.
public struct AttributionEvaluation: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0

        public var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        mutating func add(predicted p: Set<String>, gold g: Set<String>) {
            truePositives += p.intersection(g).count
            predicted += p.count
            gold += g.count
        }

        mutating func merge(_ other: Counts) {
            truePositives += other.truePositives
            predicted += other.predicted
            gold += other.gold
        }

        public var line: String {
            String(format: "P %.3f R %.3f F1 %.3f (gold %d, found %d)", precision, recall, f1, gold, predicted)
        }
    }

    public var triples = Counts()
    /// The same over the mechanisms tagging found: attribution's own share of the misses.
    public var triplesOfTagged = Counts()
    public var subjects = Counts()
    /// Today's rule on the same articles: all named towns × all mechanisms.
    public var articleRule = Counts()
    public var homeTowns = (right: 0, total: 0)
    public var misses: [String] = []

    public init() {}

    public mutating func add(predicted articles: [Article], home: TownRef?, gold: GoldBulletin, attribution: GoldAttribution) {
        homeTowns.total += 1
        if home?.name == attribution.homeTown { homeTowns.right += 1 } else {
            misses.append("\(gold.bulletin): home town \(home?.name ?? "none"), gold \(attribution.homeTown ?? "none")")
        }
        var goldByIndex: [Int: GoldAttribution.Article] = [:]
        for article in attribution.articles { goldByIndex[article.index] = article }
        let pairs = GoldPairing.indexedPairs(articles, gold)
        var pairedArticles = Set<Int>()
        var pairedGold = Set<Int>()
        for (goldIndex, articleIndex) in pairs {
            pairedArticles.insert(articleIndex)
            pairedGold.insert(goldIndex)
            guard let expected = goldByIndex[goldIndex + 1] else { continue }
            let article = articles[articleIndex]
            let found = AttributionEvaluation.triples(article)
            let wanted = AttributionEvaluation.triples(expected)
            triples.add(predicted: found, gold: wanted)
            let tagged = Set(article.mechanisms.map(\.name))
            triplesOfTagged.add(predicted: found, gold: wanted.filter { tagged.contains(String($0.split(separator: " × ").last ?? "")) })
            articleRule.add(predicted: AttributionEvaluation.articleRuleTriples(article), gold: wanted)
            subjects.add(predicted: Set(article.towns.map(\.name)), gold: Set(expected.subjectTowns))
            for t in found.subtracting(wanted).sorted() { misses.append("\(article.id): extra \(t)") }
            for t in wanted.subtracting(found).sorted() { misses.append("\(article.id): missed \(t)") }
            let subjectNames = article.towns.map(\.name)
            if Set(subjectNames) != Set(expected.subjectTowns) {
                misses.append("\(article.id): subjects \(subjectNames), gold \(expected.subjectTowns)")
            }
        }
        for (index, expected) in attribution.articles.enumerated() where !pairedGold.contains(index) {
            let wanted = AttributionEvaluation.triples(expected)
            triples.add(predicted: [], gold: wanted)
            articleRule.add(predicted: [], gold: wanted)
            subjects.add(predicted: [], gold: Set(expected.subjectTowns))
        }
        for (index, article) in articles.enumerated() where !pairedArticles.contains(index) {
            triples.add(predicted: AttributionEvaluation.triples(article), gold: [])
            triplesOfTagged.add(predicted: AttributionEvaluation.triples(article), gold: [])
            articleRule.add(predicted: AttributionEvaluation.articleRuleTriples(article), gold: [])
            subjects.add(predicted: Set(article.towns.map(\.name)), gold: [])
        }
    }

    public mutating func merge(_ other: AttributionEvaluation) {
        triples.merge(other.triples)
        triplesOfTagged.merge(other.triplesOfTagged)
        subjects.merge(other.subjects)
        articleRule.merge(other.articleRule)
        homeTowns.right += other.homeTowns.right
        homeTowns.total += other.homeTowns.total
        misses += other.misses
    }

    static func triples(_ article: Article) -> Set<String> {
        Set(article.mechanisms.flatMap { m in m.towns.map { $0.town.name + " × " + m.name } })
    }

    static func triples(_ gold: GoldAttribution.Article) -> Set<String> {
        Set(gold.mechanismTowns.flatMap { name, towns in towns.map { $0 + " × " + name } })
    }

    static func articleRuleTriples(_ article: Article) -> Set<String> {
        let towns = Set(article.locations.filter { $0.level == .town }.map(\.name))
        return Set(article.mechanisms.flatMap { m in towns.map { $0 + " × " + m.name } })
    }

    public var table: String {
        [
            "town × mechanism triples  " + triples.line,
            "  of the tagged mechanisms " + triplesOfTagged.line,
            "subject towns             " + subjects.line,
            "bulletin's own town       " + String(format: "%d of %d", homeTowns.right, homeTowns.total),
            "today's rule (all towns × all mechanisms): " + articleRule.line,
        ].joined(separator: "\n")
    }
}
