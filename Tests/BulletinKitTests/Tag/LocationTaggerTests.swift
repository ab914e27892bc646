import Testing

@testable import BulletinKit

@Suite("Location tagging")
struct LocationTaggerTests {
    func tag(_ texts: [String], region: String? = nil) -> [[Location]] {
        precondition(region == nil || region == "上海市", "the test keeps one tagger per region")
        let articles = texts.enumerated().map { index, text in
            Article(bulletin: "b", source: "b.txt", index: index + 1, text: text)
        }
        let tagger = region == nil ? Corpus.tagger : Self.shanghai
        return tagger.tag(articles).map(\.locations)
    }

    func names(_ locations: [Location]) -> [String] { locations.map(\.name) }

    static let shanghai = Tagger(lexicons: Corpus.lexicons, region: try! Region("上海市", in: Corpus.lexicons.gazetteer))

    @Test("通州区 is Nantong's in an article that names 石港镇, Beijing's next to 北京市")
    func duplicateDistricts() {
        let nantong = tag(["通州区石港镇召开网格治理推进会。"])[0]
        #expect(nantong.first { $0.name == "通州区" }?.city == "南通市")
        #expect(nantong.first { $0.name == "石港镇" }?.district == "通州区")
        let beijing = tag(["北京市通州区召开城市副中心建设推进会。"])[0]
        #expect(beijing.first { $0.name == "通州区" }?.province == "北京市")
    }

    @Test("the bulletin settles a name the article alone leaves open")
    func bulletinContext() {
        let articles = tag(["崇川区召开网格工作会议。", "虹桥街道组织党员开展主题党日活动。"])
        let hongqiao = articles[1].first { $0.name == "虹桥街道" }
        #expect(hongqiao?.district == "崇川区")
        #expect(hongqiao?.ambiguous == false)
    }

    @Test("without context a shared name stays ambiguous, with its candidates; --region settles it")
    func ambiguousAndRegion() {
        let open = tag(["虹桥街道组织党员开展主题党日活动。"])[0].first { $0.name == "虹桥街道" }
        #expect(open?.ambiguous == true)
        #expect(open?.code == nil)
        #expect((open?.candidates.count ?? 0) >= 2)
        #expect(open?.candidates.contains { $0.district == "长宁区" } == true)
        let hinted = tag(["虹桥街道组织党员开展主题党日活动。"], region: "上海市")[0].first { $0.name == "虹桥街道" }
        #expect(hinted?.district == "长宁区")
        #expect(hinted?.ambiguous == false)
    }

    @Test("short forms count in context only, and never inside an unrelated word")
    func shortForms() {
        let withFull = tag(["新海镇召开会议。新海党委组织干部参加学习。"])[0]
        #expect(withFull.first { $0.name == "新海镇" }?.mentions.map(\.surface) == ["新海镇", "新海"])
        let withoutFull = tag(["新海党委组织干部参加学习。"])[0]
        #expect(!names(withoutFull).contains("新海镇"))
        let insideWord = tag(["新海镇召开会议。新海岸宣讲团走进村居。"])[0]
        #expect(insideWord.first { $0.name == "新海镇" }?.mentions.count == 1)
        let variant = tag(["斜土街道完善信访工作机制。"])[0]
        #expect(variant.first?.name == "斜土路街道")
        #expect(variant.first?.mentions.first?.surface == "斜土街道")
        let district = tag(["“在浦东·共未来”迎新健康走活动举行。"])[0]
        #expect(district.first?.name == "浦东新区")
    }

    @Test("a method named after a place is not the place; a road named after one neither")
    func notPlaces() {
        let text = "浦江镇坚持和发展新时代“枫桥经验”“浦江经验”。龙华街道位于龙华西路。"
        let locations = tag([text])[0]
        #expect(locations.first { $0.name == "浦江镇" }?.mentions.count == 1)
        #expect(locations.first { $0.name == "龙华街道" }?.mentions.map(\.surface) == ["龙华街道"])
    }

    @Test("a one-character town name far from the bulletin's places is part of a village's name (马镇村), near them a town")
    func oneCharacterTownNames() {
        let articles = tag([
            "徐霞客镇召开河长制工作推进会。", "马镇村召开村民代表会议，张镇桥村长者食堂开张。",
        ])
        #expect(!names(articles[1]).contains("马镇"), "\(names(articles[1]))")
        #expect(!names(articles[1]).contains("张镇"), "\(names(articles[1]))")
        // 张镇 near Beijing's places is Beijing's town.
        let beijing = tag(["北京市顺义区张镇组织开展河道巡查。"])[0]
        #expect(beijing.first { $0.name == "张镇" }?.district == "顺义区")
    }

