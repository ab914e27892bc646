import Testing

@testable import BulletinKit

@Suite("Radix sort")
struct RadixSortTests {
    @Test("agrees with sort() on packed bigram keys, full-width keys and runs of duplicates", arguments: [0, 1, 255, 256, 257, 5000])
    func agreesWithSort(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        // Bigram keys as TopicSimilarity packs them: two ideographs and a paragraph number.
        let ideographs = Array("街道镇社区居委会网格治理三所联动走访".unicodeScalars)
        let packed: [UInt64] = (0..<count).map { _ in
            let a = ideographs[Int(random.next() % UInt64(ideographs.count))].value
            let b = ideographs[Int(random.next() % UInt64(ideographs.count))].value
            return (UInt64(a) << 21 | UInt64(b)) << 22 | random.next() % 40
        }
        let wide: [UInt64] = (0..<count).map { _ in random.next() }
        let duplicates: [UInt64] = (0..<count).map { _ in random.next() % 3 }
        // Already sorted input too: every byte pass then leaves the order as it is.
        for keys in [packed, wide, duplicates, packed.sorted()] {
            var radix = keys
            RadixSort.sort(&radix)
            #expect(radix == keys.sorted())
        }
    }
}
