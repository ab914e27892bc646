import Foundation

/// How much two stretches of Chinese text are about the same thing: the cosine of their
/// ideograph-bigram vectors, weighted by how rare each bigram is across the bulletin's paragraphs
/// (tf-idf). Place and programme names (`石港镇`, `生活盒子`) are rare and weigh most; words every
/// article uses (`工作`, `群众`) weigh little.
///
/// Ingestion asks it whether the text after a heading goes on with the article above (a
/// subheading) or turns to a new subject (a new article's title): TextTiling in small.
///
/// Vectors are sorted arrays of packed bigrams, compared by merging: no hashing, and sums taken
/// in key order, so the result is the same bit for bit on every run.
struct TopicSimilarity: Sendable {
    /// Every bigram of the bulletin, sorted, and the number of paragraphs it occurs in.
    private var keys: [UInt64] = []
    /// Each key's inverse document frequency, computed once: `log` is the dearest step of a
    /// comparison otherwise.
    private var inverseFrequency: [Double] = []
    /// The weight of a bigram no paragraph has.
    private var unseenWeight = 0.0
    private var documents = 0

    /// Learns bigram rarity from the bulletin's paragraphs.
    init(paragraphs: [String]) {
        self.init(paragraphCounts: paragraphs.map(TopicSimilarity.counts))
    }

    /// Learns bigram rarity from the counts of the bulletin's paragraphs (which the caller keeps,
    /// to compare articles without counting their text again).
    init(paragraphCounts: [Counts]) {
        // Each paragraph's distinct bigrams, all together, sorted: the run of a bigram is the
        // number of paragraphs it occurs in.
        var all: [UInt64] = []
        all.reserveCapacity(paragraphCounts.reduce(0) { $0 + $1.keys.count })
        for counts in paragraphCounts { all.append(contentsOf: counts.keys) }
        documents = paragraphCounts.count
        RadixSort.sort(&all)
        var documentFrequency: [Int32] = []
        for key in all {
            if keys.last == key {
                documentFrequency[documentFrequency.count - 1] += 1
            } else {
                keys.append(key)
                documentFrequency.append(1)
            }
        }
        inverseFrequency = documentFrequency.map { TopicSimilarity.inverseFrequency(documents: documents, frequency: Double($0)) }
        unseenWeight = TopicSimilarity.inverseFrequency(documents: documents, frequency: 0)
    }

    /// Learns bigram rarity from the bulletin's paragraphs and gives each paragraph's counts
    /// with interned keys (`interned(_:)`), from one sort of every (bigram, paragraph) pair
    /// rather than a sort per paragraph, a sort of them all and a search per key. The same
    /// rarity and counts as `init(paragraphCounts:)` and `interned(_:)` on each paragraph.
    static func interning(paragraphs: [String]) -> (TopicSimilarity, [Counts]) {
        interning(paragraphScalars: paragraphs.map(\.unicodeScalars))
    }

    /// `interning(paragraphs:)` from each paragraph's scalars, which the layout features have
    /// already decoded (the text is not decoded again here).
    static func interning<Scalars: Collection<Unicode.Scalar>>(paragraphScalars paragraphs: [Scalars]) -> (TopicSimilarity, [Counts]) {
        // A bigram key takes 42 bits (two 21-bit scalars): the paragraph goes in the 22 below.
        let paragraphBits: UInt64 = 22
        guard paragraphs.count < 1 << paragraphBits else {
            let counts = paragraphs.map { TopicSimilarity.counts($0) }
            let topics = TopicSimilarity(paragraphCounts: counts)
            return (topics, counts.map(topics.interned))
        }
        var pairs: [UInt64] = []
        pairs.reserveCapacity(paragraphs.reduce(0) { $0 + $1.count })
        for (index, text) in paragraphs.enumerated() {
            appendBigrams(text, tag: UInt64(index), shift: paragraphBits, to: &pairs)
        }
        RadixSort.sort(&pairs)
        let mask = UInt64(1) << paragraphBits - 1
        // Each paragraph's number of distinct bigrams first, so that its counts are allocated
        // once at their size rather than grown append by append.
        var distinct = [Int](repeating: 0, count: paragraphs.count)
        for i in pairs.indices where i == 0 || pairs[i] != pairs[i - 1] { distinct[Int(pairs[i] & mask)] += 1 }
        var counts = distinct.map { size in
            var counts = Counts()
            counts.keys.reserveCapacity(size)
            counts.occurrences.reserveCapacity(size)
            return counts
        }
        var topics = TopicSimilarity()
        topics.documents = paragraphs.count
        var documentFrequency: [Int32] = []
        var i = 0
        while i < pairs.count {
            let key = pairs[i] >> paragraphBits
            let id = UInt64(topics.keys.count)
            topics.keys.append(key)
            var documents: Int32 = 0
            while i < pairs.count, pairs[i] >> paragraphBits == key {
                let pair = pairs[i]
                var occurrences: Int32 = 0
                while i < pairs.count, pairs[i] == pair {
                    occurrences += 1
                    i += 1
                }
                let paragraph = Int(pair & mask)
                counts[paragraph].keys.append(id)
                counts[paragraph].occurrences.append(occurrences)
                documents += 1
            }
            documentFrequency.append(documents)
        }
        topics.inverseFrequency = documentFrequency.map {
            TopicSimilarity.inverseFrequency(documents: paragraphs.count, frequency: Double($0))
        }
        topics.unseenWeight = TopicSimilarity.inverseFrequency(documents: paragraphs.count, frequency: 0)
        return (topics, counts)
    }

