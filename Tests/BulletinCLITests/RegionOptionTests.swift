import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

/// `--region` is resolved once, to places, from a name, a short form or a code; a name of no
/// place is refused with the nearest names.
@Suite("run --region")
struct RegionOptionTests {
    /// A brief naming only 虹桥街道: six cities have one, and nothing else in it says which.
    static let brief = """
        【社区动态】
        虹桥街道组织党员开展主题党日活动
        5月14日，虹桥街道组织辖区党员到居民区开展“三所联动”调解工作交流。
        """

    @Test("a region's name, short form and code give the same run, and each settles the shared names")
    func nameShortFormAndCode() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/2024-05-17_hongqiao.txt"
        try RegionOptionTests.brief.write(toFile: path, atomically: false, encoding: .utf8)
        var outputs: [String] = []
        for region in ["南通市", "南通", "3206"] {
            let c = Captured()
            #expect(c.run(["run", path, "--region", region]) == .success, "\(c.err)")
            outputs.append(c.out)
        }
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        let none = Captured()
        #expect(none.run(["run", path]) == .success)
        #expect(none.out != outputs[0])
        let record = try ArticleRecord.decode(Array(outputs[0].split(separator: "\n")[0].utf8))
        let hongqiao = try #require(record.locations.first { $0.name == "虹桥街道" })
        #expect(hongqiao.code == "320613005" && hongqiao.city == "南通市" && !hongqiao.ambiguous)
        let unsettled = try ArticleRecord.decode(Array(none.out.split(separator: "\n")[0].utf8))
        #expect(unsettled.locations.first { $0.name == "虹桥街道" }?.ambiguous == true)
    }

    @Test("a region that names no place is a usage error with the nearest names")
    func unknownRegion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/2024-05-17_hongqiao.txt"
        try RegionOptionTests.brief.write(toFile: path, atomically: false, encoding: .utf8)
        let c = Captured()
        // 巿 (U+5DFF) for 市: a look-alike a PDF or an input method leaves.
        #expect(c.run(["run", path, "--region", "南通巿"]) == .usage)
        #expect(c.err.contains("--region 南通巿: no place of that name, short form or code in the gazetteer (did you mean "), "\(c.err)")
        #expect(c.err.contains("'南通市'"), "\(c.err)")
        #expect(c.out.isEmpty)
    }

    @Test("the region is resolved to places: a short form to the widest place it names")
    func resolution() throws {
        let g = try Lexicons.builtin().gazetteer
        let nantong = try #require(g.index(code: "3206"))
        #expect(try Region("南通", in: g).places == [nantong])
        #expect(try Region("南通市", in: g).places == [nantong])
        #expect(try Region("3206", in: g).places == [nantong])
        // An official name several places bear stands for all of them.
        #expect(try Region("通州区", in: g).places.map { g.places[$0].code }.sorted() == ["110112", "320612"])
        #expect(throws: Region.Unknown.self) { try Region("不存在的地方", in: g) }
    }
}
