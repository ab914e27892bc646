import Testing

@testable import BulletinKit

@Suite("Furniture printed on a text line")
struct InlineFurnitureTests {
    let inline = Ingester(lexicons: Corpus.lexicons).repair.inline

    /// The text left after the piece is cut, and the piece's kind.
    func cut(_ text: String) -> (String, LineClassifier.Kind)? {
        guard let piece = inline.trailing(text) else { return nil }
        return (String(scalars: text.scalarArray[..<piece.offset]).trimmingSpaces, piece.kind)
    }

    @Test(
        "a credit, an end mark or a marker at the end of a paragraph is cut off",
        arguments: [
            ("全镇物业类投诉同比下降37.6%，另有（下转第3版）", "全镇物业类投诉同比下降37.6%，另有", LineClassifier.Kind.continuedForward(page: "3版")),
            ("两级网格联动 “多格合一”织密平安网（上接第1版）", "两级网格联动 “多格合一”织密平安网", .continuedBackward),
            ("力争每个网格都有一个议事角。（完）", "力争每个网格都有一个议事角。", .endMark),
            ("欢迎居民来挑毛病、提建议。（刘晓庆 张维）", "欢迎居民来挑毛病、提建议。", .byline(["刘晓庆", "张维"])),
            ("把巡查与评优评先挂钩。（执笔：陈思远 黄嘉）", "把巡查与评优评先挂钩。", .byline(["陈思远", "黄嘉"])),
            ("纠纷全部通过调解解决。（罗店镇司法所）", "纠纷全部通过调解解决。", .byline(["罗店镇司法所"])),
            ("每月在公示栏张贴。（永嘉路居民区 供稿）", "每月在公示栏张贴。", .byline(["永嘉路居民区"])),
            ("邻里之间的心也近了。·顾倩·", "邻里之间的心也近了。", .byline(["顾倩"])),
            ("发放宣传资料5,000余份.(镇妇联)", "发放宣传资料5,000余份.", .byline(["镇妇联"])),
            ("居民的“自家人”。华阳社区报 2024.11.15  01", "居民的“自家人”。", .masthead(date: nil)),
            ("得到居民点赞。塘桥社区报　2024年9月20日 星期五　　　　　　综合新闻　2", "得到居民点赞。", .masthead(date: nil)),
            ("清理河坡垃圾600余公斤。　顾海燕　摄", "清理河坡垃圾600余公斤。", .byline(["顾海燕"])),
            ("并为老人建立了健康档案。　（通讯员 顾晓丽）", "并为老人建立了健康档案。", .byline(["顾晓丽"])),
        ])
    func trailing(text: String, left: String, kind: LineClassifier.Kind) {
        let result = cut(text)
        #expect(result?.0 == left)
        #expect(result?.1 == kind)
    }

    @Test(
        "brackets that belong to the text stay",
        arguments: [
            "全年新增车位214个（含错时停车位60个）。",
            "共受理诉求1200余件。（注：以上为初步统计）",
            "相关做法已在全区推广。（2023年）",
            "议事会开进楼道，把难题摆上桌面（一）",
            "党员志愿者带头，居民纷纷响应，（见下图）",
        ])
    func staysText(text: String) {
        #expect(inline.trailing(text) == nil, "\(text)")
    }

    @Test func leadingMarker() {
        let text = "（上接第1页）已全部协调解决。镇里还将继续推进。"
        let piece = inline.leading(text)
        #expect(piece?.kind == .continuedBackward)
        #expect(piece.map { String(scalars: text.scalarArray[$0.offset...]) } == "已全部协调解决。镇里还将继续推进。")
        #expect(inline.leading("（一）建强阵地。每个村都设了议事点。") == nil)
    }

