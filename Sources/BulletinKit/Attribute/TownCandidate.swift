/// A town an article may be credited with: a town it names, the town of a community it names, or
/// the bulletin's own town; with every mention that points to it.
///
/// ```
/// 长一居民区开展“四百”大走访 → 华阳路街道 (through 长一居民区, `viaCommunity`)
/// ```
struct TownCandidate {
    var town: TownRef
    /// Mentions of the town itself and of its communities.
    var mentions: [Mention] = []
    /// Mentions of the town's own name (not of a community).
    var ownMentions = 0
    /// The forms the town goes by (official name, aliases, short forms), to look for in a byline.
    var forms: [String] = []

    var isNamed: Bool { !mentions.isEmpty }

    /// The candidates of one article, in order of first mention, and the bulletin's own town last
    /// when the article does not name it.
    static func collect(_ article: Article, home: TownRef?, gazetteer: Gazetteer) -> [TownCandidate] {
        var candidates: [TownCandidate] = []
        var byName: [String: Int] = [:]
        func add(_ town: TownRef, mentions: [Mention], own: Bool) {
            var town = town
            if let code = town.code, let index = gazetteer.index(code: code) {
                let h = gazetteer.hierarchy(of: index)
                town.district = h.district
                town.city = h.city
            }
            let key = town.code ?? town.name
            if let index = byName[key] {
                candidates[index].mentions += mentions
                if own { candidates[index].ownMentions += mentions.count }
            } else {
                byName[key] = candidates.count
                var candidate = TownCandidate(town: town, mentions: mentions, ownMentions: own ? mentions.count : 0)
                if let code = town.code, let place = gazetteer.place(code: code) {
                    candidate.forms = [place.name] + place.aliases + place.shortForms
                } else {
                    candidate.forms = [town.name]
                }
                candidates.append(candidate)
            }
        }
        for location in article.locations {
            switch location.level {
            case .town:
                add(TownRef(name: location.name, code: location.code), mentions: location.mentions, own: true)
            case .community:
                guard let name = location.town else { continue }
                let code = gazetteer.places(named: name).first {
                    $0.level == .town && (location.district == nil || gazetteer.index(code: $0.code).map { gazetteer.hierarchy(of: $0).district } == location.district)
                }?.code
                add(TownRef(name: name, code: code), mentions: location.mentions, own: false)
            default:
                continue
            }
        }
        for index in candidates.indices { candidates[index].mentions.sort() }
        candidates.sort { ($0.mentions.first?.start ?? .max) < ($1.mentions.first?.start ?? .max) }
        if let home, !candidates.contains(where: { $0.town.name == home.name }) {
            add(home, mentions: [], own: false)
        }
        return candidates
    }
}
