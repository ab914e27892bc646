import Foundation
import Testing

@testable import BulletinCLI

@Suite("Progress line")
struct ProgressLineTests {
    static let longPath = "corpus/2024-03-08_putuo-changzheng-shequbao.txt"
    static let line = ProgressLine(
        done: 12, total: 147, megabytesPerSecond: 3.14, articles: 845, problems: 1, etaSeconds: 52,
        path: longPath)

    @Test("100 columns: the counts, then the path shortened in the middle to what is left")
    func hundredColumns() {
        let text = Self.line.render(width: 100)
        #expect(text == "[12/147 files] 3.1 MB/s, 845 articles, 1 problem, ETA 0:52  corpus/2024-03-08_p…gzheng-shequbao.txt")
        #expect(TerminalText.columns(text) <= 99)
    }

    @Test("60 columns: the same counts, no wrap; the path gives way, not the counts")
    func sixtyColumns() {
        let narrow = Self.line.render(width: 60)
        #expect(narrow == "[12/147 files] 3.1 MB/s, 845 articles, 1 problem, ETA 0:52")
        #expect(TerminalText.columns(narrow) <= 59)
        #expect(Self.line.render(width: 100).hasPrefix(narrow + "  "))
        // A little wider and the path comes back, as much of it as fits.
        #expect(Self.line.render(width: 80) == narrow + "  corpus/20…qubao.txt")
    }

    @Test("a path that fits is shown whole; any width from 20 to 200 stays inside the terminal")
    func neverWraps() {
        var short = Self.line
        short.path = "corpus/2021-06-18_shigang.txt"
        #expect(short.render(width: 120).hasSuffix("  corpus/2021-06-18_shigang.txt"))
        for width in 20...200 {
            let text = Self.line.render(width: width)
            #expect(TerminalText.columns(text) < width, "width \(width): \(text)")
            #expect(!text.contains("\n") && !text.contains("\r"))
        }
        #expect(Self.line.render(width: 40) == "[12/147 files] 3.1 MB/s, 845 articles,…")
    }

    @Test("Chinese file names count two columns a character and are cut on characters")
    func chinesePath() {
        var line = Self.line
        line.path = "归档/浦东新区/2024-01-05_新海镇社区报第三期.txt"
        let text = line.render(width: 90)
        #expect(TerminalText.columns(text) <= 89)
        #expect(text.contains("…") && text.hasSuffix("期.txt"))
        #expect(TerminalText.columns("新海镇.txt") == 10)
        #expect(TerminalText.middleShortened("新海镇社区报.txt", to: 9) == "新海….txt")
    }

    @Test("plurals agree: 1 file, 2 files, 1 article, 0 problems")
    func plurals() {
        let one = ProgressLine(
            done: 0, total: 1, megabytesPerSecond: 0, articles: 1, problems: 1, etaSeconds: 0, path: "")
        #expect(one.counts == "[0/1 file] 0.0 MB/s, 1 article, 1 problem, ETA 0:00")
        let two = ProgressLine(
            done: 1, total: 2, megabytesPerSecond: 12.25, articles: 0, problems: 2, etaSeconds: 754,
            path: "")
        #expect(two.counts == "[1/2 files] 12.3 MB/s, 0 articles, 2 problems, ETA 12:34")
        #expect(counted(1, "bulletin") == "1 bulletin" && counted(3, "bulletin") == "3 bulletins")
    }

    @Test("the width: the terminal's answer, else $COLUMNS, else 80")
    func terminalWidth() throws {
        let file = open("/dev/null", O_WRONLY)
        defer { close(file) }
        // /dev/null is no terminal: the environment decides.
        #expect(TerminalWidth.columns(of: file, environment: ["COLUMNS": "60"]) == 60)
        #expect(TerminalWidth.columns(of: file, environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalWidth.columns(of: file, environment: [:]) == 80)
    }

    @Test("run on a 60-column terminal redraws one line in place: \\r, clear to end, no newline")
    func redrawsInPlace() throws {
        let inputs = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: inputs) }
        for (index, town) in ["临汾路街道", "石港镇", "新海镇"].enumerated() {
            try "\(town)社区食堂开门迎客\n\n近日，\(town)第\(index + 1)家社区食堂开门营业，老年居民就餐享受优惠。\n"
                .write(toFile: inputs + "/2024-03-0\(index + 1)_\(town)社区报.txt", atomically: false, encoding: .utf8)
        }
        var err = ""
        var out = ""
        let console = Console(
            out: { out += $0 }, error: { err += $0 }, errorIsTerminal: true, errorColumns: { 60 })
        #expect(BulletinCommand.main(["run", inputs, "-j", "1"], console: console) == .success)
        // One newline in all, the summary's: every redraw and the final clear return to the
        // start of the same line.
        #expect(err.filter { $0 == "\n" }.count == 1, "\(err.debugDescription)")
        let parts = err.dropLast().components(separatedBy: "\r\u{1B}[K")
        #expect(parts.count >= 3 && parts[0].isEmpty, "\(err.debugDescription)")
        for redraw in parts.dropFirst().dropLast() {
            #expect(redraw.hasPrefix("[") && redraw.contains(" files] "), "\(redraw)")
            #expect(TerminalText.columns(redraw) <= 59, "\(redraw)")
        }
        #expect(parts.last?.hasPrefix("bulletin: 3 files, 3 articles, 0 problems, ") == true)
        #expect(out.split(separator: "\n").count == 3)
    }
}
