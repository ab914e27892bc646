/// Town-level names found by their shape alone (no gazetteer): the suffix `街道` or `镇` with the
/// two ideographs before it, which is enough to tell two towns apart. Ingestion uses it to see
/// a paragraph turn to a town the text above did not name (`6月12日，东山街道…` after an article
/// on 湖熟街道): a brief of its own.
enum TownNameShape {
    static func names(in text: String) -> [String] {
        let scalars = text.scalarArray
        var names: [String] = []
        for suffix in ["街道", "镇"] {
            let pattern = suffix.scalarArray
            var index = 2
            while index + pattern.count <= scalars.count {
                if Array(scalars[index..<index + pattern.count]) == pattern,
                    scalars[index - 2..<index].allSatisfy(ScalarClass.isIdeograph)
                {
                    let name = String(scalars: scalars[index - 2..<index + pattern.count])
                    if !["全镇", "各镇", "本镇", "该镇", "我镇", "乡镇", "城镇", "各街道", "本街道", "该街道"]
                        .contains(where: { name.hasSuffixBytes($0) })
                    {
                        names.append(name)
                    }
                }
                index += 1
            }
        }
        return names
    }
}
