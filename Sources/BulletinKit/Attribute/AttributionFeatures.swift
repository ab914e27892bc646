/// The features attribution decides on, as names the weights file lists (`attribution-weights.tsv`).
///
/// For a town and an article (`subject`): where the town is named (title, lead, first, byline),
/// how much (its share of the article's town mentions), how (opening a clause as the actor, after
/// a visit cue, in an honour list, beside a learning cue), and whether it is the bulletin's own.
/// For a town and a mechanism (`practice`): how close the town is named to the mechanism
/// (sentence, clause, paragraph), whether the mechanism's sentences present it as someone else's
/// practice, and whether the town is a subject. Each feature is also given crossed with the
/// town's standing (`S|` subject, `M|` mentioned only), so the weights can differ between them.
struct AttributionFeatures {
    let context: AttributionContext
    let candidates: [TownCandidate]
    let home: TownRef?
    let byline: String
    /// Where the place mention ending at an offset starts (the first such mention), for the
    /// clause-opening test.
    let placeStarts: [Int: Int]
    /// Town mentions of all candidates in text order, with their candidate.
    let townMentions: [(mention: Mention, candidate: Int)]
    /// A town mention's position in `townMentions`, by its span.
    let townMentionIndex: [Range<Int>: Int]
    /// The candidates named in each sentence (by index).
    let townsBySentence: [Int: Set<Int>]
    /// Whether each town mention opens its clause (`AttributionContext.opensClause`), by start.
    let opensClause: [Int: Bool]
    /// The length of the list of joined town mentions (`罗店镇、顾村镇、月浦镇`: 3) each town
    /// mention stands in, by its position in `townMentions`.
    let listLength: [Int]
    /// Candidates that open a clause somewhere (`马陆镇推出…`): a roundup gives each town its own.
    let actingTownCount: Int
    /// Whether the article names the bulletin's own town.
    let homeIsNamed: Bool
    /// Whether a named town opens the title or the lead (`townOpensTop`).
    let otherTownOpensTop: Bool
    /// For each line, the subheading line its section opens with (the nearest one at or above it,
    /// below the title lines), if any: `阳江镇：圩区网格连上“一张图”` heads the paragraphs under it.
    let sectionHead: [Int?]
    /// The canonical names of the mechanisms the article names (`枫桥经验`).
    let mechanismNames: [String]

    init(context: AttributionContext, candidates: [TownCandidate], home: TownRef?, article: Article) {
        self.context = context
        self.candidates = candidates
        self.home = home
        self.byline = article.byline.joined(separator: " ")
        mechanismNames = article.mechanisms.map(\.name)
        var starts: [Int: Int] = [:]
        for mention in article.locations.flatMap(\.mentions) where mention.start < mention.end && starts[mention.end] == nil {
            starts[mention.end] = mention.start
        }
        placeStarts = starts
        let mentions = candidates.enumerated()
            .flatMap { index, candidate in candidate.mentions.map { ($0, index) } }
            .sorted { $0.0.start < $1.0.start }
        townMentions = mentions
        var index: [Range<Int>: Int] = [:]
        var bySentence: [Int: Set<Int>] = [:]
        for (position, entry) in mentions.enumerated() {
            if index[entry.0.start..<entry.0.end] == nil { index[entry.0.start..<entry.0.end] = position }
            bySentence[context.sentence(entry.0.start), default: []].insert(entry.1)
        }
        townMentionIndex = index
        townsBySentence = bySentence
        // Both asked once per mention and feature: made once here, each in one pass over the
        // mentions in text order (a walk per mention was quadratic on a run of places,
        // `长征镇长征镇…`, which is one clause and one list).
        let opens = AttributionFeatures.clauseOpeners(mentions.map(\.0.start), context: context, placeStarts: starts)
        opensClause = opens
        listLength = AttributionFeatures.listLengths(mentions.map(\.0), scalars: context.scalars)
        actingTownCount = candidates.filter { candidate in candidate.mentions.contains { opens[$0.start]! } }.count
        namedTownCount = candidates.reduce(0) { $0 + ($1.isNamed ? 1 : 0) }
        homeIsNamed = home.map { home in candidates.contains { $0.isNamed && $0.town.name == home.name } } ?? false
        otherTownOpensTop = AttributionFeatures.townOpensTop(mentions, candidates: candidates, context: context)
        sectionHead = AttributionFeatures.sectionHeads(article, lineCount: context.lineStarts.count, headLines: context.headLines)
    }

