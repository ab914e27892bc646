import Foundation

/// The learned weights of the layout model (`lexicons/layout-weights.tsv`): for each feature name
/// and block role, how much the feature speaks for that role. Transitions are features too
/// (`prev=title` with role `deck`: how likely a deck follows a title).
///
/// ```
/// feature            role        weight
/// cue:lead-opener    lead        2.815
/// parallel           subheading  3.120
/// prev=title         dateline    1.406
/// ```
///
/// Roles of a whole bulletin are chosen together by `decode`, Viterbi over the blocks: linear in
/// their number.
public struct LayoutModel: Sendable {
    static let roleCount = BlockRole.allCases.count

    /// Feature name → row of `weights` (one weight per role).
    private(set) var index: [String: Int] = [:]
    private(set) var names: [String] = []
    /// `names.count × roleCount` weights, row by row.
    var weights: [Double] = []
    /// `(previous role + 1) × roleCount + role`: row 0 is the start of the bulletin.
    var transitions: [Double] = Array(repeating: 0, count: (roleCount + 1) * roleCount)
    /// `class × roleCount + role`: what a heading set like the last heading (`HeadingLink.parallel`)
    /// weighs for each role, by the class of role the last heading was read as
    /// (`HeadingLink.headingClass`). Headings set alike are read alike.
    var agreement: [Double] = Array(repeating: 0, count: HeadingLink.classCount * roleCount)

    public init() {}

    /// The row of a feature, made when missing (training).
    mutating func row(for name: String) -> Int {
        if let row = index[name] { return row }
        let row = names.count
        index[name] = row
        names.append(name)
        weights.append(contentsOf: repeatElement(0, count: LayoutModel.roleCount))
        return row
    }

    /// The rows of known features (inference: an unseen feature weighs nothing).
    func rows(for features: [String]) -> [Int] { features.compactMap { index[$0] } }

    func score(rows: [Int], role: BlockRole) -> Double {
        var total = 0.0
        for row in rows { total += weights[row * LayoutModel.roleCount + role.rawValue] }
        return total
    }

    func transition(from previous: BlockRole?, to role: BlockRole) -> Double {
        transitions[((previous?.rawValue ?? -1) + 1) * LayoutModel.roleCount + role.rawValue]
    }

    /// The agreement weight of a block read as `role`, set like the last heading, which was read
    /// as a role of `lastClass`.
    func agreement(lastClass: Int, role: BlockRole) -> Double {
        agreement[lastClass * LayoutModel.roleCount + role.rawValue]
    }

    /// The best role sequence for a bulletin's blocks. `fixed[i]` is the role of a furniture
    /// block; paragraph blocks choose among `BlockRole.paragraphRoles`, and a turn of an
    /// interview (`turns[i]`: `问：…`, `答：…`) among `BlockRole.turnRoles`: it is never a heading.
    ///
    /// In training, `margin` is added to every role that is not `gold[i]` (loss-augmented
    /// decoding): the weights keep being corrected until the gold wins by that margin per block.
    ///
    /// `links[i]` says whether block `i` is a heading, and one set like the heading before it:
    /// then the decoder's state is the role and the class of the last heading's role, and the
    /// agreement weights join the sum. Without a parallel link the classes change no score, and
    /// the first-order decoder below gives the same answer.
    func decode(rows: [[Int]], fixed: [BlockRole?], turns: [Bool] = [], links: [HeadingLink] = [], margin: Double = 0, gold: [BlockRole] = []) -> [BlockRole] {
        let n = rows.count
        guard n > 0 else { return [] }
        if links.contains(.parallel) {
            return decodeAgreeing(rows: rows, fixed: fixed, turns: turns, links: links, margin: margin, gold: gold)
        }
        let roles = BlockRole.allCases
        let count = roles.count
        let minusInfinity = -Double.infinity
        var score = [Double](repeating: minusInfinity, count: n * count)
        var back = [Int](repeating: -1, count: n * count)
        func candidates(_ i: Int) -> [BlockRole] { LayoutModel.candidates(i, fixed: fixed, turns: turns) }
        func emission(_ i: Int, _ role: BlockRole) -> Double { self.emission(rows[i], role, margin: margin, gold: gold, at: i) }
        for role in candidates(0) {
            score[role.rawValue] = transition(from: nil, to: role) + emission(0, role)
        }
        for i in 1..<n {
            let previous = candidates(i - 1)
            for role in candidates(i) {
                let emission = emission(i, role)
                var best = minusInfinity
                var bestPrevious = -1
                for p in previous {
                    let s = score[(i - 1) * count + p.rawValue] + transition(from: p, to: role)
                    if s > best || bestPrevious < 0 {
                        best = s
                        bestPrevious = p.rawValue
                    }
                }
                score[i * count + role.rawValue] = best + emission
                back[i * count + role.rawValue] = bestPrevious
            }
        }
        var last = -1
        var best = minusInfinity
        for role in candidates(n - 1) where score[(n - 1) * count + role.rawValue] > best || last < 0 {
            best = score[(n - 1) * count + role.rawValue]
            last = role.rawValue
        }
        var result = [BlockRole](repeating: .body, count: n)
        var i = n - 1
        while i >= 0 {
            result[i] = roles[last]
            last = back[i * count + last]
            i -= 1
        }
        return result
    }