    private init() {}

    private static func inverseFrequency(documents: Int, frequency: Double) -> Double {
        log(Double(documents + 1) / (frequency + 1)) + 1
    }

    /// A text's bigrams: distinct keys in increasing order, each with how often it occurs.
    /// Texts joined by line breaks have the merged counts of their parts (no bigram spans a
    /// line break), so an article's counts grow paragraph by paragraph instead of being
    /// recounted from its whole text at every comparison.
    struct Counts: Sendable, Equatable {
        var keys: [UInt64] = []
        var occurrences: [Int32] = []

        var isEmpty: Bool { keys.isEmpty }

        /// The counts of this text and another joined to it.
        func merged(with other: Counts) -> Counts {
            if other.isEmpty { return self }
            if isEmpty { return other }
            var result = Counts()
            result.keys.reserveCapacity(keys.count + other.keys.count)
            result.occurrences.reserveCapacity(keys.count + other.keys.count)
            var i = 0
            var j = 0
            while i < keys.count || j < other.keys.count {
                if j == other.keys.count || i < keys.count && keys[i] < other.keys[j] {
                    result.keys.append(keys[i])
                    result.occurrences.append(occurrences[i])
                    i += 1
                } else if i == keys.count || other.keys[j] < keys[i] {
                    result.keys.append(other.keys[j])
                    result.occurrences.append(other.occurrences[j])
                    j += 1
                } else {
                    result.keys.append(keys[i])
                    result.occurrences.append(occurrences[i] + other.occurrences[j])
                    i += 1
                    j += 1
                }
            }
            return result
        }
    }

    /// The bigram counts of a text.
    static func counts(_ text: String) -> Counts {
        counts(text.unicodeScalars)
    }

    /// The bigram counts of a text's scalars.
    static func counts(_ scalars: some Collection<Unicode.Scalar>) -> Counts {
        var sorted: [UInt64] = []
        appendBigrams(scalars, tag: 0, shift: 0, to: &sorted)
        RadixSort.sort(&sorted)
        var counts = Counts()
        for key in sorted {
            if counts.keys.last == key {
                counts.occurrences[counts.occurrences.count - 1] += 1
            } else {
                counts.keys.append(key)
                counts.occurrences.append(1)
            }
        }
        return counts
    }

    /// Cosine similarity in 0…1 of the two texts' weighted bigram vectors.
    func similarity(_ a: String, _ b: String) -> Double {
        similarity(TopicSimilarity.counts(a), TopicSimilarity.counts(b))
    }

    /// A text's weighted bigram vector: its counts, the tf-idf weight of each key in key order,
    /// and the vector's length. Made once for a text compared more than once.
    struct Vector: Sendable {
        var counts: Counts
        var weights: [Double]
        var norm: Double

        var isEmpty: Bool { counts.isEmpty }
    }

