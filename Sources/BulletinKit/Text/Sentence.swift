/// The sentence around a position in a text: from after the previous sentence end (`。！？!?；`
/// or a line break) to the next one, inclusive. Editors see a mechanism in the sentence that names
/// it.
///
/// ```swift
/// Sentence.around(offset: 14, in: "标题\n街道召开会议。街道推进“三所联动”工作。")   // "街道推进“三所联动”工作。"
/// ```
public enum Sentence {
    public static func around(offset: Int, in text: String) -> String {
        around(offset: offset, in: text.scalarArray)
    }

    /// The same over scalars already split out, for callers that ask about many offsets of one text.
    public static func around(offset: Int, in s: [Unicode.Scalar]) -> String {
        guard !s.isEmpty else { return "" }
        return String(scalars: s[span(offset: offset, in: s)]).trimmingSpaces
    }

    /// Where the sentence around `offset` starts and ends, in scalars (untrimmed).
    public static func span(offset: Int, in s: [Unicode.Scalar]) -> Range<Int> {
        guard !s.isEmpty else { return 0..<0 }
        let at = min(max(0, offset), s.count - 1)
        var start = at
        while start > 0, !isEnd(s[start - 1]) { start -= 1 }
        var end = at
        while end < s.count, !isEnd(s[end]) { end += 1 }
        if end < s.count, s[end] != "\n" { end += 1 }
        while end < s.count, ScalarClass.isCloser(s[end]) { end += 1 }
        return start..<end
    }

    /// Sentences of one text looked up by many offsets (every mention of an article): bounds
    /// are found on the scalars, the text is copied once per distinct sentence as UTF-8 bytes.
    public struct Finder {
        let scalars: [Unicode.Scalar]
        let utf8: [UInt8]
        /// UTF-8 offset of each scalar, and of the end.
        let byteOffsets: [Int]
        var cache: [Int: String] = [:]

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

        /// Byte ranges of the sentences found so far, by the scalar offset they start at.
        var spans: [Int: Range<Int>] = [:]

        public mutating func around(offset: Int) -> String {
            guard !scalars.isEmpty else { return "" }
            let s = scalars
            let at = min(max(0, offset), s.count - 1)
            var start = at
            while start > 0, !Sentence.isEnd(s[start - 1]) { start -= 1 }
            if let known = cache[start] { return known }
            let sentence = String(decoding: utf8[trimmedBytes(start: start, at: at)], as: UTF8.self)
            cache[start] = sentence
            return sentence
        }

        /// `around(offset:)` as the sentence's bytes in `utf8`, for writers that copy it straight
        /// into their output: no `String` is made.
        mutating func bytesAround(offset: Int) -> ArraySlice<UInt8> {
            guard !scalars.isEmpty else { return [] }
            let s = scalars
            let at = min(max(0, offset), s.count - 1)
            var start = at
            while start > 0, !Sentence.isEnd(s[start - 1]) { start -= 1 }
            if let known = spans[start] { return utf8[known] }
            let span = trimmedBytes(start: start, at: at)
            spans[start] = span
            return utf8[span]
        }

        /// The byte range of the sentence that starts at scalar `start` and holds `at`, without
        /// the spaces around it.
        private func trimmedBytes(start: Int, at: Int) -> Range<Int> {
            let s = scalars
            var start = start
            var end = at
            while end < s.count, !Sentence.isEnd(s[end]) { end += 1 }
            if end < s.count, s[end] != "\n" { end += 1 }
            while end < s.count, ScalarClass.isCloser(s[end]) { end += 1 }
            while start < end, ScalarClass.isSpace(s[start]) { start += 1 }
            while end > start, ScalarClass.isSpace(s[end - 1]) { end -= 1 }
            return byteOffsets[start]..<byteOffsets[end]
        }
    }

    fileprivate static func isEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "。" || scalar == "！" || scalar == "？" || scalar == "!" || scalar == "?"
            || scalar == "；" || scalar == ";"
    }
}
