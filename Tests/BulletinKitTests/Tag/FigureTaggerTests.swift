import Testing

@testable import BulletinKit

/// Spells an integer in Chinese numerals the way bulletins write it, with 两 or 二 for 2 before
/// 百/千/万/亿 — the reference the parser is checked against.
func spellChinese(_ n: Int, liang: Bool) -> String {
    let digits = Array("零一二三四五六七八九")
    if n == 0 { return "零" }
    func below10000(_ n: Int, leading: Bool) -> String {
        var out = ""
        var zeroPending = false
        let units: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var started = false
        for (value, unit) in units {
            let d = n / value % 10
            if d == 0 {
                if started { zeroPending = true }
                continue
            }
            if zeroPending { out += "零"; zeroPending = false }
            if d == 1 && value == 10 && !started && leading {
                out += "十"
            } else if d == 2 && liang && value >= 100 {
                out += "两" + unit
            } else {
                out += String(digits[d]) + unit
            }
            started = true
        }
        return out
    }
    var parts: [String] = []
    let yi = n / 100_000_000
    let wan = n / 10_000 % 10_000
    let rest = n % 10_000
    if yi > 0 { parts.append((yi == 2 && liang ? "两" : below10000(yi, leading: true)) + "亿") }
    if wan > 0 {
        if yi > 0 && wan < 1000 { parts.append("零") }
        parts.append((wan == 2 && liang ? "两" : below10000(wan, leading: yi == 0)) + "万")
    }
    if rest > 0 {
        if (yi > 0 || wan > 0) && rest < 1000 { parts.append("零") }
        parts.append(below10000(rest, leading: yi == 0 && wan == 0))
    }
    return parts.joined()
}

@Suite("Chinese numerals")
struct ChineseNumeralTests {
    @Test(
        "examples",
        arguments: [
            ("十", 10), ("十九", 19), ("二十六", 26), ("一百一十四", 114), ("两万", 20000), ("三千零五", 3005),
            ("二〇二四", 2024), ("千", 1000), ("一万零五", 10005), ("三亿五千万", 350_000_000), ("零", 0),
        ])
    func examples(text: String, value: Int) {
        #expect(ChineseNumeral.value(text.unicodeScalars) == value)
    }

    @Test("every integer 0…10^9 spelt with 两 and with 二 parses back (all below 10^5, then sampled)")
    func roundTrip() {
        var failures: [String] = []
        var random = SplitMix64(seed: 2024)
        let sample = Array(0...100_000) + (0..<200_000).map { _ in Int.random(in: 0...1_000_000_000, using: &random) }
        for n in sample {
            for liang in [false, true] {
                let text = spellChinese(n, liang: liang)
                if ChineseNumeral.value(text.unicodeScalars) != n, failures.count < 5 { failures.append("\(n) ← \(text)") }
            }
        }
        #expect(failures.isEmpty, "seed 2024: \(failures)")
    }

    @Test("malformed runs are not numerals")
    func malformed() {
        #expect(ChineseNumeral.value("一二十".unicodeScalars) == nil)
        #expect(ChineseNumeral.value("十百".unicodeScalars) == nil)
    }
}

@Suite("Figures")
struct FigureTaggerTests {
    let tagger = Corpus.tagger.figures

    func figures(_ text: String, date: IssueDate? = nil, excluded: [Range<Int>] = []) -> [Figure] {
        tagger.figures(in: text, excluded: excluded, issueDate: date)
    }

