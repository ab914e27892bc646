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
        .init(long: "outputs", takesValue: true),
    ]

    static let help = CommandHelp(
        name: "run",
        overview: "Ingest, tag and export bulletins.",
        usage: "bulletin run <input> ... [-o <dir> [--outputs <list>] [--resume]\n                [--checkpoint-every <s>]] [--lexicon <file> ...] [-j <n>]\n                [--region <name>] [--dates <file>] [--input-format text|jsonl]\n                [--attribution passage|article] [--no-bom] [-q]",
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
                label: "--outputs <list>",
                text: "With -o: write only these, comma-separated (default all):\njsonl articles.jsonl, json articles.json, csv articles.csv,\nmentions mentions.csv, tables town_mechanism.csv, first_mentions.csv\nand summary.json. manifest.json is always written."),
            .init(
                label: "--resume",
                text: "Continue a run into <dir> that was interrupted (Ctrl-C, a crash, a\nfull disk): the files it finished are not read again, and the\noutputs come out as one uninterrupted run would write them."),
            .init(
                label: "--checkpoint-every <s>",
                text: "With -o: log finished files for --resume every <s> seconds (default\n30); an interruption costs at most that much work."),
            .init(
                label: "--attribution <rule>",
                text: "Which towns the town × mechanism tables count a mechanism for:\npassage (default) the towns the text credits with practising it;\narticle every town the article names (the rule before attribution)."),
            .init(label: "-j, --jobs <n>", text: "Files (or the mapper's lines) processed in parallel (default: the\nnumber of cores). The output is the same for any n."),
            .init(label: "--input-format <f>", text: "text (default): bulletin files. jsonl: each input (or - for\nstandard input) holds one {\"id\": …, \"text\": …} bulletin a line —\nthe mapper mode for Spark's RDD.pipe or Hadoop Streaming. \"bytes\":\n<base64 of the file> instead of \"text\" is decoded as a file is.\nRead a few lines per job at a time (memory stays flat); a bad line\nis reported by its number and skipped."),
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
    let outputs: OutputSelection

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
        if let list = parsed.last("outputs") {
            guard outputDirectory != nil else { throw UsageError("--outputs chooses the files of an output folder: give -o <dir>") }
            do { outputs = try OutputSelection(parsing: list) } catch { throw UsageError(error.description) }
        } else {
            outputs = .all
        }
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
        var folder: OutputFolder? = nil
        // Each lexicon is hashed once: for the run's identity and for the manifest.
        let digests = outputDirectory == nil ? nil : LexiconDigests(lexicons)
        if let outputDirectory, let digests {
            let identity = runIdentity(lexicons: digests, dates: dates)
            do {
                // A run killed while moving its files into place is finished first (roll forward).
                if let finished = try OutputFolder.recover(path: outputDirectory) {
                    let same = finished.identity == identity
                    if resume && same {
                        console.problem("\(outputDirectory): the interrupted run had completed; its files are now in place, nothing to resume")
                        return .success
                    }
                    console.problem("\(outputDirectory): an interrupted run had completed; its files were put in place first")
                }
                folder = try OutputFolder(
                    path: outputDirectory, bom: bom, identity: identity, resume: resume,
                    credit: credit, outputs: outputs)
                folder!.checkpointSeconds = checkpointSeconds
                if folder!.replacedInterruptedRun {
                    console.problem("\(outputDirectory): an interrupted run's partial output was discarded (--resume continues one)")
                }
            } catch {
                console.problem(error.description)
                return error.refusesResume ? .inputProblems : .outputFailed
            }
        }
        // Records and table rows are rendered in the workers; the sink only appends them.
        let ingester = Ingester(lexicons: lexicons)
        let tagger = Tagger(lexicons: lexicons, region: places)
        var runner = BatchRunner(
            ingester: ingester, tagger: tagger,
            render: folder == nil ? StandardOutputSink.render : FolderSink.render(credit: credit))
        runner.dates = dates
        if let folder, let digests {
            return run(runner, into: ReportingSink(FolderSink(folder: folder, lexicons: digests, dates: dates), console: console), console: console)
        }
        let out = StandardOutputSink(write: { console.out(String(decoding: $0, as: UTF8.self)) }, failure: { console.outputFailure })
        return run(runner, into: ReportingSink(out, console: console), console: console)
    }

    /// Runs the inputs (files, or the mapper's JSON Lines) into `sink`, then finishes it; says
    /// how it went and returns the exit status.
    func run<Sink: RunSink>(
        _ runner: BatchRunner<RenderedArticle>, into sink: ReportingSink<Sink>, console: Console
    ) -> ExitStatus where Sink.Rendered == RenderedArticle, Sink.Failure == OutputError {
        let folder = (sink.inner as? FolderSink)?.folder
        var summary = RunSummary()
        do {
            if jsonLines {
                for input in inputs {
                    guard let stream = openLines(input, console: console, summary: &summary) else { continue }
                    summary.add(try runner.run(lines: stream, jobs: jobs, into: sink, shouldStop: { Interrupt.wasRequested }))
                    if summary.stopped { break }
                }
            } else {
                summary = try runner.run(
                    files: inputs, jobs: jobs, into: sink, readStandardInput: { console.standardInput() },
                    shouldStop: { Interrupt.wasRequested })
            }
            sink.progress.clear()
            if summary.stopped {
                folder?.suspend()
                if jsonLines {
                    console.problem("interrupted after \(counted(summary.files, "bulletin")); no output folder file was changed")
                } else {
                    let resumable = outputDirectory.map { "; 'bulletin run' with the same inputs, -o \($0) and --resume continues it" } ?? ""
                    console.problem("interrupted after \(counted(summary.files, "file")); no output folder file was changed\(resumable)")
                }
                return .interrupted
            }
            try sink.finish(summary)
        } catch {
            sink.progress.clear()
            folder?.suspend()
            console.problem(error.description)
            if let outputDirectory, !error.committed, !jsonLines {
                console.problem("\(outputDirectory): no output file was changed; once the problem is mended, --resume continues the run")
            }
            return error.refusesResume ? .inputProblems : .outputFailed
        }

        if !quiet {
            if jsonLines {
                console.error("bulletin: \(counted(summary.files, "bulletin")), \(counted(summary.articles, "article")), \(counted(summary.problems, "problem"))\n")
            } else {
                let destination = outputDirectory.map { " → \($0)/" } ?? ""
                console.error(
                    "bulletin: \(counted(summary.files, "file")), \(counted(summary.articles, "article")), \(counted(summary.problems, "problem")), \(String(format: "%.1f", sink.progress.elapsed)) s\(destination)\n")
            }
        }
        return summary.problems > 0 ? .inputProblems : .success
    }

    /// The mapper's input `input` (`-` for standard input) as a stream of lines; nil, reported
    /// and counted as a problem, when the file cannot be opened.
    func openLines(_ input: String, console: Console, summary: inout RunSummary) -> JSONLinesStream? {
        if input == "-" {
            return JSONLinesStream(source: "stdin", place: "standard input", readChunk: { console.standardInputChunk() })
        }
        let descriptor = open(input, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error: InputError = errno == ENOENT ? .notFound(path: input) : .unreadable(path: input, reason: String(cString: strerror(errno)))
            console.problem(error.description)
            summary.problems += 1
            return nil
        }
        return JSONLinesStream(source: input, place: input, descriptor: descriptor)
    }
}

extension RunCommand {
    /// What must be the same for a run to be resumed: the tool, its lexicons, the options that
    /// change what is written.
    func runIdentity(lexicons: LexiconDigests, dates: IssueDates?) -> String {
        "bulletin \(BulletinVersion.current); lexicons \(lexicons.combined); region \(region ?? "-"); bom \(bom); attribution \(credit.rawValue); dates \(dates?.sha256 ?? "-")"
            + (outputs == .all ? "" : "; outputs \(outputs.list)")
    }
}
