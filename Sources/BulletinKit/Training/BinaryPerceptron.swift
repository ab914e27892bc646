/// An averaged perceptron for a yes/no decision over named features (Freund & Schapire 1999):
/// where the sign of the score is wrong, add the features' weight toward the right answer. The
/// weights returned are the average over every step. Deterministic: examples are visited in an
/// order shuffled by a fixed seed.
struct BinaryPerceptron: Sendable {
    struct Example: Sendable {
        var features: [String]
        var label: Bool
    }

    var epochs = 20
    var seed: UInt64 = 0x5EED_A771
    /// How many perceptrons, each visiting the examples in its own order, are averaged (see
    /// `StructuredPerceptron.orders`).
    var orders = 1

    /// Feature → weight; a feature scores `true` when the weights sum above zero.
    func train(_ examples: [Example]) -> [String: Double] {
        var random = SplitMix64(seed: seed)
        var result: [String: Double] = [:]
        let count = max(1, orders)
        for order in 0..<count {
            for (name, weight) in trainOnce(examples, seed: order == 0 ? seed : random.next()) {
                result[name, default: 0] += weight / Double(count)
            }
        }
        return result
    }

    /// One averaged perceptron, visiting the examples in the order `seed` shuffles them to.
    private func trainOnce(_ examples: [Example], seed: UInt64) -> [String: Double] {
        var index: [String: Int] = [:]
        var names: [String] = []
        let rows: [[Int]] = examples.map { example in
            example.features.map { name in
                if let row = index[name] { return row }
                index[name] = names.count
                names.append(name)
                return names.count - 1
            }
        }
        var weights = [Double](repeating: 0, count: names.count)
        var sums = [Double](repeating: 0, count: names.count)
        var step = 1.0
        var order = Array(examples.indices)
        var random = SplitMix64(seed: seed)
        for _ in 0..<epochs {
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    order.swapAt(i, Int(random.next() % UInt64(i + 1)))
                }
            }
            for e in order {
                var score = 0.0
                for row in rows[e] { score += weights[row] }
                if (score > 0) != examples[e].label {
                    let change = examples[e].label ? 1.0 : -1.0
                    for row in rows[e] {
                        weights[row] += change
                        sums[row] += change * step
                    }
                }
                step += 1
            }
        }
        var result: [String: Double] = [:]
        for (row, name) in names.enumerated() { result[name] = weights[row] - sums[row] / step }
        return result
    }
}
