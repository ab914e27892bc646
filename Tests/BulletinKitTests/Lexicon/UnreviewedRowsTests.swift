import Testing

@testable import BulletinKit

/// Rows `lexicon suggest` writes carry the category `unreviewed`: a warning, not a problem.
@Suite("Unreviewed lexicon rows")
struct UnreviewedRowsTests {
    static let file = """
        # Candidate mechanisms mined by `bulletin lexicon suggest`
        id\tname\tcategory\taliases\tdescription\ttowns\tbulletins\tcount\texample\tsource
        suggested-1\t银杏守望\tunreviewed\t\t\t3\t3\t4\t长征镇开展“银杏守望”。\tb2#1
        linli-zaocha\t邻里早茶会\tconsultation-democracy\t早茶会\t居民每周喝早茶议事\t\t\t\t\t
        suggested-3\t楼组议事工作法\tunreviewed\t楼组议事机制\t\t2\t2\t2\t\t
        suggested-4\t夜间门诊\tvisting\t\t\t\t\t\t\t

        """

    @Test("check warns about every unreviewed row and still lists every real problem")
    func checkWarns() {
        let found = Corpus.lexicons.diagnose(userFile: "candidates.tsv", contents: UnreviewedRowsTests.file)
        #expect(found.filter(\.isUnreviewed).map(\.line) == [3, 5])
        #expect(found.filter(\.isUnreviewed).allSatisfy { !$0.isError })
        #expect(found.filter(\.isError).map(\.line) == [6], "a misspelt category is still a problem")
        #expect(found[0].description.hasPrefix("candidates.tsv:3: warning: row still marked unreviewed"))
    }

    @Test("an unreviewed row loads as a principle: tagged, but not in the default view of query and report")
    func loadsAsPrinciple() throws {
        let reviewed = UnreviewedRowsTests.file.split(separator: "\n").filter { !$0.contains("visting") }.joined(separator: "\n")
        var lexicons = Corpus.lexicons
        try lexicons.add(userFile: "candidates.tsv", contents: reviewed)
        let entry = try #require(lexicons.mechanisms.entry(id: "suggested-1"))
        #expect(entry.category == MechanismLexicon.unreviewed)
        #expect(entry.kind == .principle && !entry.kind.isShownByDefault)
        #expect(lexicons.mechanisms.entry(id: "linli-zaocha")?.kind == .mechanism)
        let tagged = Tagger(lexicons: lexicons).tag([
            Article(bulletin: "b", source: "b.txt", index: 1, text: "长征镇推行楼组议事机制，开展“银杏守望”。")
        ])
        #expect(Set(tagged[0].mechanisms.map(\.id)) == ["suggested-1", "suggested-3"])
    }
}
