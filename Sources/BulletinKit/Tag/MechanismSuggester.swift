/// Mines candidate mechanisms the lexicon lacks, for `bulletin lexicon suggest`:
///
/// - quoted terms (`“清晨访问团”`, `“长安·零距离”`);
/// - names ending like a mechanism (`…机制`, `…工作法`, `…模式`, `…制度`, `…平台`, `…品牌`, `…行动`,
///   `…工程`, `…驿站`, `…工作室`), read back to punctuation or a quote;
/// - members of known pattern families: `N所联动`, `N格合一`, `X长制`, `X经验`, `一站式X`, and
///   `N+N+N` structures (`1+5+19+114+867`, `2+3+19+X`).
///
/// Candidates that contain a known form are dropped. Variants of one candidate are one suggestion
/// (`“365”工作机制`, `“365”机制`, `365工作法`: the most used is the name, the others aliases). Left
/// out, by the signals of `suggest-signals.tsv`: fragments read back past a function word, a verb
/// of setting up or a closing quote (`各街镇迅速行动`, `新建骑手驿站`); generic `X经验` (`街道经验`);
/// counts of points (`3个聚焦`); and quoted terms with no governance head that are two characters,
/// name a difficulty, stand in a figure-of-speech frame in half their uses (`跑出“加速度”`,
/// `从“旁观者”变为…`) or are always quoted in one frame. The rest are ranked by how many towns and
/// bulletins use them, each with the sentence of its first use.
public struct MechanismSuggester {
    public struct Suggestion: Sendable, Equatable {
        public var name: String
        /// The other forms of the same candidate (`“365”机制` beside `“365”工作机制`), most used first.
        public var aliases: [String] = []
        public var towns: Set<String> = []
        public var bulletins: Set<String> = []
        public var count = 0
        public var example = ""
        public var source = ""
        /// Only quoted, with no mechanism word, family or code shape: a slogan unless it recurs.
        public var quotedOnly = true
        /// Quoted uses in a figure-of-speech frame (`跑出“加速度”`, `“老大难”问题`).
        public var figurativeUses = 0
        /// The character before the opening quote, over the quoted uses (`开展“回头看”` → `展`).
        public var frames: Set<String> = []
    }

    /// One place a candidate was read: its scalar range and, when quoted, its quotes.
    struct Span {
        var start: Int
        var end: Int
        var quotedOnly: Bool
        /// The opening and closing quote around the term, when it was quoted.
        var quotes: (open: Int, close: Int)? = nil
    }

    /// A figure frame of `suggest-signals.tsv`, split: `是…的_` → left [是, 的], right [].
    struct Frame {
        var left: [[Unicode.Scalar]]
        var right: [Unicode.Scalar]
    }

    let known: [String]
    let suffixes: [String]
    private(set) var found: [String: Suggestion] = [:]
    /// The order candidates were first read in, so merging is deterministic.
    private var order: [String] = []

    let stopList: Set<String>
    let figureFrames: [Frame]
    let heads: [String]
    let problemTails: [String]
    let openingWords: [[Unicode.Scalar]]
    let clauseVerbs: [[Unicode.Scalar]]
    let clauseWords: [[Unicode.Scalar]]
    let countWords: Set<Unicode.Scalar>
    let mannerLinks: Set<Unicode.Scalar>
    let genericStems: Set<String>
    let variantSuffixes: [String]

    public init(
        lexicon: MechanismLexicon, suffixes: [String], notMechanisms: [String] = [],
        signals: SuggestionSignals = SuggestionSignals()
    ) {
        known = lexicon.entries.flatMap { $0.forms.map { MechanismLexicon.matchKey($0) } }.filter { !$0.isEmpty }
        self.suffixes = suffixes
        stopList = Set(notMechanisms.map { MechanismLexicon.matchKey($0) })
        figureFrames = signals.cues(for: .figureFrame).compactMap { cue in
            let parts = cue.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let left = parts[0].split(separator: "…").map { String($0).scalarArray }
            return Frame(left: left, right: String(parts[1]).scalarArray)
        }
        heads = signals.cues(for: .governanceHead)
        problemTails = signals.cues(for: .problemTail)
        openingWords = signals.cues(for: .openingWord).map(\.scalarArray)
        clauseVerbs = signals.cues(for: .clauseVerb).map(\.scalarArray)
        clauseWords = signals.cues(for: .clauseWord).map(\.scalarArray)
        countWords = Set(signals.cues(for: .countWord).flatMap { $0.unicodeScalars })
        mannerLinks = Set(signals.cues(for: .mannerLink).flatMap { $0.unicodeScalars })
        genericStems = Set(signals.cues(for: .genericStem))
        variantSuffixes = signals.cues(for: .variantSuffix).sorted { $0.scalarCount > $1.scalarCount }
    }

