import Testing

@testable import BulletinKit

@Suite("Page-break repair")
struct PageBreakRepairTests {
    /// A made-up bulletin laid out as blocks, with the block indices of its paragraphs: for the
    /// tests that give the assembler roles of their own.
    func laidOut(_ text: String) -> (Ingester, Bulletin, Ingester.Layout, [Int]) {
        let ingester = Ingester(lexicons: Corpus.lexicons)
        let bulletin = Bulletin(path: "t.txt", text: text)
        let layout = ingester.layout(of: bulletin)
        let paragraphs = layout.blocks.indices.filter { if case .paragraph = layout.blocks[$0] { true } else { false } }
        return (ingester, bulletin, layout, paragraphs)
    }

    /// Furniture keeps its role; every paragraph starts as masthead, for the test to assign.
    func furnitureOnly(_ layout: Ingester.Layout) -> [BlockRole] {
        layout.blocks.map { BlockRole(furniture: $0) ?? .masthead }
    }
    let repair = Ingester(lexicons: Corpus.lexicons).repair

    @Test(
        "the halves of a broken paragraph are rejoined",
        arguments: [
            ("以在社区“家门口服务站”设立调解室为契", "机，将矛盾化解在楼组里。", "next starts with one character and a comma"),
            ("会场里掌声不断，“真是太有感", "染力了”……大家纷纷称赞。", "a quotation left open is closed"),
            ("近期，镇党委组织开展了长江", "经济带党建联建推进会，三镇代表参加。", "a lead opening cannot be a heading"),
            (String(repeating: "网格员上门走访老人并记录需求", count: 3) + "，形成问题", "清单，逐项交办落实。", "too long for a heading"),
            ("形成了党政一把手亲自抓,相关部门配合", "抓,镇村干部一线抓的工作格局。", "half-width comma after one character"),
            ("大家都说:\"调解员跑了五趟", "\",问题终于解决了。", "a straight quote alone closes the quotation"),
        ])
    func joins(first: String, next: String, why: String) {
        #expect(repair.continues(first, with: next), "\(why)")
    }

    @Test(
        "paragraphs and headings that are not broken stay apart",
        arguments: [
            ("街道召开会议，部署下一阶段工作。", "织密一张网络", "the first ends a sentence"),
            ("织密一张网络", "以社区服务站为阵地，收集群众诉求。", "a heading above its body"),
            (String(repeating: "村干部深入田间地头宣传禁烧政策", count: 3) + "，着力", "周浦镇：今年要办这十大民生实事", "a broken paragraph is not glued to the next title"),
            ("通州区石港镇聚焦群众关心的问题——", "延伸网格触角 做群众知心人", "a kicker above its title"),
            ("一是强化组织领导；", "二是压实工作责任。", "a semicolon ends a list item"),
            ("日前，九亭镇对辖区老旧小区充电点开展检查，发现并整改隐患", "■ 8月下旬，九亭镇第二批加装电梯项目集中开工。", "the next line opens a brief with a bullet"),
            ("6月1日，居民区联合共建单位举办议事会，12名小学生提出了建议", "【怒江苑居民区】近日，小区首台加装电梯投入使用。", "the next line opens a brief with a label"),
            ("一起宅基地边界纠纷的化解", "一、基本案情", "a numbered item is no word broken before 、"),
            ("为做好加装电梯工作，街道将举办政策咨询会，有关事项通知如下", "二、地点：街道社区党群服务中心", "an item of a notice"),
            ("联动,要动在群众开口之前", "\"三所联动\"不是新名词,但要真正做到并不容易。", "a paragraph opening a straight-quoted name, under a title set in half-width punctuation"),
        ])
    func keepsApart(first: String, next: String, why: String) {
        #expect(!repair.continues(first, with: next), "\(why)")
    }

    @Test("a caption that ends with its photographer's credit is whole: the title under it is not glued to it")
    func captionEndingWithCreditStaysWhole() {
        let text = """
            　　二期建筑面积约八百平方米，由一处闲置的仓库改建而成，一楼为长者食堂，二楼为活动室。
            　　图：居民们在“睦邻中心”二期的长者食堂里用午餐（沈磊　摄）
            议事点开进医院门诊大厅
            　　本报讯　附近医院多、就医人群多，停车难的问题常被提起。上月起，街道在门诊大厅设立议事点。
            """
        let (_, _, layout, paragraphs) = laidOut(text)
        let texts = paragraphs.compactMap { index -> String? in
            if case .paragraph(let paragraph) = layout.blocks[index] { paragraph.text } else { nil }
        }
        #expect(texts.contains("议事点开进医院门诊大厅"), "\(texts)")
        #expect(texts.contains { $0.hasSuffix("（沈磊　摄）") }, "\(texts)")
    }

