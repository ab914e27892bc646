import Foundation
import Testing

@testable import BulletinKit

/// The resolver decides each ambiguous name once per state of the evidence (issue 17, item 7);
/// these tests hold it to the mention-by-mention reading it replaced.
@Suite("Place resolution")
struct PlaceResolverTests {
    static let gazetteer = Corpus.lexicons.gazetteer

    static func resolver(region: String?) -> PlaceResolver {
        PlaceResolver(
            gazetteer: gazetteer, region: region.map { try! Region($0, in: gazetteer) },
            commonStems: Set(Corpus.lexicons.placeCues.cues(for: .commonWordStem)))
    }

    /// Each name's places, for names several places share (长征镇, 通州区, 虹桥街道 …) and a few
    /// that name one, from the towns and districts of Shanghai and Jiangsu.
    static let names: [[Int]] = {
        var byName: [String: [Int]] = [:]
        for (index, place) in gazetteer.places.enumerated() where place.level == .town || place.level == .district {
            byName[place.name, default: []].append(index)
        }
        let shared = byName.filter { name, places in
            places.count > 1 && places.contains { gazetteer.places[$0].code.hasPrefix("31") || gazetteer.places[$0].code.hasPrefix("32") }
        }
        let single = ["长宁区", "石港镇", "桃浦镇", "南通市", "普陀区", "通州区"].compactMap { byName[$0] }
        return shared.keys.sorted().map { shared[$0]! } + single
    }()

    @Test("random bulletins of shared names resolve exactly as mention-by-mention resolution does")
    func matchesReference() {
        #expect(PlaceResolverTests.names.count > 50)
        // Not vacuous: names are settled by others, and some stay open.
        var settled = 0
        var open = 0
        for seed in UInt64(1)...40 {
            var random = SplitMix64(seed: seed)
            // A handful of names, so that they meet in articles and settle one another.
            let pool = (0..<(2 + Int(random.next() % 6))).map { _ in
                PlaceResolverTests.names[Int(random.next() % UInt64(PlaceResolverTests.names.count))]
            }
            let found: [[LocationTagger.Found]] = (0..<(1 + Int(random.next() % 4))).map { _ in
                (0..<Int(random.next() % 30)).map { i in
                    if random.next() % 9 == 0 { return LocationTagger.Found(start: i * 4, end: i * 4 + 3, places: [], isCommunity: true) }
                    return LocationTagger.Found(start: i * 4, end: i * 4 + 3, places: pool[Int(random.next() % UInt64(pool.count))])
                }
            }
            for region in [nil, "南通市"] {
                let resolver = PlaceResolverTests.resolver(region: region)
                // Communities attached afterwards, each a name of its own and no home town: the
                // reference's nearest town before, else after.
                let got = zip(found, resolver.resolve(found)).map { mentions, readings in
                    resolver.attachingCommunities(
                        readings, names: mentions.indices.map { mentions[$0].isCommunity ? "c\($0)" : nil }, home: nil)
                }
                let expected = PlaceResolverTests.reference(resolver, found)
                #expect(got == expected, "seed \(seed), region \(region ?? "none")")
                for (article, readings) in zip(found, got) {
                    for (mention, reading) in zip(article, readings) where mention.places.count > 1 {
                        if case .place = reading { settled += 1 }
                        if case .ambiguous = reading { open += 1 }
                    }
                }
            }
        }
        #expect(settled > 20 && open > 20, "settled \(settled), open \(open)")
    }

