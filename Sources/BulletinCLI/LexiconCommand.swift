import BulletinKit
import Foundation

/// `bulletin lexicon check|stats|list|show|suggest`: validate lexicon files, count and print what
/// they hold, and mine bulletins for mechanisms the lexicon lacks.
struct LexiconCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "kind", takesValue: true, values: MechanismKind.allCases.map(\.rawValue)),
        .init(long: "category", takesValue: true),
    ]

    static let help = CommandHelp(
        name: "lexicon",
        overview: "Check, count and grow the lexicons.",
        usage: "bulletin lexicon check [<file> ...] | stats | list [--kind <k>] [--category <c>]\n                | show <name> | suggest <input> ...",
        arguments: [
            .init(label: "check [<file> ...]", text: "Validate the built-in lexicons and the given files: columns, ids,\ncategories, kinds, place codes and parents, forms claimed twice,\nempty names. Every problem names file and line; an entry replacing\na built-in one, or a row still marked unreviewed, is a warning."),
            .init(label: "stats", text: "Count the entries of each built-in lexicon, by level and category."),
            .init(label: "list", text: "The built-in mechanisms, one a line: id, name, kind, category\n(--kind mechanism|campaign|programme|principle, --category C filter)."),
            .init(label: "show <name>", text: "One mechanism by any of its forms: id, kind, category, every form,\ndescription."),
            .init(label: "suggest <input> ...", text: "Mine bulletins for mechanisms the lexicon lacks (quoted terms,\nnames ending in 机制/工作法/模式…, N所联动, X长制, N+N+N …), ranked by\ntowns and bulletins, as TSV rows marked unreviewed for a --lexicon\nfile. Variants of one candidate are one row (“365”机制 in the\naliases of “365”工作机制); quoted rhetoric (跑出“加速度”) and\nfragments (各街镇迅速行动) are left out: lexicons/suggest-signals.tsv."),
        ],
        options: [
            .init(label: "--kind <kind>", text: "With list: only entries of this kind."),
            .init(label: "--category <c>", text: "With list: only entries of this category."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        words: actions)

    /// The actions, the first argument.
    static let actions = ["check", "stats", "list", "show", "suggest"]

    let action: String
    let arguments: [String]
    let kind: MechanismKind?
    let category: String?

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: LexiconCommand.options).scan(arguments)
        guard let action = parsed.positionals.first else {
            throw UsageError("missing action: check, stats, list, show or suggest")
        }
        guard LexiconCommand.actions.contains(action) else {
            throw UsageError("unknown action '\(action)' (check, stats, list, show or suggest)")
        }
        self.action = action
        self.arguments = Array(parsed.positionals.dropFirst())
        if action == "suggest" && self.arguments.isEmpty {
            throw UsageError("suggest needs bulletin files or folders")
        }
        if action == "show" && self.arguments.count != 1 {
            throw UsageError("show takes one mechanism name")
        }
        if let text = parsed.last("kind") {
            guard let kind = MechanismKind(rawValue: text) else {
                throw UsageError("--kind takes \(MechanismKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            }
            self.kind = kind
        } else {
            kind = nil
        }
        category = parsed.last("category")
    }

    func run(console: Console) -> ExitStatus {
        switch action {
        case "check": return check(console)
        case "stats": return stats(console)
        case "list": return list(console)
        case "show": return show(console)
        default: return suggest(console)
        }
    }

    /// The built-in mechanisms as TSV: id, name, kind, category.
    private func list(_ console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else { return .inputProblems }
        var out = "id\tname\tkind\tcategory\n"
        for entry in lexicons.mechanisms.entries
        where (kind == nil || entry.kind == kind) && (category == nil || entry.category == category) {
            out += "\(entry.id)\t\(entry.name)\t\(entry.kind.rawValue)\t\(entry.category)\n"
        }
        console.out(out)
        return .success
    }

    /// One mechanism found by any of its forms, with everything the lexicon says of it.
    private func show(_ console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else { return .inputProblems }
        let key = MechanismLexicon.matchKey(arguments[0], folding: lexicons.folding)
        guard
            let entry = lexicons.mechanisms.entries.first(where: { entry in
                entry.id == arguments[0] || entry.forms.contains { MechanismLexicon.matchKey($0, folding: lexicons.folding) == key }
            })
        else {
            console.problem("no mechanism '\(arguments[0])' in the lexicon ('bulletin lexicon list' shows them all)")
            return .inputProblems
        }
        let lines = [
            "\(entry.name)  (\(entry.id))",
            "  kind         \(entry.kind.rawValue)",
            "  category     \(entry.category)",
            "  forms        \(entry.forms.joined(separator: " | "))",
            "  description  \(entry.description)",
            "  defined at   \(entry.origin)",
        ]
        console.out(lines.joined(separator: "\n") + "\n")
        return .success
    }

    private func check(_ console: Console) -> ExitStatus {
        var problems = 0
        let lexicons: Lexicons
        do {
            lexicons = try Lexicons.builtin()
        } catch {
            console.problem(error.description)
            return .inputProblems
        }
        var warnings = 0
        for path in arguments {
            do {
                let bytes = try InputFiles.read(path)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw LexiconError.unreadable(file: path, reason: "not UTF-8")
                }
                // Each file on its own, on top of the built-in lexicons: every problem, by line.
                for diagnostic in lexicons.diagnose(userFile: path, contents: text) {
                    console.problem(diagnostic.description)
                    if diagnostic.isError { problems += 1 } else { warnings += 1 }
                }
            } catch let error as LexiconError {
                console.problem(error.description)
                problems += 1
            } catch let error as InputError {
                console.problem(error.description)
                problems += 1
            } catch {
                console.problem("\(path): \(error)")
                problems += 1
            }
        }
        let files = lexicons.sources.count + arguments.count
        let warned = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        console.out("\(files) lexicon files checked, \(problems) problem\(problems == 1 ? "" : "s")\(warned)\n")
        return problems == 0 ? .success : .inputProblems
    }

    private func stats(_ console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else {
            console.problem("the built-in lexicons do not parse; run 'bulletin lexicon check'")
            return .inputProblems
        }
        var out = ""
        for source in lexicons.sources {
            let rows = (try? TSVTable(parsing: source.contents, file: source.name, required: []))?.rows.count ?? 0
            out += "\(source.name)\t\(rows) rows\n"
        }
        out += "places by level:\n"
        for level in AdminLevel.allCases where level != .community {
            out += "  \(level.rawValue)\t\(lexicons.gazetteer.places.filter { $0.level == level }.count)\n"
        }
        out += "mechanisms by category:\n"
        let categories = Dictionary(grouping: lexicons.mechanisms.entries, by: \.category)
        for category in categories.keys.sorted() {
            out += "  \(category)\t\(categories[category]!.count)\n"
        }
        let forms = lexicons.mechanisms.entries.reduce(0) { $0 + $1.forms.count }
        out += "mechanism forms: \(forms)\n"
        console.out(out)
        return .success
    }

    private func suggest(_ console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else {
            console.problem("the built-in lexicons do not parse; run 'bulletin lexicon check'")
            return .inputProblems
        }
        var suggester = MechanismSuggester(
            lexicon: lexicons.mechanisms, suffixes: lexicons.mechanismSuffixes, notMechanisms: lexicons.notMechanisms,
            signals: lexicons.suggestionSignals)
        let runner = BatchRunner(ingester: Ingester(lexicons: lexicons), tagger: Tagger(lexicons: lexicons))
        var problems = 0
        let sink = CollectingSink<Article>(keepsArticles: false) { input in
            for problem in input.problems { console.problem(problem.description) }
            problems += input.problems.count
            for article in input.articles { suggester.add(article) }
        }
        _ = runner.run(files: arguments, into: sink, readStandardInput: { console.standardInput() })
        var out = "# Candidate mechanisms mined by `bulletin lexicon suggest`: review, give each a real id,\n"
        out += "# category and description, keep the rows you accept, and pass the file with --lexicon.\n"
        out += "id\tname\tcategory\taliases\tdescription\ttowns\tbulletins\tcount\texample\tsource\n"
        for (rank, suggestion) in suggester.ranked.enumerated() {
            let clean = { (text: String) in text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            out += "suggested-\(rank + 1)\t\(clean(suggestion.name))\tunreviewed\t\(clean(suggestion.aliases.joined(separator: "|")))\t\t\(suggestion.towns.count)\t\(suggestion.bulletins.count)\t\(suggestion.count)\t\(clean(suggestion.example))\t\(suggestion.source)\n"
        }
        console.out(out)
        return problems == 0 ? .success : .inputProblems
    }
}
