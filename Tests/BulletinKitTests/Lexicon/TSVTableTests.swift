import Testing

@testable import BulletinKit

@Suite("TSV lexicon tables")
struct TSVTableTests {
    @Test("header by name, comments, blank lines, BOM, CRLF and extra columns")
    func parses() throws {
        let text = "\u{FEFF}# layout cues\ncue\tnote\trole\r\n\n扫码\tQR\tboilerplate\r\n下接\t\tcontinuation-forward\n"
        let table = try TSVTable(parsing: text, file: "cues.tsv", required: ["cue", "role"])
        #expect(table.columns == ["cue", "note", "role"])
        #expect(table.rows.map { $0.value("cue") } == ["扫码", "下接"])
        #expect(table.rows.map { $0.value("role") } == ["boilerplate", "continuation-forward"])
        #expect(table.rows.map(\.line) == [4, 5])
    }

    @Test("a short row is an error naming the file and line")
    func shortRow() {
        let text = "cue\trole\n扫码\tboilerplate\n下接\n"
        #expect(
            throws: LexiconError.malformedRow(
                file: "my.tsv", line: 3, message: "expected 2 tab-separated columns (cue, role), found 1")
        ) {
            try TSVTable(parsing: text, file: "my.tsv", required: ["cue", "role"])
        }
    }

    @Test("a missing required column and a missing header are errors")
    func missingColumn() {
        #expect(throws: LexiconError.missingColumn(file: "x.tsv", line: 2, column: "role")) {
            try TSVTable(parsing: "# c\ncue\tnote\n", file: "x.tsv", required: ["cue", "role"])
        }
        #expect(throws: LexiconError.missingHeader(file: "y.tsv")) {
            try TSVTable(parsing: "# only comments\n\n", file: "y.tsv", required: ["cue"])
        }
    }

    @Test("an unknown layout role is an error naming the line")
    func unknownRole() throws {
        let table = try TSVTable(
            parsing: "cue\trole\n扫码\tboilerplat\n", file: "c.tsv", required: ["cue", "role"])
        #expect(throws: LexiconError.self) { try LayoutCues(table: table) }
        do {
            _ = try LayoutCues(table: table)
        } catch {
            #expect(error.description.hasPrefix("c.tsv:2: unknown role 'boilerplat'"))
        }
    }

    @Test("the built-in lexicons parse and are embedded in the binary")
    func builtin() throws {
        let lexicons = try Lexicons.builtin()
        #expect(lexicons.sources.map(\.name).contains("layout-cues.tsv"))
        #expect(lexicons.sources.map(\.name).contains("lookalikes.tsv"))
        #expect(lexicons.layoutCues.isBoilerplate("扫码关注“枫林发布”官方微信公众号"))
        // A web page's links to the articles beside it name other titles.
        #expect(lexicons.layoutCues.isBoilerplate("下一篇：镇社区事务受理中心推出周六延时服务"))
        #expect(lexicons.folding.fold("⻄") == "西")
    }

    @Test("the embedded lexicons are exactly the files in lexicons/")
    func embeddedMatchesFiles() throws {
        for source in try Lexicons.builtin().sources {
            let onDisk = try String(
                contentsOfFile: Corpus.packageRoot + "/lexicons/" + source.name, encoding: .utf8)
            #expect(source.contents == onDisk, "\(source.name)")
        }
    }
}

import Foundation
