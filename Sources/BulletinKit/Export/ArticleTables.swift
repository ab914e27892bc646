/// The spreadsheet tables of a run, one row per thing:
///
/// - `articles.csv`: one row per article — id, bulletin, index, date with its precision and its
///   year, month and day as numbers, title, section, byline, towns, districts, mechanisms (names
///   joined with `；`), figure count, truncated, continued;
/// - `mentions.csv`: one row per mention (the long table analysts pivot on) — article id, type
///   (location / mechanism / figure), name or id, level / category / kind, surface, value (a
///   plain number or empty), date (a date figure's ISO form: `2024-03-08`, `2023-12`, `--05-14`,
///   `---22`), unit, approx, start, end, and the sentence it stands in.
///
/// The rows are typed cells: `CSVWriter` writes them as text, `Workbook` as typed spreadsheet
/// cells, so both files have the same rows from this one place.
public enum ArticleTables {
    public static let articleColumns = [
        "id", "bulletin", "index", "date", "date_precision", "year", "month", "day", "title", "section", "byline",
        "towns", "districts", "mechanisms", "figures", "truncated", "continued",
    ]

    public static let mentionColumns = [
        "article", "type", "name", "id_or_code", "level_category_kind", "surface", "value", "date", "unit",
        "approx", "start", "end", "sentence",
    ]
    /// The position of `start` in a mention row (rows are sorted on it).
    static let mentionStartColumn = mentionColumns.firstIndex(of: "start")!

    public static func articleRow(_ article: Article) -> [CSVWriter.Cell] {
        func names(_ level: AdminLevel) -> String {
            article.locations.filter { $0.level == level }.map(\.name).joined(separator: "；")
        }
        return [
            .text(article.id), .text(article.bulletin), .int(article.index),
            article.date.map(CSVWriter.Cell.date) ?? .empty, .text(DatePrecision(article.date).rawValue),
            article.date.map { .int($0.year) } ?? .empty, article.date.map { .int($0.month) } ?? .empty,
            article.date?.day.map(CSVWriter.Cell.int) ?? .empty,
            .text(article.title ?? ""), .text(article.section ?? ""),
            .text(article.byline.joined(separator: "；")), .text(names(.town)), .text(names(.district)),
            .text(article.mechanisms.map(\.name).joined(separator: "；")), .int(article.figures.count),
            .bool(article.truncated), .text(article.continued ?? ""),
        ]
    }

