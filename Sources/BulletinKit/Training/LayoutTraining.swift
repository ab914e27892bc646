import Foundation

/// Trains the layout model on annotated bulletins (`corpus/*.txt` with `*.gold.json`) and measures
/// it honestly: leave one bulletin out, train on the rest, score the one left out, for every
/// bulletin; scores by layout family and overall.
///
/// ```swift
/// let training = LayoutTraining(lexicons: try .builtin())
/// let examples = try training.examples(in: "corpus")
/// let model = training.train(examples)              // what `layout-weights.tsv` holds
/// let table = training.crossValidate(examples)      // boundary P/R/F1 and titles, by family
/// ```
public struct LayoutTraining: Sendable {
    public let lexicons: Lexicons
    public var perceptron = StructuredPerceptronSettings()
    let ingester: Ingester

    public init(lexicons: Lexicons) {
        self.lexicons = lexicons
        self.ingester = Ingester(lexicons: lexicons, model: LayoutModel())
    }

    /// How the perceptron is run.
    public struct StructuredPerceptronSettings: Sendable {
        public var epochs = 20
        /// Loss-augmented training: how much the gold must win by, per block.
        public var margin = 1.0
        /// Perceptrons averaged, each visiting the bulletins in its own order.
        public var orders = 5
        public init() {}
    }

    /// One annotated bulletin, laid out as blocks, with the roles its gold gives them.
    public struct Example: Sendable {
        public let name: String
        public let family: String
        public let bulletin: Bulletin
        public let gold: GoldBulletin
        let layout: Ingester.Layout
        let roles: [BlockRole]
        /// Gold strings no block matched (kept as lines to print).
        public let problems: [String]
    }

    /// Every bulletin of `folder` that has a gold annotation, sorted by name.
    /// - Throws: an `InputError` or decoding error naming the file.
    public func examples(in folder: String) throws -> [Example] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return try names.map { name in
            let path = folder + "/" + name + ".txt"
            let decoded = try TextDecoding.decode(try InputFiles.read(path), path: path)
            let gold: GoldBulletin
            do {
                gold = try GoldBulletin.load(folder + "/" + name + ".gold.json")
            } catch {
                throw TrainingError.badGold(file: folder + "/" + name + ".gold.json", reason: "\(error)")
            }
            return example(name: name, bulletin: Bulletin(path: path, text: decoded.text), gold: gold)
        }
    }

    func example(name: String, bulletin: Bulletin, gold: GoldBulletin) -> Example {
        let layout = ingester.layout(of: bulletin)
        let (roles, problems) = GoldRoles(classifier: ingester.classifier, features: ingester.features)
            .roles(of: layout.blocks, gold: gold)
        return Example(
            name: name, family: gold.layout ?? "other", bulletin: bulletin, gold: gold, layout: layout,
            roles: roles, problems: problems)
    }

    /// The model trained on `examples`.
    public func train(_ examples: [Example]) -> LayoutModel {
        var base = LayoutModel()
        let sequences = examples.map { sequence($0, registering: &base) }
        return StructuredPerceptron(epochs: perceptron.epochs, margin: perceptron.margin, orders: perceptron.orders).train(sequences, model: base)
    }

    /// `layout-weights.tsv` as `bulletin train corpus -o lexicons/layout-weights.tsv` writes it.
    public func weightsFile(_ model: LayoutModel, trainedOn examples: [Example]) -> String {
        let articles = examples.reduce(0) { $0 + $1.gold.articles.count }
        return model.tsv(header: [
            "Layout model weights: how much each feature of a block speaks for each role (BlockFeatures.swift).",
            "Made by `bulletin train corpus -o lexicons/layout-weights.tsv` (\(examples.count) bulletins, \(articles) articles, \(perceptron.epochs) epochs); do not edit by hand.",
            "Transitions are the rows whose feature is prev=ROLE (the role of the block before); agree:CLASS rows weigh a heading set like the last heading, by what that one was read as.",
        ])
    }

    private func sequence(_ example: Example, registering model: inout LayoutModel) -> StructuredPerceptron.Sequence {
        let rows = example.layout.features.map { $0.map { model.row(for: $0.name) } }
        return StructuredPerceptron.Sequence(rows: rows, fixed: example.layout.fixed, turns: example.layout.turns, links: example.layout.links, gold: example.roles)
    }

    /// Scores the articles `model` cuts from each example against its gold, by bulletin and
    /// family (bulletins it was not trained on, for an honest figure).
    public func score(_ model: LayoutModel, on examples: [Example]) -> CrossValidation {
        let ingester = Ingester(lexicons: lexicons, model: model)
        let scores = examples.map { example in
            var evaluation = IngestEvaluation()
            evaluation.add(predicted: ingester.articles(in: example.bulletin).articles, gold: example.gold)
            return evaluation
        }
        return CrossValidation(examples: examples.map { (name: $0.name, family: $0.family) }, scores: scores)
    }

    /// The score ingestion would reach if the model chose every role as the gold does: what
    /// line classification, page-break repair and assembly leave reachable.
    public func ceiling(_ examples: [Example]) -> IngestEvaluation {
        var total = IngestEvaluation()
        for example in examples {
            let articles = ingester.articles(in: example.bulletin, layout: example.layout, decided: example.roles)
            total.add(predicted: articles, gold: example.gold)
        }
        return total
    }

    /// Cross-validation: each bulletin scored by a model trained on the bulletins outside its
    /// fold — by default every bulletin alone (leave one out).
    /// Folds are independent, so they are trained in parallel; the result does not depend on
    /// the order they finish in.
    public func crossValidate(_ examples: [Example], folds: Folds? = nil) -> CrossValidation {
        let folds = folds ?? .leaveOneOut(count: examples.count)
        var registry = LayoutModel()
        let sequences = examples.map { sequence($0, registering: &registry) }
        let base = registry
        let settings = perceptron
        let lexicons = self.lexicons
        let results = ResultSlots<IngestEvaluation>(count: examples.count)
        let decodedRoles = ResultSlots<[BlockRole]>(count: examples.count)
        DispatchQueue.concurrentPerform(iterations: folds.groups.count) { fold in
            let training = folds.outside(fold, of: sequences)
            let model = StructuredPerceptron(epochs: settings.epochs, margin: settings.margin, orders: settings.orders).train(training, model: base)
            let ingester = Ingester(lexicons: lexicons, model: model)
            for held in folds.groups[fold] {
                var evaluation = IngestEvaluation()
                evaluation.add(predicted: ingester.articles(in: examples[held].bulletin).articles, gold: examples[held].gold)
                results.set(held, evaluation)
                decodedRoles.set(held, model.decode(rows: sequences[held].rows, fixed: sequences[held].fixed, turns: sequences[held].turns, links: sequences[held].links))
            }
        }
        var result = CrossValidation(examples: examples.map { ($0.name, $0.family) }, scores: results.values)
        let texts = examples.map { example in
            (name: example.name, blocks: example.layout.blocks.map { block -> String? in
                if case .paragraph(let paragraph) = block { return paragraph.text } else { return nil }
            })
        }
        result.confusion = RoleConfusion(gold: examples.map(\.roles), decoded: decodedRoles.values, texts: texts)
        return result
    }
}

/// What could not be read for training.
public enum TrainingError: Error, CustomStringConvertible, Sendable {
    case badGold(file: String, reason: String)

    public var description: String {
        switch self {
        case .badGold(let file, let reason): "\(file): cannot read the gold annotation: \(reason)"
        }
    }
}

/// Results written from parallel work, one slot each, read when all is done.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}