    @Test func aLongWebTitleIsNotGluedToTheTextBelowItsMetaLine() {
        let body = "走进古美路街道平吉睦邻中心，一楼是社区食堂，二楼有家庭医生工作室。"
        let title = "在家门口就能学手机看病吃饭，古美路街道平吉睦邻中心一年来服务周边小区居民超过十八万人次"
        // Too long for a heading: across a page break (no meta line) it would be a broken paragraph.
        #expect(repair.continues(title, quoteBalance: 0, with: body, acrossBoilerplate: false))
        #expect(!repair.continues(title, quoteBalance: 0, with: body, acrossBoilerplate: true))
        // A sentence that plainly goes on is joined across a meta line too.
        #expect(repair.continues("居民可以在睦邻中心学习用手机挂", quoteBalance: 0, with: "号，也能预约家庭医生。", acrossBoilerplate: true))
    }
    @Test("a rule of any symbol and width is furniture, not the end of the article above it")
    func ruleLines() {
        let text = """
            莘庄镇“一网统管”平台引入无人机巡河
            来源：莘庄镇　发布时间：2024-10-08 16:15

            过去巡一遍全镇的河道要花上一整天，如今一架无人机半小时就能完成一段重点河道的巡查。

            ---------------------------------------------------------------
            ===============================================================

            新虹街道楼宇党建联盟扩容至46家成员单位
            来源：新虹街道　发布时间：2024-10-07 10:30

            10月6日，新虹街道楼宇党建联盟举行年度扩容仪式，又有12家商务楼宇企业加入。
            """
        let articles = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: text)).articles
        #expect(articles.count == 2)
        #expect(articles.allSatisfy { !$0.text.contains("---") && !$0.text.contains("===") })
    }

    @Test("closing punctuation a hard wrap pushed onto its own line ends the line above; it is no page furniture to run on across")
    func loneClosingMark() {
        // `（党政办` / `）`: a lone bracket read as a page's furniture let the paragraph run on
        // across the blank line into the next article's title.
        let text = """
            镇领导共走访群众320余户，对收集到的41条意见建议逐条建立清单，办
            理结果在下一轮走访中向群众反馈。（党政办
            ）

            镇村河长开展汛期巡河
            进入主汛期以来，我镇落实河长制工作要求，镇级河长每月至少巡河2次。
            """
        let articles = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: text)).articles
        #expect(articles.count == 2, "\(articles.map(\.title))")
        #expect(articles.first?.byline == ["党政办"])
        #expect(articles.last?.title == "镇村河长开展汛期巡河")
        let classifier = Ingester(lexicons: Corpus.lexicons).classifier
        for line in ["）", "”。", "；"] {
            #expect(classifier.classify(SourceLine.lines(of: line, folding: Corpus.lexicons.folding)[0]) == .text, "\(line)")
        }
    }

    @Test("an indented first line that stops mid-sentence runs on into the unindented line below it")
    func indentedWrap() {
        let text = """
            “精网微格”织密基层治理网

            　　微网格员的主要任务是“四报告”：报告安全隐患、报告矛盾纠纷、报告困难群众、报告
            环境问题。他们通过手机小程序随手拍、随手报，信息直接推送到镇指挥中心。
            　　▲连日来，西来社区组织党员志愿者开展“敲门行动”，走访辖区独居、空巢老人107户，
            为他们检查家中燃气、电器使用情况。
            """
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: text))
        #expect(ingested.joins.contains { $0 == (3, 4) }, "\(ingested.joins)")
        #expect(ingested.joins.contains { $0 == (5, 6) }, "a wrapped ▲ brief is no caption: \(ingested.joins)")
        // The title and its paragraph are an article (weights trained with batch o read this tiny
        // bulletin as a masthead over one brief; the mean of five orders read it right until
        // batch ab joined the corpus: since then the weights read all three paragraphs as masthead).
        withKnownIssue("learned layout model reads this three-paragraph bulletin as masthead", isIntermittent: true) {
            #expect(ingested.articles.first?.title == "“精网微格”织密基层治理网")
            #expect(ingested.articles.first?.text.contains("报告环境问题。") == true)
        }
    }

    @Test("an issue line over the masthead is not glued to the first title across the paper's furniture")
    func issueLineNotGlued() {
        let text = """
            豫园街道社区工作动态
            2024年第8期（总第96期）
            黄浦区豫园街道党政办公室编　　　　　　2024年4月26日
            ━━━━━━━━━━━━━━━━━━━━━━━━━━━━
            豫园街道以“有事好商量”推动老旧小区加装电梯
            　　老城厢房屋密集、老人多，加装电梯一直是居民呼声最高的民生实事之一。今年以来，街道已完成签约门洞23个。
            """
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: text))
        #expect(!ingested.joins.contains { $0.0 == 2 }, "\(ingested.joins)")
        #expect(ingested.articles.first?.title == "豫园街道以“有事好商量”推动老旧小区加装电梯")
    }

    @Test("a WeChat meta line with a clock time is not page furniture: the title above it stays a title")
    func weChatMetaLine() {
        let text = """
            街道召开睦邻中心建设推进会，部署下半年工作。

            友谊路街道：一声“哨响”，五个部门“报到”
            原创　友谊路街道　宝山友谊　2024年08月30日 08:00　上海

            友谊路街道在牡丹江路片区试行“街乡吹哨、部门报到”，城管、市场监管等五个部门半小时内到场。
            """
        let articles = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: text)).articles
        #expect(articles.contains { $0.text.hasPrefix("友谊路街道：一声“哨响”，五个部门“报到”\n") })
        #expect(LineShape.hasClockTime("原创　友谊路街道　2024年08月30日 08:00　上海"))
        #expect(LineShape.hasClockTime("发布时间：2024-05-17 10：32"))
        #expect(!LineShape.hasClockTime("九亭报·要闻　2025年3月14日　第01版"))
    }

    @Test("a district sheet's item title run in after its town label, in a hard-wrapped column, is cut off its text")
    func runInTitleInAHardWrappedColumn() {
        let lines = [
            "金山信访工作信息", "2024年第9期", "",
            "【工作动态】",
            "【枫泾镇】“周末接访日”覆盖全部村居。9月以来，枫泾镇",
            "把镇领导接访时间延伸到每周六上午，由镇班子成员轮流带",
            "队，在新义村、中洪村等村居设点接待，重点听取外出务工",
            "群众的诉求，接访安排提前在村务公开栏公布。一个月来共",
            "接待来访群众46批90人次，当场答复21件，其余诉求已交",
            "办到责任部门。",
            "【朱泾镇】网格员把初信初访登记前移到网格。朱泾镇依托",
            "全科网格，网格员在日常巡查中听到的诉求当天录入系统，",
            "镇信访办次日分派，一般事项5个工作日内答复，10月份共",
            "通过网格收集群众诉求62件，办结率达到百分之九十四。",
            "【廊下镇】村级调解室用上“说事清单”。廊下镇在各村调解",
            "室推行“说事清单”，村民反映的问题逐条登记、限时答复，",
            "办理结果在清单上签字确认。三季度共登记各类事项75件，",
            "已办结71件，其余4件正在协调推进中，群众满意度较高。",
        ]
        let ingester = Ingester(lexicons: Corpus.lexicons)
        let bulletin = Bulletin(path: "t.txt", text: lines.joined(separator: "\n"))
        // The repair: each item's head is cut off its line, the text under it rejoined.
        let paragraphs = ingester.layout(of: bulletin).blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { p.text } else { nil }
        }
        for head in ["【枫泾镇】“周末接访日”覆盖全部村居", "【朱泾镇】网格员把初信初访登记前移到网格", "【廊下镇】村级调解室用上“说事清单”"] {
            #expect(paragraphs.contains(head), "\(paragraphs)")
        }
        #expect(paragraphs.contains { $0.hasPrefix("朱泾镇依托全科网格，") && $0.hasSuffix("百分之九十四。") }, "\(paragraphs)")
        let ingested = ingester.articles(in: bulletin)
        let titles = ingested.articles.map(\.title)
        #expect(titles.contains("“周末接访日”覆盖全部村居"), "\(titles)")
        #expect(ingested.articles.contains { $0.text.contains("“周末接访日”覆盖全部村居\n9月以来，枫泾镇把镇领导") }, "\(ingested.articles.map(\.text))")
        // Known miss of the weights trained on 309 bulletins (issue 13): the model reads the
        // second head as a caption, and the item runs on in the article above.
        withKnownIssue("the learned layout model reads this run-in head as a caption", isIntermittent: true) {
            #expect(titles.contains("网格员把初信初访登记前移到网格"), "\(titles)")
        }
    }

    @Test("a digest's headline in brackets stands alone above its wrapped text, or is cut off it when run in, even wrapped itself")
    func bracketedHeadlines() {
        let lines = [
            "◇ 社 区 动 态 ◇", "",
            "　　【三星村开展“敲门行动”关爱独居老人】",
            "入梅以来，三星村组织村干部、网格员和“老",
            "伙伴”志愿者，对全村五十六名独居、高龄老",
            "人开展“敲门行动”，每天上门或电话问候一",
            "次，查看老人家中门窗、电线和屋顶漏雨情况",
            "，提醒老人雨天少出门、防滑倒，并帮助部分",
            "老人清理了屋前排水沟里的落叶和杂物。",
            "",
            "　　【5月份12345热线工单办结率达9",
            "9.2%】日前，镇城运中心通报了5月份热线",
            "工单办理情况，全镇共受理各类工单412件，",
            "其中按时办结408件，群众满意率比上月提高",
            "了两个百分点。城运中心对超时工单逐件复盘",
            "，督促承办部门限时整改，并把办理情况纳入",
            "村居年度考核。",
        ]
        let (ingester, bulletin, layout, paragraphs) = laidOut(lines.joined(separator: "\n"))
        let texts = paragraphs.map { index -> String in
            if case .paragraph(let p) = layout.blocks[index] { p.text.trimmingSpaces } else { "" }
        }
        // The headline set alone is a paragraph of its own, the text under it another.
        #expect(texts.contains("【三星村开展“敲门行动”关爱独居老人】"), "\(texts)")
        #expect(texts.contains { $0.hasPrefix("入梅以来，三星村") && $0.hasSuffix("落叶和杂物。") }, "\(texts)")
        // The run-in headline, wrapped itself, is cut off at its closing bracket.
        #expect(texts.contains("【5月份12345热线工单办结率达99.2%】"), "\(texts)")
        #expect(texts.contains { $0.hasPrefix("日前，镇城运中心通报") && $0.hasSuffix("村居年度考核。") }, "\(texts)")
        let titles = ingester.articles(in: bulletin).articles.map(\.title)
        #expect(titles == ["三星村开展“敲门行动”关爱独居老人", "5月份12345热线工单办结率达99.2%"], "\(titles)")
    }

    @Test("a kicker set wider than a hard-wrapped column is not joined to the title under it")
    func headingWiderThanTheColumn() {
        let column = [
            "　　本报讯　国庆假期刚过，镇城运中心",
            "就把辖区十二个村的网格员召集到一起，",
            "对照节日期间收集到的群众诉求逐条复盘",
            "。网格员们反映最多的是村道照明和垃圾",
            "清运问题，中心当场把任务分派到相关部",
            "门，要求一周内办结并回访群众。据统计",
            "，节日期间全镇共收集群众诉求一百余件",
            "，目前已办结九成以上，其余事项正在协",
            "调推进，办理情况将在村务公开栏公示。",
            "　　镇城运中心负责人表示，下一步将把",
            "节日复盘做成常态机制，每季度开展一次",
            "，让群众的“小事”件件有着落。",
        ]
        let lines = ["筑牢平安底线　推进网格治理提质增效再上新台阶", "节后复盘会上“小事”件件有着落"] + column
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(!ingested.joins.contains { $0 == (1, 2) }, "\(ingested.joins)")
        #expect(ingested.joins.contains { $0 == (4, 5) }, "the column itself is still rejoined: \(ingested.joins)")
    }

    @Test("in a hard-wrapped column a short line that ends no sentence, under a full line that ends one, is a heading of its own")
    func headingBetweenWrappedParagraphs() {
        let lines = [
            "“板凳课堂”开进晒场",
            "今年春天起，镇党建服务中心组织党员讲",
            "师带着小板凳走进各村的晒场和宅前屋后",
            "，用拉家常的方式讲解医保、养老和土地",
            "流转的新政策。截至5月底已开讲四十场",
            "，听课村民两千余人次，现场收集问题八",
            "十余条，当场答复的占到了一大半，其余",
            "的由镇相关部门在一周内上门反馈答复。",
            "讲得明白，更要办得明白",
            "课堂上记下的问题，镇里按照部门职责逐",
            "条分派，办结一件销号一件，每月在村务",
            "公开栏公示办理结果，接受村民的监督。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(!ingested.joins.contains { $0 == (8, 9) }, "the heading is not the rest of the paragraph above: \(ingested.joins)")
        #expect(!ingested.joins.contains { $0 == (9, 10) }, "nor the start of the one below: \(ingested.joins)")
        #expect(ingested.joins.contains { $0 == (7, 8) } && ingested.joins.contains { $0 == (10, 11) }, "the column is still rejoined: \(ingested.joins)")
        #expect(ingested.articles.count == 1 && ingested.articles[0].subheadings == ["讲得明白，更要办得明白"], "\(ingested.articles.map(\.subheadings))")
    }

    @Test("in a narrow column a short indented first line runs on into the line under it; a label over a signature does not")
    func narrowColumnFirstLine() {
        let lines = [
            "送餐车开进了村",
            "",
            "　　一碗热汤面的成本大约",
            "9元。老人自付4元，其余由镇",
            "财政和村集体分担。今年镇里",
            "为此安排了补贴资金86万元。",
            "　　为了把成本压下来，各村",
            "想了办法。有的村把村民种的",
            "蔬菜按市价收进厨房。",
            "",
            "　　咨询电话：0513-8200XXXX",
            "后港镇人民政府",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (3, 4) } && ingested.joins.contains { $0 == (7, 8) }, "first lines rejoined: \(ingested.joins)")
        #expect(!ingested.joins.contains { $0 == (11, 12) }, "a contact line is no paragraph's first line: \(ingested.joins)")
        #expect(ingested.articles.first?.subheadings == [], "\(ingested.articles.map(\.subheadings))")
    }

    @Test("a briefs column set narrower than the lead wraps at its own width; a title and a finished sentence there do not run on")
    func columnsOfTwoWidths() {
        let lines = [
            "镇里为独居老人装上“一键呼”",  // 1
            "",
            "　　本报讯（记者 沈洁）入冬以来，镇社区事务受理服务中",  // 3: the lead, 26 wide
            "心联合各村为辖区独居老人安装“一键呼”应急呼叫设备，老",
            "人遇到突发情况按下按钮，网格员和家庭医生就能第一时间",
            "上门。截至目前，全镇已有312户独居老人装上了设备。设备由",
            "镇里统一采购，每户安装费用由镇财政承担，老人不用掏一分",
            "钱。社区事务受理服务中心还为每户建立了档案，网格员每月",
            "上门回访一次，检查设备是否正常，顺便问问老人还有什么需",
            "要。镇里还计划明年把设备覆盖到所有八十岁以上的老人，让",
            "更多家庭放心。据介绍，设备与镇城运中心的平台相连，老人",
            "按下按钮后，平台会同时通知网格员、家庭医生和老人的子女，",
            "谁离得近谁先到。上个月，东港村一位老人在家中摔倒，网格",
            "员五分钟就赶到了现场，及时把老人送到了镇卫生院。",
            "",
            "【简讯】",
            "■反诈宣传走进菜市场",  // 17
            "　　六月十日，镇派出所联合城南村在",  // 18: a briefs column, 17 wide
            "菜场开展全民反诈宣传，民警用真实案",
            "例提醒居民警惕“刷单返利”等骗局，",
            "现场帮助二百多名居民安装反诈软件，",
            "发放宣传资料五百余份。",
            "■镇里召开秋季防火工作会议",  // 23
            "　　九月三日，镇里召开秋季防火工作",
            "会议，部署秸秆禁烧和出租房检查。",
            "九月九日，镇应急办组织消防演练，各",  // 26: a new paragraph after a finished line
            "村应急分队共一百二十余人参加演练。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        for pair in [(18, 19), (19, 20), (20, 21), (21, 22), (3, 4), (4, 5)] {
            #expect(ingested.joins.contains { $0 == pair }, "\(pair) rejoined: \(ingested.joins)")
        }
        #expect(!ingested.joins.contains { $0 == (25, 26) }, "a finished line at the column's edge: \(ingested.joins)")
        #expect(!ingested.joins.contains { $0.0 == 17 || $0.0 == 23 }, "a brief's title: \(ingested.joins)")
        let widths = PageBreakRepair.runWidths(
            lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: Substring($0.element), folding: Corpus.lexicons.folding) },
            lines.map { $0.isEmpty ? .blank : $0.hasPrefix("【") ? .section("简讯") : .text })
        #expect(widths[18] == 17 && widths[2] != 17, "\(widths)")
    }

    @Test("a line of wrapped prose that names a QR code stays in its paragraph; a web page's meta line under its title does not")
    func prosePaperWordStaysText() {
        let lines = [
            "▶竹园村　11月1日起，竹园村在全村推行垃圾分",
            "类“一户一码”，每户门口的分类桶贴上专属二维码，",
            "保洁员收运时扫码记录投放质量。分类准确的农户每",
            "月可获得积分，积分可在村里的积分超市兑换食用油、",
            "洗衣粉等生活用品。村里的湿垃圾全部运往村级就地",
            "处理站，经发酵后制成有机肥，回用于村里的果园和",
            "菜田。村里还把分类情况纳入每月的村民小组考评，",
            "对问题较多的小组在村务公开栏通报，推动垃圾分类",
            "落到实处。下一步，竹园村将把“一户一码”的做法",
            "推广到村里的出租房和沿街商铺，让分类覆盖全村。",
            "",
            "镇里召开秋季防火工作会议，部署出租房消防检查工作",
            "发布时间：2024-11-06 10:05　来源：镇应急办　浏览次数：742",
            "",
            "11月5日，镇里召开秋季防火工作会议。会议要求各村",
            "对出租房、老旧民房开展一次消防安全排查，发现隐患",
            "立即整改，整改不了的要设置警示标志并上报镇里。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (1, 2) } && ingested.joins.contains { $0 == (2, 3) }, "\(ingested.joins)")
        #expect(ingested.articles.contains { $0.text.contains("每户门口的分类桶贴上专属二维码") }, "the line is kept")
        #expect(!ingested.articles.contains { $0.text.contains("浏览次数") }, "the meta line is dropped")
    }

    @Test("a sentence closed by its photographer's credit under a page's furniture is the new page's caption: the broken paragraph goes on below it")
    func captionOpeningAPage() {
        let lines = [
            "老楼加装电梯投用",
            "　　施工期间，社区组织党员和热心居民成立监督小组，每天查看安全防护。施工方也把作业时间调整到白天，午休时间停止高噪声作业，尽量",
            "- 2 -",
            "第3版　人物",
            "新装的电梯投入使用，老人乘梯回家。（钱晨　摄）",
            "减少对居民的影响。",
            "　　电梯通了，邻里关系也“通”了。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (2, 6) }, "\(ingested.joins)")
        #expect(ingested.articles.contains { $0.text.contains("尽量减少对居民的影响。") }, "\(ingested.articles.map(\.text))")
        #expect(!ingested.articles.contains { $0.text.contains("老人乘梯回家") }, "the caption is no text")
    }

    @Test("a line of wrapped prose holding a photographer's word stays in its paragraph; a caption marked at its start is still a caption")
    func proseHoldingACaptionWord() {
        let lines = [
            "社区书场开锣",
            "　　3月2日，社区书场迎来新年第一场演出，评弹",
            "演员为居民带来《珍珠塔》选段。书场由社区文化",
            "活动中心和街道文化站共同开办，每月演出两场，",
            "老人们凭“书场卡”免费入场，场场座无虚席。",
            "本报征稿",
            "　　即日起，本报面向辖区居民征集稿件。凡反映",
            "居民区新人新事、邻里互助的新闻稿、随笔、诗歌",
            "和摄影作品均可投稿，来稿请注明姓名、所在居民",
            "区和联系电话，编辑部每月评出优秀稿件一篇，年",
            "底结集出版。",
            "▲　居民在社区书场听评弹",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (7, 8) } && ingested.joins.contains { $0 == (8, 9) }, "\(ingested.joins)")
        #expect(ingested.articles.contains { $0.text.contains("邻里互助的新闻稿、随笔、诗歌和摄影作品均可投稿") }, "\(ingested.articles.map(\.text))")
        #expect(!ingested.articles.contains { $0.text.contains("听评弹") }, "the marked caption is no text")
    }

    @Test("a wrapped line opening a sentence after a full stop at the column's edge stays text though it names the paper's mailbox")
    func proseOpeningASentenceNamesTheMailbox() {
        let lines = [
            "本报启事",
            "　“邻里新事”栏目欢迎各居民区通讯员和广大",
            "读者来稿，身边的新人新事、好做法都可以写，",
            "每篇五百字以内，照片请注明拍摄人和拍摄地。",
            "来稿请发送至本报投稿邮箱，或交所在居民区的",
            "宣传干部转交，编辑部每月评出优秀稿件一篇。",
            "　　　　　　　　　　　　　　　　　本报编辑部",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        // Kept, and run on into the line under it.
        #expect(ingested.articles.contains { $0.text.contains("来稿请发送至本报投稿邮箱，或交所在居民区的宣传干部转交") }, "\(ingested.articles.map(\.text))")
    }

    @Test("a full-width line after a semicolon runs on into the short tail of its sentence, though it could be a heading")
    func headingShapedLineOverASentenceTail() {
        let lines = [
            "镇里召开秋季防火工作会议",
            "　　11月5日，镇里召开秋季防火工作会议，部署出",
            "租房和老旧民房的消防安全排查。会议要求各村对",
            "出租房开展一次拉网式排查，发现隐患立即整改；",
            "各村要对照排查清单逐项落实整改责任并报送镇",
            "应急办备案。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (5, 6) }, "\(ingested.joins)")
        #expect(ingested.articles.count == 1)
        #expect(ingested.articles.first?.text.hasSuffix("各村要对照排查清单逐项落实整改责任并报送镇应急办备案。") == true)
    }

    @Test("a run-in title over a sentence begun and unfinished runs on into the next line, whatever the line's width")
    func runInTitleOverAnUnfinishedSentence() {
        let lines = [
            "【镇村简讯】",
            "■ 老街口袋公园开园　9月12日，镇城建中心在老街东段",
            "建成的口袋公园正式开放，新增座椅、花坛和健身步道，附近居民",
            "晚饭后多了一个散步的去处。",
            "■ 9月15日，镇司法所联合派出所在集镇开展反诈宣传，发放宣",
            "传资料800余份，为60多名老人讲解常见骗局。",
            "■ 垃圾分类示范村名单公布　近日，区绿化市容局公布今年",
            "垃圾分类示范村名单，我镇东风村、新民村入选。",
        ]
        let ingested = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: "t.txt", text: lines.joined(separator: "\n")))
        #expect(ingested.joins.contains { $0 == (2, 3) }, "\(ingested.joins)")
        #expect(ingested.joins.contains { $0 == (7, 8) }, "\(ingested.joins)")
        #expect(ingested.articles.count == 3, "\(ingested.articles.map(\.text))")
        #expect(ingested.articles.first?.text.contains("东段建成的口袋公园") == true, "\(ingested.articles.map(\.text))")
    }

    @Test("a run-in head the model does not read as a title goes back in front of its text, never lost")
    func runInHeadDroppedByTheModel() {
        let text = """
            【镇村简讯】
            ● 石湖荡镇　镇里对辖区21条镇级河道实行“一河一策”，5月完成东夏港等4条河道清淤，清淤土方1.2万立方米。
            ● 新浜镇文明实践所推出“田间课堂”，组织农技人员下田讲解水稻机插秧技术，已培训农户300余人次。
            """
        let (ingester, bulletin, layout, paragraphs) = laidOut(text)
        // The repair cut the head off its line as a possible run-in title.
        #expect(paragraphs.count == 3)
        guard paragraphs.count == 3 else { return }
        var roles = furnitureOnly(layout)
        roles[paragraphs[1]] = .brief
        roles[paragraphs[2]] = .brief
        for head in [BlockRole.masthead, .caption] {
            roles[paragraphs[0]] = head
            let articles = ingester.articles(in: bulletin, layout: layout, decided: roles)
            #expect(articles.map(\.title) == [nil, nil])
            #expect(articles.first?.text.hasPrefix("● 石湖荡镇\u{3000}镇里对辖区21条") == true, "\(articles.map(\.text))")
            #expect(articles.first?.captions ?? -1 == 0)
        }
        // Read as a title, it is the brief's title.
        roles[paragraphs[0]] = .title
        roles[paragraphs[1]] = .body
        let titled = ingester.articles(in: bulletin, layout: layout, decided: roles)
        #expect(titled.first?.title == "石湖荡镇")
    }

    @Test("under a head credit after the opening paragraph (编者按 … 文/本刊记者 某某) the article goes on; under a closing credit body text starts a brief")
    func subheadingUnderByline() {
        let text = """
            “楼道里的事，摊开来商量就不难”

            编者按：罗山七村建于上世纪九十年代，是典型的售后公房小区，本刊记者近日走进小区，听居民区书记讲讲她的“商量经”。

            文/本刊记者　陶蓓

            谈议事：议题从楼道里来

            问：小区里大大小小的事很多，哪些会拿到议事会上议？答：议题不在办公室里想，要到楼道里收。
            """
        let (ingester, bulletin, layout, paragraphs) = laidOut(text)
        #expect(paragraphs.count == 4)
        guard paragraphs.count == 4 else { return }
        var roles = furnitureOnly(layout)
        roles[paragraphs[0]] = .title
        roles[paragraphs[1]] = .lead
        roles[paragraphs[2]] = .subheading
        roles[paragraphs[3]] = .body
        let one = ingester.articles(in: bulletin, layout: layout, decided: roles)
        #expect(one.map(\.title) == ["“楼道里的事，摊开来商量就不难”"])
        #expect(one.first?.subheadings == ["谈议事：议题从楼道里来"])
        #expect(one.first?.text.hasSuffix("要到楼道里收。") == true)
        // Without the subheading, body text under the head credit goes on in the article too:
        // the credit stands under the opening paragraph, not at the article's end.
        roles[paragraphs[2]] = .body
        let two = ingester.articles(in: bulletin, layout: layout, decided: roles)
        #expect(two.map(\.title) == ["“楼道里的事，摊开来商量就不难”"])
        #expect(two.first?.byline == ["陶蓓"])
        #expect(two.first?.text.hasSuffix("要到楼道里收。") == true)
        // A bracketed credit closes the article: text under it is a new, title-less one.
        let closing = text.replacingOccurrences(of: "文/本刊记者　陶蓓", with: "（陶蓓）")
        let (_, closedBulletin, closedLayout, closedParagraphs) = laidOut(closing)
        #expect(closedParagraphs.count == 4)
        guard closedParagraphs.count == 4 else { return }
        var closedRoles = furnitureOnly(closedLayout)
        closedRoles[closedParagraphs[0]] = .title
        closedRoles[closedParagraphs[1]] = .lead
        closedRoles[closedParagraphs[2]] = .body
        closedRoles[closedParagraphs[3]] = .body
        let split = ingester.articles(in: closedBulletin, layout: closedLayout, decided: closedRoles)
        #expect(split.map(\.title) == ["“楼道里的事，摊开来商量就不难”", nil])
    }
}


