import Foundation

/// Folds look-alike characters that PDF text extraction produces into the ordinary ones, one
/// scalar for one scalar, so that a folded text has exactly the offsets of the original.
///
/// Kangxi radicals (`⾦` → `金`), compatibility ideographs and full-width ASCII (`３１４` → `314`,
/// `，` stays `，`) fold by Unicode's compatibility mapping; CJK Radicals Supplement characters
/// (`⻄` → `西`, `⻓` → `长`) by the `lookalikes.tsv` lexicon. The ideographic space folds to an
/// ASCII space. Later stages match on the folded text and report offsets into the original.
///
/// ```swift
/// let folding = LookalikeFolding(table: ["⻄": "西"])
/// folding.fold("⻓宁区江苏路街道⻄部")   // "长宁区江苏路街道西部" (with ⻓ in the table)
/// ```
public struct LookalikeFolding: Sendable {
    private let table: [Unicode.Scalar: Unicode.Scalar]

    /// A folding from an explicit table of scalar → scalar, on top of the Unicode mappings.
    public init(table: [Unicode.Scalar: Unicode.Scalar]) {
        self.table = table
    }

    /// The scalar a look-alike folds to; the scalar itself when it is not a look-alike.
    public func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        // Fast path: everything outside the folded ranges, CJK ideographs included (U+4E00…),
        // returns at once — this runs for every scalar of every article.
        if value < 0x2E80 || (value > 0x3000 && value < 0xF900) || (value > 0xFF5E && value < 0x2F800) {
            return scalar
        }
        if value <= 0x2FDF, let mapped = table[scalar] { return mapped }
        switch value {
        case 0x3000:
            return " "
        case 0xFF01...0xFF5E:
            // Full-width ASCII sits at a fixed distance from ASCII; keep Chinese full-width
            // punctuation (，：；！？（）) as printed, since layout cues read it.
            return LookalikeFolding.isKeptFullWidth(value) ? scalar : Unicode.Scalar(value - 0xFEE0)!
        case 0x2F00...0x2FD5, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return LookalikeFolding.compatibilityMapping(scalar)
        default:
            return scalar
        }
    }

    /// The folded text: same number of scalars, each folded.
    public func fold(_ text: String) -> String {
        // Most lines hold no look-alike at all: find out on the bytes before building a string.
        guard LookalikeFolding.mayNeedFolding(text) else { return text }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { UTF8.encode(fold(scalar)) { folded.append($0) } }
        return String(decoding: folded, as: UTF8.self)
    }

    /// Whether the UTF-8 holds a scalar in a folded range: U+2E80–U+2FDF (E2 BA–BF), U+3000
    /// (E3 80 80), U+F900–U+FAFF (EF A4–AB), U+FF01–U+FF5E (EF BC–BD) but for the Chinese
    /// punctuation kept as printed (almost every line has a `，`), U+2F800– (F0 AF).
    static func mayNeedFolding(_ text: String) -> Bool {
        ByteSearch.bytes(of: text) { b in
            var i = 0
            while i + 2 < b.count {
                switch b[i] {
                case 0xE2 where b[i + 1] >= 0xBA && b[i + 1] <= 0xBF: return true
                case 0xE3 where b[i + 1] == 0x80 && b[i + 2] == 0x80: return true
                case 0xEF where b[i + 1] >= 0xA4 && b[i + 1] <= 0xAB: return true
                case 0xEF where b[i + 1] == 0xBC || b[i + 1] == 0xBD:
                    let value = 0xF000 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    guard isKeptFullWidth(value) else { return true }
                    i += 3
                case 0xF0 where b[i + 1] == 0xAF: return true
                default: i += 1
                }
            }
            return false
        }
    }

    /// Full-width punctuation that stays as printed: ，：；！？（）.
    static func isKeptFullWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF08, 0xFF09: return true
        default: return false
        }
    }

    /// NFKC of a single scalar when it yields a single scalar; the scalar itself otherwise.
    private static func compatibilityMapping(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let mapped = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : scalar
    }
}
