import Foundation
import Testing

@testable import BulletinKit

@Suite("Input list and directory expansion")
struct InputListTests {
    @Test("entries read back as appended, standard input included")
    func roundTrip() {
        let items: [InputFiles.Item] = [.file("2024/2024-03-08_江桥.txt"), .standardInput, .file("a.txt")]
        let list = InputList(items)
        #expect(Array(list) == items)
        #expect(list.readsStandardInput)
        #expect(!InputList([.file("a.txt")]).readsStandardInput)
        var joined = InputList([.file("x.txt")])
        joined.append(contentsOf: list)
        #expect(Array(joined) == [.file("x.txt")] + items)
    }

    @Test("paths sort byte-wise: a-b/ before a/ (- is 0x2D, / is 0x2F), digits as characters")
    func byteOrder() {
        let list = InputList(["a/x.txt", "a-b/x.txt", "a/10.txt", "a/9.txt", "镇/1.txt", "B.txt"].map(InputFiles.Item.file))
        #expect(Array(list.sortedByPath()) == ["B.txt", "a-b/x.txt", "a/10.txt", "a/9.txt", "a/x.txt", "镇/1.txt"].map(InputFiles.Item.file))
    }

    @Test("a folder expands to its .txt files in any case, through symlinks, skipping hidden ones; broken links are reported")
    func expansion() throws {
        let folder = NSTemporaryDirectory() + "bulletin-expand-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        for name in ["a.txt", "B.TXT", "c.md", ".hidden.txt", "sub/d.Txt"] {
            try "x".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: folder + "/link.txt", withDestinationPath: folder + "/a.txt")
        try manager.createSymbolicLink(atPath: folder + "/gone.txt", withDestinationPath: folder + "/missing.txt")
        try manager.createSymbolicLink(atPath: folder + "/sub/up", withDestinationPath: folder)
        try manager.createSymbolicLink(atPath: folder + "/loop.txt", withDestinationPath: folder + "/loop.txt")
        try manager.createSymbolicLink(atPath: folder + "/gone-dir", withDestinationPath: folder + "/missing")
        let (items, problems) = InputFiles.expand([folder, "-", folder + "/nothing-here", folder + "/loop.txt"])
        // A dangling link or a loop named like a bulletin is said (a dangling link to a folder is
        // no bulletin: skipped); given directly, a loop is a loop, not "no such file".
        #expect(problems.map(\.description) == [
            "\(folder)/gone.txt: broken symbolic link",
            "\(folder)/loop.txt: too many levels of symbolic links",
            "\(folder)/nothing-here: no such file or directory",
            "\(folder)/loop.txt: too many levels of symbolic links",
        ])
        let relative = items.map { item -> String in
            guard case .file(let path) = item else { return "-" }
            return String(path.dropFirst(folder.count + 1))
        }
        #expect(relative == ["B.TXT", "a.txt", "link.txt", "sub/d.Txt", "-"])
    }
}
