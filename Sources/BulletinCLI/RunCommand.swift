import BulletinKit
import Foundation

/// `bulletin run INPUT... [-o DIR]`: the whole pipeline over files, folders and standard input.
struct RunCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "output", short: "o", takesValue: true),
        .init(long: "quiet", short: "q", takesValue: false),
        .init(long: "region", takesValue: true),
        .init(long: "lexicon", takesValue: true),
        .init(long: "no-bom", takesValue: false),
        .init(long: "jobs", short: "j", takesValue: true),
        .init(long: "input-format", takesValue: true, values: ["text", "jsonl"]),
        .init(long: "resume", takesValue: false),
        .init(long: "checkpoint-every", takesValue: true),
        .init(long: "attribution", takesValue: true, values: TownCredit.names),
        .init(long: "dates", takesValue: true),
    ]

    static let help = CommandHelp(
        name: "run",
        overview: "Ingest, tag and export bulletins.",
        usage: "bulletin run <input> ... [-o <dir> [--resume] [--checkpoint-every <s>]]\n                [--lexicon <file> ...] [--region <name>] [--dates <file>] [-j <n>]\n                [--attribution passage|article] [--input-format text|jsonl] [--no-bom] [-q]",
        arguments: [
            .init(
                label: "<input>",
                text: "A bulletin text file, a folder (searched recursively for *.txt,\nin sorted order), or - for standard input. UTF-8, UTF-16 with BOM\nand GB18030/GBK are read.")
        ],
        options: [
            .init(
                label: "-o, --output <dir>",
                text: "Write into <dir> (created if needed) instead of JSON Lines on\nstandard output: articles.jsonl, articles.json, articles.csv,\nmentions.csv, town_mechanism.csv, first_mentions.csv,\nsummary.json, manifest.json."),
            .init(
                label: "--resume",
                text: "Continue a run into <dir> that was interrupted (Ctrl-C, a crash, a\nfull disk): the files it finished are not read again, and the\noutputs come out as one uninterrupted run would write them."),
            .init(
                label: "--checkpoint-every <s>",
                text: "With -o: log finished files for --resume every <s> seconds (default\n30); an interruption costs at most that much work."),
            .init(
                label: "--attribution <rule>",
                text: "Which towns the town × mechanism tables count a mechanism for:\npassage (default) the towns the text credits with practising it;\narticle every town the article names (the rule before attribution)."),
            .init(label: "-j, --jobs <n>", text: "Files processed in parallel (default: the number of cores). The\noutput is the same for any n."),
            .init(label: "--input-format <f>", text: "text (default): bulletin files. jsonl: each input (or - for\nstandard input) holds one {\"id\": …, \"text\": …} bulletin a line —\nthe mapper mode for Spark's RDD.pipe or Hadoop Streaming. \"bytes\":\n<base64 of the file> instead of \"text\" is decoded as a file is."),
            .init(label: "--no-bom", text: "Write the CSV files without the UTF-8 byte-order mark Excel needs."),
            .init(
                label: "--lexicon <file>",
                text: "Add a lexicon of your own (same TSV format as lexicons/; repeatable):\nmechanisms, places or cues. Your entries win where they overlap."),
            .init(
                label: "--dates <file>",
                text: "Issue dates for bulletins whose file names and mastheads carry none:\na CSV of file (path or file name) and date (2023-12-08 or 2023-12),\none row a bulletin; these dates come first. Listed in manifest.json."),
            .init(
                label: "--region <name>",
                text: "Prefer places under this province, city or district when a name\nstays ambiguous in its article and bulletin: its name, a short form\nor its code (南通市, 南通, 3206)."),
            .init(label: "-q, --quiet", text: "Do not print the summary line on standard error."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        footer: "Exit status: 0 success, 1 some inputs had problems (reported; the rest\n  is still written), 2 usage error, 3 the output could not be written (a full\n  disk, a closed pipe, a folder that cannot be created, and why; an output\n  folder is left as it was), 130 interrupted (--resume continues).")

    let inputs: [String]
    let outputDirectory: String?
    let quiet: Bool
    let region: String?
    let userLexicons: [String]
    let bom: Bool
    let jobs: Int
    let jsonLines: Bool
    let resume: Bool
    let checkpointSeconds: Double
    let credit: TownCredit
    let datesFile: String?

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: RunCommand.options).scan(arguments)
        guard !parsed.positionals.isEmpty else {
            throw UsageError("missing <input>: give bulletin files, folders, or - for standard input")
        }
        inputs = parsed.positionals
        outputDirectory = parsed.last("output")
        quiet = parsed.flag("quiet")
        region = parsed.last("region")
        userLexicons = parsed.values["lexicon"] ?? []
        bom = !parsed.flag("no-bom")
        switch parsed.last("input-format") ?? "text" {
        case "text": jsonLines = false
        case "jsonl": jsonLines = true
        case let other: throw UsageError("unknown input format '\(other)' (text or jsonl)")
        }
        resume = parsed.flag("resume")
        credit = try TownCredit.parse(parsed.last("attribution"))
        datesFile = parsed.last("dates")
        if let text = parsed.last("checkpoint-every") {
            guard let seconds = Double(text), seconds > 0 else { throw UsageError("--checkpoint-every needs a number of seconds > 0, not '\(text)'") }
            checkpointSeconds = seconds
        } else {
            checkpointSeconds = 30
        }
        if resume {
            guard outputDirectory != nil else { throw UsageError("--resume continues a run into an output folder: give -o <dir>") }
            guard !jsonLines, !inputs.contains("-") else {
                throw UsageError("--resume cannot continue standard input or --input-format jsonl; run those again whole")
            }
        }
        if let text = parsed.last("jobs") {
            guard let n = Int(text), n >= 1 else { throw UsageError("--jobs needs a whole number ≥ 1, not '\(text)'") }
            jobs = n
        } else {
            jobs = ProcessInfo.processInfo.activeProcessorCount
        }
    }

    func run(console: Console) -> ExitStatus {
        Interrupt.install()
        let lexicons: Lexicons
        do {
            lexicons = try UserLexicons.load(userLexicons, console: console)
        } catch let error as LexiconError {
            console.problem(error.description)
            return .usage
        } catch let error as UserLexicons.Refused {
            console.problem(error.description)
            return .usage
        } catch {
            console.problem("\(error)")
            return .usage
        }
        var dates: IssueDates? = nil
        if let datesFile {
            do {
                dates = try IssueDates(contentsOf: datesFile)
            } catch {
                console.problem(error.description)
                return .usage
            }
        }
        var places: Region? = nil
        if let region {
            do {
                places = try Region(region, in: lexicons.gazetteer)
            } catch {
                console.problem(error.description)
                return .usage
            }
        }
        // Records and table rows are rendered in the workers; the writer only appends them.
        let credit = self.credit
        let full: @Sendable (Article) -> RenderedArticle = { RenderedArticle.full($0, credit: credit) }
        var runner = BatchRunner(
            ingester: Ingester(lexicons: lexicons), tagger: Tagger(lexicons: lexicons, region: places),
            render: outputDirectory == nil ? RenderedArticle.record : full)
        runner.dates = dates
        let progress = Progress(console: console)

        var folder: OutputFolder? = nil
        if let outputDirectory {
            do {
                // A run killed while moving its files into place is finished first (roll forward).
                if let finished = try OutputFolder.recover(path: outputDirectory) {
                    let same = finished.identity == runIdentity(lexicons: lexicons, dates: dates)
                    if resume && same {
                        console.problem("\(outputDirectory): the interrupted run had completed; its files are now in place, nothing to resume")
                        return .success
                    }
                    console.problem("\(outputDirectory): an interrupted run had completed; its files were put in place first")
                }
                folder = try OutputFolder(
                    path: outputDirectory, bom: bom, identity: runIdentity(lexicons: lexicons, dates: dates), resume: resume,
                    credit: credit)
                folder!.checkpointSeconds = checkpointSeconds
                if folder!.replacedInterruptedRun {
                    console.problem("\(outputDirectory): an interrupted run's partial output was discarded (--resume continues one)")
                }
            } catch {
                console.problem(error.description)
                return error.refusesResume ? .inputProblems : .outputFailed
            }
        }

        if jsonLines {
            return runJSONLines(runner: runner, folder: folder, lexicons: lexicons, console: console)
        }
        let summary: BatchRunner.Summary
        do {
            summary = try runner.run(
                inputs: inputs, jobs: jobs,
                readStandardInput: { console.standardInput() },
                problem: { progress.clear(); progress.problems += 1; console.problem($0.description) },
                progress: { progress.show(done: $0, total: $1, path: $2) },
                shouldStop: { Interrupt.wasRequested },
                alreadyDone: folder?.resumed.map { ($0.record, $0.problems) } ?? [],
                keepInputs: false,  // the output folder logs them; standard output needs none
                emit: { (article: Article) throws(OutputError) in
                    progress.articles += 1
                    progress.bytes += article.text.utf8.count
                    try RunCommand.emit(article, to: folder, console: console)
                },
                emitRendered: { (article: Article, rendered: RenderedArticle) throws(OutputError) in
                    progress.articles += 1
                    progress.bytes += article.text.utf8.count
                    if let folder { try folder.write(rendered) } else { try RunCommand.standardOutput(String(decoding: rendered.record + [0x0A], as: UTF8.self), console) }
                },
                finished: { (record, problems) throws(OutputError) in try folder?.finished(record, problems: problems) })
            progress.clear()
            if summary.stopped {
                folder?.suspend()
                let resumable = outputDirectory.map { "; 'bulletin run' with the same inputs, -o \($0) and --resume continues it" } ?? ""
                console.problem("interrupted after \(counted(summary.files, "file")); no output folder file was changed\(resumable)")
                return .interrupted
            }
            try folder?.finish(runSummary: summary, lexicons: lexicons, dates: dates)
        } catch {
            progress.clear()
            folder?.suspend()
            console.problem(error.description)
            if let outputDirectory, !error.committed {
                console.problem("\(outputDirectory): no output file was changed; once the problem is mended, --resume continues the run")
            }
            return error.refusesResume ? .inputProblems : .outputFailed
        }

        if !quiet {
            let destination = outputDirectory.map { " → \($0)/" } ?? ""
            console.error(
                "bulletin: \(counted(summary.files, "file")), \(counted(summary.articles, "article")), \(counted(summary.problems, "problem")), \(String(format: "%.1f", progress.elapsed)) s\(destination)\n")
        }
        return summary.problems > 0 ? .inputProblems : .success
    }
}

