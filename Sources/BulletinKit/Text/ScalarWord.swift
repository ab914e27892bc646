/// Whether a word of scalars stands in a scalar array at an index: the one comparison the
/// taggers make against cue words (units, suffixes, followers), without slicing into new arrays.
enum ScalarWord {
    @inline(__always)
    static func matches(_ word: [Unicode.Scalar], in s: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= s.count else { return false }
        for (offset, scalar) in word.enumerated() where s[index + offset] != scalar { return false }
        return true
    }

    /// Whether a word ends right before `position`.
    @inline(__always)
    static func endsBefore(_ word: [Unicode.Scalar], in s: [Unicode.Scalar], at position: Int) -> Bool {
        matches(word, in: s, at: position - word.count)
    }
}
