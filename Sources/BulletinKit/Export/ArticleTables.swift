/// The spreadsheet tables of a run, one row per thing:
///
/// - `articles.csv`: one row per article — id, bulletin, index, date, title, section, byline,
///   towns, districts, mechanisms (names joined with `；`), figure count, truncated, continued;
/// - `mentions.csv`: one row per mention (the long table analysts pivot on) — article id, type
///   (location / mechanism / figure), name or id, level / category / kind, surface, value, unit,
///   approx, start, end, and the sentence it stands in.
public enum ArticleTables {
    public static let articleColumns = [
        "id", "bulletin", "index", "date", "title", "section", "byline", "towns", "districts",
        "mechanisms", "figures", "truncated", "continued",
    ]

    public static let mentionColumns = [
        "article", "type", "name", "id_or_code", "level_category_kind", "surface", "value", "unit",
        "approx", "start", "end", "sentence",
    ]

    public static func articleRow(_ article: Article) -> [CSVWriter.Cell] {
        func names(_ level: AdminLevel) -> String {
            article.locations.filter { $0.level == level }.map(\.name).joined(separator: "；")
        }
        return [
            .text(article.id), .text(article.bulletin), .int(article.index),
            .text(article.date?.description ?? ""), .text(article.title ?? ""), .text(article.section ?? ""),
            .text(article.byline.joined(separator: "；")), .text(names(.town)), .text(names(.district)),
            .text(article.mechanisms.map(\.name).joined(separator: "；")), .int(article.figures.count),
            .bool(article.truncated), .text(article.continued ?? ""),
        ]
    }

    public static func mentionRows(_ article: Article) -> [[CSVWriter.Cell]] {
        var rows: [[CSVWriter.Cell]] = []
        var sentences = Sentence.Finder(article.text)  // split once, not once per mention
        let sentence = { (offset: Int) in CSVWriter.Cell.text(sentences.around(offset: offset)) }
        for location in article.locations {
            for mention in location.mentions {
                rows.append([
                    .text(article.id), .text("location"), .text(location.name), .text(location.code ?? ""),
                    .text(location.level.rawValue + (location.ambiguous ? " (ambiguous)" : "")),
                    .text(mention.surface), .empty, .empty, .empty, .int(mention.start), .int(mention.end),
                    sentence(mention.start),
                ])
            }
        }
        for mechanism in article.mechanisms {
            for mention in mechanism.mentions {
                rows.append([
                    .text(article.id), .text("mechanism"), .text(mechanism.name), .text(mechanism.id),
                    .text(mechanism.category), .text(mention.surface), .empty, .empty, .empty,
                    .int(mention.start), .int(mention.end), sentence(mention.start),
                ])
            }
        }
        for figure in article.figures {
            let value: CSVWriter.Cell
            switch figure.value {
            case .number(let number): value = .number(number)
            case .text(let text): value = .text(text)
            }
            rows.append([
                .text(article.id), .text("figure"), .text(figure.object ?? ""), .empty, .text(figure.kind.rawValue),
                .text(figure.text), value, .text(figure.unit ?? ""), .bool(figure.approx), .int(figure.start),
                .int(figure.end), sentence(figure.start),
            ])
        }
        // In text order; mentions at the same offset keep the order above (location, mechanism, figure).
        return rows.enumerated().sorted { a, b in
            if case .int(let x) = a.element[9], case .int(let y) = b.element[9], x != y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }
}
