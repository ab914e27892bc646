/// Tags named governance mechanisms in every surface form: `三所联动`, `“四百”大走访`, `走四百`,
/// `宁聚·四百` and `“四百”行动` all find “四百”大走访.
///
/// The text is matched on a normalised view — quotes, book-title marks, interpuncts and spaces
/// skipped, look-alikes and full-width forms folded — and every match is mapped back to exact
/// offsets in the original `text`. A mention's `surface` runs from the first to the last character
/// of the name as printed; quotation marks around the whole name are left out (`“三所联动”` gives
/// `三所联动`), and a quotation that opens or closes inside the name is completed so the surface
/// is balanced (`“四百”大走访`, `新时代“枫桥经验”`). Overlaps settle leftmost-longest, and each
/// mechanism gets one record per article with all its mentions.
public struct MechanismTagger: Sendable {
    let lexicon: MechanismLexicon
    let matcher: PhraseMatcher
    /// Pattern index → entry index.
    let owners: [Int]
    let folding: LookalikeFolding

    public init(lexicon: MechanismLexicon, folding: LookalikeFolding) {
        self.lexicon = lexicon
        self.folding = folding
        var patterns: [[Unicode.Scalar]] = []
        var owners: [Int] = []
        var seen = Set<String>()
        for (index, entry) in lexicon.entries.enumerated() {
            for form in entry.forms {
                let key = MechanismLexicon.matchKey(form, folding: folding)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                patterns.append(key.scalarArray)
                owners.append(index)
            }
        }
        self.matcher = PhraseMatcher(patterns: patterns)
        self.owners = owners
    }

    public func mechanisms(in text: String) -> [ArticleMechanism] {
        mechanisms(in: ScalarText(text, folding: folding))
    }

    /// The mechanisms of an article already split into scalars and folded (by the same folding).
    func mechanisms(in text: ScalarText) -> [ArticleMechanism] {
        let original = text.original
        // The normalised view and, for each of its scalars, where it stands in the original.
        var view: [Unicode.Scalar] = []
        var originalIndex: [Int] = []
        view.reserveCapacity(original.count)
        originalIndex.reserveCapacity(original.count)
        for (index, folded) in text.folded.enumerated() {
            guard !MechanismLexicon.isIgnored(folded) else { continue }
            view.append(folded)
            originalIndex.append(index)
        }
        var tags: [ArticleMechanism] = []
        var tagIndex: [Int: Int] = [:]
        for match in matcher.leftmostLongest(in: view) {
            var start = originalIndex[match.start]
            var end = originalIndex[match.end - 1] + 1
            (start, end) = MechanismTagger.balanced(original, start, end)
            let mention = Mention(
                start: start, end: end, surface: String(scalars: original[start..<end]))
            let owner = owners[match.pattern]
            if let existing = tagIndex[owner] {
                tags[existing].mentions.append(mention)
            } else {
                let entry = lexicon.entries[owner]
                tagIndex[owner] = tags.count
                tags.append(ArticleMechanism(id: entry.id, name: entry.name, category: entry.category, kind: entry.kind, mentions: [mention]))
            }
        }
        return tags
    }

    /// Widens a span by a quotation mark at either side when the span leaves one open or closes
    /// one it did not open.
    static func balanced(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start
        var end = end
        var depth = 0
        var closedUnopened = false
        for scalar in s[start..<end] {
            switch scalar {
            case "“", "「", "『", "《", "‘": depth += 1
            case "”", "」", "』", "》", "’":
                if depth == 0 { closedUnopened = true } else { depth -= 1 }
            default: break
            }
        }
        if closedUnopened, start > 0, "“「『《‘".unicodeScalars.contains(s[start - 1]) { start -= 1 }
        if depth > 0, end < s.count, "”」』》’".unicodeScalars.contains(s[end]) { end += 1 }
        return (start, end)
    }
}