    @Test("长征镇 named a thousand times with 普陀区 is Shanghai's, as when named once")
    func repeatedName() throws {
        let changzheng = try #require(PlaceResolverTests.names.first { $0.contains { PlaceResolverTests.gazetteer.places[$0].name == "长征镇" } })
        let putuo = try #require(PlaceResolverTests.gazetteer.places.indices.first {
            PlaceResolverTests.gazetteer.places[$0].name == "普陀区" && PlaceResolverTests.gazetteer.places[$0].code.hasPrefix("31")
        })
        let resolver = PlaceResolverTests.resolver(region: nil)
        for count in [1, 1_000] {
            var article = [LocationTagger.Found(start: 0, end: 3, places: [putuo])]
            article += (1...count).map { LocationTagger.Found(start: 3 * $0, end: 3 * $0 + 3, places: changzheng) }
            let readings = resolver.resolve([article])[0]
            let shanghai = readings.dropFirst().allSatisfy { reading in
                guard case .place(let place) = reading else { return false }
                return PlaceResolverTests.gazetteer.places[place].code.hasPrefix("310107")
            }
            #expect(shanghai, "\(count) mentions")
        }
    }

    @Test("two shared names whose readings only share a far province do not outvote the bulletin's own places")
    func openNamesOfOneProvince() throws {
        let places = PlaceResolverTests.gazetteer.places
        func named(_ name: String) -> [Int] { places.indices.filter { places[$0].name == name } }
        let yanghe = named("洋河镇")
        let lianhe = named("联合镇")
        let shuyang = try #require(named("沭阳县").first)
        // Both names are towns of Liaoning too; the paper is Suqian's (沭阳县 in another article).
        try #require(yanghe.count > 1 && lianhe.count > 1)
        let found: [[LocationTagger.Found]] = [
            [LocationTagger.Found(start: 0, end: 3, places: yanghe), LocationTagger.Found(start: 10, end: 13, places: [shuyang])],
            [LocationTagger.Found(start: 0, end: 3, places: yanghe), LocationTagger.Found(start: 10, end: 13, places: lianhe)],
        ]
        let readings = PlaceResolverTests.resolver(region: nil).resolve(found)
        for article in readings {
            guard case .place(let place) = article[0] else {
                Issue.record("洋河镇 left \(article[0])")
                continue
            }
            #expect(places[place].code.hasPrefix("3213"), "洋河镇 read as \(places[place].code)")
        }
        // 联合镇 then lies near none of the bulletin's places: the word 联合 (`派出所联合镇综治中心`).
        #expect(readings[1][1] == .notAPlace)
    }

    @Test("indexed evidence scores a candidate as comparing it with every place of the evidence does")
    func evidenceMatchesComparisons() {
        let r = PlaceResolverTests.resolver(region: nil)
        // Towns, districts and cities of Shanghai and Jiangsu, and the readings of shared names
        // elsewhere: candidates meet anchors in the same district, city, province and nowhere.
        let shared = PlaceResolverTests.names.flatMap { $0 }
        let above: [Int] = shared.compactMap { place in r.gazetteer.ancestors(of: place).dropFirst().first { _ in true } }
        let pool = Array(Set(shared + above)).sorted()
        var seen = Set<Int>()
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            let anchors = PlaceResolver.distinct((0..<Int(random.next() % 12)).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            // Some places added twice and one taken away again, as open names' candidates are.
            var evidence = PlaceResolver.Evidence(r.gazetteer, anchors)
            evidence.add(anchors.prefix(2))
            evidence.remove(anchors.prefix(2))
            // Among the candidates: places of the evidence itself, and the place above one of them.
            var candidates = (0..<8).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
            if let anchor = anchors.first {
                candidates += [anchor, r.gazetteer.ancestors(of: anchor).dropFirst().first { _ in true } ?? anchor]
            }
            for candidate in candidates {
                let expected = PlaceResolverTests.best(r, candidate, anchors)
                seen.insert(expected)
                #expect(evidence.closeness(candidate) == expected, "seed \(seed), candidate \(candidate)")
            }
        }
        #expect(seen == [0, 1, 2, 3, 4], "closeness values met: \(seen.sorted())")
    }

    /// The closest relation between a candidate and any of the anchors, comparing it with each:
    /// the resolver's scoring before `Evidence` indexed it.
    static func best(_ r: PlaceResolver, _ candidate: Int, _ anchors: [Int]) -> Int {
        var score = 0
        let chain = Array(r.gazetteer.ancestors(of: candidate))
        for anchor in anchors where anchor != candidate {
            if chain.contains(anchor) || r.gazetteer.ancestors(of: anchor).contains(candidate) { return 4 }
            for place in chain.dropFirst() where r.gazetteer.ancestors(of: anchor).contains(place) {
                switch r.gazetteer.places[place].level {
                case .district: score = max(score, 3)
                case .city: score = max(score, 2)
                case .province: score = max(score, 1)
                default: break
                }
                break
            }
        }
        return score
    }

    /// The resolution as it was before issue 17: every mention against every other.
    static func reference(_ r: PlaceResolver, _ found: [[LocationTagger.Found]]) -> [[PlaceResolver.Reading]] {
        typealias Reading = PlaceResolver.Reading
        let best = PlaceResolverTests.best
        func resolvedPlace(_ reading: Reading) -> Int? {
            if case .place(let place) = reading { return place }
            return nil
        }
        func openCandidates(_ reading: Reading) -> [Int] {
            if case .ambiguous(let candidates) = reading { return candidates }
            return []
        }
        let places = r.gazetteer.places
        var readings: [[Reading]] = found.map { mentions in
            mentions.map { mention in
                if mention.isCommunity { return .community(town: nil, name: nil) }
                return mention.places.count == 1 ? .place(mention.places[0]) : .ambiguous(mention.places)
            }
        }
        let regionPlaces = Set(r.region?.places ?? [])
        var changed = true
        var rounds = 0
        while changed && rounds < 4 {
            changed = false
            rounds += 1
            let bulletinAnchors = PlaceResolver.distinct(readings.flatMap { $0.compactMap(resolvedPlace) })
            for (a, mentions) in readings.enumerated() {
                let articleAnchors = PlaceResolver.distinct(mentions.compactMap(resolvedPlace))
                for (m, reading) in mentions.enumerated() {
                    guard case .ambiguous(let candidates) = reading else { continue }
                    let own = Set(candidates)
                    let others = { (reading: Reading) -> [Int] in
                        let open = openCandidates(reading)
                        return open.contains(where: own.contains) ? [] : open
                    }
                    let articleOpen = PlaceResolver.distinct(mentions.flatMap(others))
                    let bulletinOpen = PlaceResolver.distinct(readings.flatMap { $0.flatMap(others) })
                    let scored = candidates.map { candidate -> (Int, [Int]) in
                        // Open names count from the same city up.
                        let open = { (score: Int) in score < 2 ? 0 : score }
                        return (candidate, [
                            best(r, candidate, articleAnchors), open(best(r, candidate, articleOpen)),
                            best(r, candidate, bulletinAnchors), open(best(r, candidate, bulletinOpen)),
                            best(r, candidate, Array(regionPlaces)),
                        ])
                    }
                    let top = scored.max { $0.1.lexicographicallyPrecedes($1.1) }!
                    let tied = scored.filter { $0.1 == top.1 }
                    if tied.count == 1, top.1.contains(where: { $0 > 0 }) {
                        readings[a][m] = .place(top.0)
                        changed = true
                    }
                }
            }
        }
        let anchors = readings.flatMap { $0.compactMap(resolvedPlace) }
        for (a, mentions) in found.enumerated() {
            for (m, mention) in mentions.enumerated() where !mention.isCommunity {
                let candidates = mention.places
                guard candidates.allSatisfy({ places[$0].level == .town }),
                    candidates.contains(where: { r.commonStems.contains(PlaceResolver.stem(places[$0].name)) || PlaceResolver.stem(places[$0].name).unicodeScalars.count == 1 })
                else { continue }
                let others = anchors.filter { !candidates.contains($0) }
                guard !others.isEmpty else { continue }
                if !candidates.contains(where: { best(r, $0, others) > 0 }) { readings[a][m] = .notAPlace }
            }
        }
        for (a, mentions) in found.enumerated() {
            for (m, mention) in mentions.enumerated() where mention.isCommunity {
                let towns = mentions.indices.compactMap { i -> (Int, Int?, String)? in
                    switch readings[a][i] {
                    case .place(let place) where places[place].level == .town: return (i, place, places[place].name)
                    case .ambiguous(let candidates) where places[candidates[0]].level == .town: return (i, nil, places[candidates[0]].name)
                    default: return nil
                    }
                }
                let town = towns.last { $0.0 < m } ?? towns.first { $0.0 > m }
                readings[a][m] = .community(town: town?.1, name: town?.2)
            }
        }
        return readings
    }
}