    @Test(
        "a run-in title before the text of its brief",
        arguments: [
            ("■ 网格员技能大比武开赛　4月10日，湖塘镇第三届网格员技能大比武开赛，62名网格员参赛。", "网格员技能大比武开赛", "4月10日，"),
            ("镇区加装电梯再提速　今年以来，石港镇新开工加装电梯12台，已有8台投入使用。", "镇区加装电梯再提速", "今年以来，"),
            ("二、社区长者食堂增至7家。9月28日，位于荣乐东路的第7家长者食堂开门营业，日均供餐400余份。", "二、社区长者食堂增至7家", "9月28日，"),
            // A bullet and a colon; the text goes on in the next line of a hard-wrapped column.
            ("◆镇文化中心“冬日课堂”开课：12月2日起，镇文化中心推出书法、太极、剪纸、合唱等八门冬季课程，每周一至", "镇文化中心“冬日课堂”开课", "12月2日起，"),
            // A digest's headline in brackets, the text right after the closing bracket.
            ("【新河村“议事长廊”启用】4月2日，新河村在村委会旁建成议事长廊，村民代表当天议定了三件事。", "【新河村“议事长廊”启用】", "4月2日，"),
            // A headline that opens with a year is no date.
            ("2025年民生实事项目征集启动　即日起至11月20日，街道面向辖区居民征集明年的民生实事项目建议。", "2025年民生实事项目征集启动", "即日起"),
        ])
    func runIn(text: String, head: String, start: String) {
        let split = inline.runInTitle(text)
        let scalars = text.scalarArray
        #expect(split.map { String(scalars: scalars[..<$0.headEnd]).trimmingSpaces.hasSuffix(head) } == true)
        #expect(split.map { String(scalars: scalars[$0.textStart...]).hasPrefix(start) } == true)
    }

    @Test(
        "lines with a wide space that are no run-in title",
        arguments: [
            "新泾镇推行“多格合一”　一张网格管到底",
            "按时办结率　99.7%　实际解决率　96.8%",
            "近日，湖塘镇召开河长制工作会议　明确全年完成12条镇级河道整治，并部署了巡河任务。",
            // A credit opening the lead: a dateline, not a title (its bracket is still open).
            "本报讯（记者　唐敏）日前，区司法局公布第五批区级民主法治示范村（社区）名单，12个村（社区）榜上有名。",
            // A numbered item whose words before the full stop are a sentence, not a heading.
            "一、征集时间：2024年10月8日至10月31日。逾期提交的建议将纳入下一年度统筹考虑，敬请谅解。",
            "（一）加强组织领导，压实工作责任。各村居要明确专人负责，每周报送工作进展情况。",
            // A bullet and a colon after an actor: who acted, as a brief's text says it.
            "◆虹桥社区：11月12日，社区联合派出所开展反诈宣传，发放宣传册300余份。",
            // A colon with no bullet: a speaker.
            "镇党委书记沈建国：今年我们要把议事会开到每一个村民小组，让群众的事群众商量。",
            // A town's label in brackets stands for an item number (see the numbered run-ins),
            // and a whole sentence in brackets is a pull quote, not a headline.
            "【旺庄街道】6月18日，街道组织志愿者走进老小区，帮助独居老人检查燃气和电线，共走访86户。",
            "【小纠纷不出村，大矛盾不上交。】镇里在各村设立乡贤工作室，聘请退休教师和老村干部坐堂调解。",
            // A step of a timeline told in the text, its date and hour set before it.
            "5月8日晚上　网格员巡查时发现一处楼道堆放的纸箱冒烟，立即报告社区并组织邻居用灭火器扑灭。",
        ])
    func notRunIn(text: String) {
        #expect(inline.runInTitle(text) == nil, "\(text)")
    }

    @Test(
        "a credit naming only a photographer is the picture's; a writer's credit is the article's",
        arguments: [
            ("陆　军　摄", true), ("（本报记者　蒋文涛　摄）", true), ("摄影 李晨", true), ("（摄影　钱伟）", true),
            ("张　敏　文/摄", false), ("文／李四　摄影／王五", false), ("（通讯员　钱晓燕）", false), ("（街道平安办 供稿）", false),
        ])
    func photoCredit(printed: String, photo: Bool) {
        #expect(inline.classifier.isPhotoCredit(printed) == photo, "\(printed)")
    }
}
