import BulletinKit
import Foundation
import Testing

@Suite("Ingestion accuracy on the corpus gold")
struct GoldAccuracyTests {
    @Test("the corpus has at least ten annotated bulletins")
    func corpusIsLargeEnough() {
        #expect(Corpus.bulletinNames().count >= 10)
    }

    @Test("a gold body_start that runs over a paragraph break (a letter's salutation) still finds its article")
    func bodyStartAcrossParagraphs() throws {
        let gold = try JSONDecoder().decode(GoldBulletin.self, from: Data("""
            {"bulletin": "b", "date": null, "articles": [
              {"title": "楼下的快递柜该不该挪", "subtitle": null, "section": "议事厅", "byline": [], "subheadings": [],
               "body_start": "编辑同志：我住在锦绣苑", "body_end": "能不能挪一挪？", "truncated": false, "continued": null}]}
            """.utf8))
        let letter = Article(
            bulletin: "b", source: "b.txt", index: 1, title: "楼下的快递柜该不该挪",
            text: "楼下的快递柜该不该挪\n编辑同志：\n我住在锦绣苑12号楼，楼下的快递柜挡住了消防通道，能不能挪一挪？")
        var evaluation = IngestEvaluation()
        evaluation.add(predicted: [letter], gold: gold)
        #expect(evaluation.matched == 1, "\(evaluation.misses)")
        var wrong = IngestEvaluation()
        let cutLate = Article(bulletin: "b", source: "b.txt", index: 1, title: nil, text: "我住在锦绣苑12号楼，楼下的快递柜挡住了消防通道，能不能挪一挪？")
        wrong.add(predicted: [cutLate], gold: gold)
        #expect(wrong.matched == 0)
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
        #expect(evaluation.accuracy("truncated") >= 0.95, "\(evaluation)")
        #expect(evaluation.accuracy("date") == 1.0, "\(evaluation)")
    }
}
