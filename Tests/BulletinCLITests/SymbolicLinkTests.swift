import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

/// Issue 17, item 5: symbolic links that lead nowhere are inputs with a problem, said on standard
/// error, counted in the exit status and listed in the manifest, while the rest of the batch runs.
@Suite("Symbolic links among the inputs")
struct SymbolicLinkTests {
    /// A folder with one good bulletin, a link to a file that is gone and a link to itself.
    static func folderWithBrokenLinks() throws -> String {
        let folder = try temporaryFolder()
        try brief.write(toFile: folder + "/2024-03-08_linfen.txt", atomically: false, encoding: .utf8)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder + "/2024-03-15_gone.txt", withDestinationPath: folder + "/moved-away.txt")
        try manager.createSymbolicLink(atPath: folder + "/2024-03-22_loop.txt", withDestinationPath: folder + "/2024-03-22_loop.txt")
        return folder
    }

    @Test("a dangling link and a link loop in a folder are reported, counted (exit 1) and listed in the manifest")
    func folderWalk() throws {
        let inputs = try SymbolicLinkTests.folderWithBrokenLinks()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        let out = try temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let c = Captured()
        #expect(c.run(["run", inputs, "-o", out]) == .inputProblems)
        let lines = c.err.split(separator: "\n").map(String.init)
        #expect(lines.contains("bulletin: \(inputs)/2024-03-15_gone.txt: broken symbolic link"))
        #expect(lines.contains("bulletin: \(inputs)/2024-03-22_loop.txt: too many levels of symbolic links"))
        #expect(lines.last?.hasPrefix("bulletin: 1 file, 1 article, 2 problems, ") == true)
        // The good bulletin is still written.
        let jsonl = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8)
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.contains("临汾路街道"))

        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        #expect(manifest["counts"] as? [String: Int] == ["files": 1, "articles": 1, "errors": 2])
        let listed = (manifest["inputs"] as! [[String: Any]]).map { input in
            ((input["path"] as! String).replacingOccurrences(of: inputs + "/", with: ""), input["error"] as? String)
        }
        #expect(listed.map(\.0) == ["2024-03-08_linfen.txt", "2024-03-15_gone.txt", "2024-03-22_loop.txt"])
        #expect(listed[0].1 == nil)
        #expect(listed[1].1 == "\(inputs)/2024-03-15_gone.txt: broken symbolic link")
        #expect(listed[2].1 == "\(inputs)/2024-03-22_loop.txt: too many levels of symbolic links")
    }

    @Test("a link loop given directly is a loop, not a missing file; the other input still runs")
    func loopOnTheCommandLine() throws {
        let inputs = try SymbolicLinkTests.folderWithBrokenLinks()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        let c = Captured()
        let status = c.run(["run", inputs + "/2024-03-22_loop.txt", inputs + "/2024-03-08_linfen.txt"])
        #expect(status == .inputProblems)
        #expect(c.err.hasPrefix("bulletin: \(inputs)/2024-03-22_loop.txt: too many levels of symbolic links\n"))
        #expect(!c.err.contains("no such file"))
        #expect(c.out.split(separator: "\n").count == 1)
    }

    @Test("a missing path given directly is listed in the manifest with its error")
    func missingInputInManifest() throws {
        let inputs = try SymbolicLinkTests.folderWithBrokenLinks()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        let out = inputs + "/out"
        let c = Captured()
        #expect(c.run(["run", inputs + "/2024-03-08_linfen.txt", inputs + "/2024-03-29_never.txt", "-o", out]) == .inputProblems)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let errors = (manifest["inputs"] as! [[String: Any]]).map { $0["error"] as? String }
        #expect(errors == [nil, "\(inputs)/2024-03-29_never.txt: no such file or directory"])
    }
}
