import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

@Suite("run --outputs")
struct OutputsOptionTests {
    static let bulletins = [
        "社区食堂开门迎客\n\n近日，新海镇第三家社区食堂开门营业，老年居民就餐享受优惠。\n",
        "江桥镇召开会议\n\n12 月 8 日，江桥镇召开第四季度信访工作联席会议，推行“三所联动”。\n",
    ]

    /// A folder of two bulletins, and where to write.
    func inputs() throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        for (index, text) in Self.bulletins.enumerated() {
            try text.write(toFile: folder + "/in/2023-12-0\(index + 1)_town.txt", atomically: true, encoding: .utf8)
        }
        return folder
    }

    func visibleFiles(_ folder: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") })
    }

    @Test("the folder gets exactly the chosen files and manifest.json, each as a full run writes it")
    func chosenFiles() throws {
        let folder = try inputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Captured().run(["run", folder + "/in", "-q", "-o", folder + "/all"]) == .success)
        let c = Captured()
        #expect(c.run(["run", folder + "/in", "-q", "-o", folder + "/some", "--outputs", "csv,tables"]) == .success, "\(c.err)")
        #expect(try visibleFiles(folder + "/some") == ["articles.csv", "town_mechanism.csv", "first_mentions.csv", "summary.json", "manifest.json"])
        for name in ["articles.csv", "town_mechanism.csv", "first_mentions.csv", "summary.json", "manifest.json"] {
            let some = try Data(contentsOf: URL(fileURLWithPath: folder + "/some/" + name))
            let all = try Data(contentsOf: URL(fileURLWithPath: folder + "/all/" + name))
            #expect(some == all, "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/some/" + OutputFolder.workFolderName))
    }

    @Test("a run with fewer outputs into a full folder removes the files it does not write")
    func staleFilesGo() throws {
        let folder = try inputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Captured().run(["run", folder + "/in", "-q", "-o", folder + "/out"]) == .success)
        #expect(try visibleFiles(folder + "/out").count == OutputFolder.fileNames.count)
        #expect(Captured().run(["run", folder + "/in", "-q", "-o", folder + "/out", "--outputs", "jsonl"]) == .success)
        #expect(try visibleFiles(folder + "/out") == ["articles.jsonl", "manifest.json"])
        let records = try String(contentsOfFile: folder + "/out/articles.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(records.count == 2)
    }

    @Test("an unknown output name is a usage error that lists the valid ones")
    func unknownName() throws {
        let folder = try inputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let c = Captured()
        #expect(c.run(["run", folder + "/in", "-o", folder + "/out", "--outputs", "jsonl,xlsx"]) == .usage)
        #expect(c.err.contains("unknown output 'xlsx'"), "\(c.err)")
        #expect(c.err.contains("jsonl, json, csv, mentions, tables"), "\(c.err)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let without = Captured()
        #expect(without.run(["run", folder + "/in", "--outputs", "jsonl"]) == .usage)
        #expect(without.err.contains("-o <dir>"), "\(without.err)")
    }

    @Test("an interrupted run with chosen outputs resumes to the same files")
    func resumeKeepsTheChoice() throws {
        let folder = try inputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(Captured().run(["run", folder + "/in", "-q", "-o", folder + "/whole", "--outputs", "mentions,tables"]) == .success)
        // Stopped after its first input, as Ctrl-C between files leaves it.
        let lexicons = try Lexicons.builtin()
        let identity = try RunCommand(arguments: [folder + "/in", "-o", folder + "/out", "--outputs", "mentions,tables"])
        let out = try OutputFolder(
            path: folder + "/out", bom: true, identity: identity.runIdentity(lexicons: LexiconDigests(lexicons), dates: nil),
            outputs: try OutputSelection(parsing: "mentions,tables"))
        let runner = BatchRunner(ingester: Ingester(lexicons: lexicons), tagger: Tagger(lexicons: lexicons), render: FolderSink.render(credit: .passage))
        _ = try runner.run(files: [folder + "/in/2023-12-01_town.txt"], into: FolderSink(folder: out, lexicons: lexicons, dates: nil))
        out.suspend()
        let c = Captured()
        #expect(c.run(["run", folder + "/in", "-q", "-o", folder + "/out", "--outputs", "mentions,tables", "--resume"]) == .success, "\(c.err)")
        #expect(try visibleFiles(folder + "/out") == ["mentions.csv", "town_mechanism.csv", "first_mentions.csv", "summary.json", "manifest.json"])
        for name in ["mentions.csv", "town_mechanism.csv", "summary.json"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/out/" + name)) == Data(contentsOf: URL(fileURLWithPath: folder + "/whole/" + name)), "\(name)")
        }
    }
}
