/// Pairs a bulletin's predicted articles with its gold articles by the ingestion rule: the article
/// whose body starts with the gold `body_start` and ends with the gold `body_end`. The tagging
/// evaluations score only paired articles, so an ingestion miss does not count against tagging.
enum GoldPairing {
    static func pairs(_ articles: [Article], _ gold: GoldBulletin) -> [(gold: GoldBulletin.Article, article: Article)] {
        indexedPairs(articles, gold).map { (gold.articles[$0.gold], articles[$0.article]) }
    }

    /// The pairs as (gold article index, predicted article index).
    static func indexedPairs(_ articles: [Article], _ gold: GoldBulletin) -> [(gold: Int, article: Int)] {
        var used = Set<Int>()
        var result: [(gold: Int, article: Int)] = []
        let bodies = articles.map(IngestEvaluation.comparableBody(of:))
        for (goldIndex, expected) in gold.articles.enumerated() {
            guard
                let found = bodies.indices.first(where: { index in
                    !used.contains(index) && IngestEvaluation.bounds(bodies[index], match: expected)
                })
            else { continue }
            used.insert(found)
            result.append((goldIndex, found))
        }
        return result
    }
}
