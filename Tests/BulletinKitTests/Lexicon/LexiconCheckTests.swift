import Testing

@testable import BulletinKit

@Suite("Checking a user lexicon")
struct LexiconCheckTests {
    static let builtin = Corpus.lexicons

    /// The diagnostics as `line: message` (warnings marked), for compact expectations.
    static func check(_ text: String, file: String = "mine.tsv") -> [LexiconDiagnostic] {
        builtin.diagnose(userFile: file, contents: text)
    }

    @Test("every built-in mechanism has a documented category and kind")
    func builtinCategories() {
        let undocumented = LexiconCheckTests.builtin.mechanisms.entries.filter { !MechanismCategory.isDocumented($0.category) }
        #expect(undocumented.map(\.id) == [])
        // The list in code is the one documented in the header of mechanisms.tsv.
        let header = LexiconCheckTests.builtin.sources.first { $0.name == "mechanisms.tsv" }!.contents
        for category in MechanismCategory.documented { #expect(header.contains(" " + category), "\(category)") }
    }

    @Test("a mechanism lexicon: every bad category, kind, id and duplicate is listed with its line, not only the first")
    func mechanismProblems() {
        let text = """
            # 本街道自己的机制
            id\tname\tcategory\tkind\taliases\tdescription
            linli-zaocha\t邻里早茶会\tconsultation-democracy\tmechanism\t早茶会\t居民每周喝早茶议事
            louzu-xieshang\t楼组协商会\tconsultation\tmechanism\t\t楼组居民协商
            yejian-menzhen\t夜间门诊\tpublic-services\tservice\t\t社区卫生中心晚间开诊
            Laoyou-Ji\t老友记\televlerly-care\tprogramme\t\t
            linli-zaocha\t早茶议事\tconsultation-democracy\tmechanism\t\t
            \t没有编号\tsafety\tmechanism\t\t
            qingchen-yishi\t清晨议事\tconsultation-democracy\tmechanism\t早茶会\t

            """
        let found = LexiconCheckTests.check(text)
        #expect(found.allSatisfy { $0.isError })
        #expect(found.map(\.line) == [4, 5, 6, 6, 7, 8, 9])
        #expect(found[0].description == "mine.tsv:4: unknown category 'consultation' (known: \(MechanismCategory.documented.joined(separator: ", ")))")
        #expect(found[1].message == "unknown kind 'service' (known: mechanism, campaign, programme, principle)")
        #expect(found[2].message.hasPrefix("id 'Laoyou-Ji' must be lowercase"))
        #expect(found[3].message.hasPrefix("unknown category 'elevlerly-care'"))
        #expect(found[4].message == "duplicate id 'linli-zaocha' (first at line 3)")
        #expect(found[5].message == "empty 'id' cell")
        #expect(found[6].message == "form '早茶会' of 'qingchen-yishi' is already a form of 'linli-zaocha' (line 3)")
    }

    @Test("a user entry with a built-in id, or a built-in form, is allowed and said: warnings, not errors")
    func overrides() {
        let text = """
            id\tname\tcategory\tkind\taliases\tdescription
            sansuo-liandong\t三所联动\tdispute-resolution\tmechanism\t三所联调|三所联调室\t派出所、司法所、律所联合调处
            lvshi-zhuju\t律师驻居\tlegal-services\tmechanism\t律师驻居室\t律师每周驻居民区

            """
        let found = LexiconCheckTests.check(text)
        #expect(found.count == 1, "\(found)")
        let origin = LexiconCheckTests.builtin.mechanisms.entry(id: "sansuo-liandong")!.origin
        #expect(found.first?.severity == .warning)
        #expect(found.first?.description == "mine.tsv:2: warning: id 'sansuo-liandong' overrides the built-in entry 三所联动 (\(origin)); yours replaces it")
        // A form that belongs to another built-in entry: said, the user's wins.
        let taken = LexiconCheckTests.check("id\tname\tcategory\nwo-de-sansuo\t我的三所\tdispute-resolution\n")
        #expect(taken == [])
        let claimed = LexiconCheckTests.check("id\tname\tcategory\taliases\nwo-de-sansuo\t我的三所\tdispute-resolution\t三所联调\n")
        #expect(claimed.map(\.severity) == [.warning])
        #expect(claimed.first?.message.hasPrefix("'三所联调' is also a form of the built-in 三所联动") == true)
    }

    @Test("a places lexicon: non-numeric codes, unknown levels and parents that do not exist are all listed; an existing code is a warning")
    func placeProblems() {
        let text = """
            code\tname\tlevel\tparent_code\taliases\tshort
            31011500X\t张江科学城\ttown\t310115\t\t
            310115901\t川沙新镇东片\ttown\t310199\t\t
            310115902\t新场新城\tvillage\t310115\t\t
            310115903\t周浦医学园区\ttown\t3101l5\t\t
            310115904\t航头新区\ttown\t310115905\t\t
            310115905\t航头片区\ttown\t310115\t\t航头片
            310104011\t斜土路街道\ttown\t310104\t\t斜土路

            """
        let found = LexiconCheckTests.check(text, file: "places-mine.tsv")
        #expect(found.map(\.line) == [2, 3, 4, 5, 8], "\(found)")
        #expect(found[0].message == "code '31011500X' is not a number (division codes are digits: 310104011)")
        #expect(found[1].message == "parent_code '310199' is no place in the gazetteer or this file")
        #expect(found[2].message == "level must be province, city, district or town, not 'village'")
        #expect(found[3].message == "parent_code '3101l5' is not a number")
        // Line 6's parent is defined further down the file: fine. Line 8 replaces a built-in place.
        let builtinName = LexiconCheckTests.builtin.gazetteer.place(code: "310104011")!.name
        #expect(found[4].severity == .warning)
        #expect(found[4].message == "code '310104011' overrides the built-in place \(builtinName); yours replaces it")
        #expect(found.filter(\.isError).count == 4)
    }

    @Test("a cue lexicon: every unknown role; a row with too few cells does not hide the rows after it")
    func cueProblems() {
        let text = "cue\trole\tnote\n扫码关注\tboilerplate\t\n本报讯\tleads\t\n通讯员\n摄影\tcredit\t\n"
        let found = LexiconCheckTests.check(text, file: "cues.tsv")
        #expect(found.map(\.line) == [3, 4, 5], "\(found)")
        #expect(found[0].message == "unknown role 'leads'")
        #expect(found[1].message.hasPrefix("expected 2 tab-separated columns"))
        #expect(found[2].message == "unknown role 'credit'")
    }

    @Test("the loader refuses such a file too, naming its first problem")
    func loaderRefuses() {
        var lexicons = LexiconCheckTests.builtin
        let text = "id\tname\tcategory\tkind\nyejian-menzhen\t夜间门诊\tpublic-service\tprogramme\n"
        #expect(throws: LexiconError.malformedRow(
            file: "mine.tsv", line: 2,
            message: "unknown category 'public-service' (known: \(MechanismCategory.documented.joined(separator: ", ")))")
        ) {
            try lexicons.add(userFile: "mine.tsv", contents: text)
        }
        #expect(lexicons.mechanisms.entry(id: "yejian-menzhen") == nil)
    }
}
