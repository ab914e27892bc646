/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions (option names,
/// subcommands, mechanism and town names).
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = a.scalarArray
        let b = b.scalarArray
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                row[j + 1] = min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
