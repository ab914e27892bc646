import Foundation

/// How much two stretches of Chinese text are about the same thing: the cosine of their
/// ideograph-bigram vectors, weighted by how rare each bigram is across the bulletin's paragraphs
/// (tf-idf). Place and programme names (`石港镇`, `生活盒子`) are rare and weigh most; words every
/// article uses (`工作`, `群众`) weigh little.
///
/// Ingestion asks it whether the text after a heading goes on with the article above (a
/// subheading) or turns to a new subject (a new article's title): TextTiling in small.
struct TopicSimilarity: Sendable {
    private var documentFrequency: [UInt64: Int] = [:]
    private var documents = 0

    /// Learns bigram rarity from the bulletin's paragraphs.
    init(paragraphs: [String]) {
        for paragraph in paragraphs {
            documents += 1
            for key in Set(TopicSimilarity.bigrams(paragraph)) {
                documentFrequency[key, default: 0] += 1
            }
        }
    }

    /// Cosine similarity in 0…1 of the two texts' weighted bigram vectors.
    func similarity(_ a: String, _ b: String) -> Double {
        let va = vector(a)
        let vb = vector(b)
        guard !va.isEmpty, !vb.isEmpty else { return 0 }
        var dot = 0.0
        for (key, weight) in va { if let other = vb[key] { dot += weight * other } }
        let norm = { (v: [UInt64: Double]) in v.values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        return dot / (norm(va) * norm(vb))
    }

    /// How many of `a`'s bigrams occur in `b`, weighted by rarity: used to see which of two
    /// bodies a short title belongs to.
    func coverage(of a: String, in b: String) -> Double {
        let inB = Set(TopicSimilarity.bigrams(b))
        var covered = 0.0
        for key in Set(TopicSimilarity.bigrams(a)) where inB.contains(key) { covered += idf(key) }
        return covered
    }

    private func idf(_ key: UInt64) -> Double {
        let df = Double(documentFrequency[key] ?? 0)
        return log(Double(documents + 1) / (df + 1)) + 1
    }

    private func vector(_ text: String) -> [UInt64: Double] {
        var counts: [UInt64: Int] = [:]
        for key in TopicSimilarity.bigrams(text) { counts[key, default: 0] += 1 }
        var vector: [UInt64: Double] = [:]
        for (key, count) in counts { vector[key] = (1 + log(Double(count))) * idf(key) }
        return vector
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
