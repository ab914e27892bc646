/// Tags the places of every article of a bulletin: provinces, cities, districts and towns from the
/// gazetteer, communities by pattern, each resolved to its place in the hierarchy.
///
/// - Official names and full variants count anywhere; short forms (`浦东`, `桃浦`) only when the
///   context makes them safe: a town's short form when its full name appears in the article or
///   bulletin, a district's when it names one place or a place of the same city is named in full;
///   and never run into an unrelated word (`新海` in `新海岸`).
/// - Overlaps are settled leftmost-longest (`石港镇` over `石港`; `浦江经验` hides `浦江`).
/// - A name several places share (`通州区`, `虹桥街道`) is resolved by `PlaceResolver` from the
///   other places of the article, then of the bulletin, then the `--region` hint; what stays open
///   is marked `ambiguous` with its candidates.
public struct LocationTagger: Sendable {
    let gazetteer: Gazetteer
    let matcher: PlaceMatcher
    let communities: CommunityFinder
    let shortFollowers: [[Unicode.Scalar]]
    let shortBlockers: [[Unicode.Scalar]]
    /// Words that take a place name's last character (`区域` in `滨江区域`): no place there.
    let nameEndBreakers: [[Unicode.Scalar]]
    let folding: LookalikeFolding
    let region: Region?
    let commonStems: Set<String>
    /// Words after a town in its clause that make its people visitors (`青阳镇…一行`, `来我镇`):
    /// the villages named after them are the host's (`attributionCues`' delegation words).
    let delegationCues: [[Unicode.Scalar]]

    public init(lexicons: Lexicons, region: Region? = nil) {
        gazetteer = lexicons.gazetteer
        matcher = PlaceMatcher(gazetteer: lexicons.gazetteer, cues: lexicons.placeCues, folding: lexicons.folding)
        communities = CommunityFinder(cues: lexicons.placeCues)
        shortFollowers = lexicons.placeCues.cues(for: .shortFollower).map { $0.scalarArray }
        shortBlockers = lexicons.placeCues.cues(for: .shortBlocker).map { $0.scalarArray }
        nameEndBreakers = lexicons.placeCues.cues(for: .nameEndBreaker).map { $0.scalarArray }.filter { $0.count >= 2 }
        folding = lexicons.folding
        self.region = region
        commonStems = Set(lexicons.placeCues.cues(for: .commonWordStem))
        delegationCues = lexicons.attributionCues.cues(for: .delegation).map { $0.scalarArray }
    }

    /// A place mention before resolution: where, and which places it may name.
    struct Found {
        var start: Int
        var end: Int
        var places: [Int]
        var isCommunity = false
        var isBlock = false
    }

    /// The locations of each article, in article order.
    public func locations(in articles: [Article]) -> [[Location]] {
        locations(in: articles.map { ScalarText($0.text, folding: folding) })
    }

    /// The locations of each article, from the articles' texts split into scalars and folded.
    func locations(in texts: [ScalarText]) -> [[Location]] {
        locations(resolvedPlaces(in: texts), home: nil)
    }

    /// A bulletin's place mentions, each settled to its place, the communities not yet under a
    /// town: that waits for the bulletin's own town (`HomeTown`), found from the towns.
    struct ResolvedPlaces {
        let texts: [ScalarText]
        let found: [[Found]]
        let readings: [[PlaceResolver.Reading]]
    }

    /// The towns a text names, resolved, each once, in order of first mention.
    func towns(in resolved: ResolvedPlaces, text index: Int) -> [TownRef] {
        var seen = Set<Int>()
        return resolved.readings[index].compactMap { reading in
            guard case .place(let place) = reading, gazetteer.places[place].level == .town, seen.insert(place).inserted
            else { return nil }
            return TownRef(name: gazetteer.places[place].name, code: gazetteer.places[place].code)
        }
    }

    /// The locations of the texts `indices` (all by default), communities under the nearest town
    /// named before them, else `home`, else the first town after (`PlaceResolver.attachingCommunities`).
    func locations(_ resolved: ResolvedPlaces, home: TownRef?, of indices: Range<Int>? = nil) -> [[Location]] {
        let home = home.map { home in (place: home.code.flatMap { gazetteer.index(code: $0) }, name: home.name) }
        let resolver = PlaceResolver(gazetteer: gazetteer, region: region, commonStems: commonStems)
        return (indices ?? resolved.texts.indices).map { index in
            let found = resolved.found[index]
            let text = resolved.texts[index]
            let names = found.map { $0.isCommunity ? text.foldedString($0.start, $0.end) : nil }
            // Asked only where there are villages to place.
            let visiting = found.contains(where: \.isCommunity) ? found.map { !$0.isCommunity && isVisiting($0, in: text) } : []
            let readings = resolver.attachingCommunities(resolved.readings[index], names: names, visiting: visiting, home: home)
            return records(found, resolved: readings, text: text)
        }
    }

