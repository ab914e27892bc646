import Foundation
import Testing

@testable import BulletinKit

@Suite("Practice features as values")
struct PracticeFeatureTests {
    @Test("every feature has its own name, and its name gives it back")
    func names() {
        let names = PracticeFeature.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        for feature in PracticeFeature.allCases { #expect(PracticeFeature.named(feature.name) == feature) }
        #expect(PracticeFeature.named("S|sentence") == nil && PracticeFeature.named("no-such-feature") == nil)
    }

    @Test("every practice weight of the built-in model names a feature the code makes")
    func builtinWeightsAreRead() {
        let model = Corpus.lexicons.attributionModel
        let names = (model.weights[.practice] ?? [:]).keys.map { name -> String in
            name.hasPrefix("S|") || name.hasPrefix("M|") ? String(name.dropFirst(2)) : name
        }
        #expect(names.count > 20)
        for name in names { #expect(PracticeFeature.named(name) != nil, "\(name)") }
    }

    @Test("scoring by feature value gives bit for bit what the weights by name give, on every corpus candidate")
    func scoresEqualNamedScores() {
        let attribution = Corpus.tagger.attribution
        var rows = 0
        for article in ArticleRecordDecodingTests.corpusArticles where !article.mechanisms.isEmpty {
            let prepared = attribution.prepare(article, text: ScalarText(article.text, folding: Corpus.lexicons.folding), home: nil)
            let subjects = prepared.subjects(attribution.model)
            for m in article.mechanisms.indices {
                for row in prepared.practiceRows(m, subjects: subjects) {
                    let byValue = attribution.practiceWeights.score(row)
                    let byName = attribution.model.score(.practice, row.names)
                    #expect(byValue.bitPattern == byName.bitPattern, "\(article.id)")
                    rows += 1
                }
            }
        }
        #expect(rows > 1_000)
    }
}
