/// Pairs a bulletin's predicted articles with its gold articles by the ingestion rule: the article
/// whose body starts with the gold `body_start` and ends with the gold `body_end`. The tagging
/// evaluations score only paired articles, so an ingestion miss does not count against tagging.
enum GoldPairing {
    static func pairs(_ articles: [Article], _ gold: GoldBulletin) -> [(gold: GoldBulletin.Article, article: Article)] {
        var used = Set<Int>()
        var result: [(gold: GoldBulletin.Article, article: Article)] = []
        for expected in gold.articles {
            guard
                let found = articles.indices.first(where: { index in
                    guard !used.contains(index) else { return false }
                    let body = IngestEvaluation.body(of: articles[index])
                    return body.hasPrefix(expected.bodyStart) && body.hasSuffix(expected.bodyEnd)
                })
            else { continue }
            used.insert(found)
            result.append((expected, articles[found]))
        }
        return result
    }
}
