import BulletinKit
import Testing

@Suite("Mechanism accuracy on the corpus gold")
struct MechanismAccuracyTests {
    @Test("mechanism precision and recall ≥ 0.95 on every corpus bulletin")
    func accuracy() throws {
        var evaluation = MechanismEvaluation()
        for name in Corpus.bulletinNames() {
            let articles = Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles)
            evaluation.add(predicted: articles, gold: try Corpus.gold(name))
        }
        print("mechanisms on corpus/: \(evaluation)")
        for miss in evaluation.misses { print("  miss: \(miss)") }
        #expect(evaluation.gold >= 150)
        #expect(evaluation.precision >= 0.95, "\(evaluation)")
        #expect(evaluation.recall >= 0.95, "\(evaluation)")
    }

    @Test("every mechanism mention's offsets point at its surface, on the whole corpus")
    func offsetContract() throws {
        for name in Corpus.bulletinNames() {
            for article in Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles) {
                let scalars = Array(article.text.unicodeScalars)
                for mention in article.mechanisms.flatMap(\.mentions) + article.figures.map({ Mention(start: $0.start, end: $0.end, surface: $0.text) }) {
                    #expect(mention.start >= 0 && mention.end <= scalars.count && mention.start < mention.end)
                    #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.surface, "\(article.id)")
                }
            }
        }
    }
}
