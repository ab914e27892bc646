import Foundation

/// The editors' look-up over a run's records: which towns report a mechanism, which mechanisms a
/// town reports, and the articles where a town reports a mechanism — each with the article's date,
/// title and the sentence that names the mechanism.
///
/// ```swift
/// let query = ArticleQuery(records: records, lexicons: lexicons)
/// try query.resolveMechanism("四百")   // "sibai-dazoufang": any alias finds its mechanism
/// try query.resolveArea("桃浦")        // .town("桃浦镇"), when unambiguous
/// try query.resolveArea("徐汇区")      // .district("徐汇区"): its towns, grouped
/// ```
public struct ArticleQuery: Sendable {
    /// What the look-up needs of an article record.
    public struct Record: Sendable {
        public var id: String
        public var date: String?
        public var title: String?
        /// The input file the article came from.
        public var source: String
        public var text: String
        /// Every town the article names.
        public var towns: [TableTown]
        public var mechanisms: [Mechanism]

        /// A mechanism of the article: where to quote it from, and the towns credited with it.
        public struct Mechanism: Sendable {
            public var id: String
            public var name: String
            public var kind: MechanismKind
            /// The mention to quote: start and end offsets into `text`.
            public var firstMention: Int
            public var firstMentionEnd: Int
            public var towns: [TableTown]
        }

        /// What the look-up needs of a decoded record.
        public init(record: ArticleRecord) {
            self.init(
                id: record.id, date: record.date, title: record.title, source: record.source, text: record.text,
                towns: record.locations.filter { $0.level == .town }.map(TableTown.init(named:)),
                mechanisms: record.mechanisms.map { m in
                    let quoted = ArticleQuery.evidence(m.mentions, title: record.title)
                    return Mechanism(
                        id: m.id, name: m.name, kind: m.kind, firstMention: quoted.start, firstMentionEnd: quoted.end,
                        towns: m.towns.map(TableTown.init(credited:)))
                })
        }

        public init(
            id: String, date: String?, title: String?, source: String, text: String,
            towns: [TableTown], mechanisms: [Mechanism]
        ) {
            self.id = id
            self.date = date
            self.title = title
            self.source = source
            self.text = text
            self.towns = towns
            self.mechanisms = mechanisms
        }

        /// The (town, mechanism) pairs the article counts for under `credit`: the same rule as
        /// the run's summary (`TownMechanismSummary.Report`).
        public func pairs(_ credit: TownCredit) -> [(town: TableTown, mechanism: Mechanism)] {
            mechanisms.flatMap { m in (credit == .article ? towns : m.towns).map { ($0, m) } }
        }
    }

    /// One answer line: an article, with the sentence that names the mechanism.
    public struct Hit: Sendable {
        public var article: String
        public var date: String?
        public var title: String?
        public var sentence: String
        public var town: String
        public var district: String
        public var mechanism: String
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case unknown(kind: String, name: String, suggestions: [String])
        case ambiguous(kind: String, name: String, candidates: [String])

        public var description: String {
            switch self {
            case .unknown(let kind, let name, let suggestions):
                let hint = suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
                return "no \(kind) '\(name)' in the lexicon or the data\(hint)"
            case .ambiguous(let kind, let name, let candidates):
                return "'\(name)' could be the \(kind) \(candidates.map { "'\($0)'" }.joined(separator: ", ")); give the full name"
            }
        }
    }

    public let records: [Record]
    let lexicon: MechanismLexicon
    /// Which towns a mechanism counts for.
    public var credit: TownCredit
    /// The kinds listed when no mechanism is asked for (`--kind`).
    public var kinds: Set<MechanismKind>

    public init(
        records: [Record], lexicons: Lexicons, credit: TownCredit = .passage,
        kinds: Set<MechanismKind> = Set(MechanismKind.allCases.filter(\.isShownByDefault))
    ) {
        self.records = records
        self.lexicon = lexicons.mechanisms
        self.credit = credit
        self.kinds = kinds
    }

    /// Parses `articles.jsonl` lines; a line that is not an article record is skipped.
    public static func records(fromJSONLines text: String) -> [Record] {
        text.split(separator: "\n").compactMap { line in
            (try? ArticleRecord.decode(line.utf8)).map(Record.init(record:))
        }
    }

    /// Records from tagged articles, when the query runs the pipeline itself.
    public static func records(from articles: [Article]) -> [Record] {
        articles.map { article in
            Record(
                id: article.id, date: article.date?.description, title: article.title, source: article.source,
                text: article.text,
                towns: article.locations.filter { $0.level == .town }.map(TableTown.init(named:)),
                mechanisms: article.mechanisms.map {
                    Record.Mechanism(
                        id: $0.id, name: $0.name, kind: $0.kind,
                        firstMention: evidence($0.mentions, title: article.title).start,
                        firstMentionEnd: evidence($0.mentions, title: article.title).end,
                        towns: $0.towns.map { TableTown(credited: $0.town) })
                })
        }
    }

