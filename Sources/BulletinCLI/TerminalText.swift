/// Text measured and cut in terminal columns: a Chinese character (`镇`) takes two, an ASCII
/// letter one, a combining mark none.
///
/// ```swift
/// TerminalText.columns("新海镇.txt")                                   // 10
/// TerminalText.middleShortened("corpus/2024-03-08_shequbao.txt", to: 20) // "corpus/20…equbao.txt"
/// ```
enum TerminalText {
    /// How many columns `text` takes.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` in at most `limit` columns: whole when it fits, else its start and end around `…`,
    /// the end getting the odd column (a file name's end tells more than a folder's start).
    static func middleShortened(_ text: String, to limit: Int) -> String {
        guard columns(text) > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        let headLimit = (limit - 1) / 2
        let tailLimit = limit - 1 - headLimit
        let scalars = Array(text.unicodeScalars)
        var head = 0
        var headWidth = 0
        while head < scalars.count, headWidth + width(of: scalars[head]) <= headLimit {
            headWidth += width(of: scalars[head])
            head += 1
        }
        var tail = scalars.count
        var tailWidth = 0
        while tail > head, tailWidth + width(of: scalars[tail - 1]) <= tailLimit {
            tailWidth += width(of: scalars[tail - 1])
            tail -= 1
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<head])
        out.append("…")
        out.append(contentsOf: scalars[tail...])
        return String(out)
    }

    /// `text` cut at its end to at most `limit` columns, `…` marking the cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard columns(text) > limit else { return text }
        guard limit > 0 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = width(of: scalar)
            if used + w > limit - 1 { break }
            out.append(scalar)
            used += w
        }
        out.append("…")
        return String(out)
    }

    /// East Asian wide and full-width characters take two columns; combining marks and
    /// zero-width characters none (a close approximation of `wcwidth`, enough for file names).
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return 2
        default: return v < 0x20 ? 0 : 1
        }
    }
}
