@testable import BulletinKit
import Foundation
import Testing

@Suite("Layout model: decoding, training, the weights file")
struct LayoutModelTests {
    /// A model with random weights over `features` features.
    static func randomModel(features: Int, seed: UInt64) -> LayoutModel {
        var random = SplitMix64(seed: seed)
        var model = LayoutModel()
        for f in 0..<features { _ = model.row(for: "f\(f)") }
        for i in model.weights.indices { model.weights[i] = Double(Int(random.next() % 200) - 100) / 10 }
        for i in model.transitions.indices { model.transitions[i] = Double(Int(random.next() % 200) - 100) / 10 }
        for i in model.agreement.indices { model.agreement[i] = Double(Int(random.next() % 200) - 100) / 10 }
        return model
    }

    /// `total` with the agreement weights: each block linked as parallel adds the weight of its
    /// role given the class of the last heading's role.
    static func totalAgreeing(_ model: LayoutModel, rows: [[Int]], links: [HeadingLink], roles: [BlockRole]) -> Double {
        var sum = total(model, rows: rows, roles: roles)
        var lastClass = 0
        for (i, role) in roles.enumerated() {
            if links[i] == .parallel { sum += model.agreement(lastClass: lastClass, role: role) }
            if links[i] != .none { lastClass = HeadingLink.headingClass(role) }
        }
        return sum
    }

    /// The score of a whole role sequence, summed the long way.
    static func total(_ model: LayoutModel, rows: [[Int]], roles: [BlockRole]) -> Double {
        var sum = 0.0
        for (i, role) in roles.enumerated() {
            sum += model.transition(from: i > 0 ? roles[i - 1] : nil, to: role) + model.score(rows: rows[i], role: role)
        }
        return sum
    }

    /// The highest `score` over every sequence whose block `i` takes one of `choices(i)`: the
    /// exhaustive search each decoder is checked against.
    static func bestByExhaustiveSearch(count: Int, choices: (Int) -> [BlockRole], score: ([BlockRole]) -> Double) -> Double {
        var best = -Double.infinity
        func extend(_ prefix: [BlockRole]) {
            if prefix.count == count {
                best = max(best, score(prefix))
                return
            }
            for role in choices(prefix.count) { extend(prefix + [role]) }
        }
        extend([])
        return best
    }

