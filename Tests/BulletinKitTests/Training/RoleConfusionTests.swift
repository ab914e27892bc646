@testable import BulletinKit
import Testing

@Suite("Role confusion: the counts and the titles gained or lost")
struct RoleConfusionTests {
    @Test("counts every block by gold and decoded role, and lists the blocks that cut an article too many or too few")
    func titleConfusions() {
        let gold: [[BlockRole]] = [[.masthead, .title, .lead, .subheading, .body, .caption]]
        let decoded: [[BlockRole]] = [[.masthead, .title, .lead, .title, .body, .body]]
        let texts: [(name: String, blocks: [String?])] = [(
            name: "2024-05-17_shequbao-xietu",
            blocks: ["斜土社区报", "“家门口”调解室开到居民楼下", "5月15日，斜土路街道……", "一张表：服务“清单到人”", "针对独居老人……", "▲ 调解员上门走访"]
        )]
        let confusion = RoleConfusion(gold: gold, decoded: decoded, texts: texts)
        // A subheading read as a title makes a second article; a caption read as body does not.
        #expect(confusion.cuts == ["2024-05-17_shequbao-xietu: subheading → title: 一张表：服务“清单到人”"])
        let rows = confusion.table.split(separator: "\n")
        let subheadingRow = rows.first { $0.hasPrefix("subheading") }
        #expect(subheadingRow?.split(separator: " ").map(String.init) == ["subheading", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0"])
    }
}
