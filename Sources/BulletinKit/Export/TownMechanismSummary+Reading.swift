import Foundation

extension TownMechanismSummary {
    /// The summary a finished run wrote, rebuilt from its `summary.json` (the towns, and the
    /// article ids behind each cell) and its records' dates: the same tables as the run's
    /// `town_mechanism.csv` and `first_mentions.csv`, whatever `--attribution` rule made them.
    /// Returns nil when the object is not a summary (no `towns` list).
    ///
    /// ```swift
    /// // {"towns":[{"name":"斜土路街道","district":"徐汇区","city":"上海市","code":"310104…",
    /// //   "mechanisms":{"sisuo-liandong":{"name":"三所联动","count":3,"articles":["…#2", …]}}}]}
    /// TownMechanismSummary(summary: object, dates: ["2024-03-08_xietu#2": "2024-03-08", …])
    /// ```
    public init?(summary object: [String: Any], dates: [String: String], spillFolder: String? = nil) throws(OutputError) {
        guard let towns = object["towns"] as? [[String: Any]] else { return nil }
        self.init(spillFolder: spillFolder)
        for town in towns {
            let name = town["name"] as? String ?? ""
            let ambiguous = name.hasSuffix(" (ambiguous)")
            let key = Town(
                name: ambiguous ? String(name.dropLast(" (ambiguous)".count)) : name, ambiguous: ambiguous,
                district: town["district"] as? String ?? "", city: town["city"] as? String ?? "", code: town["code"] as? String ?? "")
            // Sorted by id, so the summary is built the same way on every platform.
            let cells = (town["mechanisms"] as? [String: [String: Any]] ?? [:]).sorted { $0.key < $1.key }
            for (id, cell) in cells {
                let name = cell["name"] as? String ?? id
                for article in cell["articles"] as? [String] ?? [] {
                    try add(Report(id: article, date: dates[article], mechanisms: [(id, name, [key])]))
                }
            }
        }
    }
}
