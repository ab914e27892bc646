/// How large a block of each role can be, as the gold shows it: a role is ruled out for a block
/// longer, or with more commas, than any block the gold gives that role (by any bin).
///
/// The perceptron learns little against sizes it never had to correct, so without this a
/// 64-character line with four commas, cut mid-sentence after a page break
/// (`自…开展以来，…领导班子成员分赴…，与…拉家常、话发展，以…为抓手，着力`), could be read as a title because
/// blank lines stand above it — though no title in the gold is over 44 characters or has more
/// than two commas. The bounds come from the training bulletins, so cross-validation measures
/// them like the weights. A bin of slack let that line through once a gold title had two commas
/// (`五天，五个村，一本民情本`); without it the cross-validated scores were the same.
///
/// Blocks without a caption cue have a scale of their own: the gold's captions with no `▲` and
/// no credit are short phrases (`议事长廊里，村民围坐在一起讨论…`, at most 28 characters), though
/// captions with a cue run to long sentences; a long sentence under a picture with no cue is
/// running text.
struct SizeSupport: Sendable {
    /// Ordered scales of features, smallest first.
    static let scales: [[String]] = [
        BlockFeatures.lengthBins.map { "len:" + $0.name },
        BlockFeatures.commaBins.map { "commas:" + $0 },
        BlockFeatures.lengthBins.map { "uncued&len:" + $0.name },
    ]
    /// How many bins past the largest the gold shows are still allowed: none (one bin let the
    /// line above through, and cross-validated no better).
    static let slack = 0

    /// The (feature row, role) pairs to rule out: every bin of a scale more than `slack` bins
    /// past the largest any gold block of that role shows.
    static func excluded(_ sequences: [StructuredPerceptron.Sequence], model: LayoutModel) -> [(row: Int, role: BlockRole)] {
        var excluded: [(row: Int, role: BlockRole)] = []
        for scale in scales {
            let rows = scale.map { model.index[$0] }
            var position: [Int: Int] = [:]
            for (place, row) in rows.enumerated() { if let row { position[row] = place } }
            var largest = [Int](repeating: -1, count: LayoutModel.roleCount)
            for sequence in sequences {
                for (i, role) in sequence.gold.enumerated() {
                    for row in sequence.rows[i] {
                        if let place = position[row] { largest[role.rawValue] = max(largest[role.rawValue], place) }
                    }
                }
            }
            for role in BlockRole.paragraphRoles where largest[role.rawValue] >= 0 {
                for place in (largest[role.rawValue] + slack + 1)..<max(scale.count, largest[role.rawValue] + slack + 1) {
                    if let row = rows[place] { excluded.append((row, role)) }
                }
            }
        }
        return excluded
    }
}
