import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

@Suite("Mapper mode, streamed")
struct MapperStreamingTests {
    static func lines(_ count: Int) -> [String] {
        let towns = ["新海镇", "江桥镇", "莘庄镇", "周浦镇", "临汾路街道"]
        let things = ["社区食堂开门营业", "召开信访工作联席会议", "调解员上门化解邻里纠纷", "推行三所联动机制"]
        return (0..<count).map { index in
            let town = towns[index % towns.count]
            let thing = things[index % things.count]
            return #"{"id": "2024-02-\#(String(format: "%02d", index % 28 + 1))_\#(index)", "text": "\#(town)\#(thing)\n\n近日，\#(town)\#(thing)，共\#(index + 2)名居民参加。"}"#
        }
    }

    static func ids(_ out: String) -> [String] {
        out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
    }

    @Test("bad lines in the middle are reported by line number and skipped; the others are written; exit 1")
    func badLinesInTheMiddle() throws {
        var lines = Self.lines(8)
        lines[2] = #"{"id": "broken", "text": "没有结尾的引号}"#
        lines[4] = #"{"id": "2024-02-05_4", "body": "字段名写错了"}"#
        var bytes = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        // Line 7 gets a byte that is not UTF-8.
        let seventh = bytes.indices.filter { bytes[$0] == 0x0A }[5] + 1
        bytes.insert(0xFF, at: seventh + 12)
        let c = Captured(stdinBytes: bytes)
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q", "-j", "2"]) == .inputProblems)
        #expect(c.err.contains("bulletin: standard input, line 3: cannot read: not a JSON object"), "\(c.err)")
        #expect(c.err.contains("bulletin: standard input, line 5: cannot read: not a JSON object"), "\(c.err)")
        #expect(c.err.contains("bulletin: standard input, line 7: cannot read: not UTF-8 (byte 12 of the line)"), "\(c.err)")
        #expect(Self.ids(c.out) == ["2024-02-01_0#1", "2024-02-02_1#1", "2024-02-04_3#1", "2024-02-06_5#1", "2024-02-08_7#1"])
    }

    @Test("the summary line counts the bulletins, articles and problems of the whole stream")
    func summaryLine() throws {
        let c = Captured(stdin: Self.lines(5).joined(separator: "\n") + "\nnot json\n")
        #expect(c.run(["run", "--input-format", "jsonl", "-"]) == .inputProblems)
        #expect(c.err.contains("bulletin: 5 bulletins, 5 articles, 1 problem"), "\(c.err)")
    }

    @Test("-j 2 writes the same records, and the same output folder, as -j 1")
    func jobsGiveTheSameOutput() throws {
        let input = Self.lines(40).joined(separator: "\n") + "\n"
        let one = Captured(stdin: input)
        let two = Captured(stdin: input)
        #expect(one.run(["run", "--input-format", "jsonl", "-", "-q", "-j", "1"]) == .success)
        #expect(two.run(["run", "--input-format", "jsonl", "-", "-q", "-j", "2"]) == .success)
        #expect(Self.ids(one.out).count == 40)
        #expect(one.out == two.out)

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Captured(stdin: input).run(["run", "--input-format", "jsonl", "-", "-q", "-j", "1", "-o", folder + "/one"]) == .success)
        #expect(Captured(stdin: input).run(["run", "--input-format", "jsonl", "-", "-q", "-j", "2", "-o", folder + "/two"]) == .success)
        for name in OutputFolder.fileNames {
            let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/one/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/two/" + name))
            #expect(a == b, "\(name)")
        }
    }

    @Test("a --dates file dates the mapper's bulletins by their id, once")
    func datesApplied() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "file,date\nstdin#xinhai,2023-11-20\n".write(toFile: folder + "/dates.csv", atomically: true, encoding: .utf8)
        let c = Captured(stdin: #"{"id": "xinhai", "text": "社区食堂开门迎客\n\n近日，新海镇第三家社区食堂开门营业。"}"# + "\n")
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q", "-j", "2", "--dates", folder + "/dates.csv", "-o", folder + "/out"]) == .success, "\(c.err)")
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out/articles.jsonl"))) as! [String: Any]
        #expect(record["date"] as? String == "2023-11-20")
        let manifest = try String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8)
        #expect(manifest.contains(#""supplied_date":"2023-11-20""#))
    }
}
