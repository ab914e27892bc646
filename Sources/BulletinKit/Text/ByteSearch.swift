/// Substring tests on UTF-8 bytes. Foundation's `String.contains(_:)` goes through CFString and
/// `Character` folding — it was the largest cost of ingestion — while layout cues only need
/// exact byte equality.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { contains($0, needle) }
    }

    static func hasPrefix(_ haystack: String, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { $0.count >= needle.count && $0.prefix(needle.count).elementsEqual(needle) }
    }

    static func hasSuffix(_ haystack: String, _ needle: [UInt8]) -> Bool {
        bytes(of: haystack) { $0.count >= needle.count && $0.suffix(needle.count).elementsEqual(needle) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
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
}