    /// The subheading line heading each line's section (`sectionHead`): lines of the text that
    /// are, whole, one of the article's subheadings.
    static func sectionHeads(_ article: Article, lineCount: Int, headLines: Int) -> [Int?] {
        var heads = [Int?](repeating: nil, count: lineCount)
        guard !article.subheadings.isEmpty else { return heads }
        let subheadings = Set(article.subheadings.map(\.trimmingSpaces))
        let longest = subheadings.map(\.utf8.count).max() ?? 0
        let text = article.text
        var current: Int? = nil
        var start = text.utf8.startIndex
        for line in 0..<lineCount {
            let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.utf8.endIndex
            if line >= headLines {
                // Only a line no longer than the longest subheading is looked up.
                let trimmed = Substring(text[start..<end].unicodeScalars.trimmingSpaces())
                if trimmed.utf8.count <= longest, subheadings.contains(String(trimmed)) { current = line }
            }
            heads[line] = current
            guard end < text.utf8.endIndex else { break }
            start = text.utf8.index(after: end)
        }
        return heads
    }

    /// Whether each start opens its clause, walking back as `AttributionContext.opensClause`
    /// does but stopping at a start already settled: the walk from there goes the same way.
    static func clauseOpeners(_ starts: [Int], context: AttributionContext, placeStarts: [Int: Int]) -> [Int: Bool] {
        var opens: [Int: Bool] = [:]
        for start in starts where opens[start] == nil {
            let clauseStart = context.clauseStarts[context.clause(start)]
            var at = start
            var result = true
            while at > clauseStart {
                if at < start, let known = opens[at] {
                    result = known
                    break
                }
                if let placeStart = placeStarts[at] {
                    at = placeStart
                } else if ScalarClass.isSpace(context.scalars[at - 1]) {
                    at -= 1
                } else {
                    result = false
                    break
                }
            }
            opens[start] = result
        }
        return opens
    }

    /// For each mention (in text order), the number of mentions in the run of joined ones it
    /// belongs to: next to each other, or one `、`, `和`, `及`, `与` or comma apart.
    static func listLengths(_ mentions: [Mention], scalars: [Unicode.Scalar]) -> [Int] {
        func joined(_ a: Mention, _ b: Mention) -> Bool {
            guard b.start >= a.end, b.start - a.end <= 1 else { return false }
            if b.start == a.end { return true }
            let between = scalars[a.end]
            return between == "、" || between == "和" || between == "及" || between == "与" || between == "," || between == "，"
        }
        var lengths = [Int](repeating: 1, count: mentions.count)
        var first = 0
        while first < mentions.count {
            var last = first
            while last + 1 < mentions.count, joined(mentions[last], mentions[last + 1]) { last += 1 }
            for i in first...last { lengths[i] = last - first + 1 }
            first = last + 1
        }
        return lengths
    }

    /// Whether the lead sentence, or the title, has a district or city body as an actor.
    var leadHigherActor: Bool {
        context.headLines < context.lineStarts.count && context.higherActor(inSentenceOf: context.lineStarts[context.headLines])
    }
    var titleHigherActor: Bool { context.headLines > 0 && context.higherActor(inSentenceOf: 0) }

