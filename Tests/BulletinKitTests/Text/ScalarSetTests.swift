import Testing

@testable import BulletinKit

@Suite("Scalar set")
struct ScalarSetTests {
    @Test("answers like Set<Unicode.Scalar> across ASCII, CJK, the BMP's end and beyond it")
    func agreesWithSet() {
        let members = Array("个名户a-~～—\u{3000}\u{FFFF}𠀀𪚥🇨".unicodeScalars)
        let set = ScalarSet(members)
        let reference = Set(members)
        var probes = members
        for value in stride(from: UInt32(0), through: 0x2FFFF, by: 37) {
            if let scalar = Unicode.Scalar(value) { probes.append(scalar) }
        }
        for scalar in probes {
            #expect(set.contains(scalar) == reference.contains(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        let empty: ScalarSet = []
        #expect(!empty.contains("a") && !empty.contains("𠀀"))
    }
}
