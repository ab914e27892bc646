import BulletinKit
import Foundation

// Hostile shapes (issue 17, item 7): inputs no bulletin looks like but a user may feed in, on
// which a stage that compares everything with everything shows up as minutes. Each is made here at
// two sizes, N and 2N, and timed through ingestion and tagging: the time must double, not
// quadruple (a ratio under 2.5 leaves room for noise; quadratic work reads ~4).

/// One hostile input, at a size.
struct HostileShape {
    let name: String
    /// The text at `size` units (names, or repetitions of the place).
    let make: (Int) -> String
    /// N, in the shape's units.
    let size: Int
    let unit: String

    /// - Parameter towns: the town names of the built-in gazetteer, each once, for the roundup.
    static func all(towns: [String]) -> [HostileShape] { [
        // An honour roll: thousands of two-character names, one per short line (8,000 names,
        // 56 KB took 15.5 s at the time of issue 17).
        HostileShape(name: "honour roll", make: { honourRoll($0) }, size: 8_000, unit: "names"),
        // The same roll printed several names to a line, separated by ideographic spaces.
        HostileShape(name: "honour roll, 4 a line", make: { honourRoll($0, perLine: 4) }, size: 8_000, unit: "names"),
        // One line of a place name several places share, repeated (1 MB took 104 s): read as a
        // masthead, whose places are resolved with the articles'.
        HostileShape(name: "one place name repeated", make: { repeatedPlace($0) }, size: 110_000, unit: "names"),
        // The same as an article: a title, then a body of the name over and over (250 KB took
        // 12 s in attribution once the resolver was linear).
        HostileShape(name: "a town named over and over", make: { townArticle($0) }, size: 30_000, unit: "names"),
        // A delegation named over and over in one clause (`长征镇一行东岭村` repeated): each town's
        // question "does a delegation word follow you in your clause?" read every cue of the
        // clause (30,000 names took 22 s, 60,000 took 84 s).
        HostileShape(name: "a delegation named over and over", make: { delegationClause($0) }, size: 30_000, unit: "names"),
        // A brief's run-in title over a sentence that never ends, on lines of uneven width: every
        // line joins the paragraph through the page-break repair's sentence test, which asks
        // whether the paragraph so far opens a sentence after a gap (reading it all was quadratic).
        HostileShape(name: "run-in title over endless text", make: { endlessRunIn($0) }, size: 10_000, unit: "lines"),
        // A roundup naming thousands of different towns, each practising a mechanism: the place
        // resolver compared every ambiguous name with every anchor and every other open name
        // (2,000 towns took 10 s, 4,000 took 24 s).
        // A chronology (大事记) whose one paragraph is dates: each month and day was read through
        // an array made at the length of the article (20,000 dates took 0.5 s, 80,000 took 5.2 s).
        HostileShape(name: "a chronology of dates", make: { chronology($0) }, size: 20_000, unit: "dates"),
        HostileShape(name: "a roundup of many towns", make: { roundup(Array(towns.prefix($0))) }, size: 2_000, unit: "towns"),
    ] }

    /// `count` full dates in one paragraph under a heading (`2024年3月5日，召开会议。` …).
    static func chronology(_ count: Int) -> String {
        "大事记\n\n" + (0..<count).map { "2024年\($0 % 12 + 1)月\($0 % 28 + 1)日，召开会议。" }.joined() + "\n"
    }

    /// One article in which each of `towns` practises 三所联动, in one sentence.
    static func roundup(_ towns: [String]) -> String {
        "各镇推进三所联动工作综述\n\n" + towns.map { $0 + "推行三所联动，" }.joined() + "。\n"
    }

    /// `count` names (surname and given name, all distinct in pairs up to 1,600), `perLine` to a
    /// line, after a heading.
    static func honourRoll(_ count: Int, perLine: Int = 1) -> String {
        let surnames = Array("张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚华建国文英玉兰红云飞鹏辉斌宇浩凯健俊帆琳")
        var text = "2024年度优秀志愿者名单\n"
        for i in 0..<count {
            text.append(surnames[i % surnames.count])
            text.append(given[(i / surnames.count + i) % given.count])
            text.append((i + 1) % perLine == 0 || i == count - 1 ? "\n" : "　")
        }
        return text
    }

    /// 长征镇 (a town in Shanghai and elsewhere: ambiguous alone) `count` times on one line.
    static func repeatedPlace(_ count: Int) -> String {
        String(repeating: "长征镇", count: count) + "\n"
    }

    /// `■ 镇部署工作　10月21日，镇召开…` and then `count` unpunctuated lines of 15 to 40 characters.
    static func endlessRunIn(_ count: Int) -> String {
        let words = Array("街道社区网格治理服务居民调解矛盾纠纷工作推进")
        var text = "■ 镇部署工作　10月21日，镇召开推进会街道社区网格\n"
        for i in 0..<count {
            for j in 0..<(15 + (i * 7) % 26) { text.append(words[(i + j * 3) % words.count]) }
            text.append("\n")
        }
        return text
    }

    /// An article whose one clause names a visiting town, a delegation word and a village
    /// `count` times over.
    static func delegationClause(_ count: Int) -> String {
        "长征镇举办社区运动会\n\n" + String(repeating: "长征镇一行东岭村", count: count) + "。\n"
    }

    /// An article about 长征镇 whose body names it `count` times in a row.
    static func townArticle(_ count: Int) -> String {
        "长征镇举办社区运动会\n\n" + String(repeating: "长征镇", count: count) + "。\n"
    }

    /// CPU seconds of this thread to ingest and tag `text` as a run does (masthead included),
    /// best of three: on a machine shared
    /// with other work, wall time moves by 2× between runs and would blur a ratio of 2 against 4.
    static func time(_ text: String, ingester: Ingester, tagger: Tagger) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            let ingested = ingester.articles(in: Bulletin(path: "hostile.txt", text: text))
            _ = tagger.tag(ingested.articles, masthead: ingested.masthead)
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
