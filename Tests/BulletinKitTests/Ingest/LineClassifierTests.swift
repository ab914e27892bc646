import Testing

@testable import BulletinKit

@Suite("Line classification")
struct LineClassifierTests {
    let classifier = LineClassifier(cues: Corpus.lexicons.layoutCues)

    func kind(_ text: String) -> LineClassifier.Kind {
        classifier.classify(SourceLine(number: 1, raw: Substring(text), folding: Corpus.lexicons.folding))
    }

    /// The kinds of a run of lines after the masthead passes.
    func kinds(_ text: String) -> [LineClassifier.Kind] {
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        return classifier.absorbingMastheadNames(lines, lines.map(classifier.classify))
    }

    @Test("an imprint line with the issue date in front, its fields run together by single spaces, dates the issue; a sentence naming a date and a host does not")
    func imprintWithTheDateInFront() {
        let imprint = kind("2023年11月15日 第22期 中共上海市宝山区顾村镇委员会 上海市宝山区顾村镇人民政府 主办")
        #expect(imprint == .masthead(date: IssueDate(year: 2023, month: 11, day: 15)))
        #expect(kind("2024年5月17日 镇文化中心主办") == .masthead(date: IssueDate(year: 2024, month: 5, day: 17)))
        #expect(kind("2022年6月10日 星期五 第6期(总第48期) 内部资料") == .masthead(date: IssueDate(year: 2022, month: 6, day: 10)))
        if case .masthead(let date?) = kind("2024年5月17日，镇文化中心举办了一场由街道主办") {
            Issue.record("a sentence read as a dated imprint: \(date)")
        }
    }

    @Test func aMastheadNameBetweenMastheadLinesButNotAWebTitleAboveItsMetaLine() {
        let masthead = kinds("2024年5月17日 星期五\n周浦民生\n中共周浦镇委员会宣传办公室编印")
        #expect(masthead[1] == .masthead(date: nil))
        let web = kinds("阅读原文\n泗泾镇召开2024年“四百”大走访工作推进会\n2024-05-15 09:15　浏览次数：1234")
        #expect(web[0] == .masthead(date: nil))
        #expect(web[1] == .text)
        #expect(web[2] == .masthead(date: nil))
        // Only the cluster at the top: a section marker ends it, and a short title under the
        // marker, over a dated page line, stays text for the model.
        let section = kinds("【要闻】\n镇里召开防汛工作会议\n2024年5月17日 星期五")
        #expect(section[1] == .text, "\(section)")
    }

    @Test("a notice's signing office, contact line and bare date are its text; the editor and imprint lines under them are not")
    func noticeSignature() {
        let text = """
            花木镇报
            2024年10月11日
            本版编辑 陈洁
            关于开展冬季消防安全检查的通知
            各村居：
            为做好冬季消防安全工作，镇里决定于11月开展消防安全检查，请各村居提前做好自查。
            举报电话：021-58541234
            花木镇人民政府办公室
            2024年10月9日
            本版编辑 陈洁　校对 王敏
            地址：浦东新区花木路 100 号
            """
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        let kinds = classifier.demotingSignOffDates(lines, classifier.absorbingMastheadNames(lines, lines.map(classifier.classify)))
        #expect(Array(kinds[6...8]) == [.text, .text, .text], "\(kinds)")
        if case .masthead = kinds[9] {} else { Issue.record("the editor line is masthead: \(kinds[9])") }
        if case .masthead = kinds[10] {} else { Issue.record("the address line is masthead: \(kinds[10])") }
        if case .masthead = kinds[1] {} else { Issue.record("the issue date at the top stays masthead: \(kinds[1])") }
    }

