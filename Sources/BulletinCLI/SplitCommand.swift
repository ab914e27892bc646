import BulletinKit

/// `bulletin split FILE`: how one bulletin was cut, line by line — each line's role (title,
/// subheading, body, byline, masthead…), page-break joins, and the articles with their titles.
/// For editors checking a cut, and for us debugging one.
struct SplitCommand {
    static let options: [ArgumentScanner.OptionSpec] = [.init(long: "lexicon", takesValue: true)]

    static let help = CommandHelp(
        name: "split",
        overview: "Show how one bulletin is cut into articles, line by line.",
        usage: "bulletin split <file> [--lexicon <file> ...]",
        arguments: [.init(label: "<file>", text: "A bulletin text file, or - for standard input.")],
        options: [
            .init(label: "--lexicon <file>", text: "Add a lexicon of your own, as for 'run' (layout weights from\n'bulletin train' replace the built-in ones)."),
            .init(label: "-h, --help", text: "Show help information."),
        ],
        footer: "Each paragraph's line shows its role, and under it the features that spoke most for\n  that role with their learned weights.")

    let path: String
    let userLexicons: [String]

    init(arguments: [String]) throws(UsageError) {
        let parsed = try ArgumentScanner(options: SplitCommand.options).scan(arguments)
        guard parsed.positionals.count == 1 else {
            throw UsageError(
                parsed.positionals.isEmpty ? "missing <file>" : "split takes one <file>")
        }
        path = parsed.positionals[0]
        userLexicons = parsed.values["lexicon"] ?? []
    }

    func run(console: Console) -> ExitStatus {
        let result: Ingester.Result
        do {
            let bytes = path == "-" ? console.standardInput() : try InputFiles.read(path)
            let decoded = try TextDecoding.decode(bytes, path: path)
            let bulletin = Bulletin(path: path, text: decoded.text)
            let lexicons = try UserLexicons.load(userLexicons, console: console)
            result = Ingester(lexicons: lexicons).articles(in: bulletin, explaining: true)
        } catch let error as InputError {
            console.problem(error.description)
            return .inputProblems
        } catch {
            console.problem("\(error)")
            return .inputProblems
        }
        console.out(SplitCommand.render(result))
        return .success
    }

    /// The line-by-line view: `  12  subheading  │ 织密一张网络`, with each article announced above
    /// its first line.
    static func render(_ result: Ingester.Result) -> String {
        var out = ""
        let width = String(result.lines.count).count
        var articleAtLine: [Int: Article] = [:]
        for (article, line) in zip(result.articles, result.firstLines) {
            articleAtLine[line - 1] = article
        }
        for (index, text) in result.lines.enumerated() {
            if let article = articleAtLine[index] {
                var header = "── article \(article.index): " + (article.title ?? "(no title)")
                if let subtitle = article.subtitle { header += " ／ \(subtitle)" }
                if let section = article.section { header += "  【\(section)】" }
                if !article.byline.isEmpty { header += "  by " + article.byline.joined(separator: ", ") }
                if article.truncated { header += "  [truncated\(article.continued.map { ", continued \($0)" } ?? "")]" }
                out += header + "\n"
            }
            let role = result.roles[index]
            if role == .blank { continue }
            let number = String(index + 1)
            let label = role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
            out += String(repeating: " ", count: width - number.count) + number + "  " + label
                + "│ " + SplitCommand.clip(text) + "\n"
            if let reason = result.reasons[index + 1] {
                out += String(repeating: " ", count: width + 20) + "│   ↳ \(reason)\n"
            }
        }
        let dates = result.date.map { "issue date \($0)" } ?? "no issue date"
        out += "── \(result.articles.count) articles, \(result.joins.count) page-break joins, \(dates)\n"
        return out
    }

    /// Long lines clipped to what fits an 100-column terminal (ideographs are two columns wide).
    static func clip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 38 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(36))) + "…"
    }
}
