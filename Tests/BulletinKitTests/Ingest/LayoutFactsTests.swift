import Testing

@testable import BulletinKit

/// The per-paragraph and per-window facts the layout features read: computed once, they must
/// say what the direct questions said.
@Suite("Layout facts computed once")
struct LayoutFactsTests {
    let paragraphs = [
        "石港镇北渡村召开村民议事会，商议生活盒子选址。",
        "生活盒子建成后，石港镇北渡村老人就近用餐。",
        "华阳路街道开展垃圾分类宣传，居民积极参与。",
        "居民参与垃圾分类，街道工作人员上门指导。",
    ]

    @Test("a run of paragraphs has the vector of their joined text, whichever side asks first")
    func windows() {
        let (topics, counts) = TopicSimilarity.interning(paragraphs: paragraphs)
        var windows = TopicWindows(topics: topics, counts: counts, width: 4)
        let below = windows.run(first: 1, length: 2)
        let joined = TopicSimilarity.counts(paragraphs[1] + "\n" + paragraphs[2])
        #expect(below.counts == topics.interned(joined))
        // Interned keys weigh what the bigrams weigh, bit for bit.
        #expect(below.weights == topics.vector(joined).weights)
        let again = windows.run(first: 1, length: 2)
        #expect(again.weights == below.weights)
        #expect(
            topics.similarity(windows.run(first: 0, length: 1), below)
                == topics.similarity(TopicSimilarity.counts(paragraphs[0]), joined))
        #expect(topics.similarity(windows.run(first: 0, length: 1), windows.run(first: 3, length: 1))
            == topics.similarity(paragraphs[0], paragraphs[3]))
        #expect(windows.run(first: 2, length: 0).isEmpty)
    }

    @Test("one sort of all (bigram, paragraph) pairs gives the rarity and counts of sorting each paragraph")
    func interning() {
        let texts = paragraphs + ["", "2024年", paragraphs[0]]
        let (topics, counts) = TopicSimilarity.interning(paragraphs: texts)
        let separate = TopicSimilarity(paragraphCounts: texts.map(TopicSimilarity.counts))
        #expect(counts == texts.map { separate.interned(TopicSimilarity.counts($0)) })
        #expect(counts[4].isEmpty && counts[5].isEmpty)
        for text in texts {
            #expect(topics.vector(interned: topics.interned(TopicSimilarity.counts(text))).weights
                == separate.vector(TopicSimilarity.counts(text)).weights)
        }
    }

    @Test("one pass finds the punctuation the shape features ask about")
    func punctuation() {
        let scan = PunctuationScan("近日，“邻里议事会”在新港村召开：2024年共议事12次。会上，村民发言。".scalarArray)
        #expect(scan.commas == 2)
        #expect(scan.quote)
        #expect(scan.firstColon == 16)
        #expect(scan.fullStopInside)
        #expect(scan.digits)
        #expect(!scan.spaceInside)
        #expect(!scan.bookTitleMark)
        let title = PunctuationScan("学习《条例》　共建美丽家园。".scalarArray)
        #expect(title.bookTitleMark && title.spaceInside)
        #expect(!title.fullStopInside)  // the full stop is the last character
        #expect(title.commas == 0 && title.firstColon == nil)
        #expect(!scan.clockTime)
        // A clock time's colon is no heading colon (`…发布 2023-12-05 18:02 上海`).
        let meta = PunctuationScan("原创 三林发布 2023-12-05 18:02 发表于上海".scalarArray)
        #expect(meta.clockTime && meta.firstColon == nil)
        let source = PunctuationScan("2024-05-16 16：40　来源：顾村发布".scalarArray)
        #expect(source.clockTime && source.firstColon == 19)
        // One definition with the page-break repair's: an hour of one digit is a clock time, a
        // ratio is not, and its colon is a colon like any other.
        let hours = PunctuationScan("开放时间：工作日9:00至17:00".scalarArray)
        #expect(hours.clockTime && hours.firstColon == 4)
        #expect(LineShape.hasClockTime("上午8:30至11:30") && !LineShape.hasClockTime("按1:1比例配套"))
        let ratio = PunctuationScan("按1：1配套".scalarArray)
        #expect(!ratio.clockTime && ratio.firstColon == 2)
        // A count, not a date, a time or a house number: what a caption under a dated photo lacks.
        #expect(scan.countDigits)  // 12次
        #expect(!PunctuationScan("▲10月18日，7号楼加装电梯启用。　沈　磊　摄".scalarArray).countDigits)
        #expect(!PunctuationScan("2025-10-24 17:42 上海".scalarArray).countDigits)
        #expect(PunctuationScan("全镇1.2万余户、318条渔船".scalarArray).countDigits)
        #expect(PunctuationScan("10月18日，5台已投入使用".scalarArray).countDigits)
    }

    @Test("town names by shape, from a slice of characters as from a string, generic words left out")
    func townNames() {
        let text = "6月12日，东山街道与湖熟街道、禄口镇联合开展全镇巡查"
        #expect(TownNameShape.names(in: text) == ["东山街道", "湖熟街道", "禄口镇"])
        #expect(TownNameShape.names(in: text.scalarArray[6...]) == ["东山街道", "湖熟街道", "禄口镇"])
        #expect(TownNameShape.names(in: text.scalarArray.prefix(11)) == ["东山街道"])
    }

    @Test("a heading far down a long article's head (a deck, a head credit) stands under it; after a closing byline it does not")
    func underHead() {
        let text = """
            二十年，她把一个老新村“焐热”了
            ——记东风新村居民区党总支书记杨巧英
            本报记者　顾晓雯

            早上七点不到，杨巧英已经在东风新村里转了一圈，哪幢楼的灯坏了、哪家门口堆了杂物，她心里都有数。
            东风新村建于上世纪八十年代，六层老楼一共四十二幢，六十岁以上的老人占了居民的四成。
            杨巧英到居民区工作二十年，从社工做到书记，手机里存着一千多个居民的电话。
            “加梯这件事，急不得，也拖不得”
            东风新村的楼都是六层，没有电梯，杨巧英带着社工一户一户上门征求意见，前后开了十几次协调会。
            今年春天，东风新村第一台加装电梯投入使用，楼里的老人第一次坐着电梯下了楼。
            ·顾晓雯·

            江川路街道第三家长者食堂开门迎客
            4月8日，位于鹤庆路上的江川路街道第三家长者食堂开门迎客，每天可供应午餐三百份。
            """
        let layout = Corpus.ingester.layout(of: Bulletin(path: "t.txt", text: text))
        func features(of paragraph: String) -> [String] {
            guard let index = layout.blocks.firstIndex(where: { if case .paragraph(let p) = $0 { p.text == paragraph } else { false } }) else {
                Issue.record("no paragraph “\(paragraph)”")
                return []
            }
            return layout.features[index].map(\.name)
        }
        #expect(features(of: "“加梯这件事，急不得，也拖不得”").contains("under-head:3-5"))
        #expect(!features(of: "江川路街道第三家长者食堂开门迎客").contains { $0.hasPrefixBytes("under-head:") })
    }

    @Test("a brief opening with the bracket of one further up its section, titled items between, opens like it; a new section forgets")
    func opensLikeEarlier() {
        let text = """
            【工作动态】
            【王庄村】6月7日，王庄村村民议事会围绕村内一条灌溉渠的清淤方案进行协商，形成了一致意见。
            镇综治中心开展汛前隐患排查
            6月上旬，镇综治中心会同水利、建设等部门对全镇低洼易涝地段开展排查，共发现隐患23处。
            【殷湖村】殷湖村今年推行“法律明白人”培养工程，从村组长和网格员中选出12名骨干。
            【图片新闻】
            【新庄村】近日，新庄村组织志愿者清理沟塘河道，村容村貌焕然一新。
            """
        let layout = Corpus.ingester.layout(of: Bulletin(path: "t.txt", text: text))
        func features(of start: String) -> [String] {
            guard let index = layout.blocks.firstIndex(where: { if case .paragraph(let p) = $0 { p.text.hasPrefix(start) } else { false } }) else {
                Issue.record("no paragraph opening “\(start)”")
                return []
            }
            return layout.features[index].map(\.name)
        }
        #expect(features(of: "【殷湖村】").contains("opens-like-earlier"))
        #expect(!features(of: "【王庄村】").contains("opens-like-earlier"))
        #expect(!features(of: "【新庄村】").contains("opens-like-earlier"))
    }
}
