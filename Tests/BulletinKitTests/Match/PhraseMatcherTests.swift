import Testing

@testable import BulletinKit

@Suite("Phrase matcher (Aho–Corasick)")
struct PhraseMatcherTests {
    /// Every occurrence of every pattern, by trying each pattern at each offset.
    static func naiveAllMatches(_ patterns: [[Unicode.Scalar]], _ text: [Unicode.Scalar]) -> Set<PhraseMatcher.Match> {
        var first: [[Unicode.Scalar]: Int] = [:]
        for (index, pattern) in patterns.enumerated() where first[pattern] == nil && !pattern.isEmpty {
            first[pattern] = index
        }
        var matches = Set<PhraseMatcher.Match>()
        for start in text.indices {
            for (pattern, index) in first where start + pattern.count <= text.count {
                if Array(text[start..<start + pattern.count]) == pattern {
                    matches.insert(PhraseMatcher.Match(start: start, end: start + pattern.count, pattern: index))
                }
            }
        }
        return matches
    }

    @Test("random lexicons over a small alphabet: same matches and offsets as the naive matcher")
    func agreesWithNaive() {
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            // ASCII, a Chinese character and one beyond the BMP (its symbol is looked up apart).
            let alphabet: [Unicode.Scalar] = ["a", "b", "c", "镇", "𠀋"]
            let patterns = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                (0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            }
            let text = (0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let matcher = PhraseMatcher(patterns: patterns)
            let fast = matcher.allMatches(in: text)
            #expect(Set(fast) == Self.naiveAllMatches(patterns, text), "seed \(seed)")
            #expect(fast.count == Set(fast).count, "seed \(seed): a match reported twice")
        }
    }

    @Test("wide alphabets (many edges per state, binary-searched): same matches as the naive matcher")
    func wideAlphabet() {
        for seed in UInt64(1)...60 {
            var random = SplitMix64(seed: seed &* 7919)
            let alphabet = (0..<40).map { Unicode.Scalar(0x4E00 + $0)! }
            let patterns = (0..<Int.random(in: 20...80, using: &random)).map { _ in
                (0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            }
            let text = (0..<300).map { _ in alphabet.randomElement(using: &random)! }
            let fast = PhraseMatcher(patterns: patterns).allMatches(in: text)
            #expect(Set(fast) == Self.naiveAllMatches(patterns, text), "seed \(seed &* 7919)")
        }
    }

    @Test("leftmost-longest keeps non-overlapping matches, leftmost first then longest")
    func leftmostLongest() {
        let patterns = ["石港", "石港镇", "港镇北", "北渡村", "镇北渡"].map { Array($0.unicodeScalars) }
        let matcher = PhraseMatcher(patterns: patterns)
        let text = Array("通州区石港镇北渡村".unicodeScalars)
        let kept = matcher.leftmostLongest(in: text)
        let spelled = kept.map { String(String.UnicodeScalarView(text[$0.start..<$0.end])) }
        #expect(spelled == ["石港镇", "北渡村"])
    }

    @Test("characters no pattern contains reset the scan; offsets are scalar offsets")
    func unknownCharactersAndOffsets() {
        let words = ["新海镇", "海永镇", "崇明区", "新海", "海门", "门区", "永镇"]
        let matcher = PhraseMatcher(patterns: words.map { Array($0.unicodeScalars) })
        let text = Array("新海，镇海永镇😀门区新X海".unicodeScalars)
        let spelled = matcher.allMatches(in: text).map { String(String.UnicodeScalarView(text[$0.start..<$0.end])) }
        #expect(spelled == ["新海", "海永镇", "永镇", "门区"])
        #expect(matcher.allMatches(in: text).map(\.start) == [0, 4, 5, 8])
    }
}
