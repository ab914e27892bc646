import Testing

@testable import BulletinKit

@Suite("No body text is lost or duplicated")
struct TextConservationTests {
    /// Letters, digits and ideographs: the text's content, leaving aside spaces and the punctuation
    /// of separators (`——` between a kicker and its title).
    static func contentCounts(_ texts: [String]) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for text in texts {
            for scalar in text.unicodeScalars
            where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                counts[scalar, default: 0] += 1
            }
        }
        return counts
    }

    @Test("input content = article text + dropped layout lines, on every corpus bulletin and seed")
    func conservation() throws {
        var paths = Corpus.bulletinNames().map { Corpus.folder + "/" + $0 + ".txt" }
        paths += Corpus.seedPaths()
        for path in paths {
            let decoded = try TextDecoding.decode(try InputFiles.read(path), path: path)
            let result = Corpus.ingester.articles(in: Bulletin(path: path, text: decoded.text))
            let input = Self.contentCounts([decoded.text])
            let output = Self.contentCounts(result.articles.map(\.text) + result.dropped.map(\.text) + result.detached)
            let differences = Set(input.keys).union(output.keys).filter { input[$0] != output[$0] }
                .map { "\(Character($0)) \(input[$0] ?? 0)→\(output[$0] ?? 0)" }.sorted()
            #expect(differences.isEmpty, "\(path): content differs (in→out): \(differences.joined(separator: ", "))")
        }
    }

    @Test("articles are numbered 1… and text starts with the title line")
    func recordShape() throws {
        for name in Corpus.bulletinNames() {
            let articles = Corpus.ingester.articles(in: try Corpus.bulletin(name)).articles
            #expect(articles.map(\.index) == Array(1...articles.count))
            for article in articles {
                if let title = article.title { #expect(article.text.hasPrefix(title + "\n") || article.text == title) }
                #expect(!article.text.contains("\n\n"), "\(article.id) has an empty paragraph")
                #expect(article.id == "\(name)#\(article.index)")
            }
        }
    }
}
