import Testing

@testable import BulletinKit

@Suite("Scalar decoding")
struct ScalarDecodingTests {
    @Test("scalarArray equals the scalar view for every UTF-8 length, on strings and substrings")
    func matchesScalarView() {
        let texts = [
            "", "a", "石港镇北渡村", "走访群众120户，办结率88.1%。",
            "é̃ ⻄塘 \u{3000}𠀀𪚥 🇨🇳 \u{FEFF}end", String(repeating: "三所联动𠮷x", count: 500),
        ]
        for text in texts {
            #expect(text.scalarArray == Array(text.unicodeScalars))
            let middle = text.unicodeScalars.dropFirst(min(2, text.unicodeScalars.count))
            let substring = Substring(middle)
            #expect(substring.scalarArray == Array(substring.unicodeScalars))
        }
        // Every BMP scalar and a sample beyond it.
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF where value % 97 == 0 || value < 0x800 {
            if let scalar = Unicode.Scalar(value) { all.append(scalar) }
        }
        let text = String(all)
        #expect(text.scalarArray == Array(text.unicodeScalars))
    }
}

@Suite("Scalar encoding")
struct ScalarEncodingTests {
    @Test("String(scalars:) equals the scalar view's string for every UTF-8 length and any slice")
    func matchesScalarView() {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)...0x10FFFF where value % 89 == 0 || value < 0x900 {
            if let scalar = Unicode.Scalar(value) { all.append(scalar) }
        }
        let scalars = Array(all)
        #expect(String(scalars: scalars) == String(all))
        let text = "在⻄塘镇𠀀走访群众120户。"
        let array = Array(text.unicodeScalars)
        for start in 0...array.count {
            for end in start...array.count {
                #expect(String(scalars: array[start..<end]) == String(String.UnicodeScalarView(array[start..<end])))
            }
        }
        #expect(String(scalars: [Unicode.Scalar]()).isEmpty)
    }
}
