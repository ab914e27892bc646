import Foundation
import Testing

@testable import BulletinKit

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("keys in the order written, Chinese unescaped, specials escaped")
    func writes() {
        var json = JSONWriter()
        json.object { o in
            o.key("title"); o.string("“家门口”\n\t\"引号\"\\")
            o.key("n"); o.number(314)
            o.key("x"); o.number(2.5)
            o.key("list"); o.stringArray(["a", "乙"])
            o.key("none"); o.null()
            o.key("ok"); o.bool(true)
            o.key("ctl"); o.string("\u{1}\u{2028}")
        }
        #expect(
            json.output
                == #"{"title":"“家门口”\n\t\"引号\"\\","n":314,"x":2.5,"list":["a","乙"],"none":null,"ok":true,"ctl":"\u0001\u2028"}"#)
    }

    @Test("what it writes parses back to the same strings")
    func roundTrip() throws {
        let tricky = ["\"", "\\", "\n\r\t", "\u{0}\u{1F}", "𠀋石港镇", "＂全角＂", "\u{2029}"]
        var json = JSONWriter()
        json.stringArray(tricky)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String]
        #expect(parsed == tricky)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(input: String, hex: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == hex)
    }

    @Test("a million a's, fed in uneven pieces")
    func streamed() {
        var hash = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hash.update([UInt8](repeating: 0x61, count: count))
            fed += count
            piece = piece * 3 % 997 + 1
        }
        #expect(hash.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Atomic output files")
struct AtomicFileTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "bulletin-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("the target appears only on commit, whole")
    func commit() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try AtomicFile(path: folder + "/articles.jsonl")
        try file.write("{\"a\":1}\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/articles.jsonl"))
        try file.commit()
        #expect(try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8) == "{\"a\":1}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["articles.jsonl"])
    }

    @Test("a discarded file leaves the old target untouched and no temporary behind")
    func discard() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/articles.jsonl", atomically: false, encoding: .utf8)
        let file = try AtomicFile(path: folder + "/articles.jsonl")
        try file.write("half of a new fi")
        file.discard()
        #expect(try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["articles.jsonl"])
    }

    @Test("an unwritable folder is an error naming the file")
    func unwritable() {
        #expect(throws: OutputError.self) { try AtomicFile(path: "/nonexistent-folder/articles.jsonl") }
    }
}

@Suite("Article records")
struct ArticleRecordTests {
    @Test("keys of the SPEC record, in order, with offsets counted in scalars")
    func keys() throws {
        let article = Article(
            bulletin: "2024-01-05_xinhai", source: "archive/2024-01-05_xinhai.txt", index: 3,
            title: "用好“联”的方法", byline: ["陈家豪", "陈静"], subheadings: ["织密一张网络"],
            date: IssueDate(year: 2024, month: 1, day: 5), text: "用好“联”的方法\n织密一张网络\n正文。")
        let line = ArticleRecord.json(article)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(object["id"] as? String == "2024-01-05_xinhai#3")
        #expect(object["date"] as? String == "2024-01-05")
        #expect(object["date_precision"] as? String == "day")
        #expect(object["byline"] as? [String] == ["陈家豪", "陈静"])
        #expect(object["subtitle"] is NSNull)
        #expect(object["captions"] as? Int == 0)
        #expect((object["locations"] as? [Any])?.isEmpty == true)
        let keyOrder = ["id", "bulletin", "source", "index", "title", "subtitle", "section", "byline",
            "subheadings", "captions", "truncated", "continued", "date", "date_precision", "text", "locations", "mechanisms", "figures"]
        let positions = keyOrder.map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(!line.contains("\n"))
    }
}

@Suite("Summary entries spilled to disk")
struct CellEntriesTests {
    @Test(
        "ids read back from spilled runs and memory equal the ids kept in memory, in id order",
        arguments: [(300, 2_000), (60_000, 30_000)])  // many tiny runs; runs several times the reader's buffer
    func spillRoundTrip(runLimit: Int, pairs: Int) throws {
        let folder = NSTemporaryDirectory() + "bulletin-cells-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spilled = CellEntries(spillFolder: folder, runLimit: runLimit)
        let kept = CellEntries()
        var random = SplitMix64(seed: 7)
        var expected: [Int32: [String]] = [:]
        for _ in 0..<pairs {
            let cell = Int32(random.next() % 40)
            let id = "b\(random.next() % 300)#\(1 + random.next() % 12)"
            try spilled.add(cell: cell, id: id)
            try kept.add(cell: cell, id: id)
            expected[cell, default: []].append(id)
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".run") }
        #expect(runs.count > 5, "the small run limit should have spilled many runs")
        // Read back twice: the first call merges the runs into one file.
        for cell in Int32(0)..<40 {
            _ = try spilled.ids(of: cell, cellCount: 40)
            let fromDisk = try spilled.ids(of: cell, cellCount: 40).map { String(decoding: $0, as: UTF8.self) }
            let fromMemory = try kept.ids(of: cell, cellCount: 40).map { String(decoding: $0, as: UTF8.self) }
            #expect(fromDisk == fromMemory)
            #expect(fromDisk == (expected[cell] ?? []).sorted(by: ArticleID.precedes))
        }
    }
}
