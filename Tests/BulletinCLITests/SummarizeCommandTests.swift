import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

@Suite("bulletin summarize")
struct SummarizeCommandTests {
    static let summaryFiles = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]

    @Test("parts of the corpus, run apart and merged in any order, give the summary of one run")
    func mergeEqualsOneRun() throws {
        let work = try temporaryFolder()
        let corpus = packageRoot + "/corpus"
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(Captured().run(["run", corpus, "-q", "-j", "2", "-o", work + "/whole"]) == .success)

        // Three parts of uneven size, interleaved rather than contiguous, so no part holds a
        // run of the input order.
        var parts: [[String]] = [[], [], []]
        for (i, name) in names.enumerated() { parts[i % 5 == 0 ? 0 : i % 2 + 1].append(name) }
        var sources: [String] = []
        for (p, part) in parts.enumerated() {
            let folder = work + "/in\(p)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in part { try FileManager.default.copyItem(atPath: corpus + "/" + name, toPath: folder + "/" + name) }
            if p == 1 {
                // One part as a mapper would write it: JSON Lines on standard output.
                let c = Captured()
                #expect(c.run(["run", folder, "-q"]) == .success)
                try c.out.write(toFile: work + "/part1.jsonl", atomically: true, encoding: .utf8)
                sources.append(work + "/part1.jsonl")
            } else {
                #expect(Captured().run(["run", folder, "-q", "-o", work + "/out\(p)"]) == .success)
                sources.append(work + "/out\(p)")
            }
        }
        let merged = Captured()
        #expect(merged.run(["summarize"] + sources.reversed() + ["-o", work + "/merged"]) == .success)
        let articles = try String(contentsOfFile: work + "/whole/articles.jsonl", encoding: .utf8).split(separator: "\n").count
        #expect(merged.err.contains("\(articles) articles from 3 parts"))
        for file in SummarizeCommandTests.summaryFiles {
            let whole = try Data(contentsOf: URL(fileURLWithPath: work + "/whole/" + file))
            let sum = try Data(contentsOf: URL(fileURLWithPath: work + "/merged/" + file))
            #expect(whole == sum, "\(file) differs")
            #expect(whole.count > 200, "\(file) is too small to compare anything")
        }
    }

    @Test("a repeated article counts once, a bad line is named by file and line, exit 1; stdout without -o")
    func badAndRepeatedRecords() throws {
        let folder = try temporaryFolder()
        let run = Captured(stdin: "周浦镇推行三所联动\n\n近日，周浦镇推行“三所联动”机制，化解矛盾纠纷30余件。\n")
        #expect(run.run(["run", "-", "-q"]) == .success)
        let record = run.out.split(separator: "\n")[0]
        let jsonl = folder + "/part.jsonl"
        try "\(record)\n\(record)\n{\"id\": 3}\n\n".write(toFile: jsonl, atomically: true, encoding: .utf8)

        let c = Captured()
        #expect(c.run(["summarize", jsonl]) == .inputProblems)
        #expect(c.err.contains("\(jsonl):3: not an article record"))
        #expect(c.err.contains("1 article seen before, counted once: stdin#1 (line 2)"))
        let summary = try JSONSerialization.jsonObject(with: Data(c.out.utf8)) as! [String: Any]
        let towns = summary["towns"] as! [[String: Any]]
        #expect(towns.map { $0["name"] as! String } == ["周浦镇"])
        let cell = (towns[0]["mechanisms"] as! [String: Any])["sansuo-liandong"] as! [String: Any]
        #expect(cell["count"] as? Int == 1)
        #expect(cell["articles"] as? [String] == ["stdin#1"])
    }

    @Test("ids order by bulletin, then by article number as a number")
    func articleIDOrder() {
        let ids = ["b#10", "a#2", "b#2", "a#11", "a#1"]
        #expect(ids.sorted(by: ArticleID.precedes) == ["a#1", "a#2", "a#11", "b#2", "b#10"])
    }
}
