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
    /// The one town key of the town × mechanism tables (`query` and `report` use it too).
    public typealias Town = TableTown

    /// What the summary needs of one article; made from an `Article` or from its JSON record:
    /// each mechanism with the towns it is counted for.
    public struct Report: Sendable {
        public var id: String
        public var date: String?
        public var mechanisms: [(id: String, name: String, towns: [Town])]

        /// The bulletin an article comes from is the part of its id before `#`: it is not stored again.
        public init(id: String, date: String?, mechanisms: [(id: String, name: String, towns: [Town])]) {
            self.id = id
            self.date = date
            self.mechanisms = mechanisms
        }

        public init(_ article: Article, credit: TownCredit = .passage) {
            let named = article.locations.filter { $0.level == .town }.map(Town.init(named:))
            self.init(
                id: article.id, date: article.date?.description,
                mechanisms: article.mechanisms.map { m in
                    let towns = credit == .article ? named : m.towns.map { Town(credited: $0.town) }
                    return (m.id, m.name, towns)
                })
        }

        /// From a decoded `articles.jsonl` record.
        public init(record: ArticleRecord, credit: TownCredit = .passage) {
            let named = record.locations.filter { $0.level == .town }.map(Town.init(named:))
            self.init(
                id: record.id, date: record.date,
                mechanisms: record.mechanisms.map { m in
                    let towns = credit == .article ? named : m.towns.map(Town.init(credited:))
                    return (m.id, m.name, towns)
                })
        }
    }

    // Storage, flat and interned: it is what grows with the number of town–mechanism pairs, so
    // each pair costs a few 4-byte slots, not a dictionary of strings. Cells are numbered in the
    // order they first appear; the article ids behind them are in `entries`.
    private var towns: [Town] = []
    private var townIndex: [Town: Int32] = [:]
    private var mechanismIDs: [String] = []
    private var mechanismIndex: [String: Int32] = [:]
    /// Mechanism id → name, for column headers.
    public private(set) var mechanismNames: [String: String] = [:]
    /// (town << 32 | mechanism) → cell number.
    private var cellIndex: [UInt64: Int32] = [:]
    private var cellTown: [Int32] = []
    private var cellMechanism: [Int32] = []
    private var cellCount: [Int32] = []
    /// Indices into `dates` (-1: no dated article yet).
    private var cellFirstDate: [Int32] = []
    private var cellLastDate: [Int32] = []
    /// The first report: its date (index into `dates`, -1 for none) and its id ("" for none yet;
    /// a superseded id is freed, so this stays one id per cell).
    private var cellFirstReportDate: [Int32] = []
    private var cellFirstReport: [String] = []
    private var dates: [String] = []
    private var dateIndex: [String: Int32] = [:]
    /// The article ids behind each cell, spilled to disk as they grow when a folder is given.
    private let entries: CellEntries

    /// - Parameter spillFolder: where the article ids behind the cells may go when they outgrow
    ///   a few MB; without one they stay in memory.
    public init(spillFolder: String? = nil) {
        entries = CellEntries(spillFolder: spillFolder)
    }

    /// The number of town–mechanism pairs seen.
    public var cellTotal: Int { cellTown.count }

    public mutating func add(_ article: Article, credit: TownCredit = .passage) throws(OutputError) {
        try add(Report(article, credit: credit))
    }

    public mutating func add(_ report: Report) throws(OutputError) {
        guard report.mechanisms.contains(where: { !$0.towns.isEmpty }) else { return }
        var date: Int32 = -1
        if let text = report.date { date = intern(text) }
        for mechanism in report.mechanisms where !mechanism.towns.isEmpty {
            let townNumbers = mechanism.towns.map { town in
                townIndex[town] ?? {
                    towns.append(town)
                    townIndex[town] = Int32(towns.count - 1)
                    return Int32(towns.count - 1)
                }()
            }
            mechanismNames[mechanism.id] = mechanism.name
            let m = mechanismIndex[mechanism.id] ?? {
                mechanismIDs.append(mechanism.id)
                mechanismIndex[mechanism.id] = Int32(mechanismIDs.count - 1)
                return Int32(mechanismIDs.count - 1)
            }()
            for t in townNumbers {
                let key = UInt64(UInt32(t)) << 32 | UInt64(UInt32(m))
                let cell: Int
                if let known = cellIndex[key] {
                    cell = Int(known)
                } else {
                    cell = cellTown.count
                    cellIndex[key] = Int32(cell)
                    cellTown.append(t)
                    cellMechanism.append(m)
                    cellCount.append(0)
                    cellFirstDate.append(-1)
                    cellLastDate.append(-1)
                    cellFirstReportDate.append(-1)
                    cellFirstReport.append("")
                }
                cellCount[cell] += 1
                if date >= 0 {
                    if cellFirstDate[cell] < 0 || dates[Int(date)] < dates[Int(cellFirstDate[cell])] { cellFirstDate[cell] = date }
                    if cellLastDate[cell] < 0 || dates[Int(date)] > dates[Int(cellLastDate[cell])] { cellLastDate[cell] = date }
                }
                if isEarlier(date: date, id: report.id, thanFirstOf: cell) {
                    cellFirstReportDate[cell] = date
                    cellFirstReport[cell] = report.id
                }
                try entries.add(cell: Int32(cell), id: report.id)
            }
        }
    }

    private mutating func intern(_ date: String) -> Int32 {
        if let known = dateIndex[date] { return known }
        dates.append(date)
        dateIndex[date] = Int32(dates.count - 1)
        return Int32(dates.count - 1)
    }

    /// The first report is the earliest date, then the smallest id; a dated report comes before
    /// an undated one.
    private func isEarlier(date: Int32, id: String, thanFirstOf cell: Int) -> Bool {
        let current = cellFirstReport[cell]
        guard !current.isEmpty else { return true }
        let currentDate = cellFirstReportDate[cell]
        let smaller = { ArticleID.precedes(id, current) }
        switch (date >= 0, currentDate >= 0) {
        case (true, true):
            let (new, old) = (dates[Int(date)], dates[Int(currentDate)])
            return new < old || (new == old && smaller())
        case (true, false): return true
        case (false, true): return false
        case (false, false): return smaller()
        }
    }

    private func date(_ index: Int32) -> String? { index >= 0 ? dates[Int(index)] : nil }

    /// How many bulletins a cell's articles come from (its ids sorted: one bulletin's are together).
    func bulletinCount(_ cell: Int) throws(OutputError) -> Int {
        var count = 0
        var previous: ArraySlice<UInt8>? = nil
        for id in try entries.ids(of: Int32(cell), cellCount: cellTown.count) {
            let bulletin = ArticleID.bulletin(of: id)
            if previous.map({ !$0.elementsEqual(bulletin) }) ?? true { count += 1 }
            previous = bulletin
        }
        return count
    }

    /// Mechanism ids in column order: most towns first, then by name.
    public var mechanismOrder: [String] {
        var towns = [Int](repeating: 0, count: mechanismIDs.count)
        for m in cellMechanism { towns[Int(m)] += 1 }
        return mechanismIDs.indices.sorted { a, b in
            if towns[a] != towns[b] { return towns[a] > towns[b] }
            return mechanismNames[mechanismIDs[a]]!.unicodeScalars.lexicographicallyPrecedes(mechanismNames[mechanismIDs[b]]!.unicodeScalars)
        }.map { mechanismIDs[$0] }
    }

    /// Towns in output order, each with its cells as (column in `order`, cell), by column: the
    /// tables are written without a dictionary lookup per town and mechanism.
    private func townRows(order: [String]) -> [(town: Town, cells: [(column: Int, cell: Int)])] {
        var column = [Int](repeating: 0, count: mechanismIDs.count)
        for (position, id) in order.enumerated() { column[Int(mechanismIndex[id]!)] = position }
        var rows = [[(column: Int, cell: Int)]](repeating: [], count: towns.count)
        for cell in cellTown.indices { rows[Int(cellTown[cell])].append((column[Int(cellMechanism[cell])], cell)) }
        return towns.indices.sorted { towns[$0] < towns[$1] }.map { (towns[$0], rows[$0].sorted { $0.column < $1.column }) }
    }

    /// The names of the summary's files, in the order `write` writes them.
    public static let fileNames = ["town_mechanism.csv", "first_mentions.csv", "summary.json"]

    /// Writes one of the summary's files (`fileNames`) to `sink` town by town, so that even the
    /// summary of a large archive is never held whole as text.
    public func write(_ file: String, bom: Bool, to sink: (String) throws(OutputError) -> Void) throws(OutputError) {
        let order = mechanismOrder  // computed once: it sorts every column
        let rows = townRows(order: order)
        switch file {
        case "town_mechanism.csv", "first_mentions.csv":
            var csv = CSVWriter(bom: bom)
            try forEachRow(of: file, order: order, rows: rows) { (cells: [CSVWriter.Cell], endOfTown: Bool) throws(OutputError) in
                csv.row(cells)
                if endOfTown { try sink(csv.drain()) }
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
            // Town by town and cell by cell, the ids in 64 KiB pieces: a town reported in many
            // articles holds more ids than should ever be in memory at once.
            var out: [UInt8] = []
            func flush(_ out: inout [UInt8]) throws(OutputError) {
                try sink(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
            let quoted = { (text: String, out: inout [UInt8]) in JSONWriter.appendQuoted(text, to: &out) }
            for (position, (town, row)) in rows.enumerated() {
                out += Array(((position == 0 ? "" : ",") + "{\"name\":").utf8)
                quoted(town.label, &out)
                out += Array(",\"district\":".utf8)
                quoted(town.district, &out)
                out += Array(",\"city\":".utf8)
                quoted(town.city, &out)
                out += Array(",\"code\":".utf8)
                quoted(town.code, &out)
                out += Array(",\"mechanisms\":{".utf8)
                var firstCell = true
                for (column, cell) in row {
                    let id = order[column]
                    if !firstCell { out.append(UInt8(ascii: ",")) }
                    firstCell = false
                    quoted(id, &out)
                    out += Array(":{\"name\":".utf8)
                    quoted(mechanismNames[id]!, &out)
                    out += Array(",\"count\":\(cellCount[cell]),\"first_date\":".utf8)
                    if let first = date(cellFirstDate[cell]) { quoted(first, &out) } else { out += Array("null".utf8) }
                    out += Array(",\"articles\":[".utf8)
                    for (k, article) in try entries.ids(of: Int32(cell), cellCount: cellTown.count).enumerated() {
                        if k > 0 { out.append(UInt8(ascii: ",")) }
                        quoted(String(decoding: article, as: UTF8.self), &out)
                        if out.count >= 1 << 16 { try flush(&out) }
                    }
                    out += Array("]}".utf8)
                }
                out += Array("}}".utf8)
                if out.count >= 1 << 16 { try flush(&out) }
            }
            try flush(&out)
            try sink("]}\n")
        }
    }

    /// The rows of one of the summary's tables (`town_mechanism.csv` or `first_mentions.csv`),
    /// its header first, as typed cells: the CSV file and the workbook's sheet are written from
    /// these same rows.
    public func forEachRow(of table: String, _ body: ([CSVWriter.Cell]) throws(OutputError) -> Void) throws(OutputError) {
        let order = mechanismOrder
        try forEachRow(of: table, order: order, rows: townRows(order: order)) { (cells: [CSVWriter.Cell], _: Bool) throws(OutputError) in
            try body(cells)
        }
    }

    /// `body` gets each row and whether it ends a town (the CSV is handed on town by town).
    private func forEachRow(
        of table: String, order: [String], rows: [(town: Town, cells: [(column: Int, cell: Int)])],
        _ body: ([CSVWriter.Cell], Bool) throws(OutputError) -> Void
    ) throws(OutputError) {
        if table == "town_mechanism.csv" {
            try body((["town", "district", "city", "code"] + order.map { mechanismNames[$0]! }).map(CSVWriter.Cell.text), true)
            for (town, row) in rows {
                var counts = [Int](repeating: 0, count: order.count)
                for (column, cell) in row { counts[column] = Int(cellCount[cell]) }
                try body([.text(town.label), .text(town.district), .text(town.city), .text(town.code)] + counts.map { .int($0) }, true)
            }
        } else {
            precondition(table == "first_mentions.csv", "not a table of the summary: \(table)")
            let header = ["town", "district", "city", "mechanism", "mechanism_id", "first_date", "last_date", "bulletins", "articles", "first_article"]
            try body(header.map(CSVWriter.Cell.text), true)
            for (town, row) in rows {
                for (position, (column, cell)) in row.enumerated() {
                    let id = order[column]
                    try body(
                        [
                            .text(town.label), .text(town.district), .text(town.city), .text(mechanismNames[id]!), .text(id),
                            .text(date(cellFirstDate[cell]) ?? ""), .text(date(cellLastDate[cell]) ?? ""),
                            .int(try bulletinCount(cell)), .int(Int(cellCount[cell])),
                            .text(cellFirstReport[cell]),
                        ], position == row.count - 1)
                }
            }
        }
    }

    /// A file of the summary as one string (tests, small summaries).
    public func text(of file: String, bom: Bool) throws(OutputError) -> String {
        var text = ""
        try write(file, bom: bom) { text += $0 }
        return text
    }
}
