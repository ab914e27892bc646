extension PlaceResolver {
    /// The bulletin's ambiguous names, each list of candidates once (`长征镇` named 100,000 times is
    /// one name), with how many of its mentions are still open: what lets the resolver ask "which
    /// other names are open?" per name instead of per mention.
    ///
    /// ```swift
    /// var names = AmbiguousNames(readings)   // 通州区 ×3 (Beijing | Nantong), 长征镇 ×2
    /// names.isOpen(1)                         // true
    /// names.settle(1); names.settle(1)        // both 长征镇 resolved: generation 0 → 1
    /// names.isOpen(1)                         // false
    /// ```
    struct AmbiguousNames {
        /// Each distinct candidate list.
        private(set) var lists: [[Int]] = []
        /// The name of each mention, by article: an index into `lists`, −1 when not ambiguous.
        private var nameOf: [[Int32]] = []
        /// Mentions of each name still ambiguous.
        private var openMentions: [Int] = []
        /// Goes up whenever a name's last open mention is settled: what was computed from the open
        /// names before is stale.
        private(set) var generation = 0
        /// The names each candidate is among.
        private var namesOf: [Int: [Int]] = [:]

        init(_ readings: [[Reading]]) {
            var ids: [[Int]: Int] = [:]
            nameOf = readings.map { mentions in
                mentions.map { reading in
                    guard case .ambiguous(let candidates) = reading else { return -1 }
                    let id = ids[candidates] ?? {
                        ids[candidates] = lists.count
                        for place in candidates { namesOf[place, default: []].append(lists.count) }
                        lists.append(candidates)
                        openMentions.append(0)
                        return lists.count - 1
                    }()
                    openMentions[id] += 1
                    return Int32(id)
                }
            }
        }

        /// The name of an ambiguous mention.
        func name(_ article: Int, _ mention: Int) -> Int { Int(nameOf[article][mention]) }

        /// Whether `name` has a mention still open.
        func isOpen(_ name: Int) -> Bool { openMentions[name] > 0 }

        /// One mention of `name` resolved; true when it was the name's last open one.
        mutating func settle(_ name: Int) -> Bool {
            openMentions[name] -= 1
            guard openMentions[name] == 0 else { return false }
            generation += 1
            return true
        }

        /// The names that share a candidate with `own`, `own` included, in name order: the
        /// names whose mentions are no evidence for it.
        func sharingCandidates(with own: Int) -> [Int] {
            var names: [Int] = []
            for place in lists[own] { names += namesOf[place] ?? [] }
            return PlaceResolver.distinct(names)
        }
    }
}

extension PlaceResolver.Reading {
    var isAmbiguous: Bool {
        if case .ambiguous = self { return true }
        return false
    }
}
