import BulletinKit
import Testing

@Suite("Ingestion accuracy on the corpus gold")
struct GoldAccuracyTests {
    @Test("the corpus has at least ten annotated bulletins")
    func corpusIsLargeEnough() {
        #expect(Corpus.bulletinNames().count >= 10)
    }

    @Test("on the corpus it was trained on: article boundaries F1 ≥ 0.87 and titles ≥ 0.95 exact")
    func boundariesAndTitles() throws {
        var evaluation = IngestEvaluation()
        for name in Corpus.bulletinNames() {
            let result = Corpus.ingester.articles(in: try Corpus.bulletin(name))
            evaluation.add(predicted: result.articles, gold: try Corpus.gold(name))
        }
        print("ingestion on corpus/: \(evaluation)")
        for miss in evaluation.misses { print("  miss: \(miss)") }
        #expect(evaluation.f1 >= 0.87, "\(evaluation)")
        #expect(evaluation.accuracy("title") >= 0.95, "\(evaluation)")
        #expect(evaluation.accuracy("subheadings") >= 0.85, "\(evaluation)")
        #expect(evaluation.accuracy("byline") >= 0.95, "\(evaluation)")
        #expect(evaluation.accuracy("section") >= 0.95, "\(evaluation)")
        #expect(evaluation.accuracy("truncated") >= 0.85, "\(evaluation)")
        #expect(evaluation.accuracy("date") == 1.0, "\(evaluation)")
    }
}
