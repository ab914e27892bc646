/// One article as attribution reads it: where its lines, sentences and clauses start, and where
/// the cue words of `attribution-cues.tsv` stand. Offsets are scalar offsets into the article's
/// `text`, as mentions give them.
///
/// ```
/// 长征镇赴真如镇学习“三所联动”经验。
/// ^ clause start          ^ learn cue (学习) in the sentence; 赴 a visit cue before 真如镇
/// ```
struct AttributionContext {
    let scalars: [Unicode.Scalar]
    /// Offsets where each line (paragraph) starts; line 0 is the title line when there is one.
    let lineStarts: [Int]
    /// Lines at the top that are the title and subtitle (0, 1 or 2).
    let headLines: Int
    let sentenceStarts: [Int]
    let clauseStarts: [Int]
    /// Cue words found, in text order.
    let cues: [(start: Int, end: Int, role: AttributionCues.Role)]
    /// The roles of each sentence's cues, and for each clause and role where its cues of that role
    /// start and end at the extremes (the earliest end, the latest start), both by index: each
    /// question about a mention is one look-up, however many cues its clause holds (a clause of
    /// endless `长征镇一行…` asked per mention was quadratic).
    private let rolesBySentence: [Int: Set<AttributionCues.Role>]
    private let cueExtremesByClause: [Int: [AttributionCues.Role: (earliestEnd: Int, latestStart: Int)]]
    /// The cues of each clause in text order, for the questions about a cue right beside a span.
    private let cuesByClause: [Int: [(start: Int, end: Int, role: AttributionCues.Role)]]
    /// The length of the longest cue found.
    private let longestCue: Int
    private let rolesFound: Set<AttributionCues.Role>
    /// How often the paper's own town acts without its name (`我镇`, `镇里`, `本街道`).
    let selfReferences: Int
    /// Sentences with a clause whose actor is a body above the town (`区司法局召开…`, `区委…`).
    private let higherActorSentences: Set<Int>