    @Test("Viterbi finds the best role sequence that exhaustive search finds, furniture kept fixed")
    func viterbiMatchesBruteForce() {
        let paragraphRoles: [BlockRole] = [.title, .lead, .body, .subheading]
        for seed in UInt64(1)...40 {
            var random = SplitMix64(seed: seed)
            let model = LayoutModelTests.randomModel(features: 6, seed: seed)
            let count = 1 + Int(random.next() % 5)
            let rows = (0..<count).map { _ in (0..<3).map { _ in Int(random.next() % 6) } }
            let fixed: [BlockRole?] = (0..<count).map { _ in random.next() % 4 == 0 ? .byline : nil }
            // Exhaustive search over the four roles for free blocks (the decoder may also pick
            // the other paragraph roles, so it can only do as well or better).
            let best = LayoutModelTests.bestByExhaustiveSearch(
                count: count, choices: { fixed[$0].map { [$0] } ?? paragraphRoles },
                score: { LayoutModelTests.total(model, rows: rows, roles: $0) })
            let decoded = model.decode(rows: rows, fixed: fixed)
            let score = LayoutModelTests.total(model, rows: rows, roles: decoded)
            #expect(score >= best - 1e-9, "seed \(seed)")
            for (role, pinned) in zip(decoded, fixed) where pinned != nil { #expect(role == pinned, "seed \(seed)") }
            // And over every paragraph role, it is the maximum: no sequence scores higher.
            if count <= 4 {
                let exhaustive = LayoutModelTests.bestByExhaustiveSearch(
                    count: count, choices: { fixed[$0].map { [$0] } ?? BlockRole.paragraphRoles },
                    score: { LayoutModelTests.total(model, rows: rows, roles: $0) })
                #expect(abs(score - exhaustive) < 1e-9, "seed \(seed)")
            }
        }
    }

    @Test("with headings linked as parallel, Viterbi over (role, last heading's class) finds the best sequence exhaustive search finds")
    func agreeingViterbiMatchesBruteForce() {
        for seed in UInt64(1)...40 {
            var random = SplitMix64(seed: seed)
            let model = LayoutModelTests.randomModel(features: 6, seed: seed)
            let count = 2 + Int(random.next() % 3)
            let rows = (0..<count).map { _ in (0..<3).map { _ in Int(random.next() % 6) } }
            let fixed: [BlockRole?] = (0..<count).map { _ in random.next() % 5 == 0 ? .byline : nil }
            var links: [HeadingLink] = (0..<count).map { i in
                fixed[i] != nil ? .none : [HeadingLink.none, .heading, .parallel][Int(random.next() % 3)]
            }
            links[count - 1] = fixed[count - 1] == nil ? .parallel : .none
            let decoded = model.decode(rows: rows, fixed: fixed, links: links)
            for (role, pinned) in zip(decoded, fixed) where pinned != nil { #expect(role == pinned, "seed \(seed)") }
            let best = LayoutModelTests.bestByExhaustiveSearch(
                count: count, choices: { fixed[$0].map { [$0] } ?? BlockRole.paragraphRoles },
                score: { LayoutModelTests.totalAgreeing(model, rows: rows, links: links, roles: $0) })
            let score = LayoutModelTests.totalAgreeing(model, rows: rows, links: links, roles: decoded)
            #expect(abs(score - best) < 1e-9, "seed \(seed)")
        }
    }

    @Test("a role is ruled out for blocks longer, or with more commas, than any the gold gives it")
    func sizeSupportRulesOutSizesTheGoldNeverShows() {
        var model = LayoutModel()
        let short = model.row(for: "len:13-16")
        let long = model.row(for: "len:41-60")
        let longer = model.row(for: "len:61-100")
        let oneComma = model.row(for: "commas:1")
        let twoCommas = model.row(for: "commas:2")
        let sequence = StructuredPerceptron.Sequence(
            rows: [[short, oneComma], [long, twoCommas], [longer, twoCommas]], fixed: [nil, nil, nil],
            gold: [.title, .body, .body])
        let excluded = SizeSupport.excluded([sequence], model: model)
        let ruledOut = { (row: Int, role: BlockRole) in excluded.contains { $0.row == row && $0.role == role } }
        // Titles: at most 16 characters and one comma in the gold; one bin past is ruled out
        // (a 64-character line of four commas cut off by a page break is no title).
        #expect(ruledOut(long, .title) && ruledOut(longer, .title) && ruledOut(twoCommas, .title))
        #expect(!ruledOut(short, .title) && !ruledOut(oneComma, .title))
        // Body text: the gold shows every size here.
        #expect(!ruledOut(longer, .body) && !ruledOut(twoCommas, .body))
    }

    @Test("the perceptron learns that headings set alike are read alike, which no feature of the second heading can tell")
    func perceptronLearnsAgreement() {
        // Each bulletin: a heading with a clue, text, a second heading set like the first (same
        // features in every bulletin), text. Titles in one kind of bulletin, subheadings in the other.
        var model = LayoutModel()
        let clueTitle = model.row(for: "clue-title")
        let clueSub = model.row(for: "clue-subheading")
        let heading = model.row(for: "heading")
        let text = model.row(for: "text")
        var sequences: [StructuredPerceptron.Sequence] = []
        for n in 0..<8 {
            let titles = n % 2 == 0
            let role: BlockRole = titles ? .title : .subheading
            sequences.append(.init(
                rows: [[heading, titles ? clueTitle : clueSub], [text], [heading], [text]],
                fixed: [nil, nil, nil, nil], links: [.heading, .none, .parallel, .none],
                gold: [role, .body, role, .body]))
        }
        let trained = StructuredPerceptron(epochs: 10).train(sequences, model: model)
        for sequence in sequences {
            #expect(trained.decode(rows: sequence.rows, fixed: sequence.fixed, links: sequence.links) == sequence.gold)
        }
        // Without the links the second heading's features are the same in both kinds: one of
        // them is read wrong.
        let unlinked = sequences.map { StructuredPerceptron.Sequence(rows: $0.rows, fixed: $0.fixed, gold: $0.gold) }
        let plain = StructuredPerceptron(epochs: 10).train(unlinked, model: model)
        #expect(Set(unlinked.map { plain.decode(rows: $0.rows, fixed: $0.fixed)[2] }).count == 1)
    }

    @Test("`bulletin split`'s reasons name the agreement weight where a numbered part is read like the part before it")
    func splitShowsAgreement() throws {
        let path = Corpus.folder + "/2024-06_feature-huating.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = Ingester(lexicons: Corpus.lexicons).articles(in: Bulletin(path: path, text: text), explaining: true)
        #expect(result.reasons.values.contains { $0.contains("agree:subheading +") }, "\(result.reasons.values.sorted())")
    }

    @Test("an interview turn takes the best of the text roles, never a heading, and the rest of the sequence stays optimal")
    func turnsAreNeverHeadings() {
        for seed in UInt64(1)...30 {
            var random = SplitMix64(seed: seed)
            let model = LayoutModelTests.randomModel(features: 6, seed: seed)
            let count = 1 + Int(random.next() % 4)
            let rows = (0..<count).map { _ in (0..<3).map { _ in Int(random.next() % 6) } }
            let fixed = [BlockRole?](repeating: nil, count: count)
            let turns: [Bool] = (0..<count).map { _ in random.next() % 2 == 0 }
            let decoded = model.decode(rows: rows, fixed: fixed, turns: turns)
            for (role, turn) in zip(decoded, turns) where turn { #expect(BlockRole.turnRoles.contains(role), "seed \(seed)") }
            let best = LayoutModelTests.bestByExhaustiveSearch(
                count: count, choices: { turns[$0] ? BlockRole.turnRoles : BlockRole.paragraphRoles },
                score: { LayoutModelTests.total(model, rows: rows, roles: $0) })
            #expect(abs(LayoutModelTests.total(model, rows: rows, roles: decoded) - best) < 1e-9, "seed \(seed)")
        }
    }

    @Test("the perceptron learns a separable toy layout and gives the same weights every time")
    func perceptronLearnsAndIsDeterministic() {
        // Short lines are titles, long ones body; a byline closes each article.
        var model = LayoutModel()
        let short = model.row(for: "short")
        let long = model.row(for: "long")
        var sequences: [StructuredPerceptron.Sequence] = []
        for n in 1...6 {
            var rows: [[Int]] = []
            var fixed: [BlockRole?] = []
            var gold: [BlockRole] = []
            for _ in 0..<n {
                rows += [[short], [long], [long], []]
                fixed += [nil, nil, nil, .byline]
                gold += [.title, .lead, .body, .byline]
            }
            sequences.append(.init(rows: rows, fixed: fixed, gold: gold))
        }
        let trained = StructuredPerceptron(epochs: 10).train(sequences, model: model)
        for sequence in sequences {
            #expect(trained.decode(rows: sequence.rows, fixed: sequence.fixed) == sequence.gold)
        }
        let again = StructuredPerceptron(epochs: 10).train(sequences, model: model)
        #expect(trained.tsv(header: []) == again.tsv(header: []))
        // Several orders averaged: still right on what it learned, still the same every time,
        // and not the one-order model (each order's perceptron differs).
        let averaged = StructuredPerceptron(epochs: 10, orders: 4).train(sequences, model: model)
        for sequence in sequences {
            #expect(averaged.decode(rows: sequence.rows, fixed: sequence.fixed) == sequence.gold)
        }
        #expect(averaged.tsv(header: []) == StructuredPerceptron(epochs: 10, orders: 4).train(sequences, model: model).tsv(header: []))
        #expect(averaged.tsv(header: []) != trained.tsv(header: []))
    }

    @Test("the weights file reads back to the same model")
    func weightsRoundTrip() throws {
        let model = LayoutModelTests.randomModel(features: 5, seed: 7)
        let text = model.tsv(header: ["a test model"])
        let read = try LayoutModel(parsing: text, file: "w.tsv")
        #expect(read.tsv(header: ["a test model"]) == text)
        let rows = [[0, 1], [2], [3, 4]]
        #expect(read.decode(rows: rows, fixed: [nil, nil, nil]) == model.decode(rows: rows, fixed: [nil, nil, nil]))
    }

    @Test("a malformed weights line is an error naming the file and line")
    func malformedWeights() {
        #expect(throws: LexiconError.malformedRow(file: "w.tsv", line: 3, message: "unknown role 'headline'")) {
            try LayoutModel(parsing: "feature\trole\tweight\nbias\ttitle\t1.5\nbias\theadline\t2\n", file: "w.tsv")
        }
        #expect(throws: LexiconError.malformedRow(file: "w.tsv", line: 2, message: "weight 'x' is not a number")) {
            try LayoutModel(parsing: "feature\trole\tweight\nbias\ttitle\tx\n", file: "w.tsv")
        }
    }

    @Test("the built-in weights are what training on the corpus gives (run `bulletin train corpus -o lexicons/layout-weights.tsv`)")
    func builtInWeightsAreCurrent() throws {
        let training = LayoutTraining(lexicons: Corpus.lexicons)
        let examples = try training.examples(in: Corpus.folder)
        let text = training.weightsFile(training.train(examples), trainedOn: examples)
        let builtIn = try String(contentsOfFile: Corpus.packageRoot + "/lexicons/layout-weights.tsv", encoding: .utf8)
        #expect(text == builtIn)
    }

    // Ten folds dealt by family and one perceptron order per fold: leaving each of 429 bulletins
    // out, in a debug build, took most of CI's time, and the shipped model averages five orders
    // (`orders`); `bulletin train corpus --cross-validate` reports leave-one-out with five orders
    // (README), a little above these.
    @Test("ten folds (one order each): boundary F1 ≥ 0.88, titles ≥ 0.90, every family ≥ 0.75 on bulletins the model never saw")
    func crossValidated() throws {
        var training = LayoutTraining(lexicons: Corpus.lexicons)
        training.perceptron.orders = 1
        let examples = try training.examples(in: Corpus.folder)
        let result = training.crossValidate(examples, folds: .dealt(10, families: examples.map(\.family)))
        print("layout model, ten folds:\n\(result.table)")
        #expect(result.total().f1 >= 0.88, "\(result.table)")
        #expect(result.total().accuracy("title") >= 0.90, "\(result.table)")
        for family in result.families {
            #expect(result.total(family: family).f1 >= 0.75, "\(family)\n\(result.table)")
        }
    }

    @Test("every gold article is found in its bulletin's blocks (the gold and the repair agree)")
    func goldAligns() throws {
        let training = LayoutTraining(lexicons: Corpus.lexicons)
        let examples = try training.examples(in: Corpus.folder)
        let problems = examples.flatMap(\.problems)
        for problem in problems { print("  alignment: \(problem)") }
        // Known: gold articles whose start or title the line classifier or the repair hides (a
        // title split mid-phrase, a notice's salutation joined to its first line, a sidebar, a
        // web title read as page furniture, a run-in `X镇　` label cut as a title, a jump title
        // above `（上接第1版）` joined to the last line of the page before it, a title printed after
        // its article's body; with batch j, numbered items run into the text of a hard-wrapped
        // work brief and colon subheadings run into their paragraph; with batch k, two-line titles and
        // titles after their body; with batch l, service lines printed after a closing byline and
        // subheadings of a long feature read as titles; with batch m, a title printed after its
        // body under a credit line, a work-brief item run into its hard-wrapped text, a
        // continuation's repeated title run in after `（上接第1版）`, a notice's closing line; with
        // batch n, titles run into hard-wrapped brief and work-brief text, a numbered subheading
        // run into its paragraph, a title after its body, a kicker stack's title; with batches aa
        // and ab — 369 to 393 bulletins, 52 to 62 — run-in brief titles on their text's line,
        // `1.` items run in after a heading, a notice's office line as masthead; with batch ad —
        // 405 to 417, 63 to 66 — a case story's part labels in brackets (`【案情】`), read as
        // sections, and a lost-property notice's contact line read as imprint; with batch ae —
        // 417 to 429, 66 to 68 — a `◎` item's run-in title before a colon after a word ending
        // like an actor (`◎主题党日走进渔村：`), and a lost-property notice's telephone line; with
        // batch af — 429 to 441, 68 to 73 — a digest's titles run into their text before `——`
        // (`新建村“法律明白人”进宅基——11月5日晚，…`), which no run-in reading offers; with batch
        // ah — 453 to 465, 73 to 76 — a `【温馨提示】` label run in before its item's text (a
        // label to the run-in reading, not a headline), 金城镇's label over its item read as a
        // writer's credit (the town-name shape takes its `城镇` for the generic word), and a work
        // brief's opening quotation cut from its paragraph under a `（…供稿）` line; with batch ai —
        // 465 to 477, 76 to 77 — a WeChat digest's item title that opens like a lead (`我镇召开…`)
        // joined to the paragraph under it; with batch aj — 477 to 489, 77 to 78 — a title of
        // three phrases and two commas, `婚事新办,省下的是钱,留下的是新风`, read as the start of a
        // sentence a page break cut and joined to the paragraph under it; with batch ak — 489 to
        // 501, 78 to 80 — two signed lines the furniture rules take for the colophon before the
        // model reads them: a notice's signing date over the paper's imprint, and a Q&A item's
        // `咨询电话：…` line over the 报/送/发 distribution lines; with batch al — 501 to 513, 80 to
        // 81 — another such contact line, over a WeChat post's 来源/编辑 footer; batch an — 525 to
        // 537 — brought four more (two contact lines, an office credit under one, a continuation's
        // repeated title), and contact lines right under text went to the model as text: 85 to 76;
        // batch ao — 537 to 549 — brought one, a commentary's title in half-width punctuation glued
        // to its first paragraph, which opens with a straight quote; a straight quote opens a
        // quotation unless the paragraph holds an odd number of them: 77 to 76; batch ap — 549 to
        // 561 — brought none; batch aq — 561 to 573, 76 to 78 — a web page's `01` set on a line
        // above its part heading, and a notice's signing office and date read as the imprint;
        // batch ar — 573 to 585 — brought none).
        #expect(problems.count <= 78, "\(problems)")
    }
}
