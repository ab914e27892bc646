import Foundation
import Testing

@testable import BulletinKit

@Suite("Lexicon digests")
struct LexiconDigestsTests {
    @Test("each lexicon's digest is the SHA-256 of its text, and the manifest lists exactly those")
    func perFile() throws {
        let lexicons = Corpus.lexicons
        let digests = LexiconDigests(lexicons)
        #expect(digests.files.map(\.name) == lexicons.sources.map(\.name))
        for (file, source) in zip(digests.files, lexicons.sources) {
            #expect(file.sha256 == SHA256.hex(of: Array(source.contents.utf8)))
        }
        let head = Manifest.head(lexicons: digests)
        for file in digests.files {
            #expect(head.contains("{\"name\":\"\(file.name)\",\"sha256\":\"\(file.sha256)\"}"))
        }
    }

    @Test("the combined digest changes when one lexicon's text, name or place in the order does")
    func combined() throws {
        let base = [
            Lexicons.Source(name: "a.tsv", contents: "cue\trole\n家门口\tkicker\n"),
            Lexicons.Source(name: "b.tsv", contents: "from\tto\n"),
        ]
        func combined(_ sources: [Lexicons.Source]) -> String {
            LexiconDigests(files: sources.map { .init(name: $0.name, sha256: SHA256.hex(of: Array($0.contents.utf8))) }).combined
        }
        let reference = combined(base)
        #expect(reference.count == 64)
        #expect(combined(base) == reference)
        var edited = base
        edited[0] = Lexicons.Source(name: "a.tsv", contents: "cue\trole\n家门口\ttitle\n")
        #expect(combined(edited) != reference)
        var renamed = base
        renamed[1] = Lexicons.Source(name: "c.tsv", contents: "from\tto\n")
        #expect(combined(renamed) != reference)
        #expect(combined(base.reversed()) != reference)
    }
}
