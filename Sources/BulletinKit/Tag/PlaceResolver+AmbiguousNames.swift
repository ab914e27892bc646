extension PlaceResolver {
    /// The bulletin's ambiguous names, each list of candidates once (`长征镇` named 100,000 times is
    /// one name), with how many of its mentions are still open: what lets the resolver ask "which
    /// other names are open?" per name instead of per mention.
    ///
    /// ```swift
    /// var names = AmbiguousNames(readings)   // 通州区 ×3 (Beijing | Nantong), 长征镇 ×2
    /// names.stillOpen                         // [0, 1]
    /// names.settle(1); names.settle(1)        // both 长征镇 resolved: generation 0 → 1
    /// names.stillOpen                         // [0]
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

        init(_ readings: [[Reading]]) {
            var ids: [[Int]: Int] = [:]
            nameOf = readings.map { mentions in
                mentions.map { reading in
                    guard case .ambiguous(let candidates) = reading else { return -1 }
                    let id = ids[candidates] ?? {
                        ids[candidates] = lists.count
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

        /// The names with a mention still open, in name order.
        var stillOpen: [Int] { openMentions.indices.filter { openMentions[$0] > 0 } }

        /// Each of `names` once, in name order.
        func distinct(_ names: some Sequence<Int>) -> [Int] { PlaceResolver.distinct(Array(names)) }

        /// One mention of `name` resolved.
        mutating func settle(_ name: Int) {
            openMentions[name] -= 1
            if openMentions[name] == 0 { generation += 1 }
        }

        /// The candidates of `names`, each once in index order, leaving out every name that
        /// shares a candidate with `own` (mentions of the same name are no evidence for it).
        func places(of names: [Int], apartFrom own: Int) -> [Int] {
            let mine = lists[own]
            var places: [Int] = []
            for name in names where !lists[name].contains(where: mine.contains) {
                places += lists[name]
            }
            return PlaceResolver.distinct(places)
        }
    }
}

extension PlaceResolver.Reading {
    var isAmbiguous: Bool {
        if case .ambiguous = self { return true }
        return false
    }
}
