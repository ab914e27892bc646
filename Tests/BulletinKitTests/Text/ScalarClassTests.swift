import Testing

@testable import BulletinKit

@Suite("Scalar classes")
struct ScalarClassTests {
    /// What `isWordScalar` answered before its fast paths: the Unicode properties alone.
    static func fromProperties(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @Test("a word scalar is what the Unicode properties say, for every scalar, the fast ranges included")
    func wordScalars() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if ScalarClass.isWordScalar(scalar) != ScalarClassTests.fromProperties(scalar) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)) differs")
            }
            checked += 1
        }
        #expect(checked > 1_100_000)
        #expect(ScalarClass.isWordScalar("镇") && ScalarClass.isWordScalar("7") && ScalarClass.isWordScalar("Q"))
        #expect(!ScalarClass.isWordScalar("，") && !ScalarClass.isWordScalar(" ") && !ScalarClass.isWordScalar("-"))
    }
}
