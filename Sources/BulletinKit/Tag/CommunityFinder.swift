/// Finds named communities (`北渡村`, `长一居民区`, `八里庙村社区`, `安图新村`) by their suffix, reading
/// the name from the ideographs before it back to a boundary: punctuation, a place already found
/// (`石港镇|北渡村`), or a function word (`在`, `与`, `的`). Generic words (`农村`, `新农村`, `全村`,
/// `社区工作者`, `智慧社区`) are not names.
struct CommunityFinder: Sendable {
    let suffixes: [[Unicode.Scalar]]
    let stopNames: Set<String>
    let genericFollowers: [[Unicode.Scalar]]
    let villageFollowers: [[Unicode.Scalar]]
    let boundaries: [[Unicode.Scalar]]
    let roleFollowers: [[Unicode.Scalar]]
    let toponymEndings: ScalarSet
    /// The first characters of the suffixes: a position holding none of them starts no suffix,
    /// which spares trying each suffix at every character of the article.
    let suffixStarts: ScalarSet

    static let community: [Unicode.Scalar] = ["社", "区"]
    static let village: [Unicode.Scalar] = ["村"]

    /// Community names are two to five characters before the suffix.
    static let nameLength = 2...5

    init(cues: PlaceCues) {
        suffixes = cues.cues(for: .communitySuffix).map { $0.scalarArray }
            .sorted { $0.count > $1.count }
        suffixStarts = ScalarSet(suffixes.compactMap(\.first))
        stopNames = Set(cues.cues(for: .communityStopName))
        genericFollowers = cues.cues(for: .communityGenericFollower).map { $0.scalarArray }
        villageFollowers = cues.cues(for: .villageGenericFollower).map { $0.scalarArray }
        boundaries = cues.cues(for: .communityBoundary).map { $0.scalarArray }
            .sorted { $0.count > $1.count }
        roleFollowers = cues.cues(for: .communityRoleFollower).map { $0.scalarArray }
        toponymEndings = ScalarSet(cues.cues(for: .toponymEnding).compactMap { $0.unicodeScalars.first })
    }

    /// Communities in `text`, outside the `taken` spans (places already found), as scalar ranges.
    /// `soft` spans (short forms of the bulletin's towns that did not count as places) may be a
    /// community's name (`淳化街道淳化社区`) but never hold its suffix (`罗店顾村` is no village).
    func communities(in text: ScalarText, taken: [Range<Int>], soft: [Range<Int>] = []) -> [Range<Int>] {
        let s = text.folded
        var blocked = [Bool](repeating: false, count: s.count + 1)
        for span in taken { for i in span { blocked[i] = true } }
        var softBlocked = [Bool](repeating: false, count: s.count + 1)
        for span in soft { for i in span { softBlocked[i] = true } }
        var found: [Range<Int>] = []
        var index = 0
        var lastEnd = 0
        /// A longer suffix read and refused (`上海工人|新村`) is not read again as a shorter one.
        var refusedUntil = 0
        while index < s.count {
            guard suffixStarts.contains(s[index]), !blocked[index], index >= refusedUntil,
                let suffix = suffixes.first(where: { matches($0, s, at: index) })
            else {
                index += 1
                continue
            }
            let suffixEnd = index + suffix.count
            if (index..<suffixEnd).contains(where: { blocked[$0] || softBlocked[$0] }) {
                index += 1
                continue
            }
            // The name: ideographs before the suffix, back to a boundary.
            var start = index
            while start > lastEnd, start > 0, ScalarClass.isIdeograph(s[start - 1]), !blocked[start - 1],
                !endsWithBoundary(s, at: start)
            {
                start -= 1
            }
            // A name right after a preposition or verb of place (`在香楠社区`, `走进…`) is a proper name.
            let afterBoundaryWord = start > 0 && endsWithBoundary(s, at: start)
            let length = index - start
            let generic =
                (genericFollowers.contains { matches($0, s, at: suffixEnd) }
                    && (suffix == CommunityFinder.community || suffix == CommunityFinder.village))
                || (suffix == CommunityFinder.village && villageFollowers.contains { matches($0, s, at: suffixEnd) })
            // A bare 社区 is mostly the common noun (`引导社区群众`, `社区食堂`): it names a community
            // only right after a place, with a toponym ending, or before a community's role word.
            let bare = suffix == CommunityFinder.community
            let named =
                !bare || (start > 0 && blocked[start - 1]) || afterBoundaryWord
                || (index > 0 && toponymEndings.contains(s[index - 1]))
                || roleFollowers.contains { matches($0, s, at: suffixEnd) }
            if CommunityFinder.nameLength.contains(length), !isStopName(s[start..<index]), !generic, named {
                found.append(start..<suffixEnd)
                lastEnd = suffixEnd
                index = suffixEnd
            } else {
                // Refused for its name (`上海工人|新村`): do not read the shorter suffix inside it;
                // refused for a name too short (`中|新村`), the shorter one may still fit (`中新|村`).
                if length >= CommunityFinder.nameLength.lowerBound { refusedUntil = suffixEnd }
                index += 1
            }
        }
        return found
    }

    /// Whether the name, or its end (`新农村`, `要求各村`), is a stop name.
    private func isStopName(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        name.indices.contains { stopNames.contains(String(scalars: name[$0...])) }
    }

    /// Whether a boundary word ends right before `position`.
    private func endsWithBoundary(_ s: [Unicode.Scalar], at position: Int) -> Bool {
        boundaries.contains { ScalarWord.endsBefore($0, in: s, at: position) }
    }

    private func matches(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], at index: Int) -> Bool {
        ScalarWord.matches(word, in: s, at: index)
    }
}
