import Foundation
import Testing

@testable import BulletinKit

@Suite("Byte search")
struct ByteSearchTests {
    @Test("word tests find a byte, or a byte below a bound, exactly when one of the eight has it")
    func wordTests() {
        var random = SplitMix64(seed: 7)
        var words: [UInt64] = (0..<20000).map { _ in random.next() }
        // Words of Chinese UTF-8 with one special byte put in at each position.
        let chinese = Array("石港镇北渡村".utf8)
        for position in 0..<8 {
            for special: UInt8 in [0x00, 0x0A, 0x1F, 0x20, 0x22, 0x2C, 0x5C, 0xE2, 0x7F, 0x80, 0xFF] {
                var bytes = Array(chinese[0..<8])
                bytes[position] = special
                words.append(bytes.withUnsafeBufferPointer { ByteSearch.word(at: 0, in: $0) })
            }
        }
        for word in words {
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64($0 * 8)) }
            for probe: UInt8 in [0x0A, 0x22, 0x2C, 0x5C, 0xE2, 0x00, 0xFF] {
                #expect(ByteSearch.word(word, has: probe) == bytes.contains(probe))
            }
            for bound: UInt8 in [1, 0x20, 0x80] {
                #expect(ByteSearch.word(word, hasLessThan: bound) == bytes.contains { $0 < bound })
                // The lowest bit of the mask marks the first such byte exactly.
                let mask = ByteSearch.mask(word, lessThan: bound)
                #expect((mask == 0 ? nil : mask.trailingZeroBitCount / 8) == bytes.firstIndex { $0 < bound })
            }
            for probe: UInt8 in [0x22, 0xE2, 0x00] {
                let mask = ByteSearch.mask(word, equalTo: probe)
                #expect((mask == 0 ? nil : mask.trailingZeroBitCount / 8) == bytes.firstIndex(of: probe))
            }
        }
    }

    @Test("JSON strings and CSV fields with a special byte at every offset of a long Chinese run")
    func writersAtEveryOffset() throws {
        let run = "街道推进三所联动工作走访群众"
        for special in ["\"", "\\", "\n", ",", "\u{1}", "\u{2028}", "“", "“\"—\n", "\u{2029}”"] {
            for offset in 0...run.unicodeScalars.count {
                var scalars = Array(run.unicodeScalars)
                scalars.insert(contentsOf: special.unicodeScalars, at: offset)
                let text = String(String.UnicodeScalarView(scalars))
                var json = JSONWriter()
                json.stringArray([text])
                let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String]
                #expect(parsed == [text])
                let quoted = CSVWriter.field(.text(text)).hasPrefix("\"")
                #expect(quoted == special.contains { $0 == "\"" || $0 == "\n" || $0 == "," }, "\(text)")
            }
        }
    }

    @Test("a cue set finds any of its words wherever they stand, like searching for each in turn")
    func cueSet() {
        let words = ["二维码", "扫一扫", "主办：", "a", "编辑部"]
        let set = ByteCueSet(words.map { Array($0.utf8) })
        let texts = [
            "", "扫", "扫描二维码关注", "二维码", "本报编辑部", "主办:", "主办：某镇", "aside", "bcd", "扫一",
            "街道推进三所联动工作走访群众", "联系我们 扫一扫",
        ]
        for text in texts {
            #expect(set.occurs(in: text) == words.contains { text.containsBytes($0) }, "\(text)")
        }
        #expect(!ByteCueSet([]).occurs(in: "二维码"))
    }
}
