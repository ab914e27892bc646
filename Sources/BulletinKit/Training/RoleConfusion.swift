/// How often each gold role was decoded as each role, over the paragraph blocks of held-out
/// bulletins: which decisions the layout model gets wrong (a subheading read as a title, a
/// caption read as body).
public struct RoleConfusion: Sendable {
    private var counts: [[Int]]

    /// The blocks read as a title against the gold or as something else against a gold title —
    /// the confusions that cut an article too many or too few — as `name: gold → decoded: text`.
    public private(set) var cuts: [String] = []

    /// - Parameter texts: each bulletin's name and its blocks' texts (nil for furniture), for `cuts`.
    init(gold: [[BlockRole]], decoded: [[BlockRole]], texts: [(name: String, blocks: [String?])] = []) {
        counts = Array(repeating: Array(repeating: 0, count: BlockRole.allCases.count), count: BlockRole.allCases.count)
        for (index, (g, d)) in zip(gold, decoded).enumerated() {
            for (position, (a, b)) in zip(g, d).enumerated() {
                counts[a.rawValue][b.rawValue] += 1
                guard a != b, a == .title || b == .title, index < texts.count, position < texts[index].blocks.count else { continue }
                cuts.append("\(texts[index].name): \(a.name) → \(b.name): \(texts[index].blocks[position] ?? "")")
            }
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
