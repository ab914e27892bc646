import BulletinKit
import Foundation
import Testing

@Suite("Article records decoded")
struct ArticleRecordDecodingTests {
    /// Every article of the corpus, as a run tags it (masthead included).
    static let corpusArticles: [Article] = Corpus.bulletinNames().flatMap { name -> [Article] in
        let ingested = Corpus.ingester.articles(in: try! Corpus.bulletin(name))
        return Corpus.tagger.tag(ingested.articles, masthead: ingested.masthead, nameplate: ingested.nameplate)
    }

    @Test("every record of a corpus run decodes to the article that wrote it, field by field, and writes the same bytes again")
    func corpusRoundTrip() throws {
        var mechanisms = 0
        var figures = 0
        var ambiguous = 0
        for article in ArticleRecordDecodingTests.corpusArticles {
            let bytes = ArticleRecord.bytes(article)
            let record = try ArticleRecord.decode(bytes)
            #expect(record.id == article.id)
            #expect(record.bulletin == article.bulletin && record.source == article.source && record.index == article.index)
            #expect(record.title == article.title && record.subtitle == article.subtitle && record.section == article.section)
            #expect(record.byline == article.byline && record.subheadings == article.subheadings)
            #expect(record.captions == article.captions && record.truncated == article.truncated && record.continued == article.continued)
            #expect(record.date == article.date?.description)
            #expect(record.datePrecision == DatePrecision(article.date).rawValue)
            #expect(record.text == article.text)
            #expect(record.towns.map(\.town) == article.towns)
            #expect(record.towns.allSatisfy { $0.basis == nil })
            #expect(record.locations.count == article.locations.count)
            for (decoded, location) in zip(record.locations, article.locations) {
                #expect(decoded.name == location.name && decoded.level == location.level && decoded.code == location.code)
                #expect(decoded.province == location.province && decoded.city == location.city && decoded.district == location.district)
                #expect(decoded.town == (location.level == .community ? location.town : nil))
                #expect(decoded.ambiguous == location.ambiguous && decoded.role == location.role)
                #expect((decoded.candidates ?? []) == (location.ambiguous ? location.candidates : []))
                #expect(decoded.mentions == location.mentions)
                if decoded.ambiguous { ambiguous += 1 }
            }
            #expect(record.mechanisms.count == article.mechanisms.count)
            for (decoded, mechanism) in zip(record.mechanisms, article.mechanisms) {
                #expect(decoded.id == mechanism.id && decoded.name == mechanism.name && decoded.category == mechanism.category)
                #expect(decoded.kind == mechanism.kind && decoded.mentions == mechanism.mentions)
                #expect(decoded.towns.map(\.town) == mechanism.towns.map(\.town))
                #expect(decoded.towns.map(\.basis) == mechanism.towns.map(\.basis))
                mechanisms += 1
            }
            #expect(record.figures.map(\.figure) == article.figures)
            figures += record.figures.count
            // And back: the article the readers rebuild writes the same record.
            let read = Article(record: record)
            #expect(ArticleRecord.bytes(read) == bytes, "\(article.id)")
            #expect(ArticleTables.articleRow(read) == ArticleTables.articleRow(article))
        }
        #expect(ArticleRecordDecodingTests.corpusArticles.count > 1000)
        #expect(mechanisms > 1000 && figures > 1000 && ambiguous > 0)
    }

    @Test("a line that is not a record says which key is missing or wrong")
    func problems() throws {
        let article = ArticleRecordDecodingTests.corpusArticles.first { !$0.mechanisms.isEmpty }!
        let good = String(decoding: ArticleRecord.bytes(article), as: UTF8.self)
        #expect(throws: ArticleRecord.Problem(reason: "no key 'source'")) {
            try ArticleRecord.decode(Array(#"{"id":"2024-03-08_xietu#1","bulletin":"2024-03-08_xietu"}"#.utf8))
        }
        let badKind = good.replacingOccurrences(of: "\"kind\":\"\(article.mechanisms[0].kind.rawValue)\"", with: "\"kind\":\"service\"")
        #expect(badKind != good)
        do {
            _ = try ArticleRecord.decode(Array(badKind.utf8))
            Issue.record("a mechanism of kind 'service' decoded")
        } catch {
            #expect(error.reason.hasPrefix("mechanisms.0.kind: "), "\(error)")
        }
        #expect(throws: ArticleRecord.Problem.self) { try ArticleRecord.decode(Array("街道“三所联动”工作室".utf8)) }
    }
}
