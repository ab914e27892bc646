import Foundation
import Testing

@testable import BulletinKit

@Suite("Batches with bad inputs")
struct BatchRunnerTests {
    let good = "社区食堂开门迎客\n\n近日，临汾路街道第三家社区食堂开门营业，老年居民就餐享受优惠。\n"

    /// A folder holding one good bulletin and one file per kind of bad input.
    func badInputFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "bulletin-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try write("a-good.txt", Array(good.utf8))
        try write("b-empty.txt", [])
        try write("c-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0xFF, 0x00])
        try write("d-gbk.txt", Array(good.data(using: TextDecoding.gb18030)!))
        let utf16 = Array(good.utf16)
        try write("e-utf16.txt", [0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let longLine = "社区食堂开门迎客\n\n" + String(repeating: "居民就餐享受优惠，", count: 40_000) + "。\n"
        try write("f-long-line.txt", Array(longLine.utf8))
        try write("g-unreadable.txt", Array(good.utf8))
        chmod(folder + "/g-unreadable.txt", 0)
        try write("h-not-a-bulletin.csv", Array("a,b\n".utf8))
        return folder
    }

    @Test("each bad input is reported by name, and every good one is still split")
    func badInputs() throws {
        let folder = try badInputFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sink = CollectingSink<Article>()
        let summary = BatchRunner(ingester: Corpus.ingester).run(files: [folder, folder + "/missing.txt"], into: sink)
        let problems = sink.problems
        let articles = sink.articles
        let runningAsRoot = getuid() == 0  // root reads a mode-000 file anyway
        let reported = Set(problems.map { ($0.path as NSString).lastPathComponent })
        #expect(reported.isSuperset(of: ["b-empty.txt", "c-binary.txt", "f-long-line.txt", "missing.txt"]))
        if !runningAsRoot { #expect(reported.contains("g-unreadable.txt")) }
        #expect(problems.contains(.empty(path: folder + "/b-empty.txt")))
        #expect(problems.contains(.binary(path: folder + "/c-binary.txt")))
        #expect(problems.contains(.notFound(path: folder + "/missing.txt")))
        #expect(problems.contains { if case .longLine(_, 3, _) = $0 { true } else { false } })
        // good, GBK, UTF-16, the long line (kept as one paragraph), and the readable-by-root file
        let bulletins = Set(articles.map(\.bulletin))
        #expect(bulletins.isSuperset(of: ["a-good", "d-gbk", "e-utf16", "f-long-line"]))
        #expect(!bulletins.contains("h-not-a-bulletin"))
        #expect(articles.filter { $0.bulletin == "d-gbk" }.map(\.title) == ["社区食堂开门迎客"])
        #expect(summary.problems == problems.count)
        #expect(sink.inputs.map { ($0.path as NSString).lastPathComponent } == [
            "a-good.txt", "b-empty.txt", "c-binary.txt", "d-gbk.txt", "e-utf16.txt", "f-long-line.txt",
            "g-unreadable.txt",
        ])
    }

    @Test("directories are read recursively in a stable sorted order, symlink loops once")
    func directoryOrder() throws {
        let folder = NSTemporaryDirectory() + "bulletin-order-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["b", "a/z", "a"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        for path in ["b/1.txt", "a/z/2.txt", "a/10.txt", "a/9.txt", "0.txt"] {
            try good.write(toFile: folder + "/" + path, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/a/loop", withDestinationPath: folder)
        let (items, problems) = InputFiles.expand([folder])
        #expect(problems.isEmpty)
        let relative = items.map { item -> String in
            guard case .file(let path) = item else { return "-" }
            return String(path.dropFirst(folder.count + 1))
        }
        #expect(relative == ["0.txt", "a/10.txt", "a/9.txt", "a/z/2.txt", "b/1.txt"])
    }

    @Test("a file removed or rewritten after the folder was listed: reported or read as it is then, the batch goes on")
    func filesChangingMidRun() throws {
        let folder = NSTemporaryDirectory() + "bulletin-vanish-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = (0..<12).map { String(format: "%02d.txt", $0) }
        for name in names { try good.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        let rewritten = "江桥镇召开会议\n\n近日，江桥镇召开信访工作联席会议。\n"
        // At one job, files are read one by one: after the fourth, one file further on
        // disappears and another is rewritten.
        var taken = 0
        let sink = CollectingSink<Article> { _ in
            taken += 1
            if taken == 4 {
                try? FileManager.default.removeItem(atPath: folder + "/05.txt")
                try? rewritten.write(toFile: folder + "/09.txt", atomically: false, encoding: .utf8)
            }
        }
        _ = BatchRunner(ingester: Corpus.ingester).run(files: [folder], into: sink)
        let problems = sink.problems
        let articles = sink.articles
        #expect(problems == [.unreadable(path: folder + "/05.txt", reason: "no such file — removed during the run?")])
        #expect(articles.count == 11)
        #expect(articles.first { $0.bulletin == "09" }?.title == "江桥镇召开会议")
        let record = sink.inputs.first { $0.path.hasSuffix("/09.txt") }!
        #expect(record.sha256 == SHA256.hex(of: Array(rewritten.utf8)), "the manifest hashes the bytes that were read")
        #expect(sink.inputs.count == 12)
    }
}