    @Test("a contact line right under article text goes to the layout model; the imprint's contact lines stay masthead")
    func closingContactLine() {
        let text = """
            社区事务受理中心推出周六服务
            即日起，街道社区事务受理服务中心每周六上午开放，办理医保、社保等高频事项。
            咨询电话：0510-8686××××
            ┌────────────┐
            扫描二维码，关注“澄江发布”
            主办：中共江阴市澄江街道工作委员会
            地址：江阴市澄江街道××路××号
            电话：0510-8686××××　　投稿邮箱：cjsqb@××××.com
            """
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        let read = classifier.absorbingMastheadNames(lines, lines.map(classifier.classify))
        #expect(read[2] == .masthead(date: nil), "the contact line alone reads as imprint: \(read[2])")
        let kinds = classifier.handingOverClosingContacts(lines, read)
        #expect(kinds[2] == .text, "\(kinds)")
        #expect(kinds[7] == .masthead(date: nil), "the imprint's telephone line, under the address: \(kinds[7])")
        #expect(Array(kinds[3...6]) == Array(read[3...6]))
    }

    @Test("an image placeholder is the cue alone on its line, spaces aside")
    func imagePlaceholder() {
        let cues = Corpus.lexicons.layoutCues
        #expect(cues.isImagePlaceholder("[图片]"))
        #expect(cues.isImagePlaceholder("　[图片] "))
        #expect(cues.isImagePlaceholder("【图片】"))
        #expect(!cues.isImagePlaceholder("[图片]网格员入户走访独居老人"))
        #expect(!cues.isImagePlaceholder("图片新闻"))
    }

    @Test(
        "bylines and their names",
        arguments: [
            ("·夏凡 张顺燕 印春湘·", ["夏凡", "张顺燕", "印春湘"]),
            ("·陈燕·", ["陈燕"]),
            ("(海永镇自治办)", ["海永镇自治办"]),
            ("（自治办）", ["自治办"]),
            ("文/王芳 图/李强", ["王芳", "李强"]),
            ("(记者 张晓 通讯员 李明)", ["张晓", "李明"]),
            ("  ·顾清·  ", ["顾清"]),
            // Two-character names padded to three with a space.
            ("·张 蔚·", ["张蔚"]),
            ("·钱 蓉　丁 凯·", ["钱蓉", "丁凯"]),
            ("·林 红 周晓东·", ["林红", "周晓东"]),
            ("(记者 王 磊 通讯员 张晓)", ["王磊", "张晓"]),
            // A spaced name whose second half is a role word (文, 图), and a role word after one.
            ("（通讯员　蒋　文）", ["蒋文"]),
            ("文／王 芳　图／李强", ["王芳", "李强"]),
            ("（区委研究室供稿）", ["区委研究室"]),
            ("记者 王芳", ["王芳"]),
            ("■ 本报记者　陆佳琪", ["陆佳琪"]),
            ("□ 周立群", ["周立群"]),
            // WeChat-style credits, the bar full-width or 丨.
            ("文｜陶敏", ["陶敏"]),
            ("文丨陶　然", ["陶然"]),
            ("供稿｜街道司法所", ["街道司法所"]),
            // An office whose name starts like a role word (文明办, not 明办).
            ("（文明办　吴思远）", ["文明办", "吴思远"]),
            // An office and its writer, no credit word or brackets (under a work brief's title).
            ("镇民政办　陈　静", ["镇民政办", "陈静"]),
            ("街道司法所 王晓明", ["街道司法所", "王晓明"]),
        ])
    func bylines(line: String, names: [String]) {
        #expect(kind(line) == .byline(names))
    }

