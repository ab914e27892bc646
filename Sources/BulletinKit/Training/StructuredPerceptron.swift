/// An averaged structured perceptron (Collins 2002) for the layout model: decode each training
/// bulletin with the current weights, and where the decoded roles differ from the gold, add the
/// gold's features and transitions and subtract the decoded ones. The weights returned are the
/// average over every step, which generalises far better than the last ones.
///
/// Deterministic: bulletins are visited in an order shuffled by a fixed seed, so the same gold
/// always gives the same weights.
struct StructuredPerceptron: Sendable {
    /// One training bulletin: the feature rows of each block, the fixed roles of furniture, the
    /// interview turns (never headings), and the gold roles.
    struct Sequence: Sendable {
        var rows: [[Int]]
        var fixed: [BlockRole?]
        var turns: [Bool] = []
        /// Headings and headings set like the one before (`HeadingLink`); empty: no agreement.
        var links: [HeadingLink] = []
        var gold: [BlockRole]
    }

    /// The weight of a transition the gold never shows (and of a size no gold block of a role
    /// comes near): low enough that no block's features outweigh it, finite so that a bulletin
    /// whose furniture forces one still decodes.
    static let unseenTransition = -1000.0

    var epochs = 20
    /// The loss added to every wrong role while training (0: the plain perceptron).
    var margin = 0.0
    var seed: UInt64 = 0x5EED_1A70
    /// How many perceptrons, each visiting the bulletins in its own order, are averaged into
    /// the model returned. One perceptron's weights depend on the order it met the bulletins:
    /// a change to a few of them moves decisions on many others. The mean of several orders
    /// moves less.
    var orders = 1

    /// Trains on `sequences`; `model` brings the feature rows (every feature of every sequence
    /// must have its row) and comes back with the averaged weights.
    func train(_ sequences: [Sequence], model start: LayoutModel) -> LayoutModel {
        var model = start
        for i in model.weights.indices { model.weights[i] = 0 }
        for i in model.transitions.indices { model.transitions[i] = 0 }
        for i in model.agreement.indices { model.agreement[i] = 0 }
        var random = SplitMix64(seed: seed)
        for order in 0..<max(1, orders) {
            let one = trainOnce(sequences, model: start, seed: order == 0 ? seed : random.next())
            for i in model.weights.indices { model.weights[i] += one.weights[i] / Double(max(1, orders)) }
            for i in model.transitions.indices { model.transitions[i] += one.transitions[i] / Double(max(1, orders)) }
            for i in model.agreement.indices { model.agreement[i] += one.agreement[i] / Double(max(1, orders)) }
        }
        let roleCount = LayoutModel.roleCount
        // The grammar the gold shows: a role never seen after another in any training bulletin
        // (a lead straight after a masthead, a deck after body text) is ruled out in the weights
        // returned (training itself decodes without it, which generalises better here).
        var seen = [Bool](repeating: false, count: model.transitions.count)
        for sequence in sequences {
            for i in sequence.gold.indices {
                let previous = i > 0 ? sequence.gold[i - 1].rawValue : -1
                seen[(previous + 1) * roleCount + sequence.gold[i].rawValue] = true
            }
        }
        for i in model.transitions.indices where !seen[i] { model.transitions[i] = StructuredPerceptron.unseenTransition }
        // Likewise sizes no gold block of a role comes near (SizeSupport).
        for (row, role) in SizeSupport.excluded(sequences, model: model) {
            model.weights[row * roleCount + role.rawValue] = StructuredPerceptron.unseenTransition
        }
        return model
    }

    /// One averaged perceptron, visiting the bulletins in the order `seed` shuffles them to.
    private func trainOnce(_ sequences: [Sequence], model start: LayoutModel, seed: UInt64) -> LayoutModel {
        var model = start
        for i in model.weights.indices { model.weights[i] = 0 }
        for i in model.transitions.indices { model.transitions[i] = 0 }
        for i in model.agreement.indices { model.agreement[i] = 0 }
        // Sums of step × update, for the average (Daumé's trick: no copy of the weights per step).
        var weightSums = [Double](repeating: 0, count: model.weights.count)
        var transitionSums = [Double](repeating: 0, count: model.transitions.count)
        var agreementSums = [Double](repeating: 0, count: model.agreement.count)
        var step = 1.0
        var order = Array(sequences.indices)
        var random = SplitMix64(seed: seed)
        let roleCount = LayoutModel.roleCount
        for _ in 0..<epochs {
            // Fisher–Yates with the seeded generator.
            if order.count > 1 {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    let j = Int(random.next() % UInt64(i + 1))
                    order.swapAt(i, j)
                }
            }
            for s in order {
                let sequence = sequences[s]
                let predicted = model.decode(rows: sequence.rows, fixed: sequence.fixed, turns: sequence.turns, links: sequence.links, margin: margin, gold: sequence.gold)
                if predicted != sequence.gold {
                    // The class of the last heading's role in each reading, for the agreement weights.
                    var goldClass = 0
                    var guessClass = 0
                    for i in sequence.gold.indices {
                        let gold = sequence.gold[i]
                        let guess = predicted[i]
                        let goldPrevious = i > 0 ? sequence.gold[i - 1] : nil
                        let guessPrevious = i > 0 ? predicted[i - 1] : nil
                        if gold != guess {
                            for row in sequence.rows[i] {
                                model.weights[row * roleCount + gold.rawValue] += 1
                                weightSums[row * roleCount + gold.rawValue] += step
                                model.weights[row * roleCount + guess.rawValue] -= 1
                                weightSums[row * roleCount + guess.rawValue] -= step
                            }
                        }
                        let link = i < sequence.links.count ? sequence.links[i] : .none
                        if link == .parallel, gold != guess || goldClass != guessClass {
                            let g = goldClass * roleCount + gold.rawValue
                            let p = guessClass * roleCount + guess.rawValue
                            model.agreement[g] += 1
                            agreementSums[g] += step
                            model.agreement[p] -= 1
                            agreementSums[p] -= step
                        }
                        if link != .none {
                            goldClass = HeadingLink.headingClass(gold)
                            guessClass = HeadingLink.headingClass(guess)
                        }
                        if gold != guess || goldPrevious != guessPrevious {
                            let g = ((goldPrevious?.rawValue ?? -1) + 1) * roleCount + gold.rawValue
                            let p = ((guessPrevious?.rawValue ?? -1) + 1) * roleCount + guess.rawValue
                            model.transitions[g] += 1
                            transitionSums[g] += step
                            model.transitions[p] -= 1
                            transitionSums[p] -= step
                        }
                    }
                }
                step += 1
            }
        }
        for i in model.weights.indices { model.weights[i] -= weightSums[i] / step }
        for i in model.transitions.indices { model.transitions[i] -= transitionSums[i] / step }
        for i in model.agreement.indices { model.agreement[i] -= agreementSums[i] / step }
        return model
    }
}