extension RunCommand {
    /// What must be the same for a run to be resumed: the tool, its lexicons, the options that
    /// change what is written.
    func runIdentity(lexicons: Lexicons, dates: IssueDates?) -> String {
        "bulletin \(BulletinVersion.current); lexicons \(Manifest.lexiconDigest(lexicons)); region \(region ?? "-"); bom \(bom); attribution \(credit.rawValue); dates \(dates?.sha256 ?? "-")"
    }

    /// An article goes to the output folder's files, or as one JSON line to standard output.
    static func emit(_ article: Article, to folder: OutputFolder?, console: Console) throws(OutputError) {
        if let folder { try folder.write(article) } else { try standardOutput(ArticleRecord.json(article) + "\n", console) }
    }

    /// Writes a record to standard output; a failed write (a full disk, a closed pipe) stops the
    /// run instead of dropping the rest of the records silently.
    static func standardOutput(_ line: String, _ console: Console) throws(OutputError) {
        console.out(line)
        if let failure = console.outputFailure { throw OutputError(path: "standard output", reason: failure) }
    }

    /// The mapper mode: bulletins as JSON Lines in, article records out.
    func runJSONLines(runner: BatchRunner, folder: OutputFolder?, lexicons: Lexicons, console: Console) -> ExitStatus {
        let dates = runner.dates
        var summary = BatchRunner.Summary()
        do {
            for input in inputs {
                let bytes: [UInt8]
                if input == "-" {
                    bytes = console.standardInput()
                } else {
                    do { bytes = try InputFiles.read(input) } catch {
                        console.problem(error.description)
                        summary.problems += 1
                        continue
                    }
                }
                let (entries, failed, problems) = JSONLinesInput.entries(in: bytes, source: input == "-" ? "stdin" : input)
                for problem in problems { console.problem(problem.description) }
                summary.problems += problems.count
                // A file given as bytes that could not be decoded is listed, as a run lists it.
                for record in failed {
                    summary.files += 1
                    try folder?.finished(record, problems: 1)
                }
                for entry in entries {
                    // Ctrl-C: stop between bulletins; what was written so far is whole records.
                    if Interrupt.wasRequested {
                        folder?.suspend()
                        console.problem("interrupted after \(counted(summary.files, "bulletin")); no output folder file was changed")
                        return .interrupted
                    }
                    var bulletin = entry.bulletin
                    var record = entry.record
                    if let date = dates?.date(for: record.path) {
                        bulletin.date = date
                        record.suppliedDate = date.description
                    }
                    let ingested = runner.ingester.articles(in: bulletin)
                    let articles = ingested.articles
                    for article in runner.tagger.map({ $0.tag(articles, masthead: ingested.masthead) }) ?? articles {
                        try RunCommand.emit(article, to: folder, console: console)
                        summary.articles += 1
                    }
                    summary.files += 1
                    record.articles = articles.count
                    try folder?.finished(record, problems: 0)
                }
            }
            try folder?.finish(runSummary: summary, lexicons: lexicons, dates: dates)
        } catch {
            folder?.suspend()
            console.problem(error.description)
            return error.refusesResume ? .inputProblems : .outputFailed
        }
        if !quiet {
            console.error("bulletin: \(counted(summary.files, "bulletin")), \(counted(summary.articles, "article")), \(counted(summary.problems, "problem"))\n")
        }
        return summary.problems > 0 ? .inputProblems : .success
    }
}
