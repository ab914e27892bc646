import Foundation
import Testing

@testable import BulletinKit

@Suite("Mention rows written straight into CSV")
struct MentionRowsWritingTests {
    /// `writeMentionRows` against the typed rows of `mentionRows` written by `CSVWriter.row`.
    static func bothWays(_ article: Article) -> (direct: [UInt8], typed: [UInt8]) {
        var direct = CSVWriter(bom: false)
        ArticleTables.writeMentionRows(article, to: &direct)
        var typed = CSVWriter(bom: false)
        for row in ArticleTables.mentionRows(article) { typed.row(row) }
        return (direct.bytes, typed.bytes)
    }

    @Test("every article of a corpus run gives the same mentions.csv bytes both ways")
    func corpusArticles() {
        var rows = 0
        var figures = 0
        for article in ArticleRecordDecodingTests.corpusArticles {
            let (direct, typed) = MentionRowsWritingTests.bothWays(article)
            #expect(direct == typed, "\(article.id)")
            rows += ArticleTables.mentionRows(article).count
            figures += article.figures.count
        }
        // The corpus exercises all three kinds of row, not just an empty table.
        #expect(rows > 10_000 && figures > 1_000)
    }

    @Test("quotes, formula starts, negative and large offsets, a text with no sentence end, an empty text")
    func awkwardCells() {
        var article = Article(
            bulletin: "b", source: "b.txt", index: 1,
            text: "  =“三所联动”, \"引号\"工作  \n-西塘镇 推进")
        article.locations = [
            Location(
                name: "西塘镇", level: .town, code: "=320", province: nil, city: nil, district: nil, town: nil,
                ambiguous: true, candidates: [], mentions: [Mention(start: 23, end: 26, surface: "西塘镇")]),
        ]
        article.mechanisms = [
            ArticleMechanism(
                id: "m1", name: "三所联动", category: "+调解", kind: .mechanism,
                mentions: [Mention(start: 4, end: 8, surface: "三所联动"), Mention(start: 4, end: 8, surface: "三所联动")]),
        ]
        let (direct, typed) = MentionRowsWritingTests.bothWays(article)
        #expect(direct == typed)
        #expect(String(decoding: direct, as: UTF8.self).contains("\"'=“三所联动”, \"\"引号\"\"工作\""))
        article.text = ""
        let empty = MentionRowsWritingTests.bothWays(article)
        #expect(empty.direct == empty.typed)
    }

    @Test("integers are written as String(_:) writes them")
    func integers() {
        for value in [0, 7, -7, 10, 99, 100, 123_456_789, -1_000_000, Int.max, Int.min] {
            var out: [UInt8] = []
            CSVWriter.appendInt(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
