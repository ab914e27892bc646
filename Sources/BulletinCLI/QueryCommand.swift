import BulletinKit
import Foundation

/// `bulletin query --mechanism NAME [--town NAME] SOURCE` and `bulletin query --town NAME SOURCE`:
/// the editors' look-up.
struct QueryCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "mechanism", short: "m", takesValue: true),
        .init(long: "town", short: "t", takesValue: true),
        .init(long: "format", short: "f", takesValue: true, values: formats),
        .init(long: "attribution", takesValue: true, values: TownCredit.names),
        .init(long: "kind", takesValue: true, values: MechanismKind.selectionNames),
    ]

    /// What `--format` takes; the first is the default.
    static let formats = ["table", "json", "tsv"]

    static let help = CommandHelp(
        name: "query",
        overview: "Find the towns that report a mechanism, or the mechanisms a town reports.",
        usage: "bulletin query (--mechanism <name> [--town <name>] | --town <name>) <source>\n                [--kind <kinds>|all] [--attribution passage|article] [--format table|json|tsv]",
        arguments: [
            .init(label: "<source>", text: "An output folder of 'bulletin run -o', an articles.jsonl, or a folder\nof bulletins (the pipeline runs first).")
        ],
        options: [
            .init(label: "-m, --mechanism <name>", text: "A mechanism by any of its names (四百 finds “四百”大走访): the towns\nthat report it, each with its articles and the sentence naming it."),
            .init(label: "-t, --town <name>", text: "A town (a unique start of its name will do: 桃浦 → 桃浦镇) or a\ndistrict (徐汇区: its towns, grouped): the mechanisms reported there.\nWith --mechanism: the articles where it is."),
            .init(label: "--kind <kinds>", text: "With --town alone: the kinds of entries listed, comma-separated —\nmechanism, campaign, programme, principle — or all (default:\nmechanism,campaign)."),
            .init(label: "--attribution <rule>", text: "passage (default): a town reports a mechanism where the text credits\nit with practising it; article: wherever an article names both."),
            .init(label: "-f, --format <format>", text: "table (default, fits 100 columns), json or tsv."),
            .init(label: "-h, --help", text: "Show help information."),
        ])

    let mechanism: String?
    let town: String?
    let source: String
    let format: String
    let credit: TownCredit
    let kinds: Set<MechanismKind>

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: QueryCommand.options).scan(arguments)
        credit = try TownCredit.parse(parsed.last("attribution"))
        kinds = try MechanismKind.parseSelection(parsed.last("kind"))
        mechanism = parsed.last("mechanism")
        town = parsed.last("town")
        format = parsed.last("format") ?? QueryCommand.formats[0]
        guard mechanism != nil || town != nil else { throw UsageError("give --mechanism, --town, or both") }
        for (option, value) in [("--mechanism", mechanism), ("--town", town)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty { throw UsageError("\(option) needs a name") }
        }
        guard QueryCommand.formats.contains(format) else {
            throw UsageError("unknown format '\(format)' (table, json or tsv)")
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(parsed.positionals.isEmpty ? "missing <source>" : "query takes one <source>")
        }
        source = parsed.positionals[0]
    }

    func run(console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else {
            console.problem("the built-in lexicons do not parse; run 'bulletin lexicon check'")
            return .inputProblems
        }
        guard let records = RecordSource.load(source, lexicons: lexicons, console: console) else {
            return .inputProblems
        }
        let query = ArticleQuery(records: records, lexicons: lexicons, credit: credit, kinds: kinds)
        let mechanismID: String?
        let area: ArticleQuery.Area?
        do {
            mechanismID = try mechanism.map { name throws(ArticleQuery.Problem) in try query.resolveMechanism(name) }
            area = try town.map { name throws(ArticleQuery.Problem) in try query.resolveArea(name) }
        } catch {
            console.problem(error.description)
            return .inputProblems
        }
        let hits = query.hits(mechanism: mechanismID, area: area)
        switch format {
        case "json": console.out(QueryCommand.json(hits))
        case "tsv": console.out(QueryCommand.tsv(hits))
        default:
            let title = [mechanismID.map { id in lexicons.mechanisms.entry(id: id)?.name ?? hits.first?.mechanism ?? id }, area?.name].compactMap { $0 }
            // A mechanism alone, or a district: by town; a town: by mechanism.
            let byTown: Bool
            switch area {
            case .town: byTown = false
            case .district: byTown = true
            case nil: byTown = mechanismID != nil
            }
            console.out(QueryCommand.table(hits, byTown: byTown, naming: mechanismID == nil, heading: title.joined(separator: " × ")))
        }
        return .success
    }

    static let width = 100

    /// `1 article`, `2 articles`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Grouped by town (for a mechanism, or a district) or by mechanism (for a town), most
    /// articles first; `naming` puts the mechanism before each title (a district's towns).
    static func table(_ hits: [ArticleQuery.Hit], byTown: Bool, naming: Bool = false, heading: String) -> String {
        var out = ""
        let groups = Dictionary(grouping: hits) { byTown ? $0.town + "\t" + $0.district : $0.mechanism }
        let order = groups.keys.sorted {
            groups[$0]!.count != groups[$1]!.count ? groups[$0]!.count > groups[$1]!.count : $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        let articles = Set(hits.map(\.article)).count
        out += "\(heading): \(count(groups.count, byTown ? "town" : "mechanism")), \(count(articles, "article"))\n"
        if hits.isEmpty { return out + "  (none)\n" }
        for key in order {
            let members = groups[key]!
            let label = key.replacingOccurrences(of: "\t", with: "  ")
            out += "\n" + DisplayWidth.pad(label, to: 40) + count(members.count, "article") + "\n"
            for hit in members {
                let date = DisplayWidth.pad(hit.date ?? "(no date)", to: 12)
                let title = (naming && byTown ? hit.mechanism + " · " : "") + (hit.title ?? "(no title) \(hit.article)")
                out += "  " + date + DisplayWidth.clip(title, to: width - 14) + "\n"
                out += "      " + DisplayWidth.clip("“" + hit.sentence + "”", to: width - 6) + "\n"
            }
        }
        return out
    }

    static func tsv(_ hits: [ArticleQuery.Hit]) -> String {
        let clean = { (s: String) in s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var out = "town\tdistrict\tmechanism\tdate\tarticle\ttitle\tsentence\n"
        for hit in hits {
            out += [hit.town, hit.district, hit.mechanism, hit.date ?? "", hit.article, hit.title ?? "", hit.sentence].map(clean).joined(separator: "\t") + "\n"
        }
        return out
    }

    static func json(_ hits: [ArticleQuery.Hit]) -> String {
        var json = JSONWriter()
        json.array { a in
            for hit in hits {
                a.object { o in
                    o.key("town"); o.string(hit.town)
                    o.key("district"); o.string(hit.district)
                    o.key("mechanism"); o.string(hit.mechanism)
                    o.key("date"); o.optionalString(hit.date)
                    o.key("article"); o.string(hit.article)
                    o.key("title"); o.optionalString(hit.title)
                    o.key("sentence"); o.string(hit.sentence)
                }
            }
        }
        return json.output + "\n"
    }
}
