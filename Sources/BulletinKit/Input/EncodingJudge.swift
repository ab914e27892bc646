/// How well bytes that are not UTF-8 read as Chinese in a double-byte encoding: the share of their
/// characters that are common ones (GB2312's first level and punctuation for GB18030, Big5's
/// frequent characters and punctuation for Big5).
///
/// Real GB18030 text keeps nearly all of its characters there (99% and more in the corpus);
/// Big5 text read as GB18030 lands mostly on rare ones (`松江區` → `猀跋獸`), and so do Latin-1
/// accents before a letter (`é` + `t` is a valid but rare GBK pair).
///
/// ```swift
/// EncodingJudge.gb18030(bytes).commonShare   // 0.99 for a GBK bulletin, 0.3 for a Big5 one
/// ```
enum EncodingJudge {
    struct Reading: Equatable {
        /// Double-byte (or longer) characters read.
        var characters = 0
        /// Of those, the common ones.
        var common = 0

        var commonShare: Double { characters == 0 ? 1 : Double(common) / Double(characters) }
        /// Too few characters to judge: a file of ASCII with a stray byte or two.
        var isTooShortToJudge: Bool { characters < EncodingJudge.fewestToJudge }
    }

    /// Below this many characters the share says little.
    static let fewestToJudge = 8
    /// At or above this share the reading is trusted.
    static let trusted = 0.8
    /// Below this share the reading is refused: the text would be mostly garbage.
    static let refused = 0.5

    /// Reads the bytes as GB18030: pairs with a lead byte 0x81–0xFE, four-byte sequences (rare).
    static func gb18030(_ bytes: [UInt8]) -> Reading {
        read(bytes) { lead, trail in
            // A four-byte sequence: characters outside GBK, rare in a bulletin.
            if (0x30...0x39).contains(trail) { return (width: 4, isCommon: false) }
            // GB2312: punctuation and symbols (rows A1–A9), first-level hanzi (B0A1–D7F9).
            let common = trail >= 0xA1 && trail <= 0xFE
                && ((0xA1...0xA9).contains(lead) || ((0xB0...0xD7).contains(lead) && !(lead == 0xD7 && trail > 0xF9)))
            return (width: 2, isCommon: common)
        }
    }

    /// Reads the bytes as Big5: pairs with a lead byte 0x81–0xFE and a trail 0x40–0x7E or 0xA1–0xFE.
    static func big5(_ bytes: [UInt8]) -> Reading {
        read(bytes) { lead, trail in
            let validTrail = (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail)
            // Symbols and punctuation (A140–A3BF), frequent characters (A440–C67E).
            let common = validTrail && ((0xA1...0xC5).contains(lead) || (lead == 0xC6 && trail <= 0x7E))
            return (width: 2, isCommon: common)
        }
    }

    /// One scan for both encodings: every byte 0x81–0xFE followed by another starts a character,
    /// which `classify` sizes and judges from its first two bytes; other bytes are skipped.
    private static func read(
        _ bytes: [UInt8], classify: (_ lead: UInt8, _ trail: UInt8) -> (width: Int, isCommon: Bool)
    ) -> Reading {
        var reading = Reading()
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            guard lead >= 0x81, lead <= 0xFE, i + 1 < bytes.count else { i += 1; continue }
            let character = classify(lead, bytes[i + 1])
            reading.characters += 1
            if character.isCommon { reading.common += 1 }
            i += character.width
        }
        return reading
    }
}
