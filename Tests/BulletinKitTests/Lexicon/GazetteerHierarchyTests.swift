import BulletinKit
import Testing

@Suite("Gazetteer: the place hierarchy")
struct GazetteerHierarchyTests {
    static let gazetteer = Corpus.lexicons.gazetteer

    func names(_ indices: some Sequence<Int>) -> [String] {
        indices.map { GazetteerHierarchyTests.gazetteer.places[$0].name }
    }

    @Test("a town walks up to its district, city and province; a municipality's district to the municipality")
    func ancestors() throws {
        let g = GazetteerHierarchyTests.gazetteer
        let xietu = try #require(g.index(code: "310104007"))
        #expect(names(g.ancestors(of: xietu)) == ["斜土路街道", "徐汇区", "上海市"])
        #expect(g.hierarchy(of: xietu) == ("上海市", "上海市", "徐汇区"))
        let hongqiao = try #require(g.places(named: "虹桥街道").first { $0.code.hasPrefix("3206") })
        let index = try #require(g.index(code: hongqiao.code))
        #expect(names(g.ancestors(of: index)) == [hongqiao.name, "崇川区", "南通市", "江苏省"])
        #expect(g.nearest(.city, from: index).map { g.places[$0].name } == "南通市")
        #expect(g.nearest(.city, from: xietu) == nil)  // Shanghai is a province-level city
    }

    @Test("a parent listed after its children is found for them; a loop of parents stops")
    func parentAfterChildren() {
        var g = Gazetteer()
        g.add(Place(code: "320699001", name: "新河镇", level: .town, parentCode: "320699"))
        #expect(g.ancestors(of: 0).map { g.places[$0].name } == ["新河镇"])
        g.add(Place(code: "320699", name: "新河区", level: .district, parentCode: "3206"))
        g.add(Place(code: "3206", name: "南通市", level: .city, parentCode: "32"))
        g.add(Place(code: "32", name: "江苏省", level: .province, parentCode: nil))
        #expect(g.ancestors(of: 0).map { g.places[$0].name } == ["新河镇", "新河区", "南通市", "江苏省"])
        #expect(g.hierarchy(of: 0) == ("江苏省", "南通市", "新河区"))
        // A user's entry replacing the district under itself makes a loop: the walk still ends.
        g.add(Place(code: "320699", name: "新河区", level: .district, parentCode: "320699001"))
        #expect(Array(g.ancestors(of: 0)).count == 8)
    }
}
