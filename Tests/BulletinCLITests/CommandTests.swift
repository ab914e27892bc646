import BulletinKit
import Foundation
import Testing

@testable import BulletinCLI

/// Runs the command in-process with captured streams.
final class Captured: @unchecked Sendable {
    var out = ""
    var err = ""
    let stdin: [UInt8]
    init(stdin: String = "") { self.stdin = Array(stdin.utf8) }
    init(stdinBytes: [UInt8]) { self.stdin = stdinBytes }

    func run(_ arguments: [String]) -> BulletinCLI.ExitStatus {
        let console = Console(
            out: { self.out += $0 }, error: { self.err += $0 }, input: { self.stdin })
        return BulletinCommand.main(arguments, console: console)
    }
}

let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            return url.path
        }
    }
    fatalError("no Package.swift above \(#filePath)")
}()

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "bulletin-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

let brief = "社区食堂开门迎客\n\n近日，临汾路街道第三家社区食堂开门营业，老年居民就餐享受优惠。\n"

@Suite("bulletin command line")
struct CommandTests {
    @Test("bulletin, --help, -h and help all print the overview")
    func help() {
        let expected = """
            OVERVIEW: Split Chinese community-news bulletins into articles and tag places,
            governance mechanisms and figures.

            USAGE: bulletin <subcommand> [<options>]

            SUBCOMMANDS:
              run                     Ingest, tag and export bulletins.
              query                   Find articles by mechanism or town.
              report                  Write an HTML report: heat map, evidence, diffusion charts.
              summarize               Merge partial runs into one town × mechanism summary.
              export                  Write a finished run's tables as one .xlsx workbook.
              split                   Show how one bulletin is cut into articles, line by line.
              lexicon                 Check, count and grow the lexicons.
              train                   Learn the layout model from annotated bulletins; cross-validate it.
              completions             Print a shell completion script for bash, zsh or fish.
              help                    Show help for a subcommand, or the manual page (help --man).

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

              See 'bulletin help <subcommand>' for detailed help.

            EXIT STATUS:
              0    success
              1    some inputs had problems (each reported; the rest is written)
              2    usage error (an unknown option, a bad --lexicon file)
              3    the output could not be written (a full disk, a closed pipe, a
                   folder that cannot be created, and why); an output folder is left
                   as it was
              130  interrupted (Ctrl-C); with -o, --resume continues the run

            """
        for arguments in [[], ["--help"], ["-h"], ["help"]] {
            let c = Captured()
            #expect(c.run(arguments) == .success)
            #expect(c.out == expected, "\(arguments)")
            #expect(c.err.isEmpty)
        }
    }

    @Test("help run and run --help print the run help")
    func runHelp() {
        let a = Captured()
        let b = Captured()
        #expect(a.run(["help", "run"]) == .success)
        #expect(b.run(["run", "corpus", "--help"]) == .success)
        #expect(a.out == b.out)
        #expect(a.out.hasPrefix("OVERVIEW: Ingest, tag and export bulletins.\n\nUSAGE: \(RunCommand.help.usage)\n"))
        #expect(RunCommand.help.usage.hasPrefix("bulletin run <input> ... [-o <dir> [--outputs <list>] [--resume]"))
        #expect(a.out.contains("--resume"))
        #expect(a.out.contains("-o, --output <dir>"))
    }

    @Test("--version prints the version")
    func version() {
        let c = Captured()
        #expect(c.run(["--version"]) == .success)
        #expect(c.out == "bulletin \(BulletinVersion.current)\n")
    }

