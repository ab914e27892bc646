import Foundation
import Testing

@testable import BulletinCLI

@Suite("bulletin lexicon: unreviewed rows")
struct UnreviewedLexiconTests {
    static let candidates = """
        id\tname\tcategory\taliases\tdescription\ttowns\tbulletins\tcount\texample\tsource
        suggested-1\t银杏守望\tunreviewed\t\t\t3\t3\t4\t\t
        suggested-2\t楼组议事工作法\tunreviewed\t\t\t2\t2\t2\t\t
        linli-zaocha\t邻里早茶会\tconsultation-democracy\t早茶会\t居民每周喝早茶议事\t\t\t\t\t

        """

    @Test("check warns once a row and passes; run loads the rows and says so once, naming the file and the count")
    func checkAndRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/my.tsv"
        try UnreviewedLexiconTests.candidates.write(toFile: file, atomically: false, encoding: .utf8)

        let check = Captured()
        #expect(check.run(["lexicon", "check", file]) == .success)
        let warnings = check.err.split(separator: "\n").filter { $0.contains("warning: row still marked unreviewed") }
        #expect(warnings.map { $0.hasPrefix("bulletin: \(file):") } == [true, true], "\(check.err)")
        #expect(check.out.hasSuffix(", 0 problems, 2 warnings\n"), "\(check.out)")

        let run = Captured(stdin: "银杏守望进楼组\n\n近日，长征镇开展“银杏守望”，志愿者每天巡楼。\n")
        #expect(run.run(["run", "-", "--lexicon", file, "-q"]) == .success)
        let said = run.err.split(separator: "\n").filter { $0.contains("unreviewed") }
        #expect(said == ["bulletin: \(file): 2 rows are still marked unreviewed; they are tagged (category unreviewed, kind principle) but left out of query and report unless --kind all — give each a category ('bulletin lexicon check \(file)' lists them)"], "\(run.err)")
        #expect(run.out.contains("\"id\":\"suggested-1\""))
        #expect(run.out.contains("\"category\":\"unreviewed\""))
    }

    @Test("suggest writes variants of one candidate in the aliases column")
    func suggestAliases() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "长征镇信访\n\n长征镇深化“365”工作机制，信访接待全年无休，“365”工作机制运行一年。\n"
            .write(toFile: folder + "/a.txt", atomically: false, encoding: .utf8)
        try "桃浦镇信访\n\n桃浦镇学习“365”机制，每周开放接待日。\n"
            .write(toFile: folder + "/b.txt", atomically: false, encoding: .utf8)
        let c = Captured()
        #expect(c.run(["lexicon", "suggest", folder]) == .success)
        let row = try #require(c.out.split(separator: "\n").first { $0.contains("365") })
        let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[1] == "“365”工作机制")
        #expect(cells[2] == "unreviewed")
        #expect(cells[3] == "“365”机制")
        #expect(cells[6] == "2", "two bulletins")
        #expect(c.out.split(separator: "\n").filter { $0.contains("365") }.count == 1)
    }
}
