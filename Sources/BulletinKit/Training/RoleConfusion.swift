/// How often each gold role was decoded as each role, over the paragraph blocks of held-out
/// bulletins: which decisions the layout model gets wrong (a subheading read as a title, a
/// caption read as body).
public struct RoleConfusion: Sendable {
    private var counts: [[Int]]

    init(gold: [[BlockRole]], decoded: [[BlockRole]]) {
        counts = Array(repeating: Array(repeating: 0, count: BlockRole.allCases.count), count: BlockRole.allCases.count)
        for (g, d) in zip(gold, decoded) {
            for (a, b) in zip(g, d) { counts[a.rawValue][b.rawValue] += 1 }
        }
    }

    /// Gold roles down, decoded roles across, for the roles the model chooses.
    public var table: String {
        let roles = BlockRole.paragraphRoles
        func cell(_ s: String) -> String { String(repeating: " ", count: max(0, 6 - s.count)) + s }
        var lines = ["gold \\ decoded".padding(toLength: 12, withPad: " ", startingAt: 0) + roles.map { cell(String($0.name.prefix(5))) }.joined()]
        for gold in roles {
            let row = roles.map { cell(String(counts[gold.rawValue][$0.rawValue])) }.joined()
            lines.append(gold.name.padding(toLength: 12, withPad: " ", startingAt: 0) + row)
        }
        return lines.joined(separator: "\n")
    }
}