@Suite("Heading shapes")
struct HeadingShapeTests {
    @Test(
        "parallel subheadings",
        arguments: [
            ("起势要“早发现”,服务群众零距离", "承接要“稳把控”,暖心纾困零缝隙"),
            ("区领导下访,盘活全区“资源库”", "处级干部接访,用好民意“晴雨表”"),
            ("织密一张网络", "建强一支队伍"),
            ("数据赋能机制", "前沿感知机制"),
            ("奏出乐章 展风采", "逐梦少年 启新篇"),
            ("“365”机制共筑解忧“同心圆”", "“面对面”办信实现服务“零距离”"),
        ])
    func parallel(a: String, b: String) {
        #expect(HeadingShape(a).isParallel(to: HeadingShape(b)))
    }

    @Test(
        "headings that are not parallel",
        arguments: [
            ("迎新健康走 一起向未来", "奏出乐章 展风采"),
            ("“家门口”的信访服务解纷有道", "织密一张网络"),
            ("织密一张网络", "社区食堂开门迎客"),
            ("周浦镇：今年要办这十大民生实事", "基层治理创新 打造“茸城e家”"),
        ])
    func notParallel(a: String, b: String) {
        #expect(!HeadingShape(a).isParallel(to: HeadingShape(b)))
    }
}

