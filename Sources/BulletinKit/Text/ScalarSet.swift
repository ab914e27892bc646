/// A set of Unicode scalars that answers `contains` with one bit test for the Basic Multilingual
/// Plane. The taggers ask it at every character of an article; `Set<Unicode.Scalar>` hashes the
/// scalar (SipHash) for each answer, which cost more than the rest of the community finder.
///
/// ```swift
/// let measures: ScalarSet = ["个", "名", "户"]
/// measures.contains("户")   // true
/// ```
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    /// Bit `v % 64` of word `v / 64` for each BMP scalar `v`, as many words as the largest needs.
    private var bits: [UInt64] = []
    /// Members beyond the BMP, sorted.
    private var astral: [UInt32] = []

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { insert(scalar) }
        astral.sort()
    }

    init(arrayLiteral scalars: Unicode.Scalar...) {
        self.init(scalars)
    }

    private mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        guard value < 0x10000 else {
            if !astral.contains(value) { astral.append(value) }
            return
        }
        let word = Int(value >> 6)
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
        bits[word] |= 1 << UInt64(value & 63)
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let word = Int(value >> 6)
        if word < bits.count { return bits[word] & (1 << UInt64(value & 63)) != 0 }
        return value >= 0x10000 && astral.contains(value)
    }
}
