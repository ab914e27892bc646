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
            for figure in article.figures {
                #expect(figure.end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[figure.start..<figure.end])) == figure.text)
            }
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