    @Test(
        "a web page's meta line credits the names after 作者 or a role word, up to the next field",
        arguments: [
            ("时间：2025-09-04　来源：蒋垛镇　作者：陈晓东", ["陈晓东"]),
            ("来源：新沂市融媒体中心　　作者：刘　畅　　发布时间：2025-11-19 10:05　　浏览次数：412", ["刘畅"]),
            ("时间：2025-09-03　来源：俞垛镇　作者：区融媒体中心", ["区融媒体中心"]),
            ("原创　记者　顾晓雯　通讯员　刘志宏　2025-10-10 09:32", ["顾晓雯", "刘志宏"]),
            ("原创　记者　马　骏　上观新闻　2025-10-09 20:41", ["马骏"]),
            // A bullet before the role, and the paper's own reporter.
            ("□本报记者　蒋文涛　实习生　周　琪　11月6日电", ["蒋文涛", "周琪"]),
            ("■ 本报通讯员 蒋一舟  记者 华丽", ["蒋一舟", "华丽"]),
        ])
    func metaLineCredits(line: String, names: [String]) {
        #expect(classifier.metaLineCredit(line) == names)
    }

    @Test("a meta line that credits no writer gives no names: the source, the editor, the date")
    func metaLineWithoutCredit() {
        for line in ["来源：张家港市融媒体中心　　发布时间：2025-10-09 14:47", "编辑：钱　玉", "2025-10-10 09:32　阅读 1.2万", "责任编辑：孙建国"] {
            #expect(classifier.metaLineCredit(line) == nil, "\(line)")
        }
    }

    @Test(
        "a credit's role words are no names, however long: 文字, 图片, 读者, 来源",
        arguments: [
            ("文字｜陈晓　图片｜金一鸣", ["陈晓", "金一鸣"]),
            ("王晓　图片　李明", ["王晓", "李明"]),
            ("读者　李建华", ["李建华"]),
            ("来源：上海崇明", ["上海崇明"]),
            // A role named with its kind is a role; a credit verb comes off the name before it.
            ("文／居民通讯员　沈美华", ["沈美华"]),
            ("融媒体记者　魏然", ["魏然"]),
            ("德尚居民区供稿", ["德尚居民区"]),
            ("采访整理　顾晓岚", ["顾晓岚"]),
            ("责任编辑：孙悦　审核：吴建明", ["孙悦", "吴建明"]),
            // An office keeps its whole name.
            ("街道宣传办", ["街道宣传办"]),
            // A writer's post is no name.
            ("卫零居民区党总支书记　徐丽萍", ["徐丽萍"]),
            ("社区居委会主任 王建国", ["王建国"]),
            // A photographer's verb run onto a spaced name.
            ("钱　程摄", ["钱程"]),
        ])
    func creditRoleWords(inner: String, names: [String]) {
        #expect(classifier.nameTokens(Substring(inner)) == names)
    }

    @Test(
        "lines that look like bylines but are not",
        arguments: [
            "(见右图)", "（完）", "·一段很长很长的不是名字的文字内容·", "(2024年)", "（镇村两级调解力量集中入驻）", "（凌云路街道培育社区自治项目调研）",
            // Columns headed by a credit's role word, or set alone after a bullet.
            "记者手记", "记者观察", "通讯员手记", "■编后", "■ 短评",
            // An office and what it does, not who wrote.
            "镇司法所　调解室", "街道办　便民服务",
            // A contact under a notice, a quote's speaker.
            "联系人：街道社会事业科　刘女士", "——森兰居民区　沈　琴",
            // A town's label over its item on a district page.
            "●　直溪镇", "■ 朱林镇",
            // A label over the text it introduces: a reply, a reporter's account.
            "记者回复：", "■ 本报记者:",
        ])
    func notBylines(line: String) {
        if case .byline = kind(line) { Issue.record("\(line) read as a byline") }
    }

