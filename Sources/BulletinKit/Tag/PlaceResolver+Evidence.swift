extension PlaceResolver {
    /// Places taken as evidence for an ambiguous name, indexed by every place on their chains, so
    /// that how close a candidate lies to any of them is one walk up the candidate's own chain
    /// instead of a comparison with each of them: a roundup naming thousands of towns asked every
    /// open name against every anchor (2,000 towns took 10 s, 4,000 took 24 s).
    ///
    /// Places may be added more than once (the candidates of several open names) and taken away
    /// again; a place counts while it has been added more often than taken away.
    ///
    /// ```swift
    /// var evidence = Evidence(gazetteer)
    /// evidence.add([普陀区(上海)])
    /// evidence.closeness(长征镇(上海))   // 4: 普陀区 is above it
    /// evidence.closeness(长征镇(四川))   // 0: nothing shared
    /// ```
    struct Evidence {
        private let gazetteer: Gazetteer
        /// For each place on the chain of an added place: how many added places lie at or under it.
        private var under: [Int32: Int32] = [:]
        /// How many times each place was added (less the times taken away).
        private var added: [Int32: Int32] = [:]
        /// All additions less all removals.
        private(set) var count = 0

        init(_ gazetteer: Gazetteer, _ places: some Sequence<Int> = [Int]()) {
            self.gazetteer = gazetteer
            add(places)
        }

        mutating func add(_ places: some Sequence<Int>) { change(places, by: 1) }

        mutating func remove(_ places: some Sequence<Int>) { change(places, by: -1) }

        private mutating func change(_ places: some Sequence<Int>, by step: Int32) {
            for place in places {
                added[Int32(place), default: 0] += step
                count += Int(step)
                for above in gazetteer.ancestors(of: place) { under[Int32(above), default: 0] += step }
            }
        }

        private func under(_ place: Int) -> Int32 { under[Int32(place)] ?? 0 }

        /// Whether `place` counts.
        func contains(_ place: Int) -> Bool { (added[Int32(place)] ?? 0) > 0 }

        /// The evidence with some places left out, as one candidate list saw it.
        struct Excluding {
            /// How many places were left (additions, not distinct places).
            let count: Int
            /// The closeness of each candidate to what was left.
            let scores: [Int]
        }

        /// The closeness of each of `candidates` to the evidence without the places of `lists`
        /// (each list taken away once, then put back).
        mutating func excluding(_ lists: [[Int]], scoring candidates: [Int]) -> Excluding {
            for list in lists { remove(list) }
            let result = Excluding(count: count, scores: candidates.map(closeness))
            for list in lists { add(list) }
            return result
        }

        /// The closest relation between `candidate` and any place of the evidence other than
        /// itself: 4 when one lies inside the other, else by the level of the nearest place above
        /// both — 3 a district, 2 a city, 1 a province, 0 anything else or nothing shared.
        func closeness(_ candidate: Int) -> Int {
            guard count > 0 else { return 0 }
            // Another place of the evidence at or under the candidate.
            if under(candidate) > (added[Int32(candidate)] ?? 0) { return 4 }
            var score = 0
            var below = under(candidate)
            for place in gazetteer.ancestors(of: candidate).dropFirst() {
                // One of the evidence is above the candidate.
                if (added[Int32(place)] ?? 0) > 0 { return 4 }
                let here = under(place)
                // Places under `place` but not under the step below it: `place` is where their
                // chains meet the candidate's.
                if here > below {
                    switch gazetteer.places[place].level {
                    case .district: score = max(score, 3)
                    case .city: score = max(score, 2)
                    case .province: score = max(score, 1)
                    default: break
                    }
                }
                below = here
            }
            return score
        }
    }
}