    @Test(
        "communities are found by suffix and attached to the town before them",
        arguments: [
            ("通州区石港镇北渡村网格长在巡察时接到村民反映。", ["北渡村"], "石港镇"),
            ("崇川区秦灶街道八里庙村社区召开协商会。", ["八里庙村社区"], "秦灶街道"),
            ("任港街道城港社区辖区内的运料河全长约2500米。", ["城港社区"], "任港街道"),
            ("长征镇中环家园居民区开展议事。", ["中环家园居民区"], "长征镇"),
        ])
    func communities(text: String, expected: [String], town: String) {
        let found = tag([text])[0].filter { $0.level == .community }
        #expect(found.map(\.name) == expected)
        #expect(found.first?.town == town)
    }

    @Test("a community its article places under no town is under the town whose paper it is")
    func communityUnderThePapersOwnTown() {
        let articles = [
            "街道在方舟园居民区试点“楼组议事”，居民自己商量楼道堆物清理办法。",
            "方松街道与佘山镇结对共建，双方党员志愿者一起走访独居老人。",
        ].enumerated().map { Article(bulletin: "b", source: "b.txt", index: $0 + 1, text: $1) }
        let tagged = Corpus.tagger.tag(articles, masthead: ["方松街道社区报", "2024年6月14日"])
        let community = tagged[0].locations.first { $0.level == .community }
        #expect(community?.name == "方舟园居民区")
        #expect(community?.town == "方松街道")
        #expect(community?.district == "松江区")
        // Without a paper's own town, it stays under none.
        let alone = Corpus.tagger.tag([articles[0]])[0].locations.first { $0.level == .community }
        #expect(alone?.town == nil)
    }

    @Test(
        "generic words are not communities",
        arguments: [
            "巩固提升农村人居环境，推进新农村建设。", "全村上下积极参与，村民纷纷点赞。", "他是一名优秀的社区工作者。",
            "引导社区群众建言献策，方便社区居民就餐。", "推进智慧社区建设。", "各村居结合实际开展工作。",
            // Kinds of village, and verbs before a role: 三个自然村, 担任社区党委书记.
            "全镇三个自然村完成改厕。", "从社工做起，如今担任社区党委书记。", "有问题可以拨打居民区服务电话。",
        ])
    func genericWords(text: String) {
        #expect(tag([text])[0].filter { $0.level == .community }.isEmpty, "\(text)")
    }

    @Test("every mention's offsets point at its surface in the text, on the whole corpus")
    func offsetContract() throws {
        for name in Corpus.bulletinNames() {
            let articles = Corpus.tagger.tag(Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles)
            for article in articles {
                let scalars = Array(article.text.unicodeScalars)
                for location in article.locations {
                    for mention in location.mentions {
                        #expect(mention.start >= 0 && mention.end <= scalars.count && mention.start < mention.end)
                        let slice = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
                        #expect(slice == mention.surface, "\(article.id): \(mention)")
                    }
                }
            }
        }
    }

    @Test("a look-alike character in the text still finds the place, and the surface keeps it")
    func lookalikes() {
        let found = tag(["⻄塘镇与震泽镇开展毗邻党建。"])[0]
        let xitang = found.first { $0.name == "西塘镇" }
        #expect(xitang?.mentions.first?.surface == "⻄塘镇")
    }

    @Test("a district's short form from another province, a name running into 区域, quantities and verbs before 居民区")
    func heldOutFalsePlaces() {
        let shanghai = tag([
            "虹口区北外滩街道推进滨江沿线治理，76%的客流集中在滨江区域。",
            "九亭镇一些居民区和不少居民区探索议事规则，街道及时转交居民区调解。",
            "村干部推动村里修订村规民约，一般事项村社办。",
        ])
        #expect(!shanghai.joined().contains { $0.name == "滨江区" })
        #expect(shanghai[1].filter { $0.level == .community }.isEmpty)
        #expect(shanghai[2].filter { $0.level == .community }.isEmpty)
        // In a Hangzhou bulletin the short form still counts.
        let hangzhou = tag(["杭州市西湖区召开会议，滨江、萧山等地代表参加。"])[0]
        #expect(hangzhou.contains { $0.name == "滨江区" })
    }
}