    @Test("section markers")
    func sections() {
        #expect(kind("【网格治理】") == .section("网格治理"))
        #expect(kind("【“走四百”办实事】") == .section("“走四百”办实事"))
        #expect(kind("【网格治理】街道召开会议，部署工作。") == .text)
        // A whole headline in the brackets (a digest's item) is no section's label.
        #expect(kind("【秋收秸秆禁烧实现“零火点”】") == .text)
        #expect(kind("【镇村干部赴邻镇学习基层治理经验】") == .text)
        #expect(kind("【学习贯彻全会精神·基层行】") == .section("学习贯彻全会精神·基层行"))
        // A theme page's name is longer than a column's, and ends like a page's.
        #expect(kind("【和美乡村·人居环境整治提升三年行动专版】") == .section("和美乡村·人居环境整治提升三年行动专版"))
        // A web page's button is dropped, not a section that would label every article below it.
        #expect(kind("【关闭窗口】") == .masthead(date: nil))
        #expect(kind("【字体：大 中 小】") == .masthead(date: nil))
        // Other brackets, and a name between two of the same ornament.
        #expect(kind("〔平安建设〕") == .section("平安建设"))
        #expect(kind("〖邻里·互助〗") == .section("邻里·互助"))
        // Full-width square brackets, which folding makes ASCII; ASCII ones hold a web page's
        // placeholders.
        #expect(kind("［平安法治］") == .section("平安法治"))
        if case .section = kind("[图片]") { Issue.record("a web page's image placeholder read as a section") }
        if case .section = kind("［图片］") { Issue.record("an image placeholder in full-width brackets read as a section") }
        #expect(kind("◇ 社区治理 ◇") == .section("社区治理"))
        #expect(kind("| 民生 |") == .section("民生"))
        #expect(kind("——法治平安——") == .section("法治平安"))
        #expect(kind("■简　讯■") == .section("简讯"))  // a letter-spaced label joined
        #expect(kind("══ 村居一线 ══") == .section("村居一线"))
        // The ornament drawn as long as the rule, the label letter-spaced.
        #expect(kind("══════　百姓问答　══════") == .section("百姓问答"))
        #expect(kind("◇ 公 告 栏 ◇") == .section("公告栏"))
        if case .section = kind("══════════════════") { Issue.record("a double rule read as a section") }
        // Not a name between ornaments: a rule, a web page's end mark, a bulleted brief.
        #expect(kind("——————————") != .section(""))
        if case .section = kind("—— END ——") { Issue.record("—— END —— read as a section") }
        if case .section = kind("◆ 镇综治中心联合派出所开展夜间巡查，消除隐患12处。◆") { Issue.record("a brief read as a section") }
    }

    @Test("a running footer or header spread across the page with its page number, between dashes or not, is masthead")
    func spreadPageLines() {
        for line in ["长桥街道工作动态　　　　　　　　　　　— 2 —", "-3-　　　　　　　　　　新成社区报", "九亭报·要闻　　　　　　01"] {
            #expect(kind(line) == .masthead(date: nil), "\(line): \(kind(line))")
        }
        // Dashes alone are no page number, and a sentence ending in a figure is text.
        #expect(kind("全年共受理工单　　　　　　　　912件，同比下降6.3%。") == .text)
    }

    @Test("issue lines in brackets or after their year are masthead; a sentence about a period is not")
    func issueLines() {
        for line in ["（2024年第19期）", "2024年第8期（总第96期）", "（第3版）", "〔总第132期〕"] {
            guard case .masthead = kind(line) else {
                Issue.record("\(line) not read as masthead: \(kind(line))")
                continue
            }
        }
        #expect(kind("2024年第一季度全镇化解纠纷86件") == .text)
        #expect(kind("第二期培训班开班，60名网格员参加。") == .text)
    }

