/// Finds place names in article text: one Aho–Corasick automaton over every gazetteer form
/// (official names, variants, short forms) and every `not-a-place` term, built once per run.
///
/// It reports raw candidates; `LocationTagger` decides which short forms count, settles overlaps
/// leftmost-longest and resolves ambiguous names.
struct PlaceMatcher: Sendable {
    /// What a pattern stands for.
    enum Pattern: Sendable {
        /// A written form of one or more places.
        case form(String)
        /// A term that hides the place names inside it (`浦江经验`).
        case notAPlace
    }

    /// One occurrence in an article, in scalar offsets.
    struct Candidate: Sendable, Equatable {
        let start: Int
        let end: Int
        let pattern: Int
    }

    let patterns: [Pattern]
    /// The places each pattern names (empty for `notAPlace`), looked up once at build time so
    /// the scan never hashes a string.
    let entries: [[Gazetteer.Form]]
    /// Whether the pattern is the official name or a full variant of some place.
    let isFull: [Bool]
    let matcher: PhraseMatcher

    init(gazetteer: Gazetteer, cues: PlaceCues, folding: LookalikeFolding) {
        var patterns: [Pattern] = []
        var scalars: [[Unicode.Scalar]] = []
        // Byte order, not String order: the same result on every run at a fraction of the cost.
        for form in gazetteer.forms.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            patterns.append(.form(form))
            scalars.append(Array(folding.fold(form).unicodeScalars))
        }
        for term in cues.cues(for: .notAPlace) {
            patterns.append(.notAPlace)
            scalars.append(Array(folding.fold(term).unicodeScalars))
        }
        self.patterns = patterns
        self.entries = patterns.map { pattern in
            if case .form(let form) = pattern { return gazetteer.forms[form] ?? [] }
            return []
        }
        self.isFull = entries.map { $0.contains { $0.kind == .full } }
        self.matcher = PhraseMatcher(patterns: scalars)
    }

    func candidates(in text: ScalarText) -> [Candidate] {
        matcher.allMatches(in: text.folded).map { Candidate(start: $0.start, end: $0.end, pattern: $0.pattern) }
    }
}
