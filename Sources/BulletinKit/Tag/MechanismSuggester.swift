/// Mines candidate mechanisms the lexicon lacks, for `bulletin lexicon suggest`:
///
/// - quoted terms (`“清晨访问团”`, `“长安·零距离”`);
/// - names ending like a mechanism (`…机制`, `…工作法`, `…模式`, `…制度`, `…平台`, `…品牌`, `…行动`,
///   `…工程`, `…驿站`, `…工作室`), read back to punctuation or a quote;
/// - members of known pattern families: `N所联动`, `N格合一`, `X长制`, `X经验`, `一站式X`, and
///   `N+N+N` structures (`1+5+19+114+867`, `2+3+19+X`).
///
/// Candidates that contain a known form are dropped; the rest are ranked by how many towns and
/// bulletins use them, each with the sentence of its first use.
public struct MechanismSuggester {
    public struct Suggestion: Sendable, Equatable {
        public var name: String
        public var towns: Set<String> = []
        public var bulletins: Set<String> = []
        public var count = 0
        public var example = ""
        public var source = ""
        /// Only quoted, with no mechanism word, family or code shape: a slogan unless it recurs.
        public var quotedOnly = true
    }

    let known: [String]
    let suffixes: [String]
    private(set) var found: [String: Suggestion] = [:]

    let stopList: Set<String>

    public init(lexicon: MechanismLexicon, suffixes: [String], notMechanisms: [String] = []) {
        known = lexicon.entries.flatMap { $0.forms.map { MechanismLexicon.matchKey($0) } }.filter { !$0.isEmpty }
        self.suffixes = suffixes
        stopList = Set(notMechanisms.map { MechanismLexicon.matchKey($0) })
    }

    /// Reads one tagged article.
    public mutating func add(_ article: Article) {
        let towns = Set(article.locations.filter { $0.level == .town }.map(\.name))
        let s = article.text.scalarArray
        for (start, end, quotedOnly) in candidateSpans(s) {
            let name = String(scalars: s[start..<end]).trimmingSpaces
            let key = MechanismLexicon.matchKey(name)
            let ideographs = key.unicodeScalars.filter(ScalarClass.isIdeograph).count
            guard key.scalarCount >= 3 || (ideographs >= 2 && key.scalarCount >= 2),
                key.scalarCount <= 16, !stopList.contains(key),
                // already known, or a piece of a known name (`四百`, `家门口`)
                !known.contains(where: { key.contains($0) || $0.contains(key) })
            else { continue }
            var suggestion = found[key] ?? Suggestion(name: name)
            if suggestion.count == 0 {
                suggestion.example = Sentence.around(offset: start, in: article.text)
                suggestion.source = article.id
            }
            suggestion.count += 1
            suggestion.quotedOnly = suggestion.quotedOnly && quotedOnly
            suggestion.towns.formUnion(towns)
            suggestion.bulletins.insert(article.bulletin)
            found[key] = suggestion
        }
    }

    /// Best first: most towns, then most bulletins, then most uses, then name.
    /// A bare quoted term must recur to be offered: quoted once, it is mostly a slogan.
    public var ranked: [Suggestion] {
        found.values.filter { !$0.quotedOnly || $0.count >= 2 }.sorted { a, b in
            if a.towns.count != b.towns.count { return a.towns.count > b.towns.count }
            if a.bulletins.count != b.bulletins.count { return a.bulletins.count > b.bulletins.count }
            if a.count != b.count { return a.count > b.count }
            return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }

    private func candidateSpans(_ s: [Unicode.Scalar]) -> [(Int, Int, Bool)] {
        var spans: [(Int, Int, Bool)] = []
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
                        spans.append((index, after, false))
                    } else {
                        // A quoted name ending like a mechanism (`“老杨工作法”`) is no mere slogan.
                        let named = suffixes.contains { suffix in
                            let word = suffix.scalarArray
                            return end - word.count > index && matches(word, s, at: end - word.count)
                        }
                        spans.append((index + 1, end, !named))
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
                    while start > 0, at - start < 8, ScalarClass.isIdeograph(s[start - 1]) || ScalarClass.isASCIIDigit(s[start - 1]) {
                        start -= 1
                    }
                    // An unquoted name needs a stem of four characters (`家门口服务`): two or three
                    // (`服务体系`, `工作机制`) are common words.
                    if at - start >= 4, at - start < 8 { spans.append((start, at + suffix.count, false)) }
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
                    if at - start == width, !stem.contains(where: { "的了和与及等".unicodeScalars.contains($0) }) {
                        spans.append((start, at + family.count, false))
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
                if pluses >= 2 { spans.append((index, end, false)) }
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