    /// Whether a delegation word follows the mention in its clause, within `visitorReach`
    /// characters (`江阴市青阳镇党委副书记带领各村党组织书记一行25人来我镇`): the town's people are
    /// visiting. Bounded, so that a clause of endless place names stays linear.
    func isVisiting(_ mention: Found, in text: ScalarText) -> Bool {
        let s = text.folded
        var index = mention.end
        let limit = min(s.count, mention.end + LocationTagger.visitorReach)
        while index < limit, s[index] != "\n", !ScalarClass.isClauseBoundary(s[index]) {
            if delegationCues.contains(where: { ScalarWord.matches($0, in: s, at: index) }) { return true }
            index += 1
        }
        return false
    }

    static let visitorReach = 40

    /// Finds and resolves the place mentions of a bulletin's texts (split into scalars and folded).
    func resolvedPlaces(in texts: [ScalarText]) -> ResolvedPlaces {
        let raw = texts.map { matcher.candidates(in: $0) }

        // Places named in full, by article and over the bulletin: the context for short forms.
        // (Settled leftmost-longest among themselves first: `狼山镇街道` does not name a 狼山镇.)
        var fullByArticle: [Set<Int>] = []
        for (candidates, text) in zip(raw, texts) {
            let fullOnes = candidates.filter { candidate in
                guard !matcher.isNotAPlace(candidate.pattern) else { return true }
                return matcher.isFull[candidate.pattern] && !breaksNameEnd(candidate, text)
            }
            let settled = PhraseMatcher.leftmostLongest(
                fullOnes.map { PhraseMatcher.Match(start: $0.start, end: $0.end, pattern: $0.pattern) })
            var named = Set<Int>()
            for match in settled {
                for entry in matcher.entries[match.pattern] where entry.kind == .full { named.insert(entry.place) }
            }
            fullByArticle.append(named)
        }
        let fullInBulletin = fullByArticle.reduce(into: Set<Int>()) { $0.formUnion($1) }
        let citiesInBulletin = Set(fullInBulletin.compactMap { city(of: $0) })
        let provincesInBulletin = Set(fullInBulletin.compactMap { province(of: $0) })

        var found: [[Found]] = []
        for (articleIndex, candidates) in raw.enumerated() {
            let text = texts[articleIndex]
            // Where a full name starts: asked for every short form, so looked up, not searched.
            let fullStarts = Set(candidates.lazy.filter { matcher.isFull[$0.pattern] }.map(\.start))
            var kept: [Found] = []
            for candidate in candidates {
                if matcher.isNotAPlace(candidate.pattern) {
                    kept.append(Found(start: candidate.start, end: candidate.end, places: [], isBlock: true))
                } else {
                    if breaksNameEnd(candidate, text) { continue }
                    var places: [Int] = []
                    for entry in matcher.entries[candidate.pattern] {
                        if entry.kind == .full {
                            places.append(entry.place)
                        } else if shortFormCounts(
                            entry.place, pattern: candidate.pattern, candidate: candidate, text: text,
                            fullStarts: fullStarts, article: fullByArticle[articleIndex],
                            bulletin: fullInBulletin, cities: citiesInBulletin, provinces: provincesInBulletin)
                        {
                            places.append(entry.place)
                        }
                    }
                    if !places.isEmpty {
                        kept.append(Found(start: candidate.start, end: candidate.end, places: places))
                    }
                }
            }
            // Leftmost-longest among what counts.
            let chosen = PhraseMatcher.leftmostLongest(
                kept.enumerated().map { PhraseMatcher.Match(start: $1.start, end: $1.end, pattern: $0) })
            var mentions = chosen.map { kept[$0.pattern] }
            // Short forms of the bulletin's towns that did not count still end community names
            // (`罗店顾村` is 罗店 and 顾村, not a village).
            let soft = candidates.filter { candidate in
                !matcher.isFull[candidate.pattern]
                    && matcher.entries[candidate.pattern].contains { fullInBulletin.contains($0.place) }
            }.map { $0.start..<$0.end }
            let spans = mentions.map { $0.start..<$0.end }
            mentions.removeAll(where: \.isBlock)
            for range in communities.communities(in: text, taken: spans, soft: soft) {
                mentions.append(Found(start: range.lowerBound, end: range.upperBound, places: [], isCommunity: true))
            }
            mentions.sort { $0.start < $1.start }
            found.append(mentions)
        }

        let resolver = PlaceResolver(gazetteer: gazetteer, region: region, commonStems: commonStems)
        return ResolvedPlaces(texts: texts, found: found, readings: resolver.resolve(found))
    }

