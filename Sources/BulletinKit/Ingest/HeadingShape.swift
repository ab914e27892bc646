/// The visual shape of a heading — runs of text between separators, quotes and spaces — used to
/// find parallel subheadings, which newsletters set in matching form:
///
/// ```
/// 起势要“早发现”,服务群众零距离      HHH“HHH”,HHHHHHH
/// 承接要“稳把控”,暖心纾困零缝隙      HHH“HHH”,HHHHHHH   parallel
/// 聚焦多方力量 搭建多元化解“同心桥”  HHHHHH HHHHHH“HHH”
/// 织密一张网络 / 建强一支队伍         HHHHHH, sharing 一 at the same place: parallel
/// ```
///
/// Article titles are rarely parallel to their neighbours, so a heading with a parallel sibling
/// nearby is taken as a subheading.
struct HeadingShape: Sendable, Equatable {
    /// Separator scalars between runs (`,` `，` and `,` count as one kind, so do the quote styles).
    let separators: [Unicode.Scalar]
    /// Lengths of the text runs between separators.
    let runs: [Int]
    let scalars: [Unicode.Scalar]

    init(_ text: String) { self.init(scalars: text.scalarArray) }

    /// The shape of a heading whose scalars the caller has already derived.
    init(scalars: [Unicode.Scalar]) {
        var separators: [Unicode.Scalar] = []
        var runs: [Int] = []
        var current = 0
        for scalar in scalars {
            if let kind = HeadingShape.separatorKind(scalar) {
                runs.append(current)
                separators.append(kind)
                current = 0
            } else {
                current += 1
            }
        }
        runs.append(current)
        self.separators = separators
        self.runs = runs
        self.scalars = scalars
    }

    /// Whether two headings look set in parallel.
    func isParallel(to other: HeadingShape) -> Bool {
        guard separators == other.separators, runs.count == other.runs.count else { return false }
        let total = runs.reduce(0, +)
        let otherTotal = other.runs.reduce(0, +)
        guard total >= 3, otherTotal >= 3 else { return false }
        if separators.isEmpty {
            // Plain headings: same length and a shared character at the same place, or the same
            // first or last character (`数据赋能机制` / `前沿感知机制`).
            guard total == otherTotal else { return false }
            if scalars.first == other.scalars.first || scalars.last == other.scalars.last {
                return true
            }
            return zip(scalars, other.scalars).contains { $0 == $1 }
        }
        // With separators: each run within one of its counterpart.
        guard zip(runs, other.runs).allSatisfy({ abs($0 - $1) <= 1 }), abs(total - otherTotal) <= 2
        else { return false }
        // Long headings of the same shape are common among titles too (`X“Y” Z…`); subheadings
        // set in parallel also repeat a word at the same place (`聚焦…`, `…要“…”`, `…力量`).
        return total < HeadingShape.longHeading || sharesAlignedIdeograph(with: other)
    }

    /// Headings this long (in text scalars) need a repeated word to count as parallel.
    static let longHeading = 13

    /// Whether the two share an ideograph at the same place, counted from the start or the end.
    private func sharesAlignedIdeograph(with other: HeadingShape) -> Bool {
        let fromStart = zip(scalars, other.scalars)
        let fromEnd = zip(scalars.reversed(), other.scalars.reversed())
        return fromStart.contains { $0 == $1 && ScalarClass.isIdeograph($0) }
            || fromEnd.contains { $0 == $1 && ScalarClass.isIdeograph($0) }
    }

    private static func separatorKind(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case ",", "，", "、": return ","
        case " ", "\u{3000}": return " "
        case ":", "：": return ":"
        case "“", "「", "『", "\"": return "“"
        case "”", "」", "』": return "”"
        case "《": return "《"
        case "》": return "》"
        case "—": return "—"
        case "·", "•": return "·"
        case "！", "!", "？", "?": return "!"
        default: return nil
        }
    }
}
