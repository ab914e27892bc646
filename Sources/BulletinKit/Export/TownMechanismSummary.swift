/// Towns × mechanisms over a run, built article by article (memory grows with the number of
/// distinct town–mechanism pairs, not with the archive): which articles report which mechanism in
/// which town, and when.
///
/// Writes `town_mechanism.csv` (one row per town, one column per mechanism, each cell the number
/// of articles), `summary.json` (the same, with the article ids behind each cell) and
/// `first_mentions.csv` (per town and mechanism: first and last date, bulletins, articles, and the
/// first article — the table diffusion studies start from).
public struct TownMechanismSummary: Sendable {
    public struct Town: Sendable, Hashable, Comparable {
        public var name: String
        public var district: String
        public var city: String
        public var code: String

        /// City, district, name, code, compared byte-wise: the same order on every machine.
        public static func < (a: Town, b: Town) -> Bool {
            for (x, y) in zip([a.city, a.district, a.name, a.code], [b.city, b.district, b.name, b.code]) where x != y {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return false
        }
    }

    public struct Cell: Sendable {
        public var articles: [String] = []
        public var bulletins: Set<String> = []
        public var dates: [String] = []
        /// The article that reports it first: earliest date, then input order.
        public var first: (date: String?, article: String)? = nil
    }

    public private(set) var cells: [Town: [String: Cell]] = [:]
    /// Mechanism id → name, for column headers.
    public private(set) var mechanismNames: [String: String] = [:]

    public init() {}

    public mutating func add(_ article: Article) {
        let towns = article.locations.filter { $0.level == .town }.map { location in
            Town(
                name: location.name + (location.ambiguous ? " (ambiguous)" : ""), district: location.district ?? "",
                city: location.city ?? "", code: location.code ?? "")
        }
        guard !towns.isEmpty else { return }
        let date = article.date?.description
        for mechanism in article.mechanisms {
            mechanismNames[mechanism.id] = mechanism.name
            for town in towns {
                var cell = cells[town, default: [:]][mechanism.id, default: Cell()]
                cell.articles.append(article.id)
                cell.bulletins.insert(article.bulletin)
                if let date { cell.dates.append(date) }
                if cell.first == nil || (date != nil && (cell.first!.date == nil || date! < cell.first!.date!)) {
                    cell.first = (date, article.id)
                }
                cells[town, default: [:]][mechanism.id] = cell
            }
        }
    }

    /// Mechanism ids in column order: most towns first, then by name.
    public var mechanismOrder: [String] {
        let counts = Dictionary(grouping: cells.values.flatMap(\.keys), by: { $0 }).mapValues(\.count)
        return counts.keys.sorted {
            counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : mechanismNames[$0]!.unicodeScalars.lexicographicallyPrecedes(mechanismNames[$1]!.unicodeScalars)
        }
    }

    public func townMechanismCSV(bom: Bool) -> String {
        var csv = CSVWriter(bom: bom)
        let order = mechanismOrder  // computed once: it sorts every column
        csv.header(["town", "district", "city", "code"] + order.map { mechanismNames[$0]! })
        for town in cells.keys.sorted() {
            let row = cells[town]!
            csv.row([.text(town.name), .text(town.district), .text(town.city), .text(town.code)]
                + order.map { .int(row[$0]?.articles.count ?? 0) })
        }
        return csv.output
    }

    public func firstMentionsCSV(bom: Bool) -> String {
        var csv = CSVWriter(bom: bom)
        csv.header(["town", "district", "city", "mechanism", "mechanism_id", "first_date", "last_date", "bulletins", "articles", "first_article"])
        let order = mechanismOrder
        for town in cells.keys.sorted() {
            for id in order where cells[town]![id] != nil {
                let cell = cells[town]![id]!
                csv.row([
                    .text(town.name), .text(town.district), .text(town.city), .text(mechanismNames[id]!), .text(id),
                    .text(cell.dates.min() ?? ""), .text(cell.dates.max() ?? ""), .int(cell.bulletins.count),
                    .int(cell.articles.count), .text(cell.first?.article ?? ""),
                ])
            }
        }
        return csv.output
    }

    public func summaryJSON() -> String {
        let mechanismOrder = self.mechanismOrder
        var json = JSONWriter()
        json.object { o in
            o.key("mechanisms")
            o.array { a in
                for id in mechanismOrder {
                    a.object { m in
                        m.key("id"); m.string(id)
                        m.key("name"); m.string(mechanismNames[id]!)
                    }
                }
            }
            o.key("towns")
            o.array { a in
                for town in cells.keys.sorted() {
                    a.object { t in
                        t.key("name"); t.string(town.name)
                        t.key("district"); t.string(town.district)
                        t.key("city"); t.string(town.city)
                        t.key("code"); t.string(town.code)
                        t.key("mechanisms")
                        t.object { ms in
                            for id in mechanismOrder where cells[town]![id] != nil {
                                let cell = cells[town]![id]!
                                ms.key(id)
                                ms.object { c in
                                    c.key("name"); c.string(mechanismNames[id]!)
                                    c.key("count"); c.int(cell.articles.count)
                                    c.key("first_date"); c.optionalString(cell.dates.min())
                                    c.key("articles"); c.stringArray(cell.articles)
                                }
                            }
                        }
                    }
                }
            }
        }
        return json.output + "\n"
    }
}