@Suite("Title blocks")
struct TitleBlockTests {
    let cues = Corpus.lexicons.layoutCues

    @Test(
        "title and subtitle from heading lines",
        arguments: [
            (["延伸网格触角 做群众知心人"], "延伸网格触角 做群众知心人", nil as String?),
            (["石港镇聚焦群众关心的问题,从“我拿主意”到“群众拿主意”——", "延伸网格触角 做群众知心人"], "延伸网格触角 做群众知心人", "石港镇聚焦群众关心的问题,从“我拿主意”到“群众拿主意”"),
            (["上线“清晨访问团” 直击民声“第一线” ——松江区石湖荡镇服务体系建设小记"], "上线“清晨访问团” 直击民声“第一线”", "松江区石湖荡镇服务体系建设小记"),
            (["临江新区通过广宣传、多动员、促成效—— 打响秸秆禁烧攻坚战"], "打响秸秆禁烧攻坚战", "临江新区通过广宣传、多动员、促成效"),
            (["百舸争流 争先创优在行动", "崇川区举办主题党日示范活动"], "崇川区举办主题党日示范活动", "百舸争流 争先创优在行动"),
            // A notice's issuer on its own line over the title is part of the title, not a kicker.
            (["华新镇人民政府", "关于做好汛期防汛防台工作的通告"], "华新镇人民政府关于做好汛期防汛防台工作的通告", nil),
            (["石门二路街道办事处", "关于调整社区事务受理服务中心服务时间的公告"], "石门二路街道办事处关于调整社区事务受理服务中心服务时间的公告", nil),
            // A kicker that names no issuer stays a kicker; a title not opening with 关于 stays apart.
            (["温馨提示", "关于夏季用电安全的几点提醒"], "关于夏季用电安全的几点提醒", "温馨提示"),
            (["华新镇人民政府", "防汛防台工作部署会召开"], "防汛防台工作部署会召开", "华新镇人民政府"),
            // A notice's title wrapped before the `的` of its kind goes on in the line below.
            (["华新镇人民政府", "关于开展沿街商铺消防安全隐患", "集中排查整治的通告"], "华新镇人民政府关于开展沿街商铺消防安全隐患集中排查整治的通告", nil),
            (["关于征集2026年度民生实事", "项目建议的公告"], "关于征集2026年度民生实事项目建议的公告", nil),
            (["关于做好汛期防汛防台工作的通告", "（华新镇人民政府）"], "关于做好汛期防汛防台工作的通告", "华新镇人民政府"),
        ])
    func reads(lines: [String], title: String, subtitle: String?) {
        let block = TitleBlock(lines: lines, cues: cues)
        #expect(block.title == title)
        #expect(block.subtitle == subtitle)
    }