    /// Reads one tagged article.
    public mutating func add(_ article: Article) {
        let towns = Set(article.locations.filter { $0.level == .town }.map(\.name))
        let s = article.text.scalarArray
        for span in candidateSpans(s) {
            let name = String(scalars: s[span.start..<span.end]).trimmingSpaces
            let key = MechanismLexicon.matchKey(name)
            let ideographs = key.unicodeScalars.filter(ScalarClass.isIdeograph).count
            guard key.scalarCount >= 3 || (ideographs >= 2 && key.scalarCount >= 2),
                key.scalarCount <= 16, !stopList.contains(key),
                // already known, or a piece of a known name (`四百`, `家门口`)
                !known.contains(where: { key.contains($0) || $0.contains(key) })
            else { continue }
            var suggestion = found[key] ?? Suggestion(name: name)
            if suggestion.count == 0 {
                suggestion.example = Sentence.around(offset: span.start, in: s)
                suggestion.source = article.id
                order.append(key)
            }
            suggestion.count += 1
            suggestion.quotedOnly = suggestion.quotedOnly && span.quotedOnly
            if let quotes = span.quotes {
                suggestion.frames.insert(quotes.open > 0 ? String(s[quotes.open - 1]) : "")
                if figureFrames.contains(where: { frame($0, around: quotes, in: s) }) { suggestion.figurativeUses += 1 }
            }
            suggestion.towns.formUnion(towns)
            suggestion.bulletins.insert(article.bulletin)
            found[key] = suggestion
        }
    }

