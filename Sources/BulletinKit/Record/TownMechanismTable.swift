/// Towns × mechanisms over a set of article records, in memory: which records report which
/// mechanism in which town, under one crediting rule (`--attribution`) and one town key
/// (`TableTown`). `report` draws its heat map, charts and timelines from it; `query` counts its
/// answers by the same pairs (`ArticleQuery.Record.pairs`); and the run's summary files
/// (`TownMechanismSummary`, which streams and spills the same cells for a whole archive) count
/// the same pairs by the same key, so the three agree cell for cell.
///
/// ```swift
/// let table = TownMechanismTable(records, credit: .passage, kinds: [.mechanism, .campaign])
/// table.count(town: xietu, mechanism: "sansuo-liandong")   // 4
/// ```
public struct TownMechanismTable: Sendable {
    public let records: [ArticleQuery.Record]
    /// Town → mechanism id → the records behind the cell (indices into `records`, in order).
    public private(set) var cells: [TableTown: [String: [Int]]] = [:]
    /// Mechanism id → the towns reporting it.
    public private(set) var mechanismTowns: [String: Set<TableTown>] = [:]
    /// Mechanism id → its name.
    public private(set) var mechanismNames: [String: String] = [:]

    /// - Parameter kinds: the kinds of entries counted; nil for all.
    public init(_ records: [ArticleQuery.Record], credit: TownCredit, kinds: Set<MechanismKind>? = nil) {
        self.records = records
        for (index, record) in records.enumerated() {
            for (town, mechanism) in record.pairs(credit) where kinds?.contains(mechanism.kind) ?? true {
                cells[town, default: [:]][mechanism.id, default: []].append(index)
                mechanismTowns[mechanism.id, default: []].insert(town)
                mechanismNames[mechanism.id] = mechanism.name
            }
        }
    }

    /// The records in which `town` reports `mechanism` (an id).
    public func articles(town: TableTown, mechanism: String) -> [ArticleQuery.Record] {
        (cells[town]?[mechanism] ?? []).map { records[$0] }
    }

    /// How many articles credit `town` with `mechanism` (an id).
    public func count(town: TableTown, mechanism: String) -> Int {
        cells[town]?[mechanism]?.count ?? 0
    }

    /// Mechanism ids, most towns first, then by name (as the summary orders its columns).
    public var mechanismOrder: [String] {
        mechanismTowns.keys.sorted { a, b in
            let (x, y) = (mechanismTowns[a]!.count, mechanismTowns[b]!.count)
            if x != y { return x > y }
            let (p, q) = (mechanismNames[a]!, mechanismNames[b]!)
            return p != q ? p.utf8.lexicographicallyPrecedes(q.utf8) : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }
}