    @Test(
        "a title as a contents block lists it, without its bullet, number and page",
        arguments: [
            ("·镇里公布今年十项民生实事…………2版", "镇里公布今年十项民生实事"),
            ("　　一、泗泾镇“三所联动”调解室迎来兄弟镇取经", "泗泾镇“三所联动”调解室迎来兄弟镇取经"),
            ("◇ 居民议事会搬进小区凉亭 …… P3", "居民议事会搬进小区凉亭"),
            ("3. 我区5个镇获评市级无违建先进街镇", "我区5个镇获评市级无违建先进街镇"),
            ("朱家角镇一年化解矛盾纠纷412", "朱家角镇一年化解矛盾纠纷412"),
        ])
    func listedTitle(line: String, title: String) {
        #expect(TitleBlock.listed(line, cues: cues) == title)
    }

    @Test("title lines broken mid-phrase are one title; a complete shorter line above a longer one is a kicker")
    func titleLinesRunningOn() {
        let read = { (lines: [String]) -> (title: String?, subtitle: String?) in
            var draft = RoleAssembler.Draft()
            draft.titleLines = lines
            return draft.titleAndSubtitle(cues: cues)
        }
        let comma = read(["家门口的议事厅，", "一年议成三十件实事"])
        #expect(comma.title == "家门口的议事厅，一年议成三十件实事" && comma.subtitle == nil)
        let particle = read(["老街坊的", "“百宝箱”里又添了新服务"])
        #expect(particle.title == "老街坊的“百宝箱”里又添了新服务" && particle.subtitle == nil)
        let kicker = read(["百舸争流 争先创优在行动", "崇川区举办主题党日示范活动"])
        #expect(kicker.title == "崇川区举办主题党日示范活动" && kicker.subtitle == "百舸争流 争先创优在行动")
    }

