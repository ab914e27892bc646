import BulletinKit
import Foundation

/// `bulletin report SOURCE -o report.html`: the self-contained report page for editors.
struct ReportCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "output", short: "o", takesValue: true), .init(long: "attribution", takesValue: true, values: TownCredit.names),
        .init(long: "kind", takesValue: true, values: MechanismKind.selectionNames),
    ]

    static let help = CommandHelp(
        name: "report",
        overview: "Write one self-contained HTML page: towns × mechanisms heat map, evidence, diffusion charts.",
        usage: "bulletin report <source> -o <file.html> [--kind <kinds>|all] [--attribution passage|article]",
        arguments: [
            .init(label: "<source>", text: "An output folder of 'bulletin run -o', an articles.jsonl, or a folder\nof bulletins (the pipeline runs first).")
        ],
        options: [
            .init(label: "-o, --output <file>", text: "The HTML file to write (no network needed to open it)."),
            .init(label: "--kind <kinds>", text: "The kinds of entries shown, comma-separated — mechanism, campaign,\nprogramme, principle — or all (default: mechanism,campaign)."),
            .init(label: "--attribution <rule>", text: "passage (default): a town reports a mechanism where the text credits\nit with practising it; article: wherever an article names both."),
            .init(label: "-h, --help", text: "Show help information."),
        ])

    let source: String
    let output: String
    let credit: TownCredit
    let kinds: Set<MechanismKind>

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: ReportCommand.options).scan(arguments)
        credit = try TownCredit.parse(parsed.last("attribution"))
        kinds = try MechanismKind.parseSelection(parsed.last("kind"))
        guard parsed.positionals.count == 1 else {
            throw UsageError(parsed.positionals.isEmpty ? "missing <source>" : "report takes one <source>")
        }
        guard let output = parsed.last("output") else { throw UsageError("missing -o <file.html>") }
        source = parsed.positionals[0]
        self.output = output
    }

    func run(console: Console) -> ExitStatus {
        guard let lexicons = try? Lexicons.builtin() else {
            console.problem("the built-in lexicons do not parse; run 'bulletin lexicon check'")
            return .inputProblems
        }
        guard let records = RecordSource.load(source, lexicons: lexicons, console: console) else { return .inputProblems }
        let name = (source as NSString).lastPathComponent
        do {
            let file = try AtomicFile(path: output)
            let forms = Dictionary(lexicons.mechanisms.entries.map { ($0.name, $0.forms) }, uniquingKeysWith: { a, _ in a })
            try file.write(ReportPage.html(records, title: "bulletin report — \(name)", credit: credit, kinds: kinds, forms: forms))
            try file.commit()
        } catch {
            console.problem(error.description)
            return .outputFailed
        }
        console.error("bulletin: \(counted(records.count, "article")) → \(output)\n")
        return .success
    }
}