    /// The roles block `i` may take: a furniture block its own, an interview's turn a text role,
    /// any other paragraph any paragraph role.
    private static func candidates(_ i: Int, fixed: [BlockRole?], turns: [Bool]) -> [BlockRole] {
        fixed[i].map { [$0] } ?? (i < turns.count && turns[i] ? BlockRole.turnRoles : BlockRole.paragraphRoles)
    }

    /// A block's score for `role`, with the training margin added when `role` is not the gold's.
    private func emission(_ rows: [Int], _ role: BlockRole, margin: Double, gold: [BlockRole], at i: Int) -> Double {
        let loss = margin != 0 && gold[i] != role ? margin : 0
        return score(rows: rows, role: role) + loss
    }

    /// Viterbi over (role, class of the last heading's role) states: `decode` with parallel links.
    private func decodeAgreeing(rows: [[Int]], fixed: [BlockRole?], turns: [Bool], links: [HeadingLink], margin: Double, gold: [BlockRole]) -> [BlockRole] {
        let n = rows.count
        let roles = BlockRole.allCases
        let classes = HeadingLink.classCount
        let states = roles.count * classes
        let minusInfinity = -Double.infinity
        var score = [Double](repeating: minusInfinity, count: n * states)
        var back = [Int](repeating: -1, count: n * states)
        func candidates(_ i: Int) -> [BlockRole] { LayoutModel.candidates(i, fixed: fixed, turns: turns) }
        func emission(_ i: Int, _ role: BlockRole) -> Double { self.emission(rows[i], role, margin: margin, gold: gold, at: i) }
        func link(_ i: Int) -> HeadingLink { i < links.count ? links[i] : .none }
        // State `role × classes + class`: the block's role and the class of the last heading's
        // role up to and including it (0 before any heading).
        for role in candidates(0) {
            let lastClass = link(0) == .none ? 0 : HeadingLink.headingClass(role)
            let agreeing = link(0) == .parallel ? agreement(lastClass: 0, role: role) : 0
            score[role.rawValue * classes + lastClass] = transition(from: nil, to: role) + emission(0, role) + agreeing
        }
        for i in 1..<n {
            let previous = candidates(i - 1)
            let here = link(i)
            for role in candidates(i) {
                let emission = emission(i, role)
                let roleClass = HeadingLink.headingClass(role)
                for p in previous {
                    let transition = transition(from: p, to: role)
                    for lastClass in 0..<classes {
                        let before = score[(i - 1) * states + p.rawValue * classes + lastClass]
                        guard before > minusInfinity else { continue }
                        var s = before + transition + emission
                        if here == .parallel { s += agreement(lastClass: lastClass, role: role) }
                        let nextClass = here == .none ? lastClass : roleClass
                        let state = i * states + role.rawValue * classes + nextClass
                        if s > score[state] || back[state] < 0 {
                            score[state] = s
                            back[state] = p.rawValue * classes + lastClass
                        }
                    }
                }
            }
        }
        var last = -1
        var best = minusInfinity
        for state in 0..<states {
            let s = score[(n - 1) * states + state]
            if s > minusInfinity, last < 0 || s > best {
                best = s
                last = state
            }
        }
        var result = [BlockRole](repeating: .body, count: n)
        var i = n - 1
        while i >= 0 {
            result[i] = roles[last / classes]
            last = back[i * states + last]
            i -= 1
        }
        return result
    }