    /// Best first: most towns, then most bulletins, then most uses, then name. Variants are merged
    /// first; rhetoric is left out (`isLeftOut`), and a bare quoted term must recur to be offered:
    /// quoted once, it is mostly a slogan.
    public var ranked: [Suggestion] {
        merged.filter { !isLeftOut($0) }.sorted { a, b in
            if a.towns.count != b.towns.count { return a.towns.count > b.towns.count }
            if a.bulletins.count != b.bulletins.count { return a.bulletins.count > b.bulletins.count }
            if a.count != b.count { return a.count > b.count }
            return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }

    /// One suggestion per candidate: forms that differ only by a variant suffix (`工作机制`, `机制`,
    /// `工作法`) are summed, towns and bulletins as sets; the most used form is the name.
    var merged: [Suggestion] {
        var groups: [String: [Suggestion]] = [:]
        var groupOrder: [String] = []
        for key in order {
            let stem = variantStem(key)
            if groups[stem] == nil { groupOrder.append(stem) }
            groups[stem, default: []].append(found[key]!)
        }
        return groupOrder.map { stem in
            let members = groups[stem]!.enumerated().sorted { a, b in
                if a.element.count != b.element.count { return a.element.count > b.element.count }
                if a.element.name.scalarCount != b.element.name.scalarCount { return a.element.name.scalarCount > b.element.name.scalarCount }
                return a.offset < b.offset
            }.map(\.element)
            var whole = members[0]
            for other in members.dropFirst() {
                whole.aliases.append(other.name)
                whole.count += other.count
                whole.figurativeUses += other.figurativeUses
                whole.quotedOnly = whole.quotedOnly && other.quotedOnly
                whole.frames.formUnion(other.frames)
                whole.towns.formUnion(other.towns)
                whole.bulletins.formUnion(other.bulletins)
            }
            return whole
        }
    }

    /// The key without a variant suffix (`365工作机制` → `365`), when a stem of two is left.
    func variantStem(_ key: String) -> String {
        for suffix in variantSuffixes where key.hasSuffix(suffix) && key.scalarCount - suffix.scalarCount >= 2 {
            return String(key.unicodeScalars.dropLast(suffix.scalarCount))
        }
        return key
    }

    /// Whether a suggestion is rhetoric rather than a name.
    func isLeftOut(_ suggestion: Suggestion) -> Bool {
        guard suggestion.quotedOnly else { return false }
        if suggestion.count < 2 { return true }
        let key = MechanismLexicon.matchKey(suggestion.name)
        let s = key.scalarArray
        // `3个聚焦`, `四个坚持`: a count of points, a slogan list.
        var digits = 0
        while digits < s.count, ScalarClass.isASCIIDigit(s[digits]) || "一二三四五六七八九十两百".unicodeScalars.contains(s[digits]) {
            digits += 1
        }
        if digits > 0, digits < s.count, countWords.contains(s[digits]) { return true }
        // `用起来`, `办不成事`: a verb phrase, whatever it holds.
        if clauseWords.contains(where: { word in (0..<s.count).contains { ScalarWord.matches(word, in: s, at: $0) } }) { return true }
        if heads.contains(where: { key.contains($0) }) { return false }
        // `一对一`, `面对面`: a manner, not a name.
        if s.count == 3, s[0] == s[2], mannerLinks.contains(s[1]) { return true }
        return s.count <= 2 || problemTails.contains(where: { key.hasSuffix($0) })
            || suggestion.figurativeUses * 2 >= suggestion.count || suggestion.frames.count <= 1
    }

    /// Whether a quoted term stands in `frame`: its right part right after the closing quote, the
    /// last of its left parts right before the opening one, earlier left parts earlier in the clause.
    func frame(_ frame: Frame, around quotes: (open: Int, close: Int), in s: [Unicode.Scalar]) -> Bool {
        if !frame.right.isEmpty, !ScalarWord.matches(frame.right, in: s, at: quotes.close + 1) { return false }
        var position = quotes.open
        for (index, part) in frame.left.enumerated().reversed() {
            if index == frame.left.count - 1 {
                guard ScalarWord.endsBefore(part, in: s, at: position) else { return false }
                position -= part.count
                continue
            }
            // Earlier in the same clause.
            var at = position - part.count
            while at >= 0, !ScalarWord.matches(part, in: s, at: at) {
                if ScalarClass.isClausePunctuation(s[at + part.count - 1]) || ScalarClass.isSentenceEnd(s[at + part.count - 1])
                    || s[at + part.count - 1] == "\n"
                {
                    return false
                }
                at -= 1
            }
            guard at >= 0 else { return false }
            position = at
        }
        return true
    }

    private func candidateSpans(_ s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        // Quoted terms.
        var index = 0
        while index < s.count {
            if s[index] == "“" || s[index] == "「" {
                let close: Unicode.Scalar = s[index] == "“" ? "”" : "」"
                var end = index + 1
                while end < s.count, s[end] != close, end - index <= 14, !ScalarClass.isSentenceEnd(s[end]), s[end] != "\n" {
                    end += 1
                }
                let inner = s[(index + 1)..<min(end, s.count)]
                let isSlogan = inner.contains { ScalarClass.isClausePunctuation($0) }
                if end < s.count, s[end] == close, end - index >= 3, !isSlogan {
                    // A quoted word with the mechanism word right after it (`“365”工作机制`) is one name.
                    var after = end + 1
                    if let suffix = suffixes.first(where: { matches($0.scalarArray, s, at: after) }) {
                        after += suffix.scalarCount
                        spans.append(Span(start: index, end: after, quotedOnly: false, quotes: (index, end)))
                    } else {
                        // A quoted name ending like a mechanism (`“老杨工作法”`) is no mere slogan.
                        let named = suffixes.contains { suffix in
                            let word = suffix.scalarArray
                            return end - word.count > index && matches(word, s, at: end - word.count)
                        }
                        spans.append(Span(start: index + 1, end: end, quotedOnly: !named, quotes: (index, end)))
                    }
                }
            }
            index += 1
        }
        // Names ending like a mechanism.
        for suffix in suffixes.map({ $0.scalarArray }) {
            var at = 0
            while at + suffix.count <= s.count {
                if matches(suffix, s, at: at) {
                    var start = at
                    // Read back further than a name runs, so a verb of setting up can still be cut off.
                    while start > 0, at - start < 12, ScalarClass.isIdeograph(s[start - 1]) || ScalarClass.isASCIIDigit(s[start - 1]) {
                        start -= 1
                    }
                    guard at - start < 12 else { at += 1; continue }
                    // A name read back past a verb of setting up starts after it (`新建骑手驿站`).
                    for verb in clauseVerbs {
                        var v = at - verb.count
                        while v >= start, !matches(verb, s, at: v) { v -= 1 }
                        if v >= start { start = v + verb.count }
                    }
                    guard at - start < 8 else { at += 1; continue }
                    // An unquoted name needs a stem of four characters (`家门口服务`): two or three
                    // (`服务体系`, `工作机制`) are common words. One read back to a closing quote is
                    // the tail of a longer name (`“网格+警格”融合运行机制`); one opening with a
                    // function word or quantifier is a clause (`各街镇迅速行动`).
                    // So is one read back to a space after a number (`24 小时值班制度`).
                    let afterQuote = start > 0 && (s[start - 1] == "”" || s[start - 1] == "」")
                        || (start > 1 && ScalarClass.isSpace(s[start - 1]) && ScalarClass.isASCIIDigit(s[start - 2]))
                    let clause = (start..<at).contains { i in clauseWords.contains { matches($0, s, at: i) } }
                    if at - start >= 4, !afterQuote, !clause, !openingWords.contains(where: { matches($0, s, at: start) }) {
                        spans.append(Span(start: start, end: at + suffix.count, quotedOnly: false))
                    }
                }
                at += 1
            }
        }
        // Pattern families.
        let families = ["所联动", "格合一", "长制", "经验"].map { $0.scalarArray }
        for family in families {
            var at = 1
            while at + family.count <= s.count {
                if matches(family, s, at: at) {
                    var start = at
                    // `湖长制`: one character before 长制; `浦江经验`: two before 经验.
                    let width = family == families[3] ? 2 : 1
                    while start > 0, at - start < width, ScalarClass.isIdeograph(s[start - 1]) || ScalarClass.isASCIIDigit(s[start - 1]) {
                        start -= 1
                    }
                    let stem = s[start..<at]
                    // `街道经验`, `治理经验`: the experience of a place type or of a kind of work.
                    // And `网格治理经验`, `规范化经验`: an X read out of a longer word is no name (`浦江经验`
                    // stands alone, quoted or after punctuation).
                    let generic = family == families[3]
                        && (genericStems.contains(String(scalars: stem)) || (start > 0 && ScalarClass.isIdeograph(s[start - 1])))
                    if at - start == width, !generic, !stem.contains(where: { "的了和与及等".unicodeScalars.contains($0) }),
                        !openingWords.contains(where: { matches($0, s, at: start) })
                    {
                        spans.append(Span(start: start, end: at + family.count, quotedOnly: false))
                    }
                }
                at += 1
            }
        }
        // `N+N+N` structures.
        index = 0
        while index < s.count {
            if ScalarClass.isASCIIDigit(s[index]), index == 0 || !ScalarClass.isASCIIDigit(s[index - 1]) {
                var end = index
                var pluses = 0
                while end < s.count, ScalarClass.isASCIIDigit(s[end]) || s[end] == "+" || s[end] == "X" || s[end] == "N" {
                    if s[end] == "+" { pluses += 1 }
                    end += 1
                }
                if pluses >= 2 { spans.append(Span(start: index, end: end, quotedOnly: false)) }
                index = end
            } else {
                index += 1
            }
        }
        return spans
    }

    private func matches(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], at index: Int) -> Bool {
        ScalarWord.matches(word, in: s, at: index)
    }
}
