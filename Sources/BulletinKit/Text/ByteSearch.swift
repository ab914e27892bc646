/// Substring tests on UTF-8 bytes. Foundation's `String.contains(_:)` goes through CFString and
/// `Character` folding — it was the largest cost of ingestion — while layout cues only need
/// exact byte equality.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { contains($0, needle) }
    }

    static func hasPrefix(_ haystack: some StringProtocol, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { $0.count >= needle.count && $0.prefix(needle.count).elementsEqual(needle) }
    }

    static func hasSuffix(_ haystack: some StringProtocol, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { $0.count >= needle.count && $0.suffix(needle.count).elementsEqual(needle) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether `a` sorts before `b` byte by byte: a total order that is the same on every
    /// platform, without the normalization that `String`'s `<` does for Chinese text.
    static func precedes(_ a: String, _ b: String) -> Bool {
        bytes(of: a) { x in
            bytes(of: b) { y in
                let common = min(x.count, y.count)
                var index = 0
                while index < common {
                    if x[index] != y[index] { return x[index] < y[index] }
                    index += 1
                }
                return x.count < y.count
            }
        }
    }

    /// Whether two texts are the same bytes: `String`'s `==` compares canonical equivalents,
    /// normalizing Chinese text first; dictionary keys of lexicon data need byte equality only.
    static func equal(_ a: String, _ b: String) -> Bool {
        bytes(of: a) { x in bytes(of: b) { $0.elementsEqual(x) } }
    }

    /// Feeds a text's bytes to a hasher (`String` hashes its normalized form), for keys that
    /// compare with `equal(_:_:)`.
    static func hash(_ text: String, into hasher: inout Hasher) {
        bytes(of: text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The indices of `strings` in byte order. Sorting 40,000 place names by comparing them
    /// whole cost more than building the gazetteer; most differ in their first eight bytes, so
    /// those are compared as one integer first.
    static func byteOrder(of strings: [String]) -> [Int] {
        let heads = strings.map { string in
            bytes(of: string) { bytes in
                var head: UInt64 = 0
                for index in 0..<8 { head = head << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
                return head
            }
        }
        return strings.indices.sorted { a, b in
            heads[a] != heads[b] ? heads[a] < heads[b] : precedes(strings[a], strings[b])
        }
    }

    // MARK: - Eight bytes at a time
    //
    // Writers look for a few ASCII bytes (quotes, commas, control characters) in long runs of
    // Chinese text that has none: testing a 64-bit word for them at once ("SWAR", from Bit
    // Twiddling Hacks) skips eight bytes per test.

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of the word is `byte`.
    @inline(__always)
    static func word(_ word: UInt64, has byte: UInt8) -> Bool { mask(word, equalTo: byte) != 0 }

    /// Whether any byte of the word is below `bound` (at most 128).
    @inline(__always)
    static func word(_ word: UInt64, hasLessThan bound: UInt8) -> Bool { mask(word, lessThan: bound) != 0 }

    /// The high bit of each byte equal to `byte` set (and perhaps of bytes above the first such
    /// one): the lowest set bit, divided by eight, is the offset of the first.
    @inline(__always)
    static func mask(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// As `mask(_:equalTo:)`, for bytes below `bound` (at most 128).
    @inline(__always)
    static func mask(_ word: UInt64, lessThan bound: UInt8) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highs
    }

    /// The eight bytes at `offset` as one word (in memory order: the first byte lowest).
    @inline(__always)
    static func word(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Runs `body` on the text's UTF-8 bytes (a `String` or a `Substring`) without copying when
    /// the string is native.
    @inline(__always)
    static func bytes<R>(of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer(body)
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in this text, compared byte for byte: the test layout rules need,
    /// without the CFString round trip of Foundation's `contains(_:)`.
    ///
    /// ```swift
    /// "下转第4版".containsBytes("版")   // true
    /// ```
    func containsBytes(_ needle: String) -> Bool {
        ByteSearch.bytes(of: self) { haystack in ByteSearch.bytes(of: needle) { ByteSearch.contains(haystack, $0) } }
    }

    /// Whether the text starts with `prefix`, compared byte for byte: the standard library's
    /// `hasPrefix` compares Characters (grapheme clusters), which layout tests do not need.
    func hasPrefixBytes(_ prefix: some StringProtocol) -> Bool {
        ByteSearch.bytes(of: self) { text in
            ByteSearch.bytes(of: prefix) { text.count >= $0.count && text.prefix($0.count).elementsEqual($0) }
        }
    }

    /// Whether the text ends with `suffix`, compared byte for byte.
    func hasSuffixBytes(_ suffix: some StringProtocol) -> Bool {
        ByteSearch.bytes(of: self) { text in
            ByteSearch.bytes(of: suffix) { text.count >= $0.count && text.suffix($0.count).elementsEqual($0) }
        }
    }

    /// Where `needle` first occurs in this text, found byte for byte (Foundation's `range(of:)`
    /// goes through CFString).
    ///
    /// ```swift
    /// "聚焦｜十项民生实事".rangeOfBytes("十项")   // the range of 十项
    /// ```
    func rangeOfBytes(_ needle: String) -> Range<Index>? {
        let found = ByteSearch.bytes(of: self) { haystack in
            ByteSearch.bytes(of: needle) { ByteSearch.firstOffset(of: $0, in: haystack) }
        }
        guard let offset = found else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}
