import Testing

@testable import BulletinKit

@Suite("Look-alike folding")
struct LookalikeFoldingTests {
    let folding = Corpus.lexicons.folding

    @Test(
        "PDF look-alikes fold to the ordinary characters",
        arguments: [
            ("⻄塘", "西塘", "CJK radical supplement, from lookalikes.tsv"),
            ("⻓宁区", "长宁区", "CJK radical supplement"),
            ("⾦山区", "金山区", "Kangxi radical, by Unicode compatibility mapping"),
            ("３１４户", "314户", "full-width digits"),
            ("ＡＢＣ社区", "ABC社区", "full-width letters"),
            ("\u{F9DC}", "\u{9686}", "compatibility ideograph 隆"),
            ("第\u{3000}2版", "第 2版", "ideographic space"),
        ])
    func folds(input: String, expected: String, why: String) {
        #expect(folding.fold(input) == expected, "\(why)")
    }

    @Test("Chinese full-width punctuation stays as printed")
    func keepsPunctuation() {
        #expect(folding.fold("街道，社区：好！（完）；") == "街道，社区：好！（完）；")
    }

    @Test("folding never changes the number of scalars, so offsets stay exact")
    func sameLength() throws {
        for name in Corpus.bulletinNames() {
            let text = try Corpus.bulletin(name).text
            #expect(folding.fold(text).unicodeScalars.count == text.unicodeScalars.count, "\(name)")
        }
        let everyLookalike = String(String.UnicodeScalarView(
            (0x2E80...0x2FD5).compactMap(Unicode.Scalar.init) + (0xF900...0xFAFF).compactMap(Unicode.Scalar.init)))
        #expect(folding.fold(everyLookalike).unicodeScalars.count == everyLookalike.unicodeScalars.count)
    }

    @Test("the byte pre-check misses no look-alike, and passes lines whose only full-width marks are kept")
    func preCheck() {
        let ranges = [0x2E80...0x3000, 0xF900...0xFAFF, 0xFF01...0xFF5E, 0x2F800...0x2FA1F]
        for scalar in ranges.joined().compactMap(Unicode.Scalar.init) where folding.fold(scalar) != scalar {
            #expect(LookalikeFolding.mayNeedFolding("社区" + String(scalar) + "居委"), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(!LookalikeFolding.mayNeedFolding("近日，社区（居委）召开会议：议题有三；好！对吗？"))
        #expect(LookalikeFolding.mayNeedFolding("近日，第３期"))
    }
}