    /// Whether the match's last character starts a word that runs on past it (`滨江区|域`).
    private func breaksNameEnd(_ candidate: PlaceMatcher.Candidate, _ text: ScalarText) -> Bool {
        let s = text.folded
        guard candidate.end > candidate.start else { return false }
        return nameEndBreakers.contains { word in
            s[candidate.end - 1] == word[0] && ScalarWord.matches(Array(word.dropFirst()), in: s, at: candidate.end)
        }
    }

    // MARK: - Short forms

    private func shortFormCounts(
        _ place: Int, pattern: Int, candidate: PlaceMatcher.Candidate, text: ScalarText,
        fullStarts: Set<Int>, article: Set<Int>, bulletin: Set<Int>, cities: Set<Int>, provinces: Set<Int>
    ) -> Bool {
        // Not run into an unrelated word: what follows must be no ideograph, a follower cue, or
        // another place.
        let startsWith = { (words: [[Unicode.Scalar]]) in
            words.contains { ScalarWord.matches($0, in: text.folded, at: candidate.end) }
        }
        // `龙华西路`, `松江大道`: a road, river or school named after the place.
        if startsWith(shortBlockers) { return false }
        if candidate.end < text.folded.count, ScalarClass.isIdeograph(text.folded[candidate.end]) {
            let followedByPlace = fullStarts.contains(candidate.end)
            let followedByCue = startsWith(shortFollowers)
            if !followedByPlace && !followedByCue { return false }
        }
        let level = gazetteer.places[place].level
        if level == .town { return article.contains(place) || bulletin.contains(place) }
        if bulletin.contains(place) { return true }
        // A district's short form counts alone when it names one place: the other readings of
        // the form (a town's short form without its full name around) do not count.
        let viable = matcher.entries[pattern].filter { entry in
            entry.kind == .full || gazetteer.places[entry.place].level != .town
                || article.contains(entry.place) || bulletin.contains(entry.place)
        }
        // …unless the bulletin names places in full and none in its province (`滨江` in a
        // Shanghai paper is a riverside, not Hangzhou's 滨江区).
        if viable.count == 1 { return provinces.isEmpty || province(of: place).map(provinces.contains) ?? true }
        return city(of: place).map { cities.contains($0) } ?? false
    }

    /// The place's city; a municipality's province (上海市) is its city.
    private func city(of place: Int) -> Int? {
        gazetteer.nearest(.city, from: place) ?? province(of: place)
    }

    private func province(of place: Int) -> Int? {
        gazetteer.nearest(.province, from: place)
    }

    // MARK: - Records

    private func records(_ found: [Found], resolved: [PlaceResolver.Reading], text: ScalarText) -> [Location] {
        var byKey: [String: Int] = [:]
        var locations: [Location] = []
        for (mention, reading) in zip(found, resolved) {
            let surface = text.surface(mention.start, mention.end)
            let m = Mention(start: mention.start, end: mention.end, surface: surface)
            let key: String
            var location: Location
            switch reading {
            case .place(let index):
                let place = gazetteer.places[index]
                let h = gazetteer.hierarchy(of: index)
                key = "code:" + place.code
                location = Location(
                    name: place.name, level: place.level, code: place.code, province: h.province,
                    city: h.city, district: place.level == .district ? place.name : h.district, town: nil,
                    ambiguous: false, candidates: [], mentions: [])
                if place.level == .province { location.city = nil }
            case .ambiguous(let indices):
                let names = indices.map { gazetteer.places[$0].name }
                let name = names.first { text.foldedString(mention.start, mention.end) == $0 } ?? names[0]
                key = "ambiguous:" + name
                location = Location(
                    name: name, level: gazetteer.places[indices[0]].level, code: nil, province: nil,
                    city: nil, district: nil, town: nil, ambiguous: true,
                    candidates: indices.map { index in
                        let h = gazetteer.hierarchy(of: index)
                        return Location.Candidate(
                            code: gazetteer.places[index].code, province: h.province, city: h.city,
                            district: gazetteer.places[index].level == .district ? gazetteer.places[index].name : h.district)
                    }, mentions: [])
            case .notAPlace:
                continue
            case .community(let town, let townName):
                let name = text.foldedString(mention.start, mention.end)
                var h: (province: String?, city: String?, district: String?) = (nil, nil, nil)
                if let town { h = gazetteer.hierarchy(of: town) }
                key = "community:" + name + "|" + (townName ?? "")
                location = Location(
                    name: name, level: .community, code: nil, province: h.province, city: h.city,
                    district: h.district, town: townName, ambiguous: false, candidates: [], mentions: [])
            }
            if let existing = byKey[key] {
                locations[existing].mentions.append(m)
            } else {
                byKey[key] = locations.count
                location.mentions = [m]
                locations.append(location)
            }
        }
        return locations
    }
}
