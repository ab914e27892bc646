import BulletinKit
import Testing

@Suite("Figure accuracy on the corpus gold")
struct FigureAccuracyTests {
    @Test("value+unit precision and recall ≥ 0.95 on the annotated bulletins")
    func accuracy() throws {
        var evaluation = FigureEvaluation()
        for name in Corpus.bulletinNames() {
            let articles = Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles)
            evaluation.add(predicted: articles, gold: try Corpus.gold(name))
        }
        print("figures on corpus/: \(evaluation)")
        for miss in evaluation.misses { print("  miss: \(miss)") }
        #expect(evaluation.gold >= 100)
        #expect(evaluation.precision >= 0.95, "\(evaluation)")
        #expect(evaluation.recall >= 0.95, "\(evaluation)")
        #expect(evaluation.kindAccuracy >= 0.9, "\(evaluation)")
    }
}