    init(text: ScalarText, headLines: Int, matcher: PhraseMatcher, roles: [AttributionCues.Role]) {
        let s = text.folded
        scalars = s
        self.headLines = headLines
        var lines = [0]
        var sentences = [0]
        var clauses = [0]
        for (index, scalar) in s.enumerated() {
            if scalar == "\n" {
                lines.append(index + 1)
                sentences.append(index + 1)
                clauses.append(index + 1)
            } else if ScalarClass.isSentenceBoundary(scalar) {
                sentences.append(index + 1)
                clauses.append(index + 1)
            } else if ScalarClass.isClauseBoundary(scalar) {
                clauses.append(index + 1)
            }
        }
        lineStarts = lines
        sentenceStarts = sentences
        clauseStarts = clauses
        let found = matcher.allMatches(in: s).map { (start: $0.start, end: $0.end, role: roles[$0.pattern]) }
        cues = found
        var bySentence: [Int: Set<AttributionCues.Role>] = [:]
        var byClause: [Int: [(start: Int, end: Int, role: AttributionCues.Role)]] = [:]
        var extremes: [Int: [AttributionCues.Role: (earliestEnd: Int, latestStart: Int)]] = [:]
        for cue in found.sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }) {
            bySentence[AttributionContext.span(cue.start, sentences), default: []].insert(cue.role)
            let clause = AttributionContext.span(cue.start, clauses)
            byClause[clause, default: []].append(cue)
            let known = extremes[clause]?[cue.role]
            extremes[clause, default: [:]][cue.role] = (
                min(known?.earliestEnd ?? cue.end, cue.end), max(known?.latestStart ?? cue.start, cue.start)
            )
        }
        rolesBySentence = bySentence
        cuesByClause = byClause
        cueExtremesByClause = extremes
        longestCue = found.map { $0.end - $0.start }.max() ?? 0
        rolesFound = Set(found.map(\.role))
        selfReferences = found.filter { $0.role == .selfReference }.count
        var higher = Set<Int>()
        for (clause, clauseCues) in byClause {
            if clauseCues.contains(where: { AttributionContext.isHigherActor($0, clauseStart: clauses[clause], scalars: s) }) {
                higher.insert(AttributionContext.span(clauses[clause], sentences))
            }
        }
        higherActorSentences = higher
    }

    /// How far into its clause a body's name may end and still be the clause's actor
    /// (`张家港市司法局` after `9月以来，`).
    static let actorReach = 10

    /// Whether `cue` makes a district or city body the actor of the clause starting at
    /// `clauseStart`: a higher-body word opening it (`区委`, `全区`), or an office's name ending
    /// near its opening after `区` or `市` with no town word between (`区司法局`, `普陀区信访办`;
    /// not `社区党委`, `小区业委会`, `长征镇综治办`).
    static func isHigherActor(_ cue: (start: Int, end: Int, role: AttributionCues.Role), clauseStart: Int, scalars s: [Unicode.Scalar]) -> Bool {
        var start = clauseStart
        while start < s.count, ScalarClass.isSpace(s[start]) { start += 1 }
        switch cue.role {
        case .higherBody:
            return cue.start == start
        case .office:
            guard cue.end - start <= actorReach, cue.start > start else { return false }
            var at = cue.start - 1
            while at >= start {
                let scalar = s[at]
                if scalar == "镇" || scalar == "乡" || scalar == "村" || scalar == "居" || scalar == "街" { return false }
                if scalar == "区" || scalar == "市" {
                    let before: Unicode.Scalar? = at > start ? s[at - 1] : nil
                    return !(before.map { "社小园景校片辖城".unicodeScalars.contains($0) } ?? false)
                }
                at -= 1
            }
            return false
        default:
            return false
        }
    }

    /// Whether a clause of the sentence holding `offset` has a district or city body as its actor.
    func higherActor(inSentenceOf offset: Int) -> Bool { higherActorSentences.contains(sentence(offset)) }

    /// The index of the span (of `starts`) holding `offset`.
    private static func span(_ offset: Int, _ starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func line(_ offset: Int) -> Int { AttributionContext.span(offset, lineStarts) }
    func sentence(_ offset: Int) -> Int { AttributionContext.span(offset, sentenceStarts) }
    func clause(_ offset: Int) -> Int { AttributionContext.span(offset, clauseStarts) }

    /// Whether the offset is in the title or subtitle line.
    func isHead(_ offset: Int) -> Bool { line(offset) < headLines }

    /// The first line after the title lines that holds text: the lead.
    func isLead(_ offset: Int) -> Bool { line(offset) == headLines }

    /// Whether the offset is in the first sentence after the title lines.
    func isLeadSentence(_ offset: Int) -> Bool {
        guard headLines < lineStarts.count else { return false }
        return sentence(offset) == sentence(lineStarts[headLines])
    }

    /// Whether a cue of `role` stands in the sentence of `offset`.
    func sentenceHas(_ role: AttributionCues.Role, at offset: Int) -> Bool {
        rolesBySentence[sentence(offset)]?.contains(role) ?? false
    }

    /// Whether a cue of `role` stands before `start` in its clause (`赴|长征镇`).
    func cueBefore(_ role: AttributionCues.Role, _ start: Int) -> Bool {
        guard let earliestEnd = cueExtremesByClause[clause(start)]?[role]?.earliestEnd else { return false }
        return earliestEnd <= start
    }

    /// Whether a cue of `role` stands after `end` in its clause (`马陆镇|一行`).
    func cueAfter(_ role: AttributionCues.Role, _ end: Int) -> Bool {
        guard let latestStart = cueExtremesByClause[clause(max(end - 1, 0))]?[role]?.latestStart else { return false }
        return latestStart >= end
    }

    /// Whether a cue of `role` stands right beside the span `start..<end` in its clause, at most
    /// `within` characters away (`与|迈皋桥街道|交界`, `毗邻|外冈镇`).
    func cueBeside(_ role: AttributionCues.Role, _ start: Int, _ end: Int, within: Int = 4) -> Bool {
        guard let clauseCues = cuesByClause[clause(start)] else { return false }
        // Only cues starting from `start - within - longestCue` on can end within reach before the
        // span: found by halving, then read until past the reach after it.
        let from = start - within - longestCue
        var low = 0
        var high = clauseCues.count
        while low < high {
            let middle = (low + high) / 2
            if clauseCues[middle].start < from { low = middle + 1 } else { high = middle }
        }
        for cue in clauseCues[low...] {
            if cue.start > end + within { break }
            if cue.role == role, cue.end <= start && start - cue.end <= within || cue.start >= end && cue.start - end <= within {
                return true
            }
        }
        return false
    }

    func has(_ role: AttributionCues.Role) -> Bool { rolesFound.contains(role) }

    /// Whether the span opens its clause, allowing only places and spaces before it
    /// (`徐汇区枫林路街道以…`: 枫林路街道 opens its clause).
    /// - Parameter placeStarts: where the place mention ending at an offset starts.
    func opensClause(_ start: Int, placeStarts: [Int: Int]) -> Bool {
        let clauseStart = clauseStarts[clause(start)]
        var at = start
        while at > clauseStart {
            if let placeStart = placeStarts[at] {
                at = placeStart
            } else if ScalarClass.isSpace(scalars[at - 1]) {
                at -= 1
            } else {
                return false
            }
        }
        return true
    }
}