    @Test("a misspelt option is a usage error with a suggestion and exit status 2")
    func unknownOption() {
        let c = Captured()
        #expect(c.run(["run", "corpus", "--ouput", "out"]) == .usage)
        #expect(c.err == """
            bulletin: unknown option '--ouput' (did you mean '--output'?)
            Usage: \(RunCommand.help.usage)
              See 'bulletin help run' for more information.

            """)
        #expect(c.out.isEmpty)
    }

    @Test("usage errors: unknown subcommand, missing input, missing value")
    func usageErrors() {
        let cases: [([String], String)] = [
            (["rnu", "corpus"], "bulletin: unknown subcommand 'rnu' (did you mean 'run'?)\n"),
            (["run"], "bulletin: missing <input>: give bulletin files, folders, or - for standard input\n"),
            (["run", "corpus", "-o"], "bulletin: option '--output' needs a value\n"),
            (["split"], "bulletin: missing <file>\n"),
        ]
        for (arguments, firstLine) in cases {
            let c = Captured()
            #expect(c.run(arguments) == .usage, "\(arguments)")
            #expect(c.err.hasPrefix(firstLine), "\(arguments): \(c.err)")
        }
    }

    @Test("run on standard input writes JSON Lines to standard output")
    func standardInput() throws {
        let c = Captured(stdin: brief)
        #expect(c.run(["run", "-", "-q"]) == .success)
        let lines = c.out.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(record["id"] as? String == "stdin#1")
        #expect(record["title"] as? String == "社区食堂开门迎客")
        #expect(c.err.isEmpty)
    }

    @Test("run -o writes articles.jsonl and manifest.json; a bad file is reported, exit 1, the rest written")
    func outputFolder() throws {
        let inputs = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        try brief.write(toFile: inputs + "/2024-03-08_linfen.txt", atomically: false, encoding: .utf8)
        try Data([0, 1, 2, 3, 0xFF]).write(to: URL(fileURLWithPath: inputs + "/broken.txt"))
        let outParent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outParent) }
        let out = outParent + "/new/out"
        let c = Captured()
        #expect(c.run(["run", inputs, "-o", out]) == .inputProblems)
        #expect(c.err.contains("bulletin: \(inputs)/broken.txt: binary file"))
        let summary = try #require(c.err.split(separator: "\n").last)
        #expect(summary.hasPrefix("bulletin: 2 files, 1 article, 1 problem, "))
        #expect(summary.hasSuffix(" s → \(out)/"))
        let jsonl = try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8)
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.contains("\"date\":\"2024-03-08\""))
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as! [String: Any]
        let counts = manifest["counts"] as! [String: Int]
        #expect(counts == ["files": 2, "articles": 1, "errors": 1])
        let inputsListed = manifest["inputs"] as! [[String: Any]]
        #expect(inputsListed.first?["sha256"] as? String == SHA256.hex(of: Array(brief.utf8)))
        #expect((manifest["lexicons"] as! [[String: Any]]).count >= 2)
    }

    @Test("two runs over the corpus, with 1 job and with 3, give byte-identical outputs")
    func deterministic() throws {
        let first = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: first) }
        let second = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: second) }
        let corpus = packageRoot + "/corpus"
        #expect(Captured().run(["run", corpus, "-o", first, "-q", "-j", "1"]) == .success)
        #expect(Captured().run(["run", corpus, "-o", second, "-q", "-j", "3"]) == .success)
        for name in OutputFolder.fileNames {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            #expect(a == b, "\(name)")
            #expect(!a.isEmpty)
        }
    }

    @Test("split shows each line's role")
    func split() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("扫码关注“临汾发布”公众号\n\n" + brief + "\n·王芳·\n").write(
            toFile: folder + "/b.txt", atomically: false, encoding: .utf8)
        let c = Captured()
        #expect(c.run(["split", folder + "/b.txt"]) == .success)
        #expect(c.out.contains("── article 1: 社区食堂开门迎客  by 王芳\n"))
        #expect(c.out.contains("1  masthead          │ 扫码关注"))
        #expect(c.out.contains("3  title             │ 社区食堂开门迎客"))
        #expect(c.out.contains("7  byline            │ ·王芳·"))
    }
}

@Suite("Argument scanning")
struct ArgumentScannerTests {
    let scanner = ArgumentScanner(options: [
        .init(long: "output", short: "o", takesValue: true),
        .init(long: "lexicon", takesValue: true),
        .init(long: "quiet", short: "q", takesValue: false),
    ])

    @Test("long and short forms, inline values, repeats, -- and a lone -")
    func forms() throws {
        let parsed = try scanner.scan([
            "a.txt", "--output=out", "-q", "--lexicon", "x.tsv", "-", "--lexicon=y.tsv", "--", "-o",
        ])
        #expect(parsed.positionals == ["a.txt", "-", "-o"])
        #expect(parsed.values["output"] == ["out"])
        #expect(parsed.values["lexicon"] == ["x.tsv", "y.tsv"])
        #expect(parsed.flag("quiet"))
        #expect(try scanner.scan(["-oout"]).last("output") == "out")
    }

    @Test("errors: unknown option, value for a flag, missing value")
    func errors() {
        #expect(throws: UsageError("unknown option '--ouput' (did you mean '--output'?)")) {
            try scanner.scan(["--ouput", "x"])
        }
        #expect(throws: UsageError("option '--quiet' takes no value")) { try scanner.scan(["--quiet=yes"]) }
        #expect(throws: UsageError("option '--output' needs a value")) { try scanner.scan(["-o"]) }
        #expect(throws: UsageError("unknown option '-x'")) { try scanner.scan(["-x"]) }
    }
}

@Suite("The built binary")
struct BinaryTests {
    @Test("bulletin run on the corpus exits 0 and writes one line per article")
    func endToEnd() throws {
        let binary = packageRoot + "/.build/debug/bulletin"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", packageRoot + "/corpus"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count >= 50)
        #expect(errors.hasPrefix("bulletin: "))
        #expect(errors.contains("articles, 0 problems"))
    }
}

@Suite("bulletin query")
struct QueryCommandTests {
    static let output: String = {
        let folder = NSTemporaryDirectory() + "bulletin-query-\(UUID().uuidString)"
        _ = Captured().run(["run", packageRoot + "/corpus", "-o", folder, "-q"])
        return folder
    }()

    @Test("a mechanism by an alias lists the towns that report it, with title and evidence sentence")
    func byMechanism() {
        let c = Captured()
        #expect(c.run(["query", "--mechanism", "四百", Self.output]) == .success)
        #expect(c.out.hasPrefix("“四百”大走访: "))
        #expect(c.out.contains("桃浦镇  普陀区"))
        #expect(c.out.contains("四百"))
        for line in c.out.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 100, "\(line)") }
    }

    @Test("a town by the start of its name lists its mechanisms; both together list the articles")
    func byTown() throws {
        let c = Captured()
        #expect(c.run(["query", "--town", "桃浦", Self.output, "--format", "tsv"]) == .success)
        let rows = c.out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0[0] == "桃浦镇" && $0[1] == "普陀区" })
        let both = Captured()
        #expect(both.run(["query", "-m", "人民建议征集", "-t", "桃浦镇", Self.output, "-f", "json"]) == .success)
        let hits = try JSONSerialization.jsonObject(with: Data(both.out.utf8)) as! [[String: Any]]
        #expect(hits.count == 1)
        #expect((hits[0]["sentence"] as! String).contains("人民建议征集"))
    }

    @Test("a town's list shows mechanisms and campaigns by default, every kind with --kind all")
    func kinds() throws {
        func kinds(_ extra: [String]) throws -> Set<String> {
            let c = Captured()
            #expect(c.run(["query", "--town", "华阳路街道", Self.output, "-f", "json"] + extra) == .success)
            let hits = try JSONSerialization.jsonObject(with: Data(c.out.utf8)) as! [[String: Any]]
            return Set(hits.map { $0["mechanism"] as! String })
        }
        let shown = try kinds([])
        let all = try kinds(["--kind", "all"])
        #expect(!shown.contains("党建引领"))
        #expect(all.contains("党建引领"))
        #expect(shown.isSubset(of: all))
        #expect(Captured().run(["query", "--town", "华阳路街道", Self.output, "--kind", "slogan"]) == .usage)
        #expect(Captured().run(["query", "--town", "华阳路街道", Self.output, "--attribution", "town"]) == .usage)
    }

    @Test("--attribution article counts every town an article names; passage only the towns credited")
    func attributionRule() throws {
        func towns(_ extra: [String]) throws -> Set<String> {
            let c = Captured()
            #expect(c.run(["query", "--mechanism", "三所联动", Self.output, "-f", "json"] + extra) == .success)
            let hits = try JSONSerialization.jsonObject(with: Data(c.out.utf8)) as! [[String: Any]]
            return Set(hits.map { ($0["town"] as! String) + "|" + ($0["article"] as! String) })
        }
        let passage = try towns([])
        let article = try towns(["--attribution", "article"])
        // Visited, compared and neighbouring towns are in the article rule only.
        #expect(!article.subtracting(passage).isEmpty)
    }

    @Test("a district lists its towns' mechanisms by town; a town with another suffix is suggested; a blank name is a usage error")
    func districtsAndNames() {
        let district = Captured()
        #expect(district.run(["query", "--town", "徐汇区", Self.output]) == .success)
        #expect(district.out.hasPrefix("徐汇区: "))
        #expect(district.out.contains("\n斜土路街道  徐汇区"))
        #expect(district.out.contains("三所联动 · "))
        let suffix = Captured()
        #expect(suffix.run(["query", "--town", "桃浦街道", Self.output]) == .inputProblems)
        #expect(suffix.err.contains("did you mean '桃浦镇'"))
        #expect(Captured().run(["query", "--town", " ", Self.output]) == .usage)
        let one = Captured()
        #expect(one.run(["query", "-m", "三所联动", "-t", "大宁路街道", Self.output]) == .success)
        #expect(one.out.hasPrefix("三所联动 × 大宁路街道: 1 mechanism, 1 article\n"))
    }

    @Test("an unknown name gets the nearest names")
    func unknown() {
        let c = Captured()
        #expect(c.run(["query", "--mechanism", "三所联东", Self.output]) == .inputProblems)
        #expect(c.err.hasPrefix("bulletin: no mechanism '三所联东' in the lexicon or the data (did you mean '三所联动'"))
    }
}

/// Chromium, when the machine has it (CI installs Debian's `chromium`).
let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("bulletin report")
struct ReportCommandTests {
    @Test("the page of the corpus holds the towns, mechanisms, counts and charts, with no network")
    func page() throws {
        let file = NSTemporaryDirectory() + "bulletin-report-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let c = Captured()
        #expect(c.run(["report", QueryCommandTests.output, "-o", file]) == .success)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("<tr class=\"town\" data-town=\"桃浦镇\" data-district=\"普陀区\">"))
        #expect(html.contains("data-mechanism=\"三所联动\""))
        #expect(html.contains("<svg class=\"diffusion\""))
        #expect(html.contains("articles have no date"))
        #expect(html.contains("<p class=\"hint\">"))
        // Evidence carries the mention cut out by its offsets, with the bulletin and source.
        #expect(html.contains("\"mark\":\"三所联动\""))
        #expect(html.contains("\"source\":\""))
        #expect(!html.contains("http://") && !html.contains("https://"), "self-contained: no external resources")
    }

    @Test("rendered in headless Chromium, clicking a cell lists its articles with the mechanism marked",
          .enabled(if: chromium != nil, "needs Chromium (CI installs it)"))
    func browser() throws {
        let file = NSTemporaryDirectory() + "bulletin-report-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(Captured().run(["report", QueryCommandTests.output, "-o", file]) == .success)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                             "--dump-dom", "file://" + file + "#open-first"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(dom.contains("data-town=\"华阳路街道\""))
        #expect(dom.contains("data-count=\""))
        // The click handler ran: the evidence section is shown, with a list item and a <mark>.
        #expect(dom.contains("<section id=\"evidence\">"), "evidence section still hidden")
        #expect(dom.contains("<mark>"))
    }

    /// The page as headless Chromium leaves it after its scripts ran, opened at `fragment`.
    static func dom(_ file: String, _ fragment: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                             "--dump-dom", "file://" + file + fragment]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return dom
    }

    @Test("the filter finds a mechanism by an alias and a district by name, hiding the rest",
          .enabled(if: chromium != nil, "needs Chromium (CI installs it)"))
    func filter() throws {
        let file = NSTemporaryDirectory() + "bulletin-report-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(Captured().run(["report", QueryCommandTests.output, "-o", file]) == .success)
        // 走四百 is an alias of “四百”大走访: its column shows, 三所联动's does not.
        let byAlias = try ReportCommandTests.dom(file, "#filter=" + "走四百".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        func tag(_ dom: String, _ start: String) -> String {
            guard let at = dom.range(of: start) else { return "" }
            return String(dom[at.lowerBound...].prefix { $0 != ">" })
        }
        let wanted = tag(byAlias, "<th class=\"mech\" data-mechanism=\"“四百”大走访\"")
        let other = tag(byAlias, "<th class=\"mech\" data-mechanism=\"三所联动\"")
        #expect(!wanted.isEmpty && !wanted.contains("hidden"))
        #expect(other.contains("hidden"))
        // A district keeps its own towns and hides the others and their headings.
        let byDistrict = try ReportCommandTests.dom(file, "#filter=" + "徐汇区".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(byDistrict.contains("data-town=\"斜土路街道\" data-district=\"徐汇区\">"))
        #expect(byDistrict.contains("data-town=\"长征镇\" data-district=\"普陀区\" hidden=\"\">"))
        #expect(byDistrict.contains("<tr class=\"district\" data-district=\"普陀区\" hidden=\"\">"))
    }
}

@Suite("Mapper mode")
struct MapperModeTests {
    static let lines = [
        #"{"id": "a1", "text": "社区食堂开门迎客\n\n近日，新海镇第三家社区食堂开门营业。"}"#,
        #"{"id": "a2", "text": "江桥镇召开会议\n\n12月8日，江桥镇召开第四季度信访工作联席会议。"}"#,
        #"{"id": "a3", "text": "调解员化解邻里纠纷\n\n日前，莘庄镇调解员上门化解一起邻里纠纷。"}"#,
    ]

    @Test("one line with a byte that is not UTF-8: that line is reported with its number, the others run")
    func badByte() throws {
        var bytes: [UInt8] = []
        for (index, line) in Self.lines.enumerated() {
            var lineBytes = Array(line.utf8)
            if index == 1 { lineBytes.insert(0xFF, at: 20) }
            bytes += lineBytes + [0x0A]
        }
        let c = Captured(stdinBytes: bytes)
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q"]) == .inputProblems)
        #expect(c.err.contains("bulletin: standard input, line 2: cannot read: not UTF-8 (byte 20 of the line)"), "\(c.err)")
        let ids = c.out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["a1#1", "a3#1"])
    }

    @Test("a GB18030 stream is read as GB18030")
    func gb18030() throws {
        let text = Self.lines.joined(separator: "\n") + "\n"
        // GB18030 as Foundation names it on Linux.
        let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        #expect(String(validating: Array(data), as: UTF8.self) == nil)
        let c = Captured(stdinBytes: Array(data))
        let status = c.run(["run", "--input-format", "jsonl", "-", "-q"])
        #expect(status == .success, "\(c.err)")
        #expect(c.out.split(separator: "\n").count == 3)
        #expect(c.out.contains("新海镇"))
    }

    @Test("JSON Lines bulletins in, records out; a bad line is reported and the rest still runs")
    func jsonLines() throws {
        let input = """
            {"id": "2024-01-05_xinhai", "text": "社区食堂开门迎客\\n\\n近日，新海镇第三家社区食堂开门营业。"}
            not json
            {"id": "b2", "date": "2023-12-15", "text": "江桥镇召开会议\\r\\n\\r\\n12 月 8 日，江桥镇召开第四季度信访工作联席会议。"}

            """
        let c = Captured(stdin: input)
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q"]) == .inputProblems)
        #expect(c.err.contains("bulletin: standard input, line 2: "))
        let records = try c.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.map { $0["id"] as! String } == ["2024-01-05_xinhai#1", "b2#1"])
        #expect(records.map { $0["date"] as? String } == ["2024-01-05", "2023-12-15"])
        #expect((records[0]["locations"] as! [[String: Any]]).first?["name"] as? String == "新海镇")
    }

    @Test("files given as base64 bytes are decoded as files are, listed in the manifest; a binary one is reported by its source")
    func fileBytes() throws {
        let gbk = try #require("调解员化解邻里纠纷\r\n\r\n日前，莘庄镇调解员上门化解一起邻里纠纷。\r\n".data(using: String.Encoding(rawValue: 0x8000_0632)))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(try #require("社区食堂开门迎客\n\n近日，新海镇第三家社区食堂开门营业。\n".data(using: .utf16LittleEndian)))
        let binary = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])
        func line(_ id: String, _ data: Data) -> String {
            #"{"id": "\#(id)", "source": "hdfs:///archive/\#(id).txt", "bytes": "\#(data.base64EncodedString())"}"#
        }
        let input = [line("2023-12-15_xinzhuang", gbk), line("2024-01-05_xinhai", utf16), line("scan", binary)].joined(separator: "\n") + "\n"
        let folder = try temporaryFolder() + "/out"
        let c = Captured(stdin: input)
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q", "-o", folder]) == .inputProblems)
        #expect(c.err.contains("bulletin: hdfs:///archive/scan.txt: binary file"), "\(c.err)")
        let records = try String(contentsOfFile: folder + "/articles.jsonl", encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.map { $0["id"] as! String } == ["2023-12-15_xinzhuang#1", "2024-01-05_xinhai#1"])
        #expect(records.map { $0["source"] as? String } == ["hdfs:///archive/2023-12-15_xinzhuang.txt", "hdfs:///archive/2024-01-05_xinhai.txt"])
        #expect((records[0]["locations"] as! [[String: Any]]).first?["name"] as? String == "莘庄镇")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as! [String: Any]
        let inputs = manifest["inputs"] as! [[String: Any]]
        let byPath = Dictionary(uniqueKeysWithValues: inputs.map { ($0["path"] as! String, $0) })
        let xinzhuang = try #require(byPath["hdfs:///archive/2023-12-15_xinzhuang.txt"])
        #expect(xinzhuang["encoding"] as? String == "GB18030")
        // Judged as a file's GB18030 reading is, so the manifest equals a run over the files.
        #expect((xinzhuang["encoding_confidence"] as? Double ?? 0) >= 0.8, "\(xinzhuang)")
        #expect(xinzhuang["bytes"] as? Int == gbk.count)
        #expect(xinzhuang["sha256"] as? String == SHA256.hex(of: Array(gbk)))
        #expect(byPath["hdfs:///archive/2024-01-05_xinhai.txt"]?["encoding"] as? String == "UTF-16LE")
        #expect(byPath["hdfs:///archive/scan.txt"]?["error"] as? String != nil)
        #expect(manifest["counts"] as? [String: Int] == ["files": 3, "articles": 2, "errors": 1])
    }

    @Test("\"bytes\" that are not base64: that line is reported, the others run")
    func badBase64() throws {
        let input = Self.lines[0] + "\n" + #"{"id": "x", "bytes": "不是base64"}"# + "\n"
        let c = Captured(stdin: input)
        #expect(c.run(["run", "--input-format", "jsonl", "-", "-q"]) == .inputProblems)
        #expect(c.err.contains("bulletin: standard input, line 2: "), "\(c.err)")
        #expect(c.out.split(separator: "\n").count == 1)
    }
}

@Suite("Interrupting and resuming a run")
struct InterruptTests {
    static let binary = packageRoot + "/.build/debug/bulletin"

    /// Copies of the corpus, at least 160 files: long enough to interrupt in the middle (a debug
    /// build checkpoints the second input within a second; the whole run takes tens). Copies,
    /// not more, since the run is made three times: eight copies of a corpus of 429 took this
    /// test to a quarter of an hour.
    static func archive() throws -> String {
        let inputs = try temporaryFolder()
        let corpus = packageRoot + "/corpus"
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }
        for copy in 0..<max(1, (160 + names.count - 1) / max(names.count, 1)) {
            for name in names { try FileManager.default.copyItem(atPath: corpus + "/" + name, toPath: inputs + "/\(copy)_" + name) }
        }
        return inputs
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the run has logged `count` finished inputs at a checkpoint.
    static func waitForCheckpoint(_ out: String, inputs count: Int, of process: Process) throws {
        let log = out + "/" + OutputFolder.workFolderName + "/progress.jsonl"
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let lines = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines > count { return }
            try #require(process.isRunning, "the run finished before it could be interrupted")
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("no checkpoint within two minutes")
    }

    static func visibleFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("Ctrl-C or a kill mid-run changes no output file; --resume then writes what one whole run writes")
    func interruptAndResume() throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptTests.binary), "build the package first")
        let inputs = try InterruptTests.archive()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let whole = try InterruptTests.start(["run", inputs, "-j", "2", "-q", "-o", work + "/whole"])
        whole.waitUntilExit()
        #expect(whole.terminationStatus == 0)

        for (signal, name) in [(SIGINT, "interrupted"), (SIGKILL, "killed")] {
            let out = work + "/" + name
            let process = try InterruptTests.start(["run", inputs, "-j", "1", "-q", "-o", out, "--checkpoint-every", "0.5"])
            try InterruptTests.waitForCheckpoint(out, inputs: 2, of: process)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationStatus == (signal == SIGINT ? 130 : SIGKILL), "\(name)")
            #expect(InterruptTests.visibleFiles(out) == [], "\(name): a file appeared in the output folder")

            let resumed = try InterruptTests.start(["run", inputs, "-j", "2", "-q", "-o", out, "--resume"])
            resumed.waitUntilExit()
            #expect(resumed.terminationStatus == 0, "\(name)")
            #expect(InterruptTests.visibleFiles(out) == OutputFolder.fileNames.sorted(), "\(name)")
            #expect(!FileManager.default.fileExists(atPath: out + "/" + OutputFolder.workFolderName), "\(name): work folder left")
            for file in OutputFolder.fileNames {
                let expected = try Data(contentsOf: URL(fileURLWithPath: work + "/whole/" + file))
                let actual = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
                #expect(expected == actual, "\(name): \(file) differs from one whole run's")
            }
        }
    }

    /// Whether a process catches `signal` now (its SigCgt mask in /proc), so a test sends Ctrl-C
    /// only once the handler is in place, without guessing a delay.
    static func catches(_ signal: Int32, pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
            let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    @Test("Ctrl-C in the JSON Lines mapper: exit 130 with a message, no record half-written")
    func interruptMapper() throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptTests.binary), "build the package first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InterruptTests.binary)
        process.arguments = ["run", "--input-format", "jsonl", "-", "-q"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let line = #"{"id": "2024-05-17_xinhai", "text": "社区食堂开门迎客\n\n近日，临汾路街道第三家社区食堂开门营业。"}"# + "\n"
        input.fileHandleForWriting.write(Data(String(repeating: line, count: 3).utf8))
        let deadline = Date().addingTimeInterval(60)
        while !InterruptTests.catches(SIGINT, pid: process.processIdentifier), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        try #require(InterruptTests.catches(SIGINT, pid: process.processIdentifier), "the run never set up its Ctrl-C handler")
        kill(process.processIdentifier, SIGINT)
        try input.fileHandleForWriting.close()
        let written = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("bulletin: interrupted after 0 bulletins"), "\(message)")
        #expect(written == "", "the first Ctrl-C was ignored: \(written.prefix(200))")
    }

    @Test("--resume checks content, not size: an input edited in place (same byte count) is refused")
    func resumeChecksContent() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/2021-06-18_shigang.txt"
        try FileManager.default.copyItem(atPath: packageRoot + "/corpus/2021-06-18_shigang.txt", toPath: input)
        let out = work + "/out"
        #expect(Captured().run(["run", input, "-q", "-o", out]) == .success)
        // The log an interrupted run leaves: the input finished, with its size and SHA-256.
        try FileManager.default.createDirectory(atPath: out + "/" + OutputFolder.workFolderName, withIntermediateDirectories: true)
        let identity = try RunCommand(arguments: [input]).runIdentity(lexicons: LexiconDigests(try Lexicons.builtin()), dates: nil)
        let folder = try OutputFolder(path: out, bom: true, identity: identity)
        let original = try String(contentsOfFile: input, encoding: .utf8)
        let bytes = Array(original.utf8)
        try folder.finished(
            .init(path: input, bytes: bytes.count, sha256: SHA256.hex(of: bytes), encoding: "UTF-8", articles: 0, error: nil),
            problems: 0)
        try folder.checkpoint()
        folder.suspend()
        // Three characters changed in place: the same byte count.
        let edited = original.replacingOccurrences(of: "石港镇", with: "兴仁镇")
        #expect(edited != original && edited.utf8.count == original.utf8.count)
        try edited.write(toFile: input, atomically: false, encoding: .utf8)
        let resumed = Captured()
        #expect(resumed.run(["run", input, "-q", "-o", out, "--resume"]) == .inputProblems)
        #expect(resumed.err.contains("\(input): changed since the interrupted run read it (same size, other content"), "\(resumed.err)")
    }

    @Test("a run killed while moving its files into place: a reader (query, export), a rerun or --resume finds its whole output, never a mix")
    func killedDuringCommit() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let first = packageRoot + "/corpus/2021-06-18_shigang.txt"
        let second = packageRoot + "/corpus/2024-05-24_shequbao-daninglu.txt"
        #expect(Captured().run(["run", second, "-q", "-o", work + "/whole"]) == .success)
        let whole = try String(contentsOfFile: work + "/whole/articles.jsonl", encoding: .utf8)
        let lexicons = try Lexicons.builtin()
        let identity = try RunCommand(arguments: [second]).runIdentity(lexicons: LexiconDigests(lexicons), dates: nil)
        let bulletin = Bulletin(path: second, text: try String(contentsOfFile: second, encoding: .utf8))
        for next in ["query", "export", "resume"] {
            let out = work + "/" + next
            #expect(Captured().run(["run", first, "-q", "-o", out]) == .success)
            // The run of `second` stops after its commit record and two renames, as a kill would.
            let folder = try OutputFolder(path: out, bom: true, identity: identity)
            let ingested = Ingester(lexicons: lexicons).articles(in: bulletin)
            for article in Tagger(lexicons: lexicons).tag(ingested.articles, masthead: ingested.masthead, nameplate: ingested.nameplate) { try folder.write(article) }
            folder.commitStopsAfterSteps = 3
            try folder.finish(runSummary: RunSummary(), lexicons: lexicons)
            #expect(try String(contentsOfFile: out + "/articles.jsonl", encoding: .utf8) == whole)
            #expect(try String(contentsOfFile: out + "/articles.csv", encoding: .utf8).contains("石港"), "mixed before recovery")
            let c = Captured()
            if next == "query" {
                #expect(c.run(["query", "--town", "大宁路", out]) != .usage)
            } else if next == "export" {
                #expect(c.run(["export", out, "--xlsx", work + "/export.xlsx"]) == .success, "\(c.err)")
            } else {
                #expect(c.run(["run", second, "-q", "-o", out, "--resume"]) == .success)
                #expect(c.err.contains("the interrupted run had completed; its files are now in place"), "\(c.err)")
            }
            #expect(!(try String(contentsOfFile: out + "/articles.csv", encoding: .utf8)).contains("石港"), "\(next): still mixed")
            #expect(InterruptTests.visibleFiles(out) == OutputFolder.fileNames.sorted())
            #expect(!FileManager.default.fileExists(atPath: out + "/" + OutputFolder.workFolderName), "\(next): work folder left")
        }
    }

    @Test("--resume refuses other inputs, other options, and a folder with nothing to resume")
    func resumeRefusals() throws {
        let corpus = packageRoot + "/corpus"
        let outParent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: outParent) }
        let out = outParent + "/out"
        let nothing = Captured()
        #expect(nothing.run(["run", corpus, "-q", "-o", out, "--resume"]) == .inputProblems)
        #expect(nothing.err.contains("\(out): no interrupted run to resume here"))

        // An interrupted run's log, by hand: one finished input.
        let first = corpus + "/2021-06-18_shigang.txt"
        let c = Captured()
        #expect(c.run(["run", first, "-q", "-o", out]) == .success)
        try FileManager.default.createDirectory(atPath: out + "/" + OutputFolder.workFolderName, withIntermediateDirectories: true)
        let identity = try RunCommand(arguments: [first]).runIdentity(lexicons: LexiconDigests(try Lexicons.builtin()), dates: nil)
        let folder = try OutputFolder(path: out, bom: true, identity: identity)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first)).count
        try folder.finished(.init(path: first, bytes: bytes, sha256: "", encoding: "UTF-8", articles: 0, error: nil), problems: 0)
        try folder.checkpoint()
        folder.suspend()

        let other = Captured()
        #expect(other.run(["run", corpus + "/2024-06_jiangning.txt", "-q", "-o", out, "--resume"]) == .inputProblems)
        #expect(other.err.contains("the inputs are not those of the interrupted run"))
        let region = Captured()
        #expect(region.run(["run", first, "--region", "上海市", "-q", "-o", out, "--resume"]) == .inputProblems)
        #expect(region.err.contains("the interrupted run used other lexicons or options"))
        let stdin = Captured()
        #expect(stdin.run(["run", "-", "-o", out, "--resume"]) == .usage)
        #expect(stdin.run(["run", first, "--resume"]) == .usage)
    }
}

@Suite("bulletin lexicon")
struct LexiconCommandTests {
    @Test("check names the file and line of a malformed user lexicon; the built-in ones pass")
    func check() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "id\tname\tcategory\taliases\tdescription\nmy-one\t我的机制\tvisiting\t\t\nmy-one\t重复\tvisiting\t\t\n"
            .write(toFile: folder + "/bad.tsv", atomically: false, encoding: .utf8)
        let bad = Captured()
        #expect(bad.run(["lexicon", "check", folder + "/bad.tsv"]) == .inputProblems)
        #expect(bad.err.contains("bulletin: \(folder)/bad.tsv:3: duplicate id 'my-one'"))
        let good = Captured()
        #expect(good.run(["lexicon", "check"]) == .success)
        #expect(good.out.hasSuffix("0 problems\n"))
    }

    @Test("check and run --lexicon list every problem of a file with its line; an override of a built-in id is a warning")
    func everyProblem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/jiedao.tsv"
        try """
            id\tname\tcategory\tkind\taliases\tdescription
            linli-zaocha\t邻里早茶会\tconsultation\tmechanism\t早茶会\t居民每周喝早茶议事
            yejian-menzhen\t夜间门诊\tpublic-services\tservice\t\t社区卫生中心晚间开诊
            sansuo-liandong\t三所联动\tdispute-resolution\tmechanism\t三所联调\t派出所、司法所、律所联合调处

            """.write(toFile: bad, atomically: false, encoding: .utf8)
        let places = folder + "/places.tsv"
        try "code\tname\tlevel\tparent_code\n31011500X\t张江科学城\ttown\t310115\n310115901\t川沙新镇东片\ttown\t310199\n"
            .write(toFile: places, atomically: false, encoding: .utf8)
        let check = Captured()
        #expect(check.run(["lexicon", "check", bad, places]) == .inputProblems)
        let lines = check.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(check.err)")
        #expect(lines[0].hasPrefix("bulletin: \(bad):2: unknown category 'consultation'"))
        #expect(lines[1] == "bulletin: \(bad):3: unknown kind 'service' (known: mechanism, campaign, programme, principle)")
        #expect(lines[2].hasPrefix("bulletin: \(bad):4: warning: id 'sansuo-liandong' overrides the built-in entry 三所联动 (mechanisms.tsv:"))
        #expect(lines[3] == "bulletin: \(places):2: code '31011500X' is not a number (division codes are digits: 310104011)")
        #expect(lines[4] == "bulletin: \(places):3: parent_code '310199' is no place in the gazetteer or this file")
        #expect(check.out.hasSuffix(", 4 problems, 1 warning\n"), "\(check.out)")

        // run --lexicon refuses the file, with every problem listed first; nothing is written.
        let run = Captured(stdin: brief)
        #expect(run.run(["run", "-", "--lexicon", bad, "-q"]) == .usage)
        #expect(run.err.contains("bulletin: \(bad):2: unknown category 'consultation'"))
        #expect(run.err.contains("bulletin: \(bad):3: unknown kind 'service'"))
        #expect(run.err.contains("bulletin: \(bad): 2 problems (above); the lexicon was not used"))
        #expect(run.out == "")

        // Only the override left: allowed, said, and used.
        let override = folder + "/override.tsv"
        try "id\tname\tcategory\tkind\taliases\tdescription\nsansuo-liandong\t三所联动\tdispute-resolution\tmechanism\t三所联调\t派出所、司法所、律所联合调处\n"
            .write(toFile: override, atomically: false, encoding: .utf8)
        let used = Captured(stdin: "三所联调化解纠纷\n\n近日，斜土路街道派出所、司法所和律师开展三所联调，化解邻里纠纷12起。\n")
        #expect(used.run(["run", "-", "--lexicon", override, "-q"]) == .success)
        #expect(used.err.contains("\(override):2: warning: id 'sansuo-liandong' overrides the built-in entry"), "\(used.err)")
        #expect(used.out.contains("派出所、司法所、律所联合调处") || used.out.contains("\"id\":\"sansuo-liandong\""))
        let checked = Captured()
        #expect(checked.run(["lexicon", "check", override]) == .success)
        #expect(checked.out.hasSuffix(", 0 problems, 1 warning\n"))
    }

    @Test("list filters by kind; show finds a mechanism by any form; an unknown kind is a usage error")
    func listAndShow() {
        let principles = Captured()
        #expect(principles.run(["lexicon", "list", "--kind", "principle"]) == .success)
        let rows = principles.out.split(separator: "\n").dropFirst()
        #expect(rows.contains { $0.hasPrefix("dangjian-yinling\t党建引领\tprinciple\t") })
        #expect(rows.allSatisfy { $0.split(separator: "\t")[2] == "principle" })
        let show = Captured()
        #expect(show.run(["lexicon", "show", "走四百"]) == .success)
        #expect(show.out.hasPrefix("“四百”大走访  (sibai-dazoufang)\n  kind         campaign\n"))
        #expect(show.out.contains("走四百"))
        let unknown = Captured()
        #expect(unknown.run(["lexicon", "show", "三所联东"]) == .inputProblems)
        #expect(Captured().run(["lexicon", "list", "--kind", "slogan"]) == .usage)
    }

    @Test("stats counts places by level and mechanisms by category")
    func stats() {
        let c = Captured()
        #expect(c.run(["lexicon", "stats"]) == .success)
        #expect(c.out.contains("places by level:\n  province\t31\n"))
        #expect(c.out.contains("mechanisms by category:"))
    }

    @Test("a user lexicon given to run adds its mechanisms")
    func userLexicon() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "id\tname\tcategory\taliases\tdescription\nqingchen\t邻里早茶会\tconsultation-democracy\t早茶会\t\n"
            .write(toFile: folder + "/mine.tsv", atomically: false, encoding: .utf8)
        let c = Captured(stdin: "社区早茶会开起来了\n\n近日，社区邻里早茶会每周开一次，居民有事随时来谈。\n")
        #expect(c.run(["run", "-", "--lexicon", folder + "/mine.tsv", "-q"]) == .success)
        #expect(c.out.contains("\"id\":\"qingchen\""))
    }
}

@Suite("Output that cannot be written")
struct UnwritableOutputTests {
    /// Runs `arguments` with standard output on `/dev/full` (every write fails with ENOSPC) and
    /// standard error captured.
    func runIntoFullDevice(_ arguments: [String], stdin: String = "") throws -> (BulletinCLI.ExitStatus, String) {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0, "no /dev/full here")
        defer { close(descriptor) }
        let out = FileOutput(descriptor: descriptor)
        let captured = Captured(stdin: stdin)
        let console = Console(
            out: { out.write($0) }, error: { captured.err += $0 }, input: { captured.stdin },
            outputFailure: { out.failure })
        return (BulletinCommand.main(arguments, console: console), captured.err)
    }

    @Test("records on a full standard output: the run stops, says so, exit 3 (not 0 with the data cut)")
    func fullStandardOutput() throws {
        let (status, err) = try runIntoFullDevice(["run", packageRoot + "/corpus", "-q", "-j", "2"])
        #expect(status == .outputFailed)
        #expect(err.contains("bulletin: standard output: No space left on device"), "\(err)")
        #expect(err.split(separator: "\n").count == 1, "one message, not one per record: \(err)")
    }

    @Test("the JSON Lines mapper on a full standard output: exit 3")
    func fullStandardOutputMapper() throws {
        let line = #"{"id": "2024-05-17_xinhai", "text": "社区食堂开门迎客\n\n近日，临汾路街道第三家社区食堂开门营业。"}"# + "\n"
        let (status, err) = try runIntoFullDevice(["run", "--input-format", "jsonl", "-", "-q"], stdin: line)
        #expect(status == .outputFailed)
        #expect(err.contains("standard output: No space left on device"), "\(err)")
    }

    @Test("help on a full standard output: exit 3 too")
    func fullStandardOutputHelp() throws {
        let (status, err) = try runIntoFullDevice(["--help"])
        #expect(status == .outputFailed)
        #expect(err.contains("bulletin: standard output: No space left on device: the output is incomplete"), "\(err)")
    }

    @Test("an output folder under a file, or that is a file: a clear error naming it and why, exit 3")
    func notAFolder() throws {
        let file = try temporaryFolder() + "/plain.txt"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        for target in [file, file + "/out"] {
            let c = Captured(stdin: brief)
            #expect(c.run(["run", "-", "-q", "-o", target]) == .outputFailed)
            #expect(c.err.hasPrefix("bulletin: \(target): "), "\(c.err)")
            #expect(c.err.contains("a file is in the way"), "says why: \(c.err)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
        }
    }

    @Test("report -o and summarize -o where a file is in the way: exit 3 (not 1), why, and the file untouched")
    func reportAndSummarizeUnwritable() throws {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let out = work + "/out"
        #expect(Captured().run(["run", packageRoot + "/corpus/2021-06-18_shigang.txt", "-q", "-o", out]) == .success)
        let file = work + "/notes.txt"
        try "石港镇 2021 年的笔记".write(toFile: file, atomically: false, encoding: .utf8)
        let report = Captured()
        #expect(report.run(["report", out, "-o", file + "/report.html"]) == .outputFailed)
        #expect(report.err.contains("\(file)/report.html: "), "\(report.err)")
        let summarize = Captured()
        #expect(summarize.run(["summarize", out, "-o", file]) == .outputFailed)
        #expect(summarize.err.contains("bulletin: \(file): cannot create the folder: a file is in the way"), "\(summarize.err)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "石港镇 2021 年的笔记")
    }

    static let asNobody = "/usr/bin/setpriv"
    static var canRunAsNobody: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: asNobody) }

    @Test("an output folder where the user may not write: exit 3, 'permission denied' and where",
        .enabled(if: canRunAsNobody, "needs root and setpriv to run the binary as another user"))
    func permissionDenied() throws {
        let binary = packageRoot + "/.build/debug/bulletin"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first")
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/2024-05-17_xinhai.txt"
        try brief.write(toFile: input, atomically: false, encoding: .utf8)
        let locked = work + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(work, 0o755)
        chmod(input, 0o644)
        chmod(locked, 0o555)
        for (target, expected) in [
            (locked + "/out", "bulletin: \(locked)/out: cannot create the folder: permission denied (\(locked))"),
            (locked, "bulletin: \(locked): cannot write into the folder: permission denied"),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: UnwritableOutputTests.asNobody)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "run", input, "-q", "-o", target]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 3, "\(message)")
            #expect(message == expected + "\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked) == [])
    }

    @Test("an output folder on a read-only disk: exit 3 and the system's reason",
        .enabled(if: canMountTinyDisk, "needs unshare and tmpfs"))
    func readOnlyDisk() throws {
        let binary = packageRoot + "/.build/debug/bulletin"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first")
        let mountPoint = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let script = """
            mount -t tmpfs -o ro,size=64k tmpfs "$1" || exit 90
            printf '%s' "$3" | "$2" run - -q -o "$1/out"
            """
        let (status, message) = try Self.inPrivateMounts(script, [mountPoint, binary, brief])
        #expect(status == 3, "\(message)")
        #expect(message == "bulletin: \(mountPoint)/out: cannot create the folder: Read-only file system (\(mountPoint))\n")
    }

    /// A 64 KiB file system, mounted in a private mount namespace for one command.
    static let tinyDiskRunner = "/usr/bin/unshare"

    /// Runs a shell `script` (its `$1`, `$2` … are `arguments`) in a private mount namespace, where
    /// it may mount a small disk; returns its exit status and what it wrote on standard error.
    static func inPrivateMounts(_ script: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tinyDiskRunner)
        process.arguments = ["-rm", "sh", "-c", script, "sh"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }
    static var canMountTinyDisk: Bool {
        guard FileManager.default.isExecutableFile(atPath: tinyDiskRunner) else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: tinyDiskRunner)
        probe.arguments = ["-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test("a full disk: the error names the file, exit 3, and the old complete output is untouched",
        .enabled(if: canMountTinyDisk, "needs unshare and tmpfs to make a small disk"))
    func fullDisk() throws {
        let binary = packageRoot + "/.build/debug/bulletin"
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first")
        let mountPoint = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        // Inside the namespace: a complete small run first, then the whole corpus into the same
        // folder, which does not fit in 64 KiB.
        let script = """
            mount -t tmpfs -o size=64k tmpfs "$1" || exit 90
            printf '%s' "$3" | "$2" run - -q -o "$1/out" || exit 91
            cp "$1/out/articles.jsonl" "$1/before"
            "$2" run "$4" -q -o "$1/out"; status=$?
            cmp -s "$1/before" "$1/out/articles.jsonl" || exit 92
            ls -A "$1/out" | tr '\\n' ' ' >&2
            exit $status
            """
        let (status, message) = try Self.inPrivateMounts(script, [mountPoint, binary, brief, packageRoot + "/corpus"])
        #expect(status == 3, "\(message)")
        #expect(message.contains("No space left on device"), "\(message)")
        #expect(message.contains("bulletin: \(mountPoint)/out/"), "the error names the file: \(message)")
        #expect(message.contains("--resume continues the run"))
    }
}
