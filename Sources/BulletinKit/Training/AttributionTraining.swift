import Foundation

/// Trains attribution (`attribution-weights.tsv`) on annotated bulletins — `NAME.txt` with
/// `NAME.gold.json` and `NAME.attribution.json` — and measures it honestly: leave one bulletin
/// out, train on the rest, score the one left out.
///
/// ```swift
/// let training = AttributionTraining(lexicons: try .builtin())
/// let examples = try training.examples(in: "corpus")
/// let model = training.train(examples)
/// print(training.crossValidate(examples).table)   // triples and subject towns, P/R/F1
/// ```
///
/// Articles are cut and tagged by the built-in pipeline, as a run would; only articles paired
/// with a gold article train.
public struct AttributionTraining: Sendable {
    public let lexicons: Lexicons
    public var epochs = 20
    /// Perceptrons averaged, each visiting the examples in its own order.
    public var orders = AttributionTraining.defaultOrders
    public static let defaultOrders = 5
    let ingester: Ingester
    let tagger: Tagger

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        ingester = Ingester(lexicons: lexicons)
        tagger = Tagger(lexicons: lexicons)
    }

    /// One annotated bulletin, cut and tagged, each article prepared for deciding.
    public struct Example: Sendable {
        public let name: String
        let gold: GoldBulletin
        let attribution: GoldAttribution
        let articles: [Article]
        let home: TownRef?
        let prepared: [TownAttribution.Prepared]
        /// (gold article index, article index).
        let pairs: [(gold: Int, article: Int)]
        /// The layout family its gold names (`other` when none), for dealing folds.
        public var family: String { gold.layout ?? "other" }
    }

    /// Every bulletin of `folder` with attribution gold, sorted by name.
    /// - Throws: `TrainingError.badGold` naming a file that does not decode.
    public func examples(in folder: String) throws -> [Example] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".attribution.json") }
            .map { String($0.dropLast(".attribution.json".count)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return try names.map { name in
            let path = folder + "/" + name + ".txt"
            let decoded = try TextDecoding.decode(try InputFiles.read(path), path: path)
            let gold: GoldBulletin
            let attribution: GoldAttribution
            do { gold = try GoldBulletin.load(folder + "/" + name + ".gold.json") } catch {
                throw TrainingError.badGold(file: folder + "/" + name + ".gold.json", reason: "\(error)")
            }
            do { attribution = try GoldAttribution.load(folder + "/" + name + ".attribution.json") } catch {
                throw TrainingError.badGold(file: folder + "/" + name + ".attribution.json", reason: "\(error)")
            }
            let ingested = ingester.articles(in: Bulletin(path: path, text: decoded.text))
            let (articles, home, texts) = tagger.tagged(ingested.articles, masthead: ingested.masthead, nameplate: ingested.nameplate)
            let prepared = zip(articles, texts).map { tagger.attribution.prepare($0, text: $1, home: home) }
            return Example(
                name: name, gold: gold, attribution: attribution, articles: articles, home: home,
                prepared: prepared, pairs: GoldPairing.indexedPairs(articles, gold))
        }
    }

    /// The weights trained on `examples`.
    public func train(_ examples: [Example]) -> AttributionModel {
        var subject: [BinaryPerceptron.Example] = []
        var practice: [BinaryPerceptron.Example] = []
        for example in examples {
            for (goldIndex, articleIndex) in example.pairs {
                guard let expected = example.attribution.articles.first(where: { $0.index == goldIndex + 1 }) else { continue }
                let prepared = example.prepared[articleIndex]
                let candidates = prepared.candidates
                for (c, row) in prepared.subjectRows.enumerated() {
                    subject.append(.init(features: row, label: expected.subjectTowns.contains(candidates[c].town.name)))
                }
                // Practice learns with the gold's subjects, in the gold's order.
                let subjects = expected.subjectTowns.compactMap { name in candidates.firstIndex { $0.town.name == name } }
                for (m, tag) in example.articles[articleIndex].mechanisms.enumerated() {
                    guard let towns = expected.mechanismTowns[tag.name] else { continue }
                    for (c, row) in prepared.practiceRows(m, subjects: subjects).enumerated() {
                        practice.append(.init(features: row.names, label: towns.contains(candidates[c].town.name)))
                    }
                }
            }
        }
        var model = AttributionModel()
        let perceptron = BinaryPerceptron(epochs: epochs, orders: orders)
        for (feature, weight) in perceptron.train(subject) { model.set(.subject, feature, weight) }
        for (feature, weight) in perceptron.train(practice) { model.set(.practice, feature, weight) }
        return model
    }

    /// `model`'s attribution of `examples`, scored against their gold.
    public func score(_ model: AttributionModel, on examples: [Example]) -> AttributionEvaluation {
        var total = AttributionEvaluation()
        for example in examples { total.merge(score(model, example)) }
        return total
    }

    func score(_ model: AttributionModel, _ example: Example) -> AttributionEvaluation {
        let attribution = TownAttribution(lexicons: lexicons, model: model)
        let articles = zip(example.prepared, example.articles).map { attribution.apply($0, to: $1) }
        var evaluation = AttributionEvaluation()
        evaluation.add(predicted: articles, home: example.home, gold: example.gold, attribution: example.attribution)
        return evaluation
    }

    /// Cross-validation: each bulletin scored by weights trained on the bulletins outside its
    /// fold — by default every bulletin alone (leave one out).
    ///
    /// Folds are independent, so they are trained in parallel; the scores are merged in
    /// bulletin order, so the result does not depend on the order they finish in.
    public func crossValidate(_ examples: [Example], folds: Folds? = nil) -> AttributionEvaluation {
        let folds = folds ?? .leaveOneOut(count: examples.count)
        let results = ResultSlots<AttributionEvaluation>(count: examples.count)
        DispatchQueue.concurrentPerform(iterations: folds.groups.count) { fold in
            let model = train(folds.outside(fold, of: examples))
            for held in folds.groups[fold] { results.set(held, score(model, examples[held])) }
        }
        var total = AttributionEvaluation()
        for evaluation in results.values { total.merge(evaluation) }
        return total
    }

    /// `attribution-weights.tsv` as `bulletin train corpus --attribution -o …` writes it.
    public func weightsFile(_ model: AttributionModel, trainedOn examples: [Example]) -> String {
        let articles = examples.reduce(0) { $0 + $1.attribution.articles.count }
        return model.tsv(header: [
            "Attribution weights: how much each feature speaks for a town being an article's subject",
            "(task subject) and for a town practising a mechanism the article names (task practice);",
            "features in Attribute/AttributionFeatures.swift. A candidate counts when its sum is above zero.",
            "Made by `bulletin train corpus --attribution -o lexicons/attribution-weights.tsv` (\(examples.count) bulletins, \(articles) articles, \(epochs) epochs); do not edit by hand.",
        ])
    }
}
