/// Settles which place each mention names, from context.
///
/// A mention with one candidate is resolved. For one with several (`通州区`: Beijing or Nantong;
/// `虹桥街道`: Shanghai, Nantong, …), each candidate is scored by its closeness to the places
/// already resolved — in the same article first, then anywhere in the bulletin, then the
/// `--region` hint: 4 when one lies inside the other (`通州区石港镇`), 3 for the same district, 2
/// the same city, 1 the same province. The best candidate wins; a tie stays ambiguous. Resolved
/// mentions become context for the rest, so the pass repeats until nothing changes.
///
/// Communities are attached to towns afterwards (`attachingCommunities`), once the bulletin's
/// own town is known.
struct PlaceResolver: Sendable {
    enum Reading: Sendable, Equatable {
        case place(Int)
        case ambiguous([Int])
        /// A community, under a town: resolved (`town`), or only its name when the town's name
        /// stayed ambiguous; under none before `attachingCommunities`.
        case community(town: Int?, name: String?)
        /// A town name that matched, but no reading of it lies anywhere near the bulletin's other
        /// places (`联合镇卫生院` in a Nantong paper): taken as a word, not a place.
        case notAPlace
    }

    let gazetteer: Gazetteer
    let region: Region?
    /// Stems of town names that are also common words (`联合`): see `place-cues.tsv`.
    let commonStems: Set<String>

    /// - Complexity: linear in the mentions: mentions of one name in one article are decided once
    ///   per state of the evidence, not each against every other mention (a 1 MB line of
    ///   `长征镇长征镇…` took 104 s that way), and each decision walks the candidates' chains through
    ///   indexed evidence, not every anchor (`Evidence`).
    func resolve(_ found: [[LocationTagger.Found]]) -> [[Reading]] {
        var readings: [[Reading]] = found.map { mentions in
            mentions.map { mention in
                if mention.isCommunity { return .community(town: nil, name: nil) }
                return mention.places.count == 1 ? .place(mention.places[0]) : .ambiguous(mention.places)
            }
        }
        let regionEvidence = Evidence(gazetteer, region?.places ?? [])
        var names = AmbiguousNames(readings)
        // The candidates of the names with a mention still open, kept as they settle.
        var bulletinOpen = Evidence(gazetteer)
        for name in names.lists.indices { bulletinOpen.add(names.lists[name]) }

        var changed = true
        var rounds = 0
        while changed && rounds < 4 {
            changed = false
            rounds += 1
            // Scores depend on the set of anchors, not on how often each is named: each once.
            let bulletinAnchors = Evidence(gazetteer, PlaceResolver.distinct(readings.flatMap { $0.compactMap(resolvedPlace) }))
            // The article's own evidence is read as the round found it; the bulletin's open names
            // as they stand, the mentions settled earlier in the round no longer open.
            let roundStart = readings
            var bulletinOpenOf: [Int: (generation: Int, places: Evidence.Excluding)] = [:]
            for (a, mentions) in roundStart.enumerated() {
                let articleAnchors = Evidence(gazetteer, PlaceResolver.distinct(mentions.compactMap(resolvedPlace)))
                let articleNames = Set(mentions.indices.lazy.filter { mentions[$0].isAmbiguous }.map { names.name(a, $0) })
                var articleOpen = Evidence(gazetteer)
                for name in articleNames { articleOpen.add(names.lists[name]) }
                var decided: [Int: (generation: Int, place: Int?)] = [:]
                for (m, reading) in mentions.enumerated() {
                    guard case .ambiguous(let candidates) = reading else { continue }
                    let own = names.name(a, m)
                    let place: Int?
                    if let known = decided[own], known.generation == names.generation {
                        place = known.place
                    } else {
                        // Candidates of the other ambiguous names support each other too (长征镇 and
                        // 普陀区, each ambiguous alone, name Shanghai's pair together).
                        // Mentions of the same name (their candidates overlap) are no evidence.
                        let sharing = names.sharingCandidates(with: own)
                        let articleScores = articleOpen.excluding(
                            sharing.filter(articleNames.contains).map { names.lists[$0] }, scoring: candidates)
                        if bulletinOpenOf[own]?.generation != names.generation {
                            bulletinOpenOf[own] = (names.generation, bulletinOpen.excluding(
                                sharing.filter(names.isOpen).map { names.lists[$0] }, scoring: candidates))
                        }
                        place = decide(candidates, [
                            candidates.map(articleAnchors.closeness), articleScores.scores,
                            candidates.map(bulletinAnchors.closeness), bulletinOpenOf[own]!.places.scores,
                            candidates.map(regionEvidence.closeness),
                        ])
                        decided[own] = (names.generation, place)
                    }
                    if let place {
                        readings[a][m] = .place(place)
                        if names.settle(own) { bulletinOpen.remove(names.lists[own]) }
                        changed = true
                    }
                }
            }
        }
        // Town names with no reading near any other place of the bulletin are words, not places.
        var anchors = Evidence(gazetteer, PlaceResolver.distinct(readings.flatMap { $0.compactMap(resolvedPlace) }))
        var isWord: [[Int]: Bool] = [:]
        for (a, mentions) in found.enumerated() {
            for (m, mention) in mentions.enumerated() where !mention.isCommunity {
                let candidates = mention.places
                let word = isWord[candidates] ?? {
                    // Only names made of a common word (联合镇) or of one character, which is most
                    // often part of a longer name (马镇村, 张镇桥村), are taken for the word; any
                    // other town name (西塘镇 across the provincial border) stays a place.
                    guard candidates.allSatisfy({ gazetteer.places[$0].level == .town }),
                        candidates.contains(where: { isWordLike(PlaceResolver.stem(gazetteer.places[$0].name)) })
                    else { return false }
                    let others = anchors.excluding([candidates.filter(anchors.contains)], scoring: candidates)
                    return others.count > 0 && !others.scores.contains { $0 > 0 }
                }()
                isWord[candidates] = word
                if word { readings[a][m] = .notAPlace }
            }
        }
        return readings
    }