    @Test("a longer title line over a shorter one is one title set on two lines only when set right above it and the shorter holds one phrase")
    func titleLinesApartOrWhole() {
        let read = { (lines: [String], apart: [Bool]) -> (title: String?, subtitle: String?) in
            var draft = RoleAssembler.Draft()
            draft.titleLines = lines
            draft.titleLineApart = apart
            return draft.titleAndSubtitle(cues: cues)
        }
        let wrapped = read(["兴仁镇召开河长制工作会议部署", "夏季河道“清四乱”专项行动"], [false, false])
        #expect(wrapped.title == "兴仁镇召开河长制工作会议部署夏季河道“清四乱”专项行动" && wrapped.subtitle == nil)
        // A blank line between them: two headings, read as a kicker and the title next to the body.
        let deck = read(["全区调解工作推进会在华新镇召开", "我镇作交流发言"], [false, true])
        #expect(deck.title == "我镇作交流发言" && deck.subtitle == "全区调解工作推进会在华新镇召开")
        // The lower line holds two phrases of its own: a whole title under a kicker.
        let twoPhrases = read(["我镇深化“三所联动”覆盖全部村居", "纠纷不出村　矛盾不上交"], [false, false])
        #expect(twoPhrases.title == "纠纷不出村　矛盾不上交" && twoPhrases.subtitle == "我镇深化“三所联动”覆盖全部村居")
    }

