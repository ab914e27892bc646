import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

@Suite("bulletin export")
struct ExportCommandTests {
    @Test("export writes the workbook of a finished run; errors name the file; --xlsx is required")
    func export() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try brief.write(toFile: work + "/2024-03-08_linfen.txt", atomically: true, encoding: .utf8)
        #expect(Captured().run(["run", work + "/2024-03-08_linfen.txt", "-o", work + "/out"]) == .success)

        let c = Captured()
        #expect(c.run(["export", work + "/out", "--xlsx", work + "/out.xlsx"]) == .success)
        #expect(c.err.contains("4 sheets (articles, mentions, town_mechanism, first_mentions)"), "\(c.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: work + "/out.xlsx"))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))

        let missing = Captured()
        #expect(missing.run(["export", work + "/nowhere", "--xlsx", work + "/x.xlsx"]) == .inputProblems)
        #expect(missing.err.hasPrefix("bulletin: \(work)/nowhere/articles.jsonl: no such file"), "\(missing.err)")
        #expect(!FileManager.default.fileExists(atPath: work + "/x.xlsx"))

        let unwritable = Captured()
        #expect(unwritable.run(["export", work + "/out", "--xlsx", work + "/no-folder/x.xlsx"]) == .outputFailed)
        #expect(unwritable.err.contains("\(work)/no-folder/x.xlsx"), "\(unwritable.err)")

        let split = Captured()
        #expect(split.run(["export", work + "/out", "--xlsx", work + "/split.xlsx", "--sheet-rows", "2"]) == .success)
        #expect(split.err.contains("articles, mentions (1 of "), "\(split.err)")
        #expect(Captured().run(["export", work + "/out", "--xlsx", work + "/x.xlsx", "--sheet-rows", "1"]) == .usage)

        let usage = Captured()
        #expect(usage.run(["export", work + "/out"]) == .usage)
        #expect(usage.err.contains("missing --xlsx <file>"))
    }
}
