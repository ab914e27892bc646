/// Town-level names found by their shape alone (no gazetteer): the suffix `街道` or `镇` with the
/// two ideographs before it, which is enough to tell two towns apart. Ingestion uses it to see
/// a paragraph turn to a town the text above did not name (`6月12日，东山街道…` after an article
/// on 湖熟街道): a brief of its own.
enum TownNameShape {
    static func names(in text: String) -> [String] {
        names(in: text.scalarArray[...])
    }

    /// The names in a run of characters, `街道` names first, each in text order.
    static func names(in scalars: ArraySlice<Unicode.Scalar>) -> [String] {
        var names: [String] = []
        for pattern in suffixes {
            var index = scalars.startIndex + 2
            while index + pattern.count <= scalars.endIndex {
                // Compared in place: no array per position.
                if scalars[index] == pattern[0], scalars[index..<index + pattern.count].elementsEqual(pattern),
                    scalars[index - 2..<index].allSatisfy(ScalarClass.isIdeograph)
                {
                    let name = String(scalars: scalars[index - 2..<index + pattern.count])
                    if !generic.contains(where: { name.hasSuffixBytes($0) }) {
                        names.append(name)
                    }
                }
                index += 1
            }
        }
        return names
    }

    private static let suffixes: [[Unicode.Scalar]] = [Array("街道".unicodeScalars), Array("镇".unicodeScalars)]
    /// Words of the shape that name no town: `全镇`, `各街道`.
    private static let generic = ["全镇", "各镇", "本镇", "该镇", "我镇", "乡镇", "城镇", "各街道", "本街道", "该街道"]
}
