/// The topic vectors of runs of consecutive paragraphs, each merged and weighted once.
///
/// Paragraph counts are interned (`TopicSimilarity.interned`): keys are the positions of the
/// bulletin's bigrams, so a run's weights are read from an array, not searched for.
///
/// A heading's `topic:` feature compares the paragraphs above it with those below it (up to
/// `BlockFeatures.topicWindow` on each side, stopping at furniture). The run below one paragraph
/// is the run above a later one, so each run was merged from its paragraphs' counts and weighted
/// by rarity twice; here a run is built the first time it is asked for and kept. Counts merge by
/// adding integers under sorted keys, so a run's vector is the same whichever side asks first.
struct TopicWindows {
    let topics: TopicSimilarity
    let counts: [TopicSimilarity.Counts]
    let width: Int
    /// Runs by `first × width + (length − 1)`.
    private var runs: [TopicSimilarity.Vector?]

    /// - Parameter counts: the paragraphs' counts, interned by `topics`.
    init(topics: TopicSimilarity, counts: [TopicSimilarity.Counts], width: Int) {
        self.topics = topics
        self.counts = counts
        self.width = width
        runs = Array(repeating: nil, count: counts.count * width)
    }

    /// The vector of paragraphs `first ..< first + length` (empty when `length` is 0).
    mutating func run(first: Int, length: Int) -> TopicSimilarity.Vector {
        guard length > 0 else { return topics.vector(interned: TopicSimilarity.Counts()) }
        precondition(length <= width, "a topic window is at most \(width) paragraphs")
        let slot = first * width + length - 1
        if let known = runs[slot] { return known }
        var merged = TopicSimilarity.Counts()
        for p in first..<first + length { merged = merged.merged(with: counts[p]) }
        let vector = topics.vector(interned: merged)
        runs[slot] = vector
        return vector
    }
}
