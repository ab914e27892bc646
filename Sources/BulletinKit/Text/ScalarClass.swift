/// Classes of Unicode scalars that layout decisions rest on. Written over `Unicode.Scalar`, not
/// `Character`: grapheme clustering is an order of magnitude slower and Chinese text never needs it.
enum ScalarClass {
    /// Ideographs (CJK Unified, Extension A–H, compatibility), where Chinese words live.
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF,
            0x2E80...0x2FDF, 0x3007:
            return true
        default:
            return false
        }
    }

    /// A scalar that carries words: a letter, an ideograph or a digit of any script. The rest of
    /// a line is punctuation, ornament, box drawing or rule (`┌──`, `━━`, `【】`, `◇`).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        // Nearly every scalar of a bulletin is ASCII, a common ideograph or Chinese punctuation,
        // answered here without the Unicode property tables (a look-up there costs hundreds of
        // instructions). ASCII's word scalars are its letters and digits; U+4E00–U+9FFF are all
        // ideographs, all alphabetic; general punctuation (`“”—…`), the CJK marks and brackets
        // (`、。《》【】`, not 々〆〇 or 〡–〩) and the full-width punctuation (`，：；（）！？`) are
        // neither letters nor digits. `ScalarClassTests` holds the answer equal to the tables'
        // for every scalar.
        if s.value < 0x80 { return isASCIILetter(s) || isASCIIDigit(s) }
        if s.value >= 0x4E00, s.value <= 0x9FFF { return true }
        switch s.value {
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return false
        default: break
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A
    }

    /// Box-drawing characters (U+2500–U+257F: `─ ┌ ┐ ═ ╔ ║`), which frame boxes and rules.
    static func isBoxDrawing(_ s: Unicode.Scalar) -> Bool { (0x2500...0x257F).contains(s.value) }

    /// Spaces a PDF extraction leaves in a line: ASCII space and tab, no-break space, ideographic
    /// space and the other Unicode space separators.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// A full-width full stop, exclamation or question mark (`。！？`): what a line of prose holds
    /// and an imprint, QR blurb or rule never does.
    static func isFullStop(_ s: Unicode.Scalar) -> Bool { s == "。" || s == "！" || s == "？" }

    /// Punctuation that can end a sentence, so a paragraph ending in one is complete.
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "…", "；", ";", "：", ":", "．": return true
        default: return false
        }
    }

    /// Closing quotes and brackets; a paragraph ending in one is complete when the scalar before
    /// the closers ends a sentence (`…了。”`).
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "」", "』", "》", "）", ")", "】", "\"", "'", "〉": return true
        default: return false
        }
    }

    /// Punctuation inside a sentence: what a paragraph broken mid-sentence can start with.
    static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "、", "。", "；", ";", "：", ":", "！", "？", "!", "?", "…": return true
        default: return false
        }
    }

    /// Where a sentence ends when a text is cut into sentences and clauses (attribution's
    /// context, the tagger's visitor test): `。！？；`, full- or half-width.
    static func isSentenceBoundary(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "!", "?", "；", ";": return true
        default: return false
        }
    }

    /// Where a clause ends: a sentence boundary, a comma or a colon (`，：`). `、` joins a list and
    /// cuts nothing.
    static func isClauseBoundary(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "：", ":": return true
        default: return isSentenceBoundary(s)
        }
    }

    /// Opening and closing quote pairs counted to see whether a line leaves a quotation open.
    static func quoteBalanceDelta(_ s: Unicode.Scalar) -> Int {
        switch s {
        case "“", "「", "『", "《", "（", "(": return 1
        case "”", "」", "』", "》", "）", ")": return -1
        default: return 0
        }
    }
}

extension Substring.UnicodeScalarView {
    /// The scalars with leading and trailing spaces (ASCII, ideographic, no-break…) removed.
    func trimmingSpaces() -> Substring.UnicodeScalarView {
        trimming(while: ScalarClass.isSpace)
    }

    /// The scalars with leading and trailing runs of `drop` removed (a box rule and its spaces
    /// around a label: `══　百姓问答　══` → `百姓问答`).
    func trimming(while drop: (Unicode.Scalar) -> Bool) -> Substring.UnicodeScalarView {
        var view = self
        while let first = view.first, drop(first) { view.removeFirst() }
        while let last = view.last, drop(last) { view.removeLast() }
        return view
    }
}

extension String {
    /// The string without leading and trailing spaces of any kind (see `ScalarClass.isSpace`).
    var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            ScalarClass.isSpace(first) || ScalarClass.isSpace(last)
        else { return self }
        return String(String.UnicodeScalarView(self.unicodeScalars[...].trimmingSpaces()))
    }

    /// The string with every space of any kind taken out: what spacing-blind comparisons use
    /// (`新泾镇推行“多格合一”　一张网格管到底` and `…多格合一” 一张…` are one title).
    var withoutSpaces: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { !ScalarClass.isSpace($0) }))
    }

    /// A short label letter-spaced in print, its characters joined (`简　讯` → `简讯`, `公 告 栏` →
    /// `公告栏`); any other text unchanged (`鸿兴小区12台电梯一起装`, `聚焦“花木+”　做强特色产业`).
    var withoutLetterSpacing: String {
        var joined = String.UnicodeScalarView()
        var characters = 0
        var afterSpace = true
        for scalar in unicodeScalars {
            if ScalarClass.isSpace(scalar) {
                afterSpace = true
                continue
            }
            // Each character stands alone between spaces, and each is an ideograph.
            guard afterSpace, ScalarClass.isIdeograph(scalar) else { return self }
            afterSpace = false
            joined.append(scalar)
            characters += 1
        }
        return characters >= 2 ? String(joined) : self
    }

}
