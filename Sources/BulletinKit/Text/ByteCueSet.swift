/// Several byte strings looked for in a text at once: a bitmap of the strings' first two bytes
/// tells at which positions one may start, and only there are they compared. Layout cues test
/// every short line against thirty boilerplate words; one pass replaces thirty searches.
///
/// ```swift
/// let words = ByteCueSet(["二维码", "扫一扫"].map { Array($0.utf8) })
/// words.occurs(in: "扫描二维码关注")   // true
/// ```
struct ByteCueSet: Sendable {
    private let cues: [[UInt8]]
    /// Bit `a << 8 | b` set when some cue starts with the bytes `a b`.
    private var starts = [UInt64](repeating: 0, count: 1024)
    /// Cues of fewer than two bytes, searched for one by one.
    private let short: [[UInt8]]

    init(_ cues: [[UInt8]]) {
        self.cues = cues.filter { $0.count >= 2 }
        short = cues.filter { $0.count < 2 }
        for cue in self.cues {
            let pair = Int(cue[0]) << 8 | Int(cue[1])
            starts[pair >> 6] |= 1 << UInt64(pair & 63)
        }
    }

    func occurs(in text: some StringProtocol) -> Bool {
        ByteSearch.bytes(of: text) { bytes in
            if short.contains(where: { ByteSearch.contains(bytes, $0) }) { return true }
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) {
                let pair = Int(bytes[index]) << 8 | Int(bytes[index + 1])
                guard starts[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for cue in cues where cue.count <= bytes.count - index {
                    var offset = 0
                    while offset < cue.count, bytes[index + offset] == cue[offset] { offset += 1 }
                    if offset == cue.count { return true }
                }
            }
            return false
        }
    }
}
