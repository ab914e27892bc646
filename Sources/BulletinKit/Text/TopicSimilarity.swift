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
        // One sort of (bigram, paragraph) pairs packed into one integer — a bigram takes 42
        // bits, the paragraph number the other 22 — then one pass counts the paragraphs of
        // each bigram.
        var pairs: [UInt64] = []
        for (number, paragraph) in paragraphs.enumerated() where number < 1 << 22 {
            for key in TopicSimilarity.bigrams(paragraph) { pairs.append(key << 22 | UInt64(number)) }
        }
        documents = paragraphs.count
        RadixSort.sort(&pairs)
        var documentFrequency: [Int32] = []
        var previous = UInt64.max
        for pair in pairs where pair != previous {
            previous = pair
            let key = pair >> 22
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

    private static func inverseFrequency(documents: Int, frequency: Double) -> Double {
        log(Double(documents + 1) / (frequency + 1)) + 1
    }

    /// Cosine similarity in 0…1 of the two texts' weighted bigram vectors.
    func similarity(_ a: String, _ b: String) -> Double {
        let va = vector(a)
        let vb = vector(b)
        guard !va.isEmpty, !vb.isEmpty else { return 0 }
        var dot = 0.0
        var i = 0
        var j = 0
        while i < va.count, j < vb.count {
            if va[i].key == vb[j].key {
                dot += va[i].weight * vb[j].weight
                i += 1
                j += 1
            } else if va[i].key < vb[j].key {
                i += 1
            } else {
                j += 1
            }
        }
        let norm = { (v: [(key: UInt64, weight: Double)]) in v.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot() }
        return dot / (norm(va) * norm(vb))
    }

    /// How many of `a`'s bigrams occur in `b`, weighted by rarity: used to see which of two
    /// bodies a short title belongs to.
    func coverage(of a: String, in b: String) -> Double {
        let inA = TopicSimilarity.counted(TopicSimilarity.bigrams(a))
        let inB = TopicSimilarity.counted(TopicSimilarity.bigrams(b))
        var covered = 0.0
        var j = 0
        for (key, _) in inA {
            while j < inB.count, inB[j].key < key { j += 1 }
            if j < inB.count, inB[j].key == key { covered += idf(key) }
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

    /// The text's bigrams with their tf-idf weights, in key order.
    private func vector(_ text: String) -> [(key: UInt64, weight: Double)] {
        // (1 + log 1 is 1: most bigrams occur once.)
        TopicSimilarity.counted(TopicSimilarity.bigrams(text)).map { ($0.key, ($0.count == 1 ? 1 : 1 + log(Double($0.count))) * idf($0.key)) }
    }

    /// Distinct keys in increasing order, each with how often it occurs.
    static func counted(_ keys: [UInt64]) -> [(key: UInt64, count: Int)] {
        var sorted = keys
        RadixSort.sort(&sorted)
        var result: [(key: UInt64, count: Int)] = []
        for key in sorted {
            if result.last?.key == key {
                result[result.count - 1].count += 1
            } else {
                result.append((key, 1))
            }
        }
        return result
    }

    /// Adjacent ideograph pairs, each packed into one integer.
    static func bigrams(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        var previous: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            if ScalarClass.isIdeograph(scalar) {
                if let previous { result.append(UInt64(previous.value) << 21 | UInt64(scalar.value)) }
                previous = scalar
            } else {
                previous = nil
            }
        }
        return result
    }
}
