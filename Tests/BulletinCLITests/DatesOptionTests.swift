import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

/// Issue 16: an archive whose file names and mastheads carry no date gets its issue dates from a
/// CSV of the user's (`--dates`), listed in the manifest.
@Suite("run --dates")
struct DatesOptionTests {
    @Test("dates from the file reach the records and the manifest, before a file name's date")
    func suppliesDates() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/scans", withIntermediateDirectories: true)
        try brief.write(toFile: folder + "/scans/0001.txt", atomically: false, encoding: .utf8)
        try brief.write(toFile: folder + "/scans/0002.txt", atomically: false, encoding: .utf8)
        try brief.write(toFile: folder + "/scans/2024-05-17_linfen.txt", atomically: false, encoding: .utf8)
        try brief.write(toFile: folder + "/scans/2024-05-24_linfen.txt", atomically: false, encoding: .utf8)
        try "file,date\n\(folder)/scans/0001.txt,2023-12-08\n0002,2023-11\n2024-05-24_linfen.txt,2024-05-31\n"
            .write(toFile: folder + "/dates.csv", atomically: false, encoding: .utf8)
        let out = folder + "/out"
        let c = Captured()
        #expect(c.run(["run", folder + "/scans", "--dates", folder + "/dates.csv", "-o", out, "-q"]) == .success, "\(c.err)")
        let records = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let dates = Dictionary(uniqueKeysWithValues: records.map { ($0["bulletin"] as! String, $0["date"] as? String) })
        #expect(dates == ["0001": "2023-12-08", "0002": "2023-11", "2024-05-17_linfen": "2024-05-17", "2024-05-24_linfen": "2024-05-31"])

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let listed = manifest["dates"] as? [String: Any]
        #expect(listed?["file"] as? String == folder + "/dates.csv")
        #expect(listed?["rows"] as? Int == 3)
        #expect((listed?["sha256"] as? String)?.count == 64)
        let supplied = (manifest["inputs"] as! [[String: Any]]).map { ($0["path"] as! String, $0["supplied_date"] as? String) }
        #expect(supplied.map(\.1) == ["2023-12-08", "2023-11", nil, "2024-05-31"], "\(supplied)")
    }

    @Test("a bad row stops the run before anything is written: exit 2, file and line named")
    func badRow() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try brief.write(toFile: folder + "/0001.txt", atomically: false, encoding: .utf8)
        try "0001.txt,2023-12-08\n0002.txt,2023-02-30\n".write(toFile: folder + "/dates.csv", atomically: false, encoding: .utf8)
        let c = Captured()
        #expect(c.run(["run", folder + "/0001.txt", "--dates", folder + "/dates.csv", "-o", folder + "/out"]) == .usage)
        #expect(c.err == "bulletin: \(folder)/dates.csv:2: '2023-02-30' is not a date (YYYY-MM-DD or YYYY-MM)\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
}
