import Foundation
import Testing

@testable import BulletinKit

@Suite("Output folder commit")
struct FolderCommitTests {
    static let before = Bulletin(
        path: "2024-03-08_xietulu.txt",
        text: "居民议事厅“开张”\n\n近日，斜土路街道江南新村居民区议事厅正式启用，居民代表围绕加装电梯、停车难等问题开展协商，推行“三所联动”调解。\n")
    static let after = Bulletin(
        path: "2024-05-24_wujiaochang.txt",
        text: "矛盾纠纷在“家门口”化解\n\n党建引领“三所联动” 五角场街道一年调处各类纠纷1326件，调解成功率达98%。\n\n“四百”大走访进楼宇\n\n五角场街道干部走进商务楼宇，走访企业215家，收集意见建议87条。\n")

    /// Writes one run of `bulletin` into `folder`, stopping its commit after `steps` if given.
    static func run(_ bulletin: Bulletin, into folder: String, stopAfter steps: Int? = nil) throws {
        let output = try OutputFolder(path: folder, bom: true, identity: "commit test " + bulletin.id)
        for article in Corpus.tagger.tag(Corpus.ingester.articles(in: bulletin).articles) { try output.write(article) }
        output.commitStopsAfterSteps = steps
        try output.finish(runSummary: RunSummary(), lexicons: Corpus.lexicons)
    }

    /// The visible files of a folder, name → bytes.
    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    @Test("a run stopped at every step of its commit leaves, after recovery, the previous output or the new one, byte for byte")
    func everyStep() throws {
        let root = NSTemporaryDirectory() + "bulletin-commit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FolderCommitTests.run(FolderCommitTests.before, into: root + "/previous")
        try FolderCommitTests.run(FolderCommitTests.after, into: root + "/new")
        let previous = try FolderCommitTests.contents(root + "/previous")
        let new = try FolderCommitTests.contents(root + "/new")
        #expect(previous.count == OutputFolder.fileNames.count && new.count == previous.count)
        #expect(previous["articles.jsonl"] != new["articles.jsonl"])

        // The record, eight renames, the progress log, the record again, the work folder.
        let steps = 1 + OutputFolder.fileNames.count + 3
        var mixedBeforeRecovery = 0
        for stop in 0...steps {
            let out = root + "/out\(stop)"
            try FileManager.default.copyItem(atPath: root + "/previous", toPath: out)
            try FolderCommitTests.run(FolderCommitTests.after, into: out, stopAfter: stop)
            let raw = try FolderCommitTests.contents(out)
            if raw != previous && raw != new { mixedBeforeRecovery += 1 }

            let record = try OutputFolder.recover(path: out)
            let recovered = try FolderCommitTests.contents(out)
            let work = out + "/" + OutputFolder.workFolderName
            if stop == 0 {
                // Killed before the record: the folder is untouched, the run can be resumed.
                #expect(record == nil)
                #expect(recovered == previous, "stopped before the record")
                #expect(FileManager.default.fileExists(atPath: work + "/progress.jsonl"))
            } else {
                #expect(recovered == new, "stopped after \(stop) steps: not the new output")
                #expect(!FileManager.default.fileExists(atPath: work), "stopped after \(stop) steps: work folder left")
                if stop <= OutputFolder.fileNames.count + 2 {
                    #expect(record?.files == OutputFolder.fileNames, "stopped after \(stop) steps")
                    #expect(record?.identity == "commit test " + FolderCommitTests.after.id)
                }
            }
            #expect(try OutputFolder.recover(path: out) == nil, "a second recovery finds nothing to do")
        }
        // Without recovery the folder is mixed in the middle of the renames: the test can fail.
        #expect(mixedBeforeRecovery > 0)
    }

    @Test("a new run into a folder whose last run stopped mid-commit finishes that commit first")
    func nextRunRollsForward() throws {
        let out = NSTemporaryDirectory() + "bulletin-commit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FolderCommitTests.run(FolderCommitTests.before, into: out)
        try FolderCommitTests.run(FolderCommitTests.after, into: out, stopAfter: 4)
        // The next run opens the folder: the stopped commit is finished before anything else.
        let next = try OutputFolder(path: out, bom: true, identity: "another run")
        next.suspend()
        let jsonl = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8)
        #expect(jsonl.contains("五角场街道"))
        #expect(!jsonl.contains("斜土路街道"))
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("五角场街道") && !summary.contains("斜土路街道"))
    }

    @Test("temporary files of dead processes are removed; a live process's, and files of other names, are kept")
    func staleTemporaries() throws {
        let out = NSTemporaryDirectory() + "bulletin-commit-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // A process id that no process has: above the kernel's largest.
        let dead = ".articles.jsonl.4194999.tmp"
        let live = ".manifest.json.\(getpid()).tmp"
        let other = ".notes.txt.4194999.tmp"
        for name in [dead, live, other] { try "{\"id\":\"x\"}".write(toFile: out + "/" + name, atomically: false, encoding: .utf8) }
        try OutputFolder.recover(path: out)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(left == [live, other])
    }
}
