/// The sentence around a position in a text: from after the previous sentence end (`。！？!?；`
/// or a line break) to the next one, inclusive. Editors see a mechanism in the sentence that names
/// it.
///
/// ```swift
/// Sentence.around(offset: 14, in: "标题\n街道召开会议。街道推进“三所联动”工作。")   // "街道推进“三所联动”工作。"
/// ```
public enum Sentence {
    public static func around(offset: Int, in text: String) -> String {
        around(offset: offset, in: Array(text.unicodeScalars))
    }

    /// The same over scalars already split out, for callers that ask about many offsets of one text.
    public static func around(offset: Int, in s: [Unicode.Scalar]) -> String {
        guard !s.isEmpty else { return "" }
        let at = min(max(0, offset), s.count - 1)
        var start = at
        while start > 0, !isEnd(s[start - 1]) { start -= 1 }
        var end = at
        while end < s.count, !isEnd(s[end]) { end += 1 }
        if end < s.count, s[end] != "\n" { end += 1 }
        while end < s.count, ScalarClass.isCloser(s[end]) { end += 1 }
        return String(String.UnicodeScalarView(s[start..<end])).trimmingSpaces
    }

    private static func isEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "。" || scalar == "！" || scalar == "？" || scalar == "!" || scalar == "?"
            || scalar == "；" || scalar == ";"
    }
}