    /// The weighted vector of the counts.
    func vector(_ counts: Counts) -> Vector {
        let w = weights(counts)
        return Vector(counts: counts, weights: w, norm: w.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// Cosine similarity in 0…1 of two texts' weighted bigram vectors, from their counts.
    func similarity(_ a: Counts, _ b: Counts) -> Double {
        similarity(vector(a), vector(b))
    }

    /// Cosine similarity in 0…1 of two weighted vectors.
    func similarity(_ a: Vector, _ b: Vector) -> Double {
        let va = a.weights
        let vb = b.weights
        guard !va.isEmpty, !vb.isEmpty else { return 0 }
        let ka = a.counts.keys
        let kb = b.counts.keys
        var dot = 0.0
        var i = 0
        var j = 0
        while i < va.count, j < vb.count {
            if ka[i] == kb[j] {
                dot += va[i] * vb[j]
                i += 1
                j += 1
            } else if ka[i] < kb[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return dot / (a.norm * b.norm)
    }

    /// How many of `a`'s bigrams occur in `b`, weighted by rarity: used to see which of two
    /// bodies a short title belongs to.
    func coverage(of a: String, in b: String) -> Double {
        coverage(of: a, in: TopicSimilarity.counts(b))
    }

    func coverage(of a: String, in b: Counts) -> Double {
        coverage(of: TopicSimilarity.counts(a), in: b)
    }

    /// The same, from counts `a`'s text already has.
    func coverage(of inA: Counts, in b: Counts) -> Double {
        var covered = 0.0
        var j = 0
        for key in inA.keys {
            while j < b.keys.count, b.keys[j] < key { j += 1 }
            if j < b.keys.count, b.keys[j] == key { covered += idf(key) }
        }
        return covered
    }

    private func idf(_ key: UInt64) -> Double {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) >> 1
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? inverseFrequency[low] : unseenWeight
    }

    // MARK: - Interned keys

    /// The counts with each key replaced by its position among the bulletin's bigrams: dense
    /// ids in the same order, so counts of interned keys merge and compare as before, and a
    /// key's weight is an array read (`vector(interned:)`) instead of a search. Every key of
    /// `counts` must be one of the bulletin's (the counts of one of its paragraphs, or merged
    /// from them).
    func interned(_ counts: Counts) -> Counts {
        var result = counts
        var from = 0
        for (i, key) in counts.keys.enumerated() {
            let id = position(of: key, from: from)
            precondition(id < keys.count && keys[id] == key, "a bigram the bulletin's paragraphs do not have")
            result.keys[i] = UInt64(id)
            from = id + 1
        }
        return result
    }

    /// The weighted vector of interned counts (`interned(_:)`): the same weights `vector(_:)`
    /// gives the counts before interning.
    func vector(interned counts: Counts) -> Vector {
        var w: [Double] = []
        w.reserveCapacity(counts.keys.count)
        inverseFrequency.withUnsafeBufferPointer { idf in
            for (id, count) in zip(counts.keys, counts.occurrences) {
                // (1 + log 1 is 1: most bigrams occur once.)
                w.append((count == 1 ? 1 : 1 + log(Double(count))) * idf[Int(id)])
            }
        }
        return Vector(counts: counts, weights: w, norm: w.reduce(0) { $0 + $1 * $1 }.squareRoot())
    }

    /// `coverage(of:in:)` for interned counts.
    func coverage(ofInterned inA: Counts, in b: Counts) -> Double {
        var covered = 0.0
        var j = 0
        for key in inA.keys {
            while j < b.keys.count, b.keys[j] < key { j += 1 }
            if j < b.keys.count, b.keys[j] == key { covered += inverseFrequency[Int(key)] }
        }
        return covered
    }

    /// The first position at or after `from` whose key is not below `key`, by galloping (steps
    /// of 1, 2, 4, … then a binary search).
    private func position(of key: UInt64, from start: Int) -> Int {
        var from = start
        var step = 1
        var high = from
        while high < keys.count, keys[high] < key {
            from = high + 1
            high += step
            step <<= 1
        }
        var low = from
        high = min(high, keys.count)
        while low < high {
            let mid = (low + high) >> 1
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The tf-idf weight of each key of the counts, in key order.
    private func weights(_ counts: Counts) -> [Double] {
        // Both key lists are sorted: each key is looked for from where the last one was found,
        // by galloping (steps of 1, 2, 4, … then a binary search), not from the start.
        var from = 0
        return zip(counts.keys, counts.occurrences).map { key, count in
            let low = position(of: key, from: from)
            from = low
            let idf = low < keys.count && keys[low] == key ? inverseFrequency[low] : unseenWeight
            // (1 + log 1 is 1: most bigrams occur once.)
            return (count == 1 ? 1 : 1 + log(Double(count))) * idf
        }
    }

    /// Adjacent ideograph pairs, each packed into one integer.
    static func bigrams(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        appendBigrams(text.unicodeScalars, tag: 0, shift: 0, to: &result)
        return result
    }

    /// Appends the text's packed bigrams, each shifted left by `shift` bits with `tag` below.
    private static func appendBigrams(
        _ scalars: some Collection<Unicode.Scalar>, tag: UInt64, shift: UInt64, to result: inout [UInt64]
    ) {
        var previous: Unicode.Scalar? = nil
        for scalar in scalars {
            if ScalarClass.isIdeograph(scalar) {
                if let previous { result.append((UInt64(previous.value) << 21 | UInt64(scalar.value)) << shift | tag) }
                previous = scalar
            } else {
                previous = nil
            }
        }
    }
}
