import Testing

@testable import BulletinKit

@Suite("Mechanism tagging")
struct MechanismTaggerTests {
    static let tsv = """
        id\tname\tcategory\taliases\tdescription
        sansuo-liandong\t三所联动\tdispute-resolution\t\t派出所、司法所、律师事务所联动调解
        sibai-dazoufang\t“四百”大走访\tvisiting\t走四百|宁聚·四百|“四百”行动\t百万党员干部走访
        fengqiao-jingyan\t枫桥经验\tdispute-resolution\t新时代枫桥经验\t矛盾不上交
        jiaodao-baodao\t吹哨报到\tgrid-governance\t街乡吹哨、部门报到|我镇吹哨、部门报到\t
        """

    static func tagger(_ tsv: String = tsv) throws -> MechanismTagger {
        let table = try TSVTable(parsing: tsv, file: "test.tsv", required: ["id", "name", "category"])
        return MechanismTagger(lexicon: try MechanismLexicon(table: table), folding: Corpus.lexicons.folding)
    }

    @Test(
        "every surface form finds its mechanism, with a balanced surface",
        arguments: [
            ("街道推进“三所联动”工作。", "sansuo-liandong", "三所联动"),
            ("深化“四百”大走访，收集意见。", "sibai-dazoufang", "“四百”大走访"),
            ("开展“走四百”办实事。", "sibai-dazoufang", "走四百"),
            ("打响“宁聚·四百”品牌。", "sibai-dazoufang", "宁聚·四百"),
            ("坚持发展新时代“枫桥经验”。", "fengqiao-jingyan", "新时代“枫桥经验”"),
            ("形成“我镇吹哨、部门报到”的工作机制。", "jiaodao-baodao", "我镇吹哨、部门报到"),
            ("学习“枫 桥 经 验”。", "fengqiao-jingyan", "枫 桥 经 验"),
            ("四百大走访走进楼组。", "sibai-dazoufang", "四百大走访"),
        ])
    func surfaces(text: String, id: String, surface: String) throws {
        let tags = try Self.tagger().mechanisms(in: text)
        #expect(tags.map(\.id) == [id])
        let mention = try #require(tags.first?.mentions.first)
        #expect(mention.surface == surface)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == surface)
    }

    @Test("one record per mechanism per article, with all its mentions; no nested double count")
    func oneRecord() throws {
        let text = "“三所联动”机制启动后，三所联动多元调解平台见效。新时代枫桥经验深入人心。"
        let tags = try Self.tagger().mechanisms(in: text)
        #expect(tags.map(\.id) == ["sansuo-liandong", "fengqiao-jingyan"])
        #expect(tags[0].mentions.count == 2)
        #expect(tags[1].mentions.map(\.surface) == ["新时代枫桥经验"])
    }

    @Test("a user lexicon wins where it overlaps the built-in one")
    func userWins() throws {
        let builtin = try MechanismLexicon(table: TSVTable(parsing: Self.tsv, file: "b.tsv", required: ["id"]))
        var merged = builtin
        let user = """
            id\tname\tcategory\taliases\tdescription
            my-zousibai\t走四百\tvisiting\t\tmy programme
            my-sansuo-plus\t三所联动多元调解\tdispute-resolution\t\tlonger alias
            """
        merged.merge(try MechanismLexicon(table: TSVTable(parsing: user, file: "u.tsv", required: ["id"])))
        let tagger = MechanismTagger(lexicon: merged, folding: Corpus.lexicons.folding)
        let tags = tagger.mechanisms(in: "开展“走四百”活动，推进三所联动多元调解。")
        #expect(tags.map(\.id) == ["my-zousibai", "my-sansuo-plus"])
        #expect(merged.entry(id: "sibai-dazoufang")?.aliases.contains("走四百") == false)
    }

    @Test("duplicate ids and a form claimed by two entries are errors naming the line")
    func errors() throws {
        let duplicate = Self.tsv + "\nsansuo-liandong\t三所\tx\t\t\n"
        #expect(throws: LexiconError.self) {
            try MechanismLexicon(table: TSVTable(parsing: duplicate, file: "d.tsv", required: ["id"]))
        }
        let claimed = Self.tsv + "\nother\t其他\tx\t“走四百”\t\n"
        do {
            _ = try MechanismLexicon(table: TSVTable(parsing: claimed, file: "c.tsv", required: ["id"]))
            Issue.record("no error")
        } catch {
            #expect(error.description == "c.tsv:6: form '“走四百”' of 'other' is already a form of 'sibai-dazoufang'")
        }
    }
}

@Suite("Mechanism suggestions")
struct MechanismSuggesterTests {
    @Test("quoted names that recur, …机制 names, families and codes are offered; known ones and slogans are not")
    func suggests() throws {
        let lexicon = try MechanismLexicon(
            table: TSVTable(parsing: MechanismTaggerTests.tsv, file: "t.tsv", required: ["id"]))
        var suggester = MechanismSuggester(
            lexicon: lexicon, suffixes: ["工作机制", "机制", "工作法"], notMechanisms: ["急难愁盼"])
        let texts = [
            "上线“清晨访问团”，“清晨访问团”走进田间。推行“老杨工作法”。解决“急难愁盼”问题。",
            "打造“清晨访问团”品牌，建立“365”工作机制，推动五所联动，落实湖长制，形成1+3+N体系。“一体发展”。",
            "深化“三所联动”，开展“四百”大走访。",
        ]
        for (index, text) in texts.enumerated() {
            suggester.add(Article(bulletin: "b\(index)", source: "b\(index).txt", index: 1, text: text))
        }
        let names = suggester.ranked.map(\.name)
        #expect(names.first == "清晨访问团")
        #expect(names.contains("“365”工作机制"))
        #expect(names.contains("老杨工作法"))
        #expect(names.contains("五所联动"))
        #expect(names.contains("湖长制"))
        #expect(names.contains("1+3+N"))
        #expect(!names.contains("急难愁盼"), "a listed slogan")
        #expect(!names.contains("一体发展"), "quoted once")
        #expect(!names.contains("三所联动") && !names.contains("四百"), "known, or part of a known name")
        #expect(suggester.ranked.first?.bulletins == ["b0", "b1"])
    }
}
