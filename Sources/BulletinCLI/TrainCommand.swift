import BulletinKit
import Foundation

/// `bulletin train CORPUS... [--attribution] [-o FILE] [--cross-validate] [--score DIR]`: learns
/// the layout model's weights (or, with `--attribution`, attribution's) from annotated bulletins,
/// measures them leaving one bulletin out, and scores them on bulletins they never saw.
struct TrainCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "output", short: "o", takesValue: true),
        .init(long: "cross-validate", takesValue: false),
        .init(long: "folds", takesValue: true),
        .init(long: "attribution", takesValue: false),
        .init(long: "score", takesValue: true),
        .init(long: "epochs", takesValue: true),
        .init(long: "margin", takesValue: true),
        .init(long: "orders", takesValue: true),
        .init(long: "verbose", short: "v", takesValue: false),
    ]

    static let help = CommandHelp(
        name: "train",
        overview: "Learn the layout model (which line is a title, subheading, caption …) or, with\n--attribution, which towns practise which mechanism, from gold.",
        usage: "bulletin train <corpus> ... [--attribution] [-o <file>] [--cross-validate [--folds <k>]]\n                [--score <dir>] [--epochs <n>] [--margin <x>] [--orders <n>] [-v]",
        arguments: [
            .init(label: "<corpus>", text: "A folder of bulletins NAME.txt, each with its gold NAME.gold.json\n(format in corpus/README.md).")
        ],
        options: [
            .init(label: "--attribution", text: "Learn attribution instead, from NAME.attribution.json beside the gold\n(lexicons/attribution-weights.tsv); scores are town × mechanism triples\nand subject towns."),
            .init(label: "-o, --output <file>", text: "Write the weights there (lexicons/layout-weights.tsv to build them\ninto the tool); without it they go to standard output."),
            .init(label: "--cross-validate", text: "Leave each bulletin out in turn, train on the others, score it; print\nboundary P/R/F1 and titles by layout family."),
            .init(label: "--folds <k>", text: "With --cross-validate: hold out k folds in turn instead, each dealt\nevery layout family in proportion; k models instead of one per\nbulletin, each trained on a little less (scores a little lower)."),
            .init(label: "--score <dir>", text: "Score the trained weights on the annotated bulletins of <dir>, which\ntraining did not see; print the table by family."),
            .init(label: "--epochs <n>", text: "Passes over the corpus (default 20)."),
            .init(label: "--margin <x>", text: "How much the gold roles must win by, per block, before training stops\ncorrecting them (default \(LayoutTraining.StructuredPerceptronSettings().margin); 0: the plain perceptron)."),
            .init(label: "--orders <n>", text: "How many perceptrons, each meeting the bulletins in its own order, are\naveraged (default \(LayoutTraining.StructuredPerceptronSettings().orders) for the layout model, \(AttributionTraining.defaultOrders) for attribution)."),
            .init(label: "-v, --verbose", text: "Also print each bulletin's score and every miss; with --cross-validate,\nthe role confusion and every block read as a title or lost as one."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        footer: "Training is deterministic: the same gold gives the same weights, byte for byte.")

    let folders: [String]
    let output: String?
    let crossValidate: Bool
    let folds: Int?
    let attribution: Bool
    let scoreFolder: String?
    let epochs: Int
    let margin: Double
    let orders: Int?
    let verbose: Bool

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: TrainCommand.options).scan(arguments)
        guard !parsed.positionals.isEmpty else { throw UsageError("missing <corpus>: give a folder of annotated bulletins") }
        folders = parsed.positionals
        output = parsed.last("output")
        crossValidate = parsed.flag("cross-validate")
        attribution = parsed.flag("attribution")
        if let text = parsed.last("folds") {
            guard let k = Int(text), (2...1000).contains(k) else { throw UsageError("--folds takes a whole number from 2 to 1000") }
            guard crossValidate else { throw UsageError("--folds goes with --cross-validate") }
            folds = k
        } else {
            folds = nil
        }
        scoreFolder = parsed.last("score")
        verbose = parsed.flag("verbose")
        if let text = parsed.last("epochs") {
            guard let n = Int(text), (1...200).contains(n) else { throw UsageError("--epochs takes a whole number from 1 to 200") }
            epochs = n
        } else {
            epochs = 20
        }
        if let text = parsed.last("margin") {
            guard let x = Double(text), x >= 0, x <= 100 else { throw UsageError("--margin takes a number from 0 to 100") }
            margin = x
        } else {
            margin = LayoutTraining.StructuredPerceptronSettings().margin
        }
        if let text = parsed.last("orders") {
            guard let n = Int(text), (1...50).contains(n) else { throw UsageError("--orders takes a whole number from 1 to 50") }
            orders = n
        } else {
            orders = nil
        }
    }

    func run(console: Console) -> ExitStatus {
        let lexicons: Lexicons
        do { lexicons = try Lexicons.builtin() } catch {
            console.problem("\(error)")
            return .inputProblems
        }
        if attribution { return runAttribution(lexicons: lexicons, console: console) }
        var training = LayoutTraining(lexicons: lexicons)
        training.perceptron.epochs = epochs
        training.perceptron.margin = margin
        if let orders { training.perceptron.orders = orders }
        var examples: [LayoutTraining.Example] = []
        do {
            for folder in folders { examples += try training.examples(in: folder) }
        } catch {
            console.problem("\(error)")
            return .inputProblems
        }
        guard !examples.isEmpty else {
            console.problem("\(folders.joined(separator: ", ")): no bulletin with a .gold.json beside it")
            return .inputProblems
        }
        for example in examples {
            for problem in example.problems { console.error("bulletin: warning: \(problem)\n") }
        }
        let articles = examples.reduce(0) { $0 + $1.gold.articles.count }
        console.error("\(examples.count) bulletins, \(articles) gold articles\n")

        if crossValidate {
            let folds = Folds.make(folds, families: examples.map(\.family))
            let result = training.crossValidate(examples, folds: folds)
            console.out("\(folds.name), \(epochs) epochs:\n" + result.table + "\n")
            let ceiling = training.ceiling(examples)
            console.out(String(format: "with the gold's roles (what classification and repair leave reachable): P %.3f R %.3f F1 %.3f titles %.3f\n", ceiling.precision, ceiling.recall, ceiling.f1, ceiling.accuracy("title")))
            if verbose {
                for miss in ceiling.misses { console.out("    ceiling: \(miss)\n") }
                console.out(TrainCommand.details(names: result.examples.map(\.name), scores: result.scores))
                console.out("block roles, gold (rows) against decoded (columns):\n" + result.confusion.table + "\n")
                console.out("titles gained or lost, gold → decoded:\n" + result.confusion.cuts.map { "    " + $0 }.joined(separator: "\n") + "\n")
            }
        }
        let model = training.train(examples)
        if let scoreFolder {
            let unseen: [LayoutTraining.Example]
            do { unseen = try training.examples(in: scoreFolder) } catch {
                console.problem("\(error)")
                return .inputProblems
            }
            let result = training.score(model, on: unseen)
            console.out("trained on \(examples.count) bulletins, scored on \(unseen.count) unseen in \(scoreFolder):\n" + result.table + "\n")
            if verbose { console.out(TrainCommand.details(names: result.examples.map(\.name), scores: result.scores)) }
        }
        if crossValidate || scoreFolder != nil, output == nil { return .success }
        return write(training.weightsFile(model, trainedOn: examples), console: console)
    }

    func runAttribution(lexicons: Lexicons, console: Console) -> ExitStatus {
        var training = AttributionTraining(lexicons: lexicons)
        training.epochs = epochs
        if let orders { training.orders = orders }
        var examples: [AttributionTraining.Example] = []
        do {
            for folder in folders { examples += try training.examples(in: folder) }
        } catch {
            console.problem("\(error)")
            return .inputProblems
        }
        guard !examples.isEmpty else {
            console.problem("\(folders.joined(separator: ", ")): no bulletin with a .attribution.json beside it")
            return .inputProblems
        }
        console.error("\(examples.count) bulletins with attribution gold\n")
        if crossValidate {
            let folds = Folds.make(folds, families: examples.map(\.family))
            let result = training.crossValidate(examples, folds: folds)
            console.out("\(folds.name), \(epochs) epochs:\n" + result.table + "\n")
            if verbose { for miss in result.misses { console.out("    \(miss)\n") } }
        }
        let model = training.train(examples)
        if let scoreFolder {
            let unseen: [AttributionTraining.Example]
            do { unseen = try training.examples(in: scoreFolder) } catch {
                console.problem("\(error)")
                return .inputProblems
            }
            let result = training.score(model, on: unseen)
            console.out("trained on \(examples.count) bulletins, scored on \(unseen.count) unseen in \(scoreFolder):\n" + result.table + "\n")
            if verbose { for miss in result.misses { console.out("    \(miss)\n") } }
        }
        if crossValidate || scoreFolder != nil, output == nil { return .success }
        return write(training.weightsFile(model, trainedOn: examples), console: console)
    }

    /// The weights to `--output`, or to standard output.
    func write(_ text: String, console: Console) -> ExitStatus {
        guard let output else {
            console.out(text)
            return .success
        }
        do {
            let file = try AtomicFile(path: output)
            try file.write(text)
            try file.commit()
        } catch {
            console.problem("\(error)")
            return .outputFailed
        }
        console.error("wrote \(output)\n")
        return .success
    }

    static func details(names: [String], scores: [IngestEvaluation]) -> String {
        var out = ""
        for (name, score) in zip(names, scores) {
            out += String(format: "%@  F1 %.3f  titles %.3f\n", name, score.f1, score.accuracy("title"))
            for miss in score.misses { out += "    \(miss)\n" }
        }
        return out
    }
}
