import Foundation
import Testing

@testable import BulletinKit

/// Inputs the fuzzer (fuzz/run.sh) crashed on, kept as regression tests.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    static let folder = Corpus.packageRoot + "/Tests/BulletinKitTests/Fixtures/fuzz"

    @Test("every saved crash input now splits and tags, keeping the offset contract",
          arguments: (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? [])
    func replay(name: String) throws {
        let bytes = try InputFiles.read(Self.folder + "/" + name)
        guard let decoded = try? TextDecoding.decode(bytes, path: name) else { return }
        let articles = Corpus.tagger.tag(Corpus.ingester.articles(in: Bulletin(path: name, text: decoded.text)).articles)
        for article in articles {
            let scalars = Array(article.text.unicodeScalars)
            let spans = article.figures.map { ($0.start, $0.end, $0.text) }
                + (article.locations.flatMap(\.mentions) + article.mechanisms.flatMap(\.mentions)).map { ($0.start, $0.end, $0.surface) }
            for (start, end, surface) in spans {
                #expect(start >= 0 && start < end && end <= scalars.count, "\(start)..<\(end) of \(scalars.count)")
                guard start >= 0, start < end, end <= scalars.count else { continue }
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == surface)
            }
            // The record parses back to the article's text (Foundation's parser drops a U+FEFF
            // inside a string, where Python's json keeps it: compared without); the CSV rows are UTF-8.
            let rendered = RenderedArticle.full(article)
            let object = try JSONSerialization.jsonObject(with: Data(rendered.record)) as? [String: Any]
            let withoutBOM = { (text: String) in String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" })) }
            #expect((object?["text"] as? String).map(withoutBOM) == withoutBOM(article.text))
            #expect(String(validating: rendered.mentionRows, as: UTF8.self) != nil)
        }
    }

    @Test("huge numerals are no figures and do not trap")
    func hugeNumerals() {
        let text = String(repeating: "3", count: 40) + "户，" + String(repeating: "亿", count: 12) + "元，一亿亿亿亿亿人"
        let figures = Corpus.tagger.figures.figures(in: text, excluded: [], issueDate: nil)
        #expect(figures.allSatisfy { if case .number(let v) = $0.value { v < 1e17 } else { true } })
        #expect(ChineseNumeral.value("一亿亿亿亿亿".unicodeScalars) == nil)
    }
}