    /// The last town mention starting before `offset`, by binary search.
    func townMention(before offset: Int) -> (mention: Mention, candidate: Int)? {
        var low = 0
        var high = townMentions.count
        while low < high {
            let mid = (low + high) / 2
            if townMentions[mid].mention.start < offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? townMentions[low - 1] : nil
    }

    /// The candidates the article names (not only the bulletin's town from its masthead):
    /// counted once, for it is asked for each candidate.
    let namedTownCount: Int

    /// Whether a named town's mention opens the title line or the lead line: nothing but
    /// bullets, brackets and spaces before it on its line. Mentions are in text order, so only
    /// those on the top lines are read.
    static func townOpensTop(_ mentions: [(mention: Mention, candidate: Int)], candidates: [TownCandidate], context: AttributionContext) -> Bool {
        for entry in mentions {
            let start = entry.mention.start
            let line = context.line(start)
            guard line <= context.headLines else { return false }
            if candidates[entry.candidate].isNamed,
                context.scalars[context.lineStarts[line]..<start].allSatisfy({ !ScalarClass.isWordScalar($0) })
            {
                return true
            }
        }
        return false
    }

    /// How many towns the article has: `1`, `2` or `3+` (a roundup, a list, a comparison).
    var townCountBucket: String { namedTownCount >= 3 ? "3+" : "\(namedTownCount)" }

    // MARK: - Subject

    func subject(_ index: Int) -> [String] {
        let candidate = candidates[index]
        var f = ["bias"]
        let isHome = home.map { $0.name == candidate.town.name } ?? false
        // Only an unnamed home town is told apart: a named one is read like any other town, so
        // that papers without a town of their own are read as well as town papers.
        if isHome && !candidate.isNamed {
            f += ["home", namedTownCount == 0 ? "home:no-town" : "home:unnamed"]
            if context.has(.selfReference) { f.append("home:self-reference") }
            // An article that says `我镇` or `镇里` again and again is about the paper's own
            // town, however many other towns it names (visitors, partners, neighbours).
            if context.selfReferences >= 3 { f.append("home:self-reference:3+") }
            if context.has(.higherBody) { f.append("home:higher-body") }
            // Another town's name opening the title or the lead (`【东港镇】东港镇在全镇…`,
            // `◆ 罗泾镇：…`, `斜土路街道完善…`): the item reports on that town.
            if otherTownOpensTop { f.append("home:other-town-opens") }
        }
        // A district or city body acting at the top (`区司法局召开全区人民调解工作推进会`): the
        // towns below are its venues, its honour list, its route.
        if leadHigherActor { f.append("lead:higher-actor") }
        if titleHigherActor { f.append("title:higher-actor") }
        guard candidate.isNamed else { return f }
        let mentions = candidate.mentions
        let inHead = mentions.contains(where: { context.isHead($0.start) })
        let inLead = mentions.contains(where: { context.isLead($0.start) })
        if inHead { f += ["title", "title|towns:" + townCountBucket] }
        if inLead { f += ["lead", "lead|towns:" + townCountBucket] }
        if mentions.contains(where: { context.isLeadSentence($0.start) }) { f.append("lead-sentence") }
        f.append("towns:" + townCountBucket)
        if townMentions.first?.candidate == index { f.append("first") }
        if namedTownCount == 1 { f.append("only") }
        if candidate.ownMentions == 0 { f.append("community-only") }
        if !byline.isEmpty, candidate.forms.contains(where: { !$0.isEmpty && byline.containsBytes($0) }) { f.append("byline") }
        // A town whose name a mechanism the article names carries (枫桥镇 beside 枫桥经验): named,
        // most of the time, as where the practice comes from.
        if candidate.forms.contains(where: { form in
            form.unicodeScalars.count >= 2 && mechanismNames.contains { $0.containsBytes(form) }
        }) {
            f.append("eponym")
        }
        let share = Double(mentions.count) / Double(max(townMentions.count, 1))
        f.append(share >= 0.5 ? "share:high" : share >= 0.25 ? "share:mid" : "share:low")
        f.append(mentions.count >= 3 ? "count:3+" : "count:\(mentions.count)")
        let opens = mentions.filter { opensClause[$0.start]! }.count
        if opens > 0 {
            f.append(opens == mentions.count ? "actor:all" : "actor:some")
            if actingTownCount >= 3 { f.append("actor|acting-towns:3+") }
        }
        // Named once, below the lead, never acting: a town in passing — the more so in a town's
        // own paper that does not name its own town here (`…与相邻的北外滩街道…`).
        if mentions.count == 1, opens == 0, !inHead, !inLead {
            f.append("passing")
            if home != nil, !homeIsNamed {
                f.append("passing|home-unnamed")
            }
        }
        // A cue in the sentence reads differently for the town acting in it (the visitors) and
        // for the others (the host, the honoured).
        for (role, name) in [(AttributionCues.Role.learn, "learn"), (.award, "award"), (.compare, "compare")] {
            let inCue = mentions.filter { context.sentenceHas(role, at: $0.start) }
            if inCue.contains(where: { opensClause[$0.start]! }) { f.append(name + "|actor") }
        }
        func all(_ test: (Mention) -> Bool, _ name: String) {
            let count = mentions.filter(test).count
            if count == mentions.count { f.append(name + ":all") } else if count > 0 { f.append(name + ":some") }
        }
        all({ context.cueBefore(.visit, $0.start) }, "visit")
        all({ context.cueAfter(.delegation, $0.end) }, "delegation")
        all({ $0.start > 0 && context.scalars[$0.start - 1] == "在" && context.cueAfter(.venue, $0.end) }, "venue")
        all({ context.sentenceHas(.learn, at: $0.start) }, "learn")
        all({ context.sentenceHas(.award, at: $0.start) }, "award")
        all({ context.sentenceHas(.compare, at: $0.start) }, "compare")
        all({ context.sentenceHas(.origin, at: $0.start) }, "origin")
        all({ context.cueBeside(.neighbour, $0.start, $0.end) }, "neighbour")
        all({ inList($0) }, "list")
        return f
    }

    /// Whether a town mention stands in a list of three or more towns (`罗店镇、顾村镇、月浦镇`).
    func inList(_ mention: Mention) -> Bool {
        guard let at = townMentionIndex[mention.start..<mention.end] else { return false }
        return listLength[at] >= 3
    }

    // MARK: - Practice

    /// What the practice features ask of a mechanism's mentions alone — the same for every
    /// candidate town — worked out once per mechanism (it was asked again for each candidate).
    struct MechanismFacts {
        let mentions: [Mention]
        let inTitle: Bool
        /// Named in the title or the lead.
        let atTop: Bool
        /// The sentences, clauses and lines it is named in.
        let sentences: Set<Int>
        let clauses: Set<Int>
        let lines: Set<Int>
        /// Sentence → the start of its last mention there.
        let lastInSentence: [Int: Int]
        /// The candidates named nearest before one of its mentions, in the mention's sentence,
        /// and in its line. Sets, asked once per candidate: a walk over the mentions per
        /// candidate was quadratic in a roundup of thousands of towns.
        let nearestInSentence: Set<Int>
        let nearestInLine: Set<Int>
        /// The candidates named right before one of its mentions (`黄埭镇“大数据+网格化+铁脚板”`:
        /// nothing but quotes or spaces between), and whether every mention has one.
        let namedRightBefore: Set<Int>
        let everyMentionNamedRightBefore: Bool
        /// The candidates named in the sentences it is named in.
        let townsInItsSentences: Set<Int>
        /// How many mentions stand in a sentence with a learning or visit cue, a topic cue, a
        /// higher actor, a higher body and no town; whether every mention is in a list.
        let learning: Int
        let raised: Int
        let higherActing: Int
        let higherBody: Int
        let listedAll: Bool
        /// Named in a sentence where the paper's own town acts without its name (`我镇借鉴…`).
        let selfReferenceInSentence: Bool
        /// The subheading lines heading the sections it is named in.
        let sectionHeads: Set<Int>
        /// The candidates acting on it in its clause — the last town named before a mention
        /// there, when it opens the clause or is named right before the mention
        /// (`长征镇推行“三所联动”，桃浦镇推行“枫桥经验”`; in a list, `陆家镇“网格+警格”…、千灯镇“有事好商量”…`:
        /// each town its own) — and whether every mention has one.
        let clauseActors: Set<Int>
        let everyClauseActed: Bool
    }

    func mechanismFacts(_ mechanism: [Mention], inTitle: Bool) -> MechanismFacts {
        var lastInSentence: [Int: Int] = [:]
        for m in mechanism {
            let sentence = context.sentence(m.start)
            lastInSentence[sentence] = max(lastInSentence[sentence] ?? m.start, m.start)
        }
        var nearestInSentence = Set<Int>()
        var nearestInLine = Set<Int>()
        for m in mechanism {
            guard let before = townMention(before: m.start) else { continue }
            if context.sentence(before.mention.start) == context.sentence(m.start) { nearestInSentence.insert(before.candidate) }
            if context.line(before.mention.start) == context.line(m.start) { nearestInLine.insert(before.candidate) }
        }
        let namedRightBefore = mechanism.map { m -> Int? in
            guard let before = townMention(before: m.start), before.mention.end <= m.start,
                m.start - before.mention.end <= 2,
                context.scalars[before.mention.end..<m.start].allSatisfy({ $0 == "“" || $0 == "\"" || $0 == "「" || ScalarClass.isSpace($0) })
            else { return nil }
            return before.candidate
        }
        let sentences = Set(mechanism.map { context.sentence($0.start) })
        let clauses = Set(mechanism.map { context.clause($0.start) })
        // Each mention's actor: the last town named before it in its clause, opening the clause
        // or named right before it.
        let actors = mechanism.indices.map { i -> Int? in
            let m = mechanism[i]
            guard let before = townMention(before: m.start), context.clause(before.mention.start) == context.clause(m.start),
                opensClause[before.mention.start] == true || namedRightBefore[i] == before.candidate
            else { return nil }
            return before.candidate
        }
        var townsInItsSentences = Set<Int>()
        for sentence in sentences { townsInItsSentences.formUnion(townsBySentence[sentence] ?? []) }
        return MechanismFacts(
            mentions: mechanism, inTitle: inTitle, atTop: inTitle || mechanism.contains { context.isLead($0.start) },
            sentences: sentences,
            clauses: clauses,
            lines: Set(mechanism.map { context.line($0.start) }),
            lastInSentence: lastInSentence, nearestInSentence: nearestInSentence, nearestInLine: nearestInLine,
            namedRightBefore: Set(namedRightBefore.compactMap { $0 }),
            everyMentionNamedRightBefore: namedRightBefore.allSatisfy { $0 != nil },
            townsInItsSentences: townsInItsSentences,
            learning: mechanism.filter { context.sentenceHas(.learn, at: $0.start) || context.sentenceHas(.visit, at: $0.start) }.count,
            raised: mechanism.filter { context.sentenceHas(.topic, at: $0.start) }.count,
            higherActing: mechanism.filter { context.higherActor(inSentenceOf: $0.start) }.count,
            higherBody: mechanism.filter { m in
                context.sentenceHas(.higherBody, at: m.start) && townsBySentence[context.sentence(m.start)] == nil
            }.count,
            listedAll: mechanism.allSatisfy { m in
                (m.start > 0 && context.scalars[m.start - 1] == "、")
                    || (m.end < context.scalars.count && (context.scalars[m.end] == "、" || context.scalars[m.end] == "等"))
            },
            selfReferenceInSentence: mechanism.contains { context.sentenceHas(.selfReference, at: $0.start) },
            sectionHeads: Set(mechanism.compactMap { sectionHead[context.line($0.start)] }),
            clauseActors: Set(actors.compactMap { $0 }),
            everyClauseActed: actors.allSatisfy { $0 != nil })
    }

    /// Features of `candidate` practising the mechanism `facts` describes; `subjects` are the
    /// article's subject candidates, strongest first.
    func practice(_ index: Int, mechanism facts: MechanismFacts, subjects: [Int]) -> Practice {
        let candidate = candidates[index]
        let mechanism = facts.mentions
        var base: [PracticeFeature] = [.bias]
        let isSubject = subjects.contains(index)
        if subjects.first == index { base.append(.topSubject) }
        if !candidate.isNamed { base.append(.unnamed) }
        if facts.inTitle { base.append(.mechanismInTitle) }
        // A roundup: the campaign named at the top, each town acting in its own clause below.
        let acts = candidate.mentions.contains { opensClause[$0.start]! }
        if facts.atTop && acts && actingTownCount >= 3 { base.append(.roundup) }
        if facts.atTop { base.append(.mechanismAtTop) }
        let mine = candidate.mentions
        let inSentence = mine.filter { facts.sentences.contains(context.sentence($0.start)) }
        if !inSentence.isEmpty {
            base.append(.sentence)
            // Named before the mechanism in a sentence: before the last mention of it there.
            if inSentence.contains(where: { m in (facts.lastInSentence[context.sentence(m.start)] ?? Int.min) > m.start }) {
                base.append(.sentenceBefore)
            }
            if inSentence.contains(where: { opensClause[$0.start]! }) { base.append(.sentenceActor) }
            if inSentence.contains(where: { context.cueBefore(.visit, $0.start) }) { base.append(.sentenceVisit) }
            if inSentence.contains(where: { context.cueAfter(.delegation, $0.end) }) { base.append(.sentenceDelegation) }
            if inSentence.contains(where: { context.sentenceHas(.award, at: $0.start) }) { base.append(.sentenceAward) }
            if inSentence.contains(where: { context.sentenceHas(.origin, at: $0.start) }) { base.append(.sentenceOrigin) }
            if inSentence.contains(where: { inList($0) }) { base.append(.sentenceList) }
        }
        if mine.contains(where: { facts.clauses.contains(context.clause($0.start)) }) { base.append(.clause) }
        // The actor of the mechanism's own clause: this town, or every time another one.
        if facts.clauseActors.contains(index) {
            base.append(.clauseActor)
        } else if facts.everyClauseActed {
            base.append(.clauseOtherActor)
        }
        // The nearest town named before a mention, in its sentence: this one, or another.
        let nearestInSentence = facts.nearestInSentence.contains(index)
        let otherNearest = facts.nearestInSentence.contains { $0 != index }
        if nearestInSentence { base.append(.sentenceNearest) }
        if otherNearest && !nearestInSentence { base.append(.sentenceOtherNearest) }
        if mine.contains(where: { facts.lines.contains(context.line($0.start)) }) { base.append(.paragraph) }
        // The nearest town named before a mention, in its paragraph.
        let nearest = facts.nearestInLine.contains(index)
        if nearest { base.append(.paragraphNearest) }
        // Named in the subheading over the mechanism's section (`砖墙镇：…` over `镇里…推行“诉调对接”`).
        if mine.contains(where: { facts.sectionHeads.contains(context.line($0.start)) }) { base.append(.sectionHeading) }
        // A list pairing towns with their own (`元和街道“…”机制、黄埭镇“…”实战应用`): named
        // right before the mechanism, or every mention has another town right before it.
        if facts.namedRightBefore.contains(index) {
            base.append(.namedRightBefore)
        } else if facts.everyMentionNamedRightBefore {
            base.append(.otherNamedRightBefore)
        }
        let othersInSentence = facts.townsInItsSentences.contains { $0 != index }
        if othersInSentence && inSentence.isEmpty { base.append(.otherTownInSentence) }
        if facts.learning == mechanism.count { base.append(.learnAll) } else if facts.learning > 0 { base.append(.learnSome) }
        if facts.raised == mechanism.count { base.append(.topicAll) } else if facts.raised > 0 { base.append(.topicSome) }
        // Named in a list of things (`加装电梯、社区食堂等`), every time.
        if facts.listedAll { base.append(.listedAll) }
        if facts.higherActing == mechanism.count {
            base.append(.higherActorAll)
        } else if facts.higherActing > 0 {
            base.append(.higherActorSome)
        }
        if facts.higherBody == mechanism.count { base.append(.higherBodyAll) }
        if let home, home.name == candidate.town.name, !candidate.isNamed {
            base.append(.home)
            if namedTownCount == 0 { base.append(.homeNoTown) }
            if facts.selfReferenceInSentence { base.append(.homeSelfReferenceInSentence) }
        }
        return Practice(base: base, isSubject: isSubject)
    }

    /// The practice features of a candidate: the base features, each also crossed with the
    /// town's standing (`S|` subject, `M|` mentioned only). Kept apart so that scoring reads
    /// both weights of a base feature with one look-up (`AttributionModel.PracticeWeights`)
    /// instead of building a second name for each.
    struct Practice: Sendable {
        let base: [PracticeFeature]
        let isSubject: Bool

        /// The standing prefix of the crossed features.
        var standing: String { isSubject ? "S|" : "M|" }

        /// Every feature by name, the base ones first: what the weights file and training use.
        var names: [String] {
            let plain = base.map(\.name)
            return plain + plain.map { standing + $0 }
        }
    }
}
