/// Article ids (`2024-01-05_xinhai#3`) in the order people expect: by bulletin, byte-wise, then by
/// the article's number as a number (`#2` before `#10`). The summary lists articles in this order
/// so that it comes out the same whatever order the articles were processed in.
public enum ArticleID {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        precedes(Array(a.utf8)[...], Array(b.utf8)[...])
    }

    /// The same on UTF-8 bytes, as the summary stores ids.
    static func precedes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        let (bulletinA, indexA) = split(a)
        let (bulletinB, indexB) = split(b)
        if !bulletinA.elementsEqual(bulletinB) { return bulletinA.lexicographicallyPrecedes(bulletinB) }
        if indexA != indexB { return indexA < indexB }
        return a.lexicographicallyPrecedes(b)
    }

    /// The bulletin part of an id (before its last `#`).
    static func bulletin(of id: ArraySlice<UInt8>) -> ArraySlice<UInt8> { split(id).0 }

    /// The bulletin part and the article number (-1 when the id has none).
    static func split(_ id: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Int) {
        guard let hash = id.lastIndex(of: UInt8(ascii: "#")) else { return (id, -1) }
        var number = 0
        for byte in id[(hash + 1)...] {
            guard byte >= 48, byte <= 57, number < Int.max / 10 - 9 else { return (id[..<hash], -1) }
            number = number * 10 + Int(byte - 48)
        }
        return (id[..<hash], hash + 1 == id.endIndex ? -1 : number)
    }
}