    @Test(
        "quantities, their value, unit, kind and approximation",
        arguments: [
            ("接待来访群众 314 批次", "314 批次", 314.0, "批次", Figure.Kind.count, false),
            ("下发问卷 1500 余份", "1500 余份", 1500, "份", .count, true),
            ("惠及 2万余户 居民", "2万余户", 20000, "户", .count, true),
            ("累计 6万余人次", "6万余人次", 60000, "人次", .count, true),
            ("惠及 10 万人口", "10 万人", 100000, "人", .count, false),
            ("计划投资215万元", "215万元", 2_150_000, "元", .money, false),
            ("总投资3.5亿元", "3.5亿元", 350_000_000, "元", .money, false),
            ("两万户居民", "两万户", 20000, "户", .count, false),
            ("占常住人口的 33%", "33%", 33, "%", .percent, false),
            ("百分之三十三的居民", "百分之三十三", 33, "%", .percent, false),
            ("辖区面积 44 平方公里", "44 平方公里", 44, "平方公里", .area, false),
            ("全长约2500米", "约2500米", 2500, "米", .length, true),
            ("为期9天", "9天", 9, "天", .duration, false),
            ("近百名志愿者", "近百名", 100, "名", .count, true),
            ("悬挂条幅20余条", "20余条", 20, "条", .count, true),
            ("两名村民", "两名", 2, "名", .count, false),
            ("第五届人民代表大会", "第五届", 5, "届", .ordinal, false),
            ("满意率100%以上", "100%以上", 100, "%", .percent, true),
            ("1,500 份问卷", "1,500 份", 1500, "份", .count, false),
            ("３１４户", "３１４户", 314, "户", .count, false),
        ])
    func quantities(text: String, surface: String, value: Double, unit: String, kind: Figure.Kind, approx: Bool) throws {
        let found = figures(text)
        let figure = try #require(found.first, "\(text)")
        #expect(found.count == 1, "\(text): \(found.map(\.text))")
        #expect(figure.text == surface)
        #expect(figure.value == .number(value))
        #expect(figure.unit == unit)
        #expect(figure.kind == kind)
        #expect(figure.approx == approx)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[figure.start..<figure.end])) == figure.text)
    }

    @Test("dates, years, ranges and codes")
    func datesAndCodes() {
        let date = IssueDate(year: 2021, month: 5, day: 20)
        #expect(figures("2024年1月1日早上").map(\.value) == [.text("2024-01-01")])
        #expect(figures("2021 年 9 月，园区开通").map(\.value) == [.text("2021-09")])
        #expect(figures("5月14日,镇分管领导", date: date).map(\.value) == [.text("2021-05-14")])
        #expect(figures("5月14日,镇分管领导").map(\.value) == [.text("--05-14")])
        #expect(figures("22日,活动举行", date: date).map(\.value) == [.text("---22")])
        #expect(figures("5月20日开工,22日完工", date: date).map(\.value) == [.text("2021-05-20"), .text("2021-05-22")])
        #expect(figures("2023年以来").map(\.kind) == [.year])
        #expect(figures("浦东新区2024元旦迎新健康走").map(\.kind) == [.year])
        // A building or a metro line is no day of the month.
        #expect(figures("12月10日，某弄3号楼加装电梯，3号线沿线居民受益，15日完工。").map(\.value) == [.text("--12-10"), .text("--12-15")])
        #expect(figures("5月20日开工，22号完工", date: date).map(\.value) == [.text("2021-05-20"), .text("2021-05-22")])
        let range = figures("每组3至5人")
        #expect(range.first?.value == .number(3))
        #expect(range.first?.max == 5)
        #expect(figures("形成了“1+5+19+114+867”五级体系").map(\.value) == [.text("1+5+19+114+867"), .number(5)])
        #expect(figures("建立2+3+19+X服务框架").map(\.value) == [.text("2+3+19+X")])
    }

    @Test(
        "numerals that are not quantities",
        arguments: [
            "一呼百应，形成合力", "第一时间赶到现场", "打通最后一公里", "千方百计解决难题", "搭好四梁八柱",
            "采购了一批太阳能路灯", "一名志愿者说", "附近一条无名小巷", "在228 街坊开展活动", "长宁支路324弄附近", "一站式受理",
        ])
    func notFigures(text: String) {
        #expect(figures(text).isEmpty, "\(text): \(figures(text).map(\.text))")
    }

    @Test("numerals inside names found by the other taggers are not figures")
    func insideNames() {
        let text = "街道推进三所联动工作，19个居民区、114个微网格参与。"
        let found = figures(text, excluded: [4..<8])
        #expect(found.map(\.text) == ["19个", "114个"])
        #expect(found.first?.object == "居民区")
    }
}