    @Test("running text the model reads as masthead inside an open article stays in it; a short line does not")
    func runningTextIsNeverFurniture() {
        let assembler = RoleAssembler(classifier: LineClassifier(cues: cues), cues: cues)
        let long = "自今年开展走访以来，镇领导班子成员分赴全镇各村居、企业和园区，面对面听取群众意见，收集问题一百二十余条。"
        let blocks: [Block] = [
            .paragraph(Paragraph(text: "镇领导走进村居听民声", lines: [1], gapBefore: 0)),
            .paragraph(Paragraph(text: "近日，镇里组织机关干部走访村居，听取群众对民生实事项目的意见建议。", lines: [2], gapBefore: 0)),
            .paragraph(Paragraph(text: long, lines: [4], gapBefore: 1)),
            .paragraph(Paragraph(text: "镇报　2024年5月17日　第2版", lines: [6], gapBefore: 1)),
        ]
        let (drafts, used) = assembler.assemble(blocks: blocks, roles: [.title, .lead, .masthead, .masthead])
        #expect(drafts.count == 1)
        #expect(drafts.first?.paragraphs.map(\.text).contains(long) == true)
        #expect(used == [.title, .lead, .body, .masthead])
        // A file the model reads all as masthead still gives its running text, as a title-less article.
        let (alone, aloneRoles) = assembler.assemble(blocks: [blocks[0], blocks[2]], roles: [.masthead, .masthead])
        #expect(alone.count == 1 && alone.first?.paragraphs.map(\.text) == [long] && alone.first?.titleLines == [])
        #expect(aloneRoles == [.masthead, .brief])
    }