    @Test("a contents box's top rule with its header and the entries under it are masthead")
    func contentsBox() {
        let text = """
            ┌─────────── 本期导读 ───────────┐
            │　◇ 寒潮来前，先敲开独居老人的门　　　　P1　│
            │　◇ 关于征集为民办实事项目的公告　　　　P2　│
            └─────────────────────────────┘

            寒潮来前，先敲开独居老人的门
            　　“王阿姨，暖气片开了吗？”12月2日一早，东青社区网格员敲开了独居老人的门，量血压、查燃气，十来分钟的上门让老人安心不少。
            """
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        let kinds = classifier.absorbingContents(lines, lines.map(classifier.classify))
        for index in 0..<4 { #expect(kinds[index] == .masthead(date: nil), "line \(index + 1): \(kinds[index])") }
        #expect(kinds[5] == .text)
        #expect(kinds[6] == .text)
    }

    /// The text's first `lines` lines are its contents box (header and entries), dropped as
    /// masthead; nothing past the blank line under them is.
    func expectContentsBox(_ text: String, lines count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = SourceLine.lines(of: text, folding: Corpus.lexicons.folding)
        let kinds = classifier.absorbingContents(lines, lines.map(classifier.classify))
        for index in 0..<count {
            #expect(kinds[index] == .masthead(date: nil), "line \(index + 1): \(kinds[index])", sourceLocation: sourceLocation)
        }
        for index in (count + 1)..<lines.count {
            if case .masthead = kinds[index] { Issue.record("line \(index + 1) absorbed into the contents box", sourceLocation: sourceLocation) }
        }
    }

    @Test("past a blank line, a line giving no page ends a box whose entries give theirs, however short the lines below")
    func contentsBoxEndsAtUnpagedLine() {
        // A hard-wrapped paper: the title stack and the first lines of text are as short as
        // entries and carry no full stop.
        let text = """
            本期导读
            ·渔港边的“议事船”开到第十期　　　　　　　　1版
            ·宅前屋后的充电棚　　　　　　　　　　　　1、2版
            ·明年办哪些实事？向全镇“问计”　　　　　　　2版

            渔港边的“议事船”
            开到第十期
            本报讯 记者 陈立 通讯员 吴敏
            10月8日下午，镇渔业社区的“议事船”靠上码头，
            二十多位渔民围坐船舱，商量冬季休渔期间的巡
            """
        expectContentsBox(text, lines: 4)
        #expect(LineClassifier.endsWithPageReference("·宅前屋后的充电棚　　1、2版"))
        #expect(LineClassifier.endsWithPageReference("告别“拎马桶”（２版）"))
        #expect(LineClassifier.endsWithPageReference("家门口办结 ………… 3"))
        #expect(LineClassifier.endsWithPageReference("“红色物业”引来取经人……第二版"))
        #expect(LineClassifier.endsWithPageReference("好人榜（四版）"))
        #expect(!LineClassifier.endsWithPageReference("开到第十期"))
        #expect(!LineClassifier.endsWithPageReference("议事会开了第十"))
        #expect(!LineClassifier.endsWithPageReference("“三所联动”化解纠纷12"+"件。"))
    }

    @Test("entries that give their page first (`2版　…`) end the box at the first line past a blank that gives none")
    func contentsBoxWithPagesFirst() {
        let text = """
            本期导读
            2版　河岸边的“议事亭”又添新座椅
            3版　老街里的年轻网格员
            4版　降温了，这份取暖提示请收好

            家门口的服务站又近了一步
            桥北街道首个邻里中心启用

            　　本报讯（记者　周明　通讯员　韩　雪）3月2
            日，位于河滨路的桥北街道首个邻里中心正式启用，
            """
        expectContentsBox(text, lines: 4)
        #expect(LineClassifier.startsWithPageReference("2版　“弄堂议事会”议出一排晾衣架"))
        #expect(LineClassifier.startsWithPageReference("第３版 老街里的年轻网格员"))
        #expect(!LineClassifier.startsWithPageReference("2024年起，全镇推行"))
        #expect(!LineClassifier.startsWithPageReference("12个村全部建成睦邻点"))
        #expect(!LineClassifier.startsWithPageReference("3版"))
    }

    @Test("past a blank line, a line without the mark every entry opens with ends the box, pages or none")
    func contentsBoxEndsAtUnmarkedLine() {
        // A work brief's 本期要目 marks its entries with ◆ and gives no pages; under it, a part
        // heading, a title and a hard-wrapped lead, each line short and without a full stop.
        let text = """
            本期要目
            ◆街道部署第四季度“四百”大走访工作
            ◆蓝天二村加装电梯“一梯一议”
            ◆“三所联动”调解室运行满一年

            一、重点工作

            街道部署第四季度“四百”大走访工作
            　　10月12日，街道召开第四季度“四百”大走访工作推进会，
            街道党工委书记出席并讲话，各居民区书记参加
            """
        expectContentsBox(text, lines: 4)
        #expect(LineClassifier.isEntryMark("◆"))
        #expect(LineClassifier.isEntryMark("·"))
        #expect(!LineClassifier.isEntryMark("“"))
        #expect(!LineClassifier.isEntryMark("街"))
    }

    @Test(
        "continuation markers and end marks",
        arguments: [
            (">>> 下接 2 版", LineClassifier.Kind.continuedForward(page: "2版")),
            ("（下转第4版）", .continuedForward(page: "4版")),
            ("(转第３版)", .continuedForward(page: "3版")),
            ("（下转第二版）", .continuedForward(page: "2版")),
            ("<<< 上接 1 版", .continuedBackward),
            ("（接第1版）", .continuedBackward),
            ("（完）", .endMark),
        ])
    func markers(line: String, expected: LineClassifier.Kind) {
        #expect(kind(line) == expected)
    }

    @Test("a continuation's title run in with its marker is text, and the marker comes off it")
    func titleRunInWithMarker() {
        #expect(kind("（上接第1版）一条车道划线背后的协商") == .text)
        #expect(kind("小网格撬动大治理（上接第1版）") == .text)
        #expect(kind("（上接第1版）") == .continuedBackward)
        let inline = Ingester(lexicons: Corpus.lexicons).repair.inline
        #expect(inline.leading("（上接第1版）一条车道划线背后的协商")?.kind == .continuedBackward)
        #expect(inline.trailing("小网格撬动大治理（上接第1版）")?.kind == .continuedBackward)
    }

    @Test(
        "masthead, QR-code and imprint lines are dropped",
        arguments: [
            "扫码关注“枫林发布”官方微信公众号", "FENGLIN MORNING NEWS", "主办：中共徐汇区枫林路街道工作委员会",
            "中共崇明区新海镇委员会 崇明区新海镇人民政府主办", "第 86 期", "总第1203期", "第3版", "枫林晨报",
            "2024年3月8日 星期五", "www.example.gov.cn", "责任编辑：王芳",
            // A work brief's page footer and its closing imprint.
            "第2页　共4页", "华新镇党政办公室　　　　　　2025年3月12日印发",
        ])
    func masthead(line: String) {
        guard case .masthead = kind(line) else {
            Issue.record("\(line) not read as masthead: \(kind(line))")
            return
        }
    }

    @Test(
        "captions are dropped",
        arguments: ["▲ 网格员上门走访独居老人(摄影 张伟)", "图为志愿者为居民检查电动车充电设施", "(摄影 王强)", "图说：长者食堂开张第一天，老人们在窗口排队取餐"])
    func captions(line: String) {
        #expect(kind(line) == .caption)
    }

    @Test(
        "titles and body lines are text",
        arguments: [
            "周浦镇：今年要办这十大民生实事", "街道主办首届邻里节 千人共享百家宴",
            "近日，街道召开信访工作联席会议，研究部署下一阶段工作。", "延伸网格触角 做群众知心人",
            // A hard wrap puts a paper word in a line of prose: the full stop inside says it goes on.
            "“华新发布”公众号报名。报名截止后，镇里将统一安排场次和",
            "投稿邮箱里的来信。编辑部每周整理一次，逐条转交相关",
            // `印发` ends an imprint only after its date: a wrap may stop a sentence on it.
            "本报讯　记者从区民政局获悉，区里日前印发",
        ])
    func text(line: String) {
        #expect(kind(line) == .text)
    }
}
