import BulletinKit

/// `bulletin export DIR --xlsx FILE`: the tables of a finished run folder as one workbook.
struct ExportCommand {
    static let options: [ArgumentScanner.OptionSpec] = [
        .init(long: "xlsx", takesValue: true),
        .init(long: "sheet-rows", takesValue: true),
    ]

    static let help = CommandHelp(
        name: "export",
        overview: "Write the tables of a finished run as one spreadsheet workbook.",
        usage: "bulletin export <dir> --xlsx <file> [--sheet-rows <n>]",
        arguments: [
            .init(label: "<dir>", text: "The output folder of a finished 'bulletin run -o <dir>'.")
        ],
        options: [
            .init(
                label: "--xlsx <file>",
                text: "Write an .xlsx workbook: sheets articles, mentions, town_mechanism and\nfirst_mentions, the same rows as the CSV files, with numbers, booleans\nand day-precise dates typed, the header frozen and filtered. A table\nover 1,048,576 rows is split: mentions (1 of 2), mentions (2 of 2)."),
            .init(
                label: "--sheet-rows <n>",
                text: "Split tables at <n> rows a sheet, header included (default 1048576,\nthe most a spreadsheet holds; at least 2)."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        footer: "The file is written whole or not at all.")

    let folder: String
    let xlsx: String
    let sheetRows: Int

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: ExportCommand.options).scan(arguments)
        guard let folder = parsed.positionals.first else {
            throw UsageError("missing <dir>: give the output folder of a finished 'bulletin run -o <dir>'")
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError("one <dir> only; got \(parsed.positionals.count)")
        }
        guard let xlsx = parsed.last("xlsx") else {
            throw UsageError("missing --xlsx <file>: the workbook to write")
        }
        self.folder = folder
        self.xlsx = xlsx
        if let text = parsed.last("sheet-rows") {
            guard let rows = Int(text), rows >= 2, rows <= WorkbookWriter.excelRowLimit else {
                throw UsageError("--sheet-rows '\(text)': give a whole number from 2 to \(WorkbookWriter.excelRowLimit)")
            }
            sheetRows = rows
        } else {
            sheetRows = WorkbookWriter.excelRowLimit
        }
    }

    func run(console: Console) -> ExitStatus {
        guard RecordSource.finishInterruptedCommit(in: folder, console: console) else { return .inputProblems }
        do {
            let sheets = try RunWorkbook.write(folder: folder, to: xlsx, rowLimit: sheetRows)
            console.error("bulletin: \(sheets.count) sheets (\(sheets.joined(separator: ", "))) → \(xlsx)\n")
            return .success
        } catch {
            console.problem(error.description)
            if case .output = error { return .outputFailed }
            return .inputProblems
        }
    }
}
