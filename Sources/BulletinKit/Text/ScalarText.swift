/// An article's text prepared for matching: its look-alike-folded UTF-8 bytes, and the map from
/// byte offsets back to scalar offsets (the unit of every SPEC offset).
///
/// ```swift
/// let text = ScalarText("在⻄塘镇", folding: folding)
/// text.bytes                     // UTF-8 of 在西塘镇 (folded)
/// text.scalarOffset(ofByte: 3)   // 1
/// text.surface(1, 4)             // "⻄塘镇" — the characters as printed
/// ```
struct ScalarText {
    let original: [Unicode.Scalar]
    let folded: [Unicode.Scalar]
    let bytes: [UInt8]
    /// `scalarAtByte[b]` is the scalar index of the character that byte `b` belongs to;
    /// `scalarAtByte[bytes.count] == original.count`.
    private let scalarAtByte: [Int32]

    init(_ text: String, folding: LookalikeFolding) {
        original = Array(text.unicodeScalars)
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(original.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count * 3)
        var map: [Int32] = []
        map.reserveCapacity(original.count * 3 + 1)
        for (index, scalar) in original.enumerated() {
            let f = folding.fold(scalar)
            folded.append(f)
            for byte in UTF8.encode(f)! {
                bytes.append(byte)
                map.append(Int32(index))
            }
        }
        map.append(Int32(original.count))
        self.folded = folded
        self.bytes = bytes
        self.scalarAtByte = map
    }

    func scalarOffset(ofByte byte: Int) -> Int { Int(scalarAtByte[byte]) }

    /// The characters as printed between two scalar offsets.
    func surface(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(original[start..<end]))
    }

    func foldedString(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(folded[start..<end]))
    }
}
