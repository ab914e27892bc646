/// The sentence around a position in a text: from after the previous sentence end (`。！？!?；`
/// or a line break) to the next one, inclusive. Editors see a mechanism in the sentence that names
/// it.
///
/// A sentence longer than `longest` characters (a line of a thousand towns and no full stop) is
/// cut to a window of at most `longest` around the position, `…` marking each cut: evidence stays
/// a sentence's worth, and a table of mentions grows with the text instead of with its square.
///
/// ```swift
/// Sentence.around(offset: 14, in: "标题\n街道召开会议。街道推进“三所联动”工作。")   // "街道推进“三所联动”工作。"
/// ```
public enum Sentence {
    /// The most characters of a sentence shown around a position (no sentence of the corpus
    /// comes near: the longest of the corpus and the seeds is under 250).
    public static let longest = 600

    /// Where the sentence around `at` starts and ends (untrimmed, end mark and closers included),
    /// kept within `longest` characters of it, and whether it was cut before or after.
    static func bounds(at: Int, in s: [Unicode.Scalar]) -> (range: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        let reach = longest / 2
        var start = at
        while start > 0, at - start < reach, !isEnd(s[start - 1]) { start -= 1 }
        let cutBefore = start > 0 && !isEnd(s[start - 1])
        var end = at
        while end < s.count, end - at < reach, !isEnd(s[end]) { end += 1 }
        let cutAfter = end < s.count && !isEnd(s[end])
        if !cutAfter {
            if end < s.count, s[end] != "\n" { end += 1 }
            while end < s.count, ScalarClass.isCloser(s[end]) { end += 1 }
        }
        return (start..<end, cutBefore, cutAfter)
    }

    public static func around(offset: Int, in text: String) -> String {
        around(offset: offset, in: text.scalarArray)
    }

    /// The same over scalars already split out, for callers that ask about many offsets of one text.
    public static func around(offset: Int, in s: [Unicode.Scalar]) -> String {
        guard !s.isEmpty else { return "" }
        let found = bounds(at: min(max(0, offset), s.count - 1), in: s)
        let text = String(scalars: s[found.range]).trimmingSpaces
        return (found.cutBefore ? "…" : "") + text + (found.cutAfter ? "…" : "")
    }

    /// Where the sentence around `offset` starts and ends, in scalars (untrimmed; at most
    /// `longest` around it, without marks where it was cut).
    public static func span(offset: Int, in s: [Unicode.Scalar]) -> Range<Int> {
        guard !s.isEmpty else { return 0..<0 }
        return bounds(at: min(max(0, offset), s.count - 1), in: s).range
    }

    /// Sentences of one text looked up by many offsets (every mention of an article): the text
    /// is split into scalars and UTF-8 once, and each look-up reads at most `longest` characters
    /// around its offset.
    public struct Finder {
        let scalars: [Unicode.Scalar]
        let utf8: [UInt8]
        /// UTF-8 offset of each scalar, and of the end.
        let byteOffsets: [Int]

        public init(_ text: String) {
            scalars = text.scalarArray
            utf8 = Array(text.utf8)
            var offsets = [Int]()
            offsets.reserveCapacity(scalars.count + 1)
            var offset = 0
            for scalar in scalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            byteOffsets = offsets
        }

        public func around(offset: Int) -> String {
            String(decoding: bytesAround(offset: offset), as: UTF8.self)
        }

        /// `around(offset:)` as bytes: a slice of `utf8` for a whole sentence, which writers
        /// copy straight into their output (no `String` is made); a window of a sentence too
        /// long to show whole comes with its `…` marks.
        func bytesAround(offset: Int) -> ArraySlice<UInt8> {
            guard !scalars.isEmpty else { return [] }
            let s = scalars
            let found = Sentence.bounds(at: min(max(0, offset), s.count - 1), in: s)
            var start = found.range.lowerBound
            var end = found.range.upperBound
            while start < end, ScalarClass.isSpace(s[start]) { start += 1 }
            while end > start, ScalarClass.isSpace(s[end - 1]) { end -= 1 }
            let bytes = byteOffsets[start]..<byteOffsets[end]
            guard found.cutBefore || found.cutAfter else { return utf8[bytes] }
            let mark = Array("…".utf8)
            return ArraySlice((found.cutBefore ? mark : []) + utf8[bytes] + (found.cutAfter ? mark : []))
        }
    }

    fileprivate static func isEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "。" || scalar == "！" || scalar == "？" || scalar == "!" || scalar == "?"
            || scalar == "；" || scalar == ";"
    }
}
