import Testing

@testable import BulletinKit

/// The evidence sentence of a mention: whole when it is a sentence's length, a window marked
/// with `…` when a text runs on without a full stop (issue 17: a line of a thousand towns made a
/// mentions table of the line's length times its mentions).
@Suite("Evidence sentences")
struct SentenceTests {
    @Test("an ordinary sentence comes back whole, from the static look-up and the finder alike")
    func wholeSentence() {
        let text = "标题\n街道召开会议。今年以来，街道推进“三所联动”工作，调处纠纷52件。\n下一步，街道将继续深化。"
        let offset = text.scalarArray.firstIndex(of: "三")!
        #expect(Sentence.around(offset: offset, in: text) == "今年以来，街道推进“三所联动”工作，调处纠纷52件。")
        let finder = Sentence.Finder(text)
        for at in 0..<text.scalarArray.count {
            #expect(finder.around(offset: at) == Sentence.around(offset: at, in: text), "offset \(at)")
            #expect(Array(finder.bytesAround(offset: at)) == Array(Sentence.around(offset: at, in: text).utf8), "offset \(at)")
        }
    }

    @Test("a run of text with no sentence end is shown as a window around the position, marked where cut")
    func longRun() throws {
        let towns = ["长征镇", "真如镇街道", "桃浦镇", "石泉路街道", "宜川路街道"]
        let clauses = (0..<2_000).map { "\(towns[$0 % towns.count])推行第\($0)项举措" }
        let text = "各镇举措综述\n" + clauses.joined(separator: "，") + "。"
        let s = text.scalarArray
        let target = "第1000项举措"
        let offset = ("各镇举措综述\n" + clauses[..<1000].joined(separator: "，") + "，长征镇推行").unicodeScalars.count
        try #require(String(scalars: s[offset..<(offset + target.unicodeScalars.count)]) == target)
        let evidence = Sentence.around(offset: offset, in: text)
        #expect(evidence.unicodeScalars.count <= Sentence.longest + 2)
        #expect(evidence.hasPrefix("…") && evidence.hasSuffix("…"))
        #expect(evidence.contains(target))
        // The first clause keeps the sentence's own start; the last its own end and full stop.
        let first = Sentence.around(offset: 8, in: text)
        #expect(first.hasPrefix("长征镇推行第0项举措") && first.hasSuffix("…"))
        let last = Sentence.around(offset: s.count - 2, in: text)
        #expect(last.hasPrefix("…") && last.hasSuffix("推行第1999项举措。"))
        let finder = Sentence.Finder(text)
        #expect(finder.around(offset: offset) == evidence)
        #expect(Sentence.span(offset: offset, in: s).count <= Sentence.longest)
    }
}
