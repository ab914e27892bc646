import BulletinKit
import Foundation

/// `bulletin summarize PART... [-o DIR]`: merges the article records of partial runs (output
/// folders, `articles.jsonl` files, or the stdout of mapper-mode runs) into the town × mechanism
/// summary one run over the whole archive would have written.
struct SummarizeCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "output", short: "o", takesValue: true),
        .init(long: "no-bom", takesValue: false),
        .init(long: "attribution", takesValue: true, values: TownCredit.names),
    ]

    static let help = CommandHelp(
        name: "summarize",
        overview: "Merge the article records of partial runs into one town × mechanism summary.",
        usage: "bulletin summarize <part> ... [-o <dir>] [--attribution passage|article] [--no-bom]",
        arguments: [
            .init(
                label: "<part>",
                text: "An output folder of 'bulletin run -o', an articles.jsonl, or - for\nstandard input: JSON Lines article records, e.g. the parts a Spark\nor Hadoop job wrote with 'bulletin run --input-format jsonl -'.")
        ],
        options: [
            .init(
                label: "-o, --output <dir>",
                text: "Write town_mechanism.csv, first_mentions.csv and summary.json into\n<dir> (created if needed). Without it, summary.json goes to standard\noutput."),
            .init(
                label: "--attribution <rule>",
                text: "passage (default): count a mechanism for the towns the text credits\nwith practising it; article: for every town the article names."),
            .init(label: "--no-bom", text: "Write the CSV files without the UTF-8 byte-order mark Excel needs."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        footer: "The result does not depend on how the archive was split or in what order the\n  parts come; an article id seen twice (a retried task) is counted once.")

    let parts: [String]
    let outputDirectory: String?
    let bom: Bool
    let credit: TownCredit

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: SummarizeCommand.options).scan(arguments)
        credit = try TownCredit.parse(parsed.last("attribution"))
        guard !parsed.positionals.isEmpty else {
            throw UsageError("missing <part>: give output folders, articles.jsonl files, or - for standard input")
        }
        parts = parsed.positionals
        outputDirectory = parsed.last("output")
        bom = !parsed.flag("no-bom")
    }

    func run(console: Console) -> ExitStatus {
        // The article ids behind the cells spill into a temporary folder as they grow.
        let spill = NSTemporaryDirectory() + "bulletin-summarize-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: spill) }
        var summary = TownMechanismSummary(spillFolder: spill)
        var seen = Set<String>()
        var problems = 0
        var records = 0
        for part in parts {
            let path = SummarizeCommand.recordsFile(part)
            if path != part, !RecordSource.finishInterruptedCommit(in: part, console: console) {
                problems += 1
                continue
            }
            var repeated: [String] = []
            let add = { (number: Int, line: ArraySlice<UInt8>) in
                guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
                let report: TownMechanismSummary.Report
                do {
                    report = TownMechanismSummary.Report(record: try ArticleRecord.decode(line), credit: credit)
                } catch {
                    problems += 1
                    console.problem("\(path):\(number): not an article record (\(error))")
                    return
                }
                guard seen.insert(report.id).inserted else {
                    repeated.append("\(report.id) (line \(number))")
                    return
                }
                records += 1
                try summary.add(report)
            }
            do {
                if path == "-" {
                    try LineReader.forEachLine(in: console.standardInput(), add)
                } else {
                    try LineReader.forEachLine(of: path, add)
                }
            } catch {
                problems += 1
                console.problem("\(error)")
            }
            if !repeated.isEmpty {
                let shown = repeated.prefix(3).joined(separator: ", ") + (repeated.count > 3 ? ", …" : "")
                console.problem("\(path): \(counted(repeated.count, "article")) seen before, counted once: \(shown)")
            }
        }
        if let outputDirectory {
            do {
                try OutputFolder.writeSummary(summary, bom: bom, into: outputDirectory)
            } catch {
                console.problem(error.description)
                return .outputFailed
            }
            console.error("bulletin: \(counted(records, "article")) from \(counted(parts.count, "part")) → \(outputDirectory)/\n")
        } else {
            do {
                try summary.write("summary.json", bom: false) { console.out($0) }
            } catch {
                console.problem(error.description)
                return .inputProblems
            }
        }
        return problems > 0 ? .inputProblems : .success
    }

    /// A folder stands for its `articles.jsonl`.
    static func recordsFile(_ part: String) -> String {
        var isDirectory: ObjCBool = false
        if part != "-", FileManager.default.fileExists(atPath: part, isDirectory: &isDirectory), isDirectory.boolValue {
            return part + "/articles.jsonl"
        }
        return part
    }
}