    @Test("a distribution list under a work bulletin's last item, read as masthead, is not kept as the item's text")
    func distributionListIsNoRunningText() {
        let assembler = RoleAssembler(classifier: LineClassifier(cues: cues), cues: cues)
        let list = "报:区委政法委、区平安办　　　送:街道党工委、办事处领导　　　发:各居民区、派出所、司法所"
        let blocks: [Block] = [
            .paragraph(Paragraph(text: "【街道综治中心】3月27日,街道综治中心召开一季度矛盾纠纷研判会,逐件明确化解责任人。", lines: [1], gapBefore: 0)),
            .paragraph(Paragraph(text: list, lines: [3], gapBefore: 1)),
        ]
        let (drafts, used) = assembler.assemble(blocks: blocks, roles: [.brief, .masthead])
        #expect(drafts.count == 1 && drafts.first?.paragraphs.map(\.text).contains(list) == false)
        #expect(used == [.brief, .masthead])
        #expect(RoleAssembler.isRunningText("自今年开展走访以来，镇领导班子成员分赴全镇各村居、企业和园区，面对面听取群众意见建议。", cues: cues))
    }

    @Test("a head line that breaks mid-phrase is no kicker, and the line under a title that does is no deck")
    func headLinesRunningOnWhateverTheirRoles() {
        var kickerAbove = RoleAssembler.Draft()
        kickerAbove.kickers = ["一台电梯让三号楼的"]
        kickerAbove.titleLines = ["老邻居又坐到了一起"]
        let joined = kickerAbove.titleAndSubtitle(cues: cues)
        #expect(joined.title == "一台电梯让三号楼的老邻居又坐到了一起" && joined.subtitle == nil)
        var deckBelow = RoleAssembler.Draft()
        deckBelow.titleLines = ["车位紧张，"]
        deckBelow.decks = ["桥东居民区议出错时停车办法"]
        let rest = deckBelow.titleAndSubtitle(cues: cues)
        #expect(rest.title == "车位紧张，桥东居民区议出错时停车办法" && rest.subtitle == nil)
        var complete = RoleAssembler.Draft()
        complete.kickers = ["“四百”大走访进行时"]
        complete.titleLines = ["老年助餐点开到了村口"]
        complete.decks = ["——横港村为老服务纪实"]
        let stack = complete.titleAndSubtitle(cues: cues)
        #expect(stack.title == "老年助餐点开到了村口" && stack.subtitle == "“四百”大走访进行时 横港村为老服务纪实")
    }

    @Test(
        "a title loses the ornament, column label or item number set before it, and keeps a figure that opens it",
        arguments: [
            ("◎九亭泗泾联合巡河 共护跨界“一江清水”", "九亭泗泾联合巡河 共护跨界“一江清水”"),
            ("聚焦｜十项民生实事项目全部开工", "十项民生实事项目全部开工"),
            ("“四百”大走访｜浦东街镇走访见闻（三）", "浦东街镇走访见闻（三）"),
            ("三、昆山市部署“三治融合”示范村创建", "昆山市部署“三治融合”示范村创建"),
            ("（二）永安村用“村民说事”议定停车难题", "永安村用“村民说事”议定停车难题"),
            ("2. 镇综治中心“一站式”化解矛盾", "镇综治中心“一站式”化解矛盾"),
            ("02\u{3000}家门口就业服务站怎么用？", "家门口就业服务站怎么用？"),
            ("1.5万户居民用上“一键呼”", "1.5万户居民用上“一键呼”"),
            ("28 户人家用上了新电梯", "28 户人家用上了新电梯"),
            ("2024年民生实事项目出炉", "2024年民生实事项目出炉"),
            ("12345热线工单同比下降两成", "12345热线工单同比下降两成"),
            ("张庙街道：一声“哨响”，积水点十天“销号”", "张庙街道：一声“哨响”，积水点十天“销号”"),
            ("居民说：这件事｜我们商量着办", "居民说：这件事｜我们商量着办"),
            ("【枫泾镇】“周末接访日”覆盖全部村居", "“周末接访日”覆盖全部村居"),
            ("┌──────── 温馨提示 ────────┐", "温馨提示"),
            ("╔══ 高温天气 请减少外出 ══╗", "高温天气 请减少外出"),
            ("03｜竹林村新设两处“老年睦邻点”", "竹林村新设两处“老年睦邻点”"),
            ("12 | 镇司法所开展“法律明白人”培训", "镇司法所开展“法律明白人”培训"),
            ("[2026-04-09]\u{3000}华新镇召开春季防汛工作会议", "华新镇召开春季防汛工作会议"),
            ("【2025.6.3】 镇里启动“清洁家园”行动", "镇里启动“清洁家园”行动"),
            ("[2026-04-09]华新镇召开春季防汛工作会议", "[2026-04-09]华新镇召开春季防汛工作会议"),
            ("【120救护】 站点覆盖全镇", "【120救护】 站点覆盖全镇"),
            ("【秋收秸秆禁烧实现“零火点”】", "秋收秸秆禁烧实现“零火点”"),
            ("2024｜我们这一年", "2024｜我们这一年"),
        ])
    func undecorated(line: String, title: String) {
        #expect(TitleBlock.undecorated(line, cues: cues) == title)
    }
}