    /// The features that spoke most for `role` in a block, strongest first, with their weights:
    /// what `bulletin split` prints as the reason.
    /// `agreeing`: the `agree:` weight the block added, when it is set like the last heading. It
    /// is shown whenever it spoke for the role, after the strongest features if it is not among
    /// them: reading a heading like the one before is the joint decision no feature shows.
    func strongest(rows: [Int], role: BlockRole, previous: BlockRole?, agreeing: (String, Double)? = nil, limit: Int = 3) -> [(String, Double)] {
        var parts = rows.map { (names[$0], weights[$0 * LayoutModel.roleCount + role.rawValue]) }
        parts.append(("prev=" + (previous?.name ?? "start"), transition(from: previous, to: role)))
        var strongest = Array(parts.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit))
        if let agreeing, agreeing.1 > 0 { strongest.append(agreeing) }
        return strongest
    }

    /// `+1.250` / `-0.300`.
    static func signed(_ weight: Double) -> String { (weight >= 0 ? "+" : "") + String(format: "%.2f", weight) }

    // MARK: - The weights file

    /// Reads `layout-weights.tsv` (columns `feature`, `role`, `weight`; a transition's feature is
    /// `prev=ROLE` or `prev=start`).
    /// - Throws: `LexiconError` naming the file and line of an unknown role or a weight that is
    ///   not a number.
    public init(parsing text: String, file: String) throws(LexiconError) {
        var model = LayoutModel()
        try TSVTable.forEachRow(parsing: text, file: file, required: ["feature", "role", "weight"]) { row throws(LexiconError) in
            let feature = row.value("feature")
            guard let role = BlockRole(name: row.value("role")) else {
                throw .malformedRow(file: file, line: row.line, message: "unknown role '\(row.value("role"))'")
            }
            guard let weight = Double(row.value("weight")), weight.isFinite else {
                throw .malformedRow(file: file, line: row.line, message: "weight '\(row.value("weight"))' is not a number")
            }
            if let lastClass = HeadingLink.classNames.firstIndex(of: feature) {
                model.agreement[lastClass * LayoutModel.roleCount + role.rawValue] = weight
            } else if feature.hasPrefixBytes("prev=") {
                let name = String(feature.dropFirst(5))
                let previous: BlockRole?
                if name == "start" {
                    previous = nil
                } else if let known = BlockRole(name: name) {
                    previous = known
                } else {
                    throw .malformedRow(file: file, line: row.line, message: "unknown role in '\(feature)'")
                }
                model.transitions[((previous?.rawValue ?? -1) + 1) * LayoutModel.roleCount + role.rawValue] = weight
            } else {
                let r = model.row(for: feature)
                model.weights[r * LayoutModel.roleCount + role.rawValue] = weight
            }
        }
        self = model
    }

    /// The weights as `layout-weights.tsv`: sorted, weights rounded to three decimals, zeros left
    /// out, so the same training gives the same file.
    public func tsv(header: [String]) -> String {
        var lines: [String] = header.map { "# " + $0 }
        lines.append("feature\trole\tweight")
        func format(_ w: Double) -> String? {
            let rounded = (w * 1000).rounded() / 1000
            guard rounded != 0 else { return nil }
            return String(format: "%.3f", rounded)
        }
        var rowsOut: [(String, String, String)] = []
        for previous in [nil] + BlockRole.allCases.map(Optional.some) {
            for role in BlockRole.allCases {
                if let w = format(transition(from: previous, to: role)) {
                    rowsOut.append(("prev=" + (previous?.name ?? "start"), role.name, w))
                }
            }
        }
        for (lastClass, name) in HeadingLink.classNames.enumerated() {
            for role in BlockRole.allCases {
                if let w = format(agreement(lastClass: lastClass, role: role)) { rowsOut.append((name, role.name, w)) }
            }
        }
        var features: [(String, String, String)] = []
        for (row, name) in names.enumerated() {
            for role in BlockRole.allCases {
                if let w = format(weights[row * LayoutModel.roleCount + role.rawValue]) {
                    features.append((name, role.name, w))
                }
            }
        }
        features.sort { $0.0 != $1.0 ? $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) : BlockRole(name: $0.1)!.rawValue < BlockRole(name: $1.1)!.rawValue }
        for (f, r, w) in rowsOut + features { lines.append("\(f)\t\(r)\t\(w)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