    public static func mentionRows(_ article: Article) -> [[CSVWriter.Cell]] {
        var rows: [[CSVWriter.Cell]] = []
        let sentences = Sentence.Finder(article.text)  // split once, not once per mention
        let sentence = { (offset: Int) in CSVWriter.Cell.text(sentences.around(offset: offset)) }
        for location in article.locations {
            for mention in location.mentions {
                rows.append([
                    .text(article.id), .text("location"), .text(location.name), .text(location.code ?? ""),
                    .text(location.level.rawValue + (location.ambiguous ? " (ambiguous)" : "")),
                    .text(mention.surface), .empty, .empty, .empty, .empty, .int(mention.start), .int(mention.end),
                    sentence(mention.start),
                ])
            }
        }
        for mechanism in article.mechanisms {
            for mention in mechanism.mentions {
                rows.append([
                    .text(article.id), .text("mechanism"), .text(mechanism.name), .text(mechanism.id),
                    .text(mechanism.category), .text(mention.surface), .empty, .empty, .empty, .empty,
                    .int(mention.start), .int(mention.end), sentence(mention.start),
                ])
            }
        }
        for figure in article.figures {
            // `value` holds numbers only: a date's ISO form goes to `date`, a code (`1+5+19+114+867`)
            // to `id_or_code`, so a spreadsheet never reads `---22` or a code as a number or formula.
            var (value, date, code) = (CSVWriter.Cell.empty, CSVWriter.Cell.empty, CSVWriter.Cell.empty)
            switch figure.value {
            case .number(let number): value = .number(number)
            case .text(let text) where figure.kind == .date: date = .text(text)
            case .text(let text): code = .text(text)
            }
            rows.append([
                .text(article.id), .text("figure"), .text(figure.object ?? ""), code, .text(figure.kind.rawValue),
                .text(figure.text), value, date, .text(figure.unit ?? ""), .bool(figure.approx), .int(figure.start),
                .int(figure.end), sentence(figure.start),
            ])
        }
        // In text order; mentions at the same offset keep the order above (location, mechanism, figure).
        return rows.enumerated().sorted { a, b in
            let column = mentionStartColumn
            if case .int(let x) = a.element[column], case .int(let y) = b.element[column], x != y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// One row of `mentionRows` before it is written: which mention, and where it starts.
    private struct MentionRef {
        enum Kind { case location, mechanism, figure }
        let start: Int
        let kind: Kind
        let item: Int
        let mention: Int
    }

    /// The rows of `mentionRows`, the same bytes `CSVWriter.row` makes of them, written straight
    /// into `csv`: the mentions are sorted as references and each cell is appended as it is
    /// read — no array of cells per row, and the sentence copied from the article's UTF-8, not
    /// made into a `String`. `mentionRows` stays the typed rows the workbook takes; a test holds
    /// the two equal.
    static func writeMentionRows(_ article: Article, to csv: inout CSVWriter) {
        var refs: [MentionRef] = []
        for (item, location) in article.locations.enumerated() {
            for (index, mention) in location.mentions.enumerated() {
                refs.append(MentionRef(start: mention.start, kind: .location, item: item, mention: index))
            }
        }
        for (item, mechanism) in article.mechanisms.enumerated() {
            for (index, mention) in mechanism.mentions.enumerated() {
                refs.append(MentionRef(start: mention.start, kind: .mechanism, item: item, mention: index))
            }
        }
        for (item, figure) in article.figures.enumerated() {
            refs.append(MentionRef(start: figure.start, kind: .figure, item: item, mention: 0))
        }
        guard !refs.isEmpty else { return }
        // In text order; at the same offset, the order they were listed in (as `mentionRows`).
        let order = refs.indices.sorted { a, b in
            refs[a].start != refs[b].start ? refs[a].start < refs[b].start : a < b
        }
        let sentences = Sentence.Finder(article.text)
        let id = CSVWriter.Cell.text(article.id)
        for index in order {
            let ref = refs[index]
            csv.cell(id, first: true)
            switch ref.kind {
            case .location:
                let location = article.locations[ref.item]
                let mention = location.mentions[ref.mention]
                csv.cell(.text("location"))
                csv.cell(.text(location.name))
                csv.cell(.text(location.code ?? ""))
                csv.cell(.text(location.level.rawValue + (location.ambiguous ? " (ambiguous)" : "")))
                csv.cell(.text(mention.surface))
                for _ in 0..<4 { csv.cell(.empty) }
                csv.cell(.int(mention.start))
                csv.cell(.int(mention.end))
            case .mechanism:
                let mechanism = article.mechanisms[ref.item]
                let mention = mechanism.mentions[ref.mention]
                csv.cell(.text("mechanism"))
                csv.cell(.text(mechanism.name))
                csv.cell(.text(mechanism.id))
                csv.cell(.text(mechanism.category))
                csv.cell(.text(mention.surface))
                for _ in 0..<4 { csv.cell(.empty) }
                csv.cell(.int(mention.start))
                csv.cell(.int(mention.end))
            case .figure:
                let figure = article.figures[ref.item]
                var (value, date, code) = (CSVWriter.Cell.empty, CSVWriter.Cell.empty, CSVWriter.Cell.empty)
                switch figure.value {
                case .number(let number): value = .number(number)
                case .text(let text) where figure.kind == .date: date = .text(text)
                case .text(let text): code = .text(text)
                }
                csv.cell(.text("figure"))
                csv.cell(.text(figure.object ?? ""))
                csv.cell(code)
                csv.cell(.text(figure.kind.rawValue))
                csv.cell(.text(figure.text))
                csv.cell(value)
                csv.cell(date)
                csv.cell(.text(figure.unit ?? ""))
                csv.cell(.bool(figure.approx))
                csv.cell(.int(figure.start))
                csv.cell(.int(figure.end))
            }
            csv.textCell(sentences.bytesAround(offset: ref.start))
            csv.endRow()
        }
    }
}
