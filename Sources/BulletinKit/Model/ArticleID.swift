/// Article ids (`2024-01-05_xinhai#3`) in the order people expect: by bulletin, byte-wise, then by
/// the article's number as a number (`#2` before `#10`). The summary lists articles in this order
/// so that it comes out the same whatever order the articles were processed in.
public enum ArticleID {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (bulletinA, indexA) = split(a)
        let (bulletinB, indexB) = split(b)
        if !bulletinA.elementsEqual(bulletinB) { return bulletinA.lexicographicallyPrecedes(bulletinB) }
        if indexA != indexB { return indexA < indexB }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The bulletin part and the article number (-1 when the id has none).
    static func split(_ id: String) -> (Substring.UTF8View, Int) {
        let utf8 = id.utf8
        guard let hash = utf8.lastIndex(of: UInt8(ascii: "#")) else { return (id[...].utf8, -1) }
        let number = Int(Substring(utf8[utf8.index(after: hash)...])) ?? -1
        return (id[..<hash].utf8, number)
    }
}
