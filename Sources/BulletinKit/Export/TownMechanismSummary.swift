/// Towns × mechanisms over a run, built article by article: which articles report which
/// mechanism in which town, and when. Kept compact, since it is the one structure that grows with
/// the archive: each article id is stored once as UTF-8 bytes, and a cell holds 4-byte article
/// numbers, its count, its first and last dates and its first report (bulletins are counted from
/// the sorted ids when the tables are written).
///
/// The result does not depend on the order articles arrive in (cells list their articles in id
/// order; the first report is the earliest date, then the smallest id), so summaries of parts of
/// an archive merge into exactly the summary of one run: `bulletin summarize PART...`.
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

        public init(name: String, district: String, city: String, code: String) {
            self.name = name
            self.district = district
            self.city = city
            self.code = code
        }

        /// A town as a location record gives it; an ambiguous one keeps its name marked so.
        public init(name: String, ambiguous: Bool, district: String?, city: String?, code: String?) {
            self.init(name: name + (ambiguous ? " (ambiguous)" : ""), district: district ?? "", city: city ?? "", code: code ?? "")
        }

        /// City, district, name, code, compared byte-wise: the same order on every machine.
        public static func < (a: Town, b: Town) -> Bool {
            for (x, y) in zip([a.city, a.district, a.name, a.code], [b.city, b.district, b.name, b.code]) where x != y {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return false
        }
    }

    public struct Cell: Sendable {
        /// The cell's number in the summary's `CellEntries`, where its article ids are.
        let number: Int32
        public private(set) var count = 0
        var firstDate: String? = nil
        var lastDate: String? = nil
        /// The article that reports it first: earliest date, then smallest id.
        var first: (date: String?, id: String)? = nil
    }

    /// What the summary needs of one article; made from an `Article` or from its JSON record.
    public struct Report: Sendable {
        public var id: String
        public var bulletin: String
        public var date: String?
        public var towns: [Town]
        public var mechanisms: [(id: String, name: String)]

        public init(id: String, bulletin: String, date: String?, towns: [Town], mechanisms: [(id: String, name: String)]) {
            self.id = id
            self.bulletin = bulletin
            self.date = date
            self.towns = towns
            self.mechanisms = mechanisms
        }

        public init(_ article: Article) {
            self.init(
                id: article.id, bulletin: article.bulletin, date: article.date?.description,
                towns: article.locations.filter { $0.level == .town }.map {
                    Town(name: $0.name, ambiguous: $0.ambiguous, district: $0.district, city: $0.city, code: $0.code)
                },
                mechanisms: article.mechanisms.map { ($0.id, $0.name) })
        }

        /// From a parsed `articles.jsonl` record; nil when it is not an article record.
        public init?(record object: [String: Any]) {
            guard let id = object["id"] as? String, let bulletin = object["bulletin"] as? String,
                let locations = object["locations"] as? [[String: Any]],
                let mechanisms = object["mechanisms"] as? [[String: Any]]
            else { return nil }
            self.init(
                id: id, bulletin: bulletin, date: object["date"] as? String,
                towns: locations.filter { $0["level"] as? String == "town" }.map {
                    Town(
                        name: $0["name"] as? String ?? "", ambiguous: $0["ambiguous"] as? Bool ?? false,
                        district: $0["district"] as? String, city: $0["city"] as? String, code: $0["code"] as? String)
                },
                mechanisms: mechanisms.compactMap { m in
                    guard let id = m["id"] as? String, let name = m["name"] as? String else { return nil }
                    return (id, name)
                })
        }
    }

    public private(set) var cells: [Town: [String: Cell]] = [:]
    /// Mechanism id → name, for column headers.
    public private(set) var mechanismNames: [String: String] = [:]
    /// The article ids behind each cell, spilled to disk as they grow when a folder is given.
    private let entries: CellEntries
    private var cellCount: Int32 = 0

    /// - Parameter spillFolder: where the article ids behind the cells may go when they outgrow
    ///   a few MB; without one they stay in memory.
    public init(spillFolder: String? = nil) {
        entries = CellEntries(spillFolder: spillFolder)
    }

    public mutating func add(_ article: Article) throws(OutputError) { try add(Report(article)) }

    public mutating func add(_ report: Report) throws(OutputError) {
        guard !report.towns.isEmpty, !report.mechanisms.isEmpty else { return }
        for mechanism in report.mechanisms {
            mechanismNames[mechanism.id] = mechanism.name
            for town in report.towns {
                if cells[town]?[mechanism.id] == nil {
                    cells[town, default: [:]][mechanism.id] = Cell(number: cellCount)
                    cellCount += 1
                }
                cells[town]![mechanism.id]!.add(id: report.id, date: report.date)
                try entries.add(cell: cells[town]![mechanism.id]!.number, id: report.id)
            }
        }
    }

    /// A cell's article ids in id order.
    func sortedArticles(_ cell: Cell) throws(OutputError) -> [String] {
        try entries.ids(of: cell.number).map { String(decoding: $0, as: UTF8.self) }
    }

    /// How many bulletins a cell's articles come from (its ids sorted: one bulletin's are together).
    func bulletinCount(_ cell: Cell) throws(OutputError) -> Int {
        var count = 0
        var previous: ArraySlice<UInt8>? = nil
        for id in try entries.ids(of: cell.number) {
            let bulletin = ArticleID.bulletin(of: id)
            if previous.map({ !$0.elementsEqual(bulletin) }) ?? true { count += 1 }
            previous = bulletin
        }
        return count
    }

    /// Mechanism ids in column order: most towns first, then by name.
    public var mechanismOrder: [String] {
        let counts = Dictionary(grouping: cells.values.flatMap(\.keys), by: { $0 }).mapValues(\.count)
        return counts.keys.sorted {
            counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : mechanismNames[$0]!.unicodeScalars.lexicographicallyPrecedes(mechanismNames[$1]!.unicodeScalars)
        }
    }

    /// The names of the summary's files, in the order `write` writes them.
    public static let fileNames = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]

    /// Writes one of the summary's files (`fileNames`) to `sink` town by town, so that even the
    /// summary of a large archive is never held whole as text.
    public func write(_ file: String, bom: Bool, to sink: (String) throws(OutputError) -> Void) throws(OutputError) {
        let order = mechanismOrder  // computed once: it sorts every column
        let towns = cells.keys.sorted()
        switch file {
        case "town_mechanism.csv":
            var csv = CSVWriter(bom: bom)
            csv.header(["town", "district", "city", "code"] + order.map { mechanismNames[$0]! })
            for town in towns {
                let row = cells[town]!
                csv.row([.text(town.name), .text(town.district), .text(town.city), .text(town.code)]
                    + order.map { .int(row[$0]?.count ?? 0) })
                try sink(csv.drain())
            }
            try sink(csv.drain())
        case "first_mentions.csv":
            var csv = CSVWriter(bom: bom)
            csv.header(["town", "district", "city", "mechanism", "mechanism_id", "first_date", "last_date", "bulletins", "articles", "first_article"])
            for town in towns {
                let row = cells[town]!
                for id in order {
                    guard let cell = row[id] else { continue }
                    csv.row([
                        .text(town.name), .text(town.district), .text(town.city), .text(mechanismNames[id]!), .text(id),
                        .text(cell.firstDate ?? ""), .text(cell.lastDate ?? ""), .int(try bulletinCount(cell)),
                        .int(cell.count), .text(cell.first?.id ?? ""),
                    ])
                }
                try sink(csv.drain())
            }
            try sink(csv.drain())
        default:
            var head = JSONWriter()
            head.array { a in
                for id in order {
                    a.object { m in
                        m.key("id"); m.string(id)
                        m.key("name"); m.string(mechanismNames[id]!)
                    }
                }
            }
            try sink("{\"mechanisms\":" + head.output + ",\"towns\":[")
            for (position, town) in towns.enumerated() {
                let row = cells[town]!
                var articles: [String: [String]] = [:]
                for id in order { if let cell = row[id] { articles[id] = try sortedArticles(cell) } }
                var json = JSONWriter()
                json.object { t in
                    t.key("name"); t.string(town.name)
                    t.key("district"); t.string(town.district)
                    t.key("city"); t.string(town.city)
                    t.key("code"); t.string(town.code)
                    t.key("mechanisms")
                    t.object { ms in
                        for id in order {
                            guard let cell = row[id] else { continue }
                            ms.key(id)
                            ms.object { c in
                                c.key("name"); c.string(mechanismNames[id]!)
                                c.key("count"); c.int(cell.count)
                                c.key("first_date"); c.optionalString(cell.firstDate)
                                c.key("articles"); c.stringArray(articles[id]!)
                            }
                        }
                    }
                }
                try sink((position == 0 ? "" : ",") + json.output)
            }
            try sink("]}\n")
        }
    }

    /// A file of the summary as one string (tests, small summaries).
    public func text(of file: String, bom: Bool) throws(OutputError) -> String {
        var text = ""
        try write(file, bom: bom) { text += $0 }
        return text
    }
}

extension TownMechanismSummary.Cell {
    init(number: Int32) { self.number = number }

    mutating func add(id: String, date: String?) {
        count += 1
        if let date {
            if firstDate.map({ date < $0 }) ?? true { firstDate = date }
            if lastDate.map({ date > $0 }) ?? true { lastDate = date }
        }
        if let current = first {
            let smaller = ArticleID.precedes(id, current.id)
            let earlier: Bool
            switch (date, current.date) {
            case (let new?, let old?): earlier = new < old || (new == old && smaller)
            case (.some, nil): earlier = true
            case (nil, .some): earlier = false
            case (nil, nil): earlier = smaller
            }
            if earlier { first = (date, id) }
        } else {
            first = (date, id)
        }
    }
}
