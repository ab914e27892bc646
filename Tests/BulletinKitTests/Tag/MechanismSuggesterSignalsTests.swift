import Testing

@testable import BulletinKit

/// `lexicon suggest` with the built-in signals (`suggest-signals.tsv`): variants are one row,
/// rhetoric and fragments are left out, real names stay.
@Suite("Mechanism suggestions: variants and rhetoric")
struct MechanismSuggesterSignalsTests {
    /// A suggester over the built-in lexicons, fed one bulletin per text, each tagged so its towns count.
    static func suggestions(_ texts: [String]) -> [MechanismSuggester.Suggestion] {
        let lexicons = Corpus.lexicons
        var suggester = MechanismSuggester(
            lexicon: lexicons.mechanisms, suffixes: lexicons.mechanismSuffixes, notMechanisms: lexicons.notMechanisms,
            signals: lexicons.suggestionSignals)
        for (index, text) in texts.enumerated() {
            let article = Article(bulletin: "b\(index)", source: "b\(index).txt", index: 1, text: text)
            for tagged in Corpus.tagger.tag([article]) { suggester.add(tagged) }
        }
        return suggester.ranked
    }

    @Test("“365”工作机制, “365”机制 and “365”工作法 are one row: uses summed, towns and bulletins as sets")
    func variantsMerge() throws {
        let ranked = MechanismSuggesterSignalsTests.suggestions([
            "斜土路街道深化“365”工作机制，信访接待全年无休。斜土路街道“365”工作机制运行一年。",
            "枫林路街道学习“365”机制，每周开放接待日。",
            "斜土路街道总结“365”工作法，群众来访有人接。",
        ])
        let rows = ranked.filter { MechanismLexicon.matchKey($0.name).hasPrefix("365") }
        try #require(rows.count == 1, "\(ranked.map(\.name))")
        #expect(rows[0].name == "“365”工作机制", "the most used form names the row")
        #expect(Set(rows[0].aliases) == ["“365”机制", "“365”工作法"])
        #expect(rows[0].count == 4)
        #expect(rows[0].bulletins == ["b0", "b1", "b2"])
        #expect(rows[0].towns == ["斜土路街道", "枫林路街道"], "a town in two bulletins counts once")
    }

    @Test("a different mechanism word is another candidate: 清风驿站 is not merged with 清风工作法")
    func differentHeadsStay() {
        let names = MechanismSuggesterSignalsTests.suggestions([
            "街道打造“清风”驿站，又推行“清风”工作法。",
            "街道的“清风”驿站开门，“清风”工作法见效。",
        ]).map(\.name)
        #expect(names.contains("“清风”驿站"))
        #expect(names.contains("“清风”工作法"))
    }

    @Test("quoted figures of speech are left out, recurring real names stay")
    func rhetoricLeftOut() {
        let texts = [
            "桃浦镇信访代理员跑出为民服务“加速度”，让居民从“观望者”变为“参与者”。停车难是老旧小区的“老大难”。",
            "曹杨新村街道跑出服务“加速度”，老旧小区“老大难”问题逐一解决，居民从“观望者”变为主人。",
            "长征镇开展“银杏守望”，“银杏守望”志愿者每天巡楼。破解“老大难”。",
            "真如镇街道推广“银杏守望”，各小区组建队伍。",
        ]
        let names = MechanismSuggesterSignalsTests.suggestions(texts).map(\.name)
        #expect(!names.contains("加速度"), "跑出“…”: a figure")
        #expect(!names.contains("观望者"), "从“…”变为: a figure")
        #expect(!names.contains("老大难"), "是…的“…”, “…”问题: a problem")
        #expect(names.contains("银杏守望"), "quoted in several frames, in three towns: a name")
    }

    @Test("two-character words, difficulties, manners and counts of points are left out when quoted")
    func quotedNonNames() {
        let texts = [
            "桃浦镇化解“心病”，告别“爬楼难”，干部“一对一”联系，落实“3个聚焦”。",
            "长征镇解开“心病”，破解“爬楼难”，专人“一对一”对接，围绕“3个聚焦”推进。",
        ]
        let names = MechanismSuggesterSignalsTests.suggestions(texts).map(\.name)
        for noise in ["心病", "爬楼难", "一对一", "3个聚焦"] { #expect(!names.contains(noise), "\(noise)") }
    }

    @Test("fragments read back past a function word, a verb of setting up, a closing quote or a generic 经验 are left out")
    func fragmentsLeftOut() {
        let texts = [
            "会议召开后，各街镇迅速行动。桃浦镇新建骑手驿站5处。元和街道“网格+警格”融合运行机制见效。镇村干部赴外地学习网格治理经验。",
            "会议召开后，各街镇迅速行动。长征镇新建骑手驿站3处。元和街道“网格+警格”融合运行机制获评案例。将总结街道经验。",
            "长征镇推行楼组议事工作法，桃浦镇也学习楼组议事工作法。",
        ]
        let names = MechanismSuggesterSignalsTests.suggestions(texts).map(\.name)
        for noise in ["各街镇迅速行动", "新建骑手驿站", "骑手驿站", "融合运行机制", "治理经验", "街道经验"] {
            #expect(!names.contains(noise), "\(noise)")
        }
        #expect(names.contains("楼组议事工作法"), "an unquoted name of four characters and a mechanism word stays")
    }

    @Test("是…的 is a frame only with 是 earlier in the same clause")
    func frameWithGap() throws {
        let lexicons = Corpus.lexicons
        var suggester = MechanismSuggester(
            lexicon: lexicons.mechanisms, suffixes: lexicons.mechanismSuffixes, signals: lexicons.suggestionSignals)
        suggester.add(Article(bulletin: "b0", source: "b0.txt", index: 1, text: "停车是老旧小区的“堵点”。"))
        suggester.add(Article(bulletin: "b1", source: "b1.txt", index: 1, text: "这是关键，小区的“堵点”得到疏通。"))
        let found = try #require(suggester.found["堵点"])
        #expect(found.count == 2)
        #expect(found.figurativeUses == 1, "the second 是 is in another clause")
    }

    @Test("every role of suggest-signals.tsv is explained in its header and has words")
    func signalsDocumented() throws {
        let source = try #require(Corpus.lexicons.sources.first { $0.name == "suggest-signals.tsv" })
        let header = source.contents.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
        for role in SuggestionSignal.allCases {
            #expect(header.contains(" \(role.rawValue) "), "\(role.rawValue) is not explained")
            #expect(!Corpus.lexicons.suggestionSignals.cues(for: role).isEmpty, "\(role.rawValue) has no words")
        }
    }
}
