/// An article's text prepared for matching: its scalars as printed and look-alike-folded, one
/// for one, so an offset into either is a SPEC offset.
///
/// ```swift
/// let text = ScalarText("在⻄塘镇", folding: folding)
/// text.folded                    // 在西塘镇 (⻄ folded to 西)
/// text.surface(1, 4)             // "⻄塘镇" — the characters as printed
/// ```
struct ScalarText {
    let original: [Unicode.Scalar]
    let folded: [Unicode.Scalar]

    init(_ text: String, folding: LookalikeFolding) {
        original = text.scalarArray
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(original.count)
        for scalar in original { folded.append(folding.fold(scalar)) }
        self.folded = folded
    }

    /// The characters as printed between two scalar offsets.
    func surface(_ start: Int, _ end: Int) -> String {
        String(scalars: original[start..<end])
    }

    func foldedString(_ start: Int, _ end: Int) -> String {
        String(scalars: folded[start..<end])
    }
}