    /// The mention to quote: the first one in the body, else the one in the title.
    static func evidence(_ mentions: [Mention], title: String?) -> (start: Int, end: Int) {
        let titleLength = title.map { $0.scalarCount } ?? -1
        let chosen = mentions.first { $0.start > titleLength } ?? mentions.first
        return (chosen?.start ?? 0, chosen?.end ?? 0)
    }

    /// The id of the mechanism a name or any alias names (`四百`, `走四百`, `“四百”大走访`).
    public func resolveMechanism(_ name: String) throws(Problem) -> String {
        let key = MechanismLexicon.matchKey(name)
        if let entry = lexicon.entries.first(where: { $0.id == name || $0.forms.contains { MechanismLexicon.matchKey($0) == key } }) {
            return entry.id
        }
        if let record = records.lazy.flatMap(\.mechanisms).first(where: { MechanismLexicon.matchKey($0.name) == key }) {
            return record.id
        }
        // A piece of exactly one mechanism's name or alias (`四百` → “四百”大走访).
        let partial = Set(lexicon.entries.filter { $0.forms.contains { MechanismLexicon.matchKey($0).contains(key) } }.map(\.id))
        if partial.count == 1 { return partial.first! }
        if partial.count > 1 {
            throw .ambiguous(kind: "mechanism", name: name, candidates: partial.sorted().compactMap { lexicon.entry(id: $0)?.name })
        }
        let names = lexicon.entries.flatMap(\.forms)
        throw .unknown(kind: "mechanism", name: name, suggestions: ArticleQuery.nearest(name, among: names))
    }

    /// Where a look-up is confined: one town, or every town of a district.
    public enum Area: Equatable, Sendable {
        case town(String)
        case district(String)

        public var name: String {
            switch self {
            case .town(let name), .district(let name): return name
            }
        }
    }

    /// The town or district a name finds in the data: the exact name of a town, then of a
    /// district (`徐汇区`), then the one town or district whose name starts with it (`桃浦` →
    /// 桃浦镇, `徐汇` → 徐汇区).
    public func resolveArea(_ name: String) throws(Problem) -> Area {
        let towns = Set(records.flatMap { $0.towns.map(\.name) } + records.flatMap { $0.mechanisms.flatMap { $0.towns.map(\.name) } })
        let districts = Set((records.flatMap { $0.towns.map(\.district) } + records.flatMap { $0.mechanisms.flatMap { $0.towns.map(\.district) } }).filter { !$0.isEmpty })
        if towns.contains(name) { return .town(name) }
        if districts.contains(name) { return .district(name) }
        let startingTowns = towns.filter { $0.hasPrefix(name) }
        if startingTowns.count == 1 { return .town(startingTowns.first!) }
        if startingTowns.count > 1 { throw .ambiguous(kind: "town", name: name, candidates: startingTowns.sorted()) }
        let startingDistricts = districts.filter { $0.hasPrefix(name) }
        if startingDistricts.count == 1 { return .district(startingDistricts.first!) }
        throw .unknown(kind: "town or district", name: name, suggestions: ArticleQuery.nearestPlaces(name, among: Array(towns) + Array(districts)))
    }

    /// Names closest to a place name: the same name with another suffix first (`桃浦街道` → 桃浦镇),
    /// then the nearest by edit distance.
    static func nearestPlaces(_ name: String, among names: [String]) -> [String] {
        let stem = ArticleQuery.stem(name)
        let sameStem = names.filter { ArticleQuery.stem($0) == stem }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Array((sameStem + nearest(name, among: names).filter { !sameStem.contains($0) }).prefix(3))
    }

    /// A place name without its level suffix (`桃浦镇` → 桃浦, `华阳路街道` → 华阳路).
    static func stem(_ name: String) -> String {
        for suffix in ["街道", "镇", "乡", "区", "县", "市"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Every (town, mechanism) report matching the filters, newest article first. Without a
    /// mechanism, only the mechanisms of the query's `kinds` are listed.
    public func hits(mechanism: String?, area: Area?) -> [Hit] {
        var hits: [Hit] = []
        for record in records {
            for (t, m) in record.pairs(credit) where mechanism == nil ? kinds.contains(m.kind) : m.id == mechanism {
                let inArea: Bool
                switch area {
                case nil: inArea = true
                case .town(let name): inArea = t.name == name
                case .district(let name): inArea = t.district == name
                }
                if inArea {
                    hits.append(Hit(
                        article: record.id, date: record.date, title: record.title,
                        sentence: Sentence.around(offset: m.firstMention, in: record.text), town: t.name,
                        district: t.district, mechanism: m.name))
                }
            }
        }
        return hits.sorted { a, b in
            if a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
            return a.article.utf8.lexicographicallyPrecedes(b.article.utf8)
        }
    }

    /// Up to three names closest to `name` by edit distance over characters.
    static func nearest(_ name: String, among names: [String]) -> [String] {
        let target = name.scalarArray
        let distance = { (other: String) in EditDistance.between(name, other) }
        let scored = Set(names).map { ($0, distance($0)) }.filter { $0.1 <= Swift.max(2, target.count / 2) }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.prefix(3).map(\.0)
    }
}
