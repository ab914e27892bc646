import Testing

@testable import BulletinKit

/// The titles a bulletin's table of contents lists, and how a heading stands to them.
@Suite("Contents listing")
struct ContentsListingTests {
    let classifier = Corpus.ingester.classifier

    func listing(_ text: String) -> ContentsListing {
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        let classified = classifier.absorbingMastheadNames(lines, lines.map(classifier.classify))
        let absorbed = classifier.absorbingContents(lines, classified)
        return ContentsListing(lines: lines, classified: classified, absorbed: absorbed, classifier: classifier)
    }

    let paper = """
        芷 江 西 社 区 报
        第11期（总第186期）　　　2025年11月14日

        本期导读
        ◆ 告别“拎马桶”　旧里居民盼来新生活（1、2版）
        ◆ 【平安芷江】“老娘舅”调出邻里和气（2版）
        ◆ 共和新路边的“夜间议事厅”（1版）

        【民生焦点】
        告别“拎马桶”
        旧里居民盼来新生活
        11月8日，芷江西路街道178街坊零星旧改地块第二轮征询签约期满，签约率99.6%，地块顺利生效。
        """

    @Test("entries are the listed lines without bullets, quotation marks or page references; the header is none")
    func entries() {
        let entries = listing(paper).entries.map { String(String.UnicodeScalarView($0)) }
        #expect(entries == ["告别拎马桶旧里居民盼来新生活", "平安芷江老娘舅调出邻里和气", "共和新路边的夜间议事厅"])
    }

    @Test("leader-dot contents lines are entries too, their page cut off")
    func leaderDots() {
        let text = """
            九亭报
            要闻导读
            镇综治中心来了“新帮手” ………… 2版
            “夜间接访”延伸到村居 …………… 3

            镇综治中心来了“新帮手”
            近日，九亭镇综治中心启用矛盾纠纷调处平台，群众反映的问题当场登记、限时办结。
            """
        let entries = listing(text).entries.map { String(String.UnicodeScalarView($0)) }
        #expect(entries == ["镇综治中心来了新帮手", "夜间接访延伸到村居"])
    }

    @Test("a heading is whole, part, some or none of an entry")
    func matches() {
        let listed = listing(paper)
        func match(_ heading: String) -> ContentsListing.Match { listed.match(heading.scalarArray) }
        #expect(match("共和新路边的“夜间议事厅”") == .whole)
        #expect(match("“老娘舅”调出邻里和气") == .whole)
        // Lines of a title set on two: the longer covers most of the entry, the shorter part.
        #expect(match("旧里居民盼来新生活") == .whole)
        #expect(match("告别“拎马桶”") == .part)
        // A caption on the title's subject.
        #expect(match("“夜间议事厅”议事现场") == .some)
        #expect(match("一户一策解难题") == .none)
        // Too short to compare, and running text.
        #expect(match("要闻") == .none)
        #expect(match("11月8日，芷江西路街道178街坊零星旧改地块第二轮征询签约期满，签约率99.6%，地块顺利生效，旧里居民盼来新生活。") == .none)
    }

    @Test("a bulletin without contents lists nothing")
    func noContents() {
        let text = """
            告别“拎马桶”
            11月8日，芷江西路街道178街坊零星旧改地块第二轮征询签约期满，签约率99.6%，地块顺利生效。
            """
        #expect(listing(text).entries.isEmpty)
    }

    @Test("a run of hundreds of short lines under a header keeps the first forty as entries")
    func boundedEntries() {
        let lines = (0..<300).map { "第\($0)条　社区网格治理服务推进会召开" }
        let listed = listing("本期导读\n" + lines.joined(separator: "\n") + "\n")
        #expect(listed.entries.count == ContentsListing.mostEntries)
    }

    @Test("longest common run of characters")
    func commonRun() {
        #expect(ContentsListing.longestCommonRun(Array("夜间议事厅现场".unicodeScalars), Array("共和新路边的夜间议事厅".unicodeScalars)) == 5)
        #expect(ContentsListing.longestCommonRun(Array("abc".unicodeScalars), Array("xyz".unicodeScalars)) == 0)
        #expect(ContentsListing.longestCommonRun([], Array("xyz".unicodeScalars)) == 0)
    }
}
