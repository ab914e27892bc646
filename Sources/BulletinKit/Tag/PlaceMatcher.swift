/// Finds place names in article text: one Aho–Corasick automaton over every gazetteer form
/// (official names, variants, short forms) and every `not-a-place` term, built once per run.
///
/// It reports raw candidates; `LocationTagger` decides which short forms count, settles overlaps
/// leftmost-longest and resolves ambiguous names.
struct PlaceMatcher: Sendable {
    /// One occurrence in an article, in scalar offsets.
    struct Candidate: Sendable, Equatable {
        let start: Int
        let end: Int
        let pattern: Int
    }

    /// Patterns below this number are written forms of places; the rest are `not-a-place`
    /// terms that hide the place names inside them (`浦江经验`).
    let formCount: Int
    /// The places each pattern names (empty for `notAPlace`), looked up once at build time so
    /// the scan never hashes a string.
    let entries: [[Gazetteer.Form]]
    /// Whether the pattern is the official name or a full variant of some place.
    let isFull: [Bool]
    let matcher: PhraseMatcher

    init(gazetteer: Gazetteer, cues: PlaceCues, folding: LookalikeFolding) {
        var scalars: [[Unicode.Scalar]] = []
        var entries: [[Gazetteer.Form]] = []
        // Byte order, not String order: the same result on every run at a fraction of the cost.
        let forms = gazetteer.allForms
        for index in ByteSearch.byteOrder(of: forms.map(\.form)) {
            scalars.append(folding.fold(forms[index].form).scalarArray)
            entries.append(forms[index].places)
        }
        formCount = scalars.count
        for term in cues.cues(for: .notAPlace) {
            scalars.append(Array(folding.fold(term).unicodeScalars))
            entries.append([])
        }
        self.entries = entries
        self.isFull = entries.map { $0.contains { $0.kind == .full } }
        self.matcher = PhraseMatcher(patterns: scalars)
    }

    /// Whether a pattern is a `not-a-place` term rather than a place's written form.
    func isNotAPlace(_ pattern: Int) -> Bool { pattern >= formCount }

    func candidates(in text: ScalarText) -> [Candidate] {
        matcher.allMatches(in: text.folded).map { Candidate(start: $0.start, end: $0.end, pattern: $0.pattern) }
    }
}