    /// One article's readings with each community under a town: the town its name was placed
    /// under at its first mention, which is the nearest town named before that mention, else the
    /// bulletin's own town (`home`), else the first town named after it. Readers take a village
    /// named before any town as the paper's own (`海星村` opening an article of 罗泾镇's paper that
    /// later names 金泽镇 as the place it learned from), and a name said again as the same place.
    ///
    /// When the nearest town before is `visiting` (a delegation's: `青阳镇…一行25人来我镇`), the
    /// villages it tours are its host's: the paper's own town, else the nearest town before that
    /// is not visiting, else the first after.
    ///
    /// - Parameters:
    ///   - names: each mention's community name (nil for the other mentions), folded.
    ///   - visiting: for each mention, whether it names a visiting delegation's town.
    ///   - home: the bulletin's own town (its gazetteer index when resolved, and its name).
    func attachingCommunities(_ readings: [Reading], names: [String?], visiting: [Bool] = [], home: (place: Int?, name: String)?) -> [Reading] {
        // The towns stay as they are while communities are attached: list them once.
        let towns = readings.indices.compactMap { i -> (mention: Int, place: Int?, name: String, visiting: Bool)? in
            let isVisiting = i < visiting.count && visiting[i]
            switch readings[i] {
            case .place(let place) where gazetteer.places[place].level == .town:
                return (i, place, gazetteer.places[place].name, isVisiting)
            case .ambiguous(let candidates) where gazetteer.places[candidates[0]].level == .town:
                return (i, nil, gazetteer.places[candidates[0]].name, isVisiting)
            default:
                return nil
            }
        }
        // For each position in `towns`, the first town from there on that is not visiting.
        var hostFrom = [Int?](repeating: nil, count: towns.count + 1)
        for index in towns.indices.reversed() { hostFrom[index] = towns[index].visiting ? hostFrom[index + 1] : index }
        var attached = readings
        var placed: [String: Reading] = [:]
        var next = 0  // the first town after the mention
        var lastHost: Int? = nil  // the nearest town before that is not visiting
        for (m, reading) in readings.enumerated() {
            while next < towns.count, towns[next].mention <= m {
                if !towns[next].visiting { lastHost = next }
                next += 1
            }
            guard case .community = reading, let name = names[m] else { continue }
            if let earlier = placed[name] {
                attached[m] = earlier
                continue
            }
            func town(_ index: Int) -> (place: Int?, name: String) { (towns[index].place, towns[index].name) }
            let firstHostAfter = hostFrom[next]
            let chosen: (place: Int?, name: String)?
            if next > 0, !towns[next - 1].visiting {
                chosen = town(next - 1)
            } else if next > 0 {
                chosen = home ?? lastHost.map(town) ?? firstHostAfter.map(town)
            } else {
                chosen = home ?? (firstHostAfter ?? (towns.isEmpty ? nil : 0)).map(town)
            }
            attached[m] = .community(town: chosen?.place, name: chosen?.name)
            placed[name] = attached[m]
        }
        return attached
    }

    /// The candidate that relates best to the evidence, compared level by level (the article's
    /// places, its open names, the bulletin's places, its open names, the region: `scores[level]`
    /// holds each candidate's closeness to that level's evidence); nil on a tie or when nothing
    /// relates.
    ///
    /// Open names count from the same city up: two ambiguous names whose readings only share a
    /// province (`洋河镇` and `联合镇`, each also a town of Liaoning) are a coincidence of a large
    /// gazetteer, not evidence against the bulletin's own places.
    private func decide(_ candidates: [Int], _ scores: [[Int]]) -> Int? {
        let scored = candidates.indices.map { c in
            (candidates[c], scores.indices.map { level in
                let score = scores[level][c]
                return PlaceResolver.openEvidence.contains(level) && score < 2 ? 0 : score
            })
        }
        let top = scored.max { $0.1.lexicographicallyPrecedes($1.1) }!
        let tied = scored.filter { $0.1 == top.1 }
        return tied.count == 1 && top.1.contains(where: { $0 > 0 }) ? top.0 : nil
    }

    /// The positions of the open names (the article's, the bulletin's) among `decide`'s evidence.
    private static let openEvidence: Set<Int> = [1, 3]

    /// A town-name stem that is also a word or part of one: a common word (`place-cues.tsv`) or a
    /// single character (`马` of 马镇).
    private func isWordLike(_ stem: String) -> Bool {
        commonStems.contains(stem) || stem.unicodeScalars.count == 1
    }

    /// A town's name without its 镇/乡/街道.
    static func stem(_ name: String) -> String {
        for suffix in ["街道", "镇", "乡"] where name.hasSuffixBytes(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    private func resolvedPlace(_ reading: Reading) -> Int? {
        if case .place(let place) = reading { return place }
        return nil
    }

    /// Each place once, in index order.
    static func distinct(_ places: [Int]) -> [Int] {
        var result: [Int] = []
        for place in places.sorted() where result.last != place { result.append(place) }
        return result
    }
}
