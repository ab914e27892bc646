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

    @Test("letter-spacing comes out of a short label only")
    func letterSpacing() {
        #expect("简　讯".withoutLetterSpacing == "简讯")
        #expect("公 告 栏".withoutLetterSpacing == "公告栏")
        #expect("停  电  公  告".withoutLetterSpacing == "停电公告")
        // Words set apart, a single character, a title with a space: as they are.
        #expect("聚焦“花木+”　做强特色产业".withoutLetterSpacing == "聚焦“花木+”　做强特色产业")
        #expect("一张图　一条线".withoutLetterSpacing == "一张图　一条线")
        #expect("镇".withoutLetterSpacing == "镇")
        #expect("P 1".withoutLetterSpacing == "P 1")
    }
}
