/// Scores ingestion against gold: article-boundary precision, recall and F1, and how often the
/// matched articles' fields (title, subtitle, section, byline, subheadings, truncated, continued)
/// are exactly right.
///
/// A predicted article matches a gold one when its body (the text after the title lines) starts
/// with the gold `body_start` and ends with the gold `body_end`: both of its boundaries are right.
public struct IngestEvaluation: Sendable, CustomStringConvertible {
    public private(set) var gold = 0
    public private(set) var predicted = 0
    public private(set) var matched = 0
    /// Matched articles whose field equals the gold, by field name.
    public private(set) var fieldsCorrect: [String: Int] = [:]
    /// One line per miss, for the test output.
    public private(set) var misses: [String] = []

    public static let fields = [
        "title", "subtitle", "section", "byline", "subheadings", "truncated", "continued", "date",
    ]

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Share of matched articles whose `field` is exactly right.
    public func accuracy(_ field: String) -> Double {
        matched == 0 ? 0 : Double(fieldsCorrect[field] ?? 0) / Double(matched)
    }

    /// Adds another score to this one (bulletins scored apart, summed).
    public mutating func merge(_ other: IngestEvaluation) {
        gold += other.gold
        predicted += other.predicted
        matched += other.matched
        for (field, count) in other.fieldsCorrect { fieldsCorrect[field, default: 0] += count }
        misses += other.misses
    }

    /// Adds one bulletin's articles to the score.
    public mutating func add(predicted articles: [Article], gold: GoldBulletin) {
        self.gold += gold.articles.count
        self.predicted += articles.count
        var used = Set<Int>()
        let bodies = articles.map(IngestEvaluation.comparableBody(of:))
        for (goldIndex, expected) in gold.articles.enumerated() {
            guard
                let found = bodies.indices.first(where: { index in
                    !used.contains(index) && IngestEvaluation.bounds(bodies[index], match: expected)
                })
            else {
                misses.append(
                    "\(gold.bulletin): gold article \(goldIndex + 1) “\(expected.title ?? expected.bodyStart)” not found"
                        + IngestEvaluation.nearMiss(expected, articles))
                continue
            }
            used.insert(found)
            matched += 1
            let article = articles[found]
            let checks: [(String, Bool)] = [
                ("title", IngestEvaluation.sameTitle(article.title, expected.title)),
                ("subtitle", article.subtitle == expected.subtitle),
                ("section", article.section == expected.section),
                ("byline", article.byline == expected.byline),
                ("subheadings", article.subheadings == expected.subheadings),
                ("truncated", article.truncated == expected.truncated),
                ("continued", article.continued == expected.continued),
                ("date", article.date?.description == gold.date),
            ]
            for (field, correct) in checks {
                if correct {
                    fieldsCorrect[field, default: 0] += 1
                } else {
                    misses.append(
                        "\(gold.bulletin)#\(article.index): \(field) differs (gold \(IngestEvaluation.show(expected, field, gold)), got \(IngestEvaluation.show(article, field)))")
                }
            }
        }
        for (index, article) in articles.enumerated() where !used.contains(index) {
            misses.append(
                "\(gold.bulletin)#\(article.index): extra article “\(article.title ?? String(IngestEvaluation.body(of: article).prefix(12)))”")
        }
    }

    /// Which boundary a near miss got wrong: the article that starts where the gold one does but
    /// ends elsewhere (`: ends “…另有（下转第3版）”`), or ends right but starts elsewhere.
    static func nearMiss(_ expected: GoldBulletin.Article, _ articles: [Article]) -> String {
        let bodies = articles.map(comparableBody(of:))
        if let body = bodies.first(where: { $0.hasPrefix(expected.bareBodyStart) }) {
            return ": ends “…\(body.suffix(16))”, gold “…\(expected.bodyEnd)”"
        }
        if let body = bodies.first(where: { $0.hasSuffix(expected.bodyEnd) }) {
            return ": starts “\(body.prefix(16))…”, gold “\(expected.bodyStart)…”"
        }
        return ""
    }

    /// Titles compared without their spacing: a title broken over two lines, or set with a
    /// full-width space, is the same title (`新泾镇推行“多格合一”　一张网格管到底`).
    static func sameTitle(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.withoutSpaces == b.withoutSpaces
    }

    /// The article's text after its title and subtitle lines, and after a subheading set above
    /// its first paragraph (`缘起` right under the title), which the gold's `body_start` skips too.
    static func body(of article: Article) -> String {
        var lines = article.bodyLines[...]
        var subheadings = article.subheadings[...]
        while lines.count > 1, let line = lines.first, let subheading = subheadings.first, line == subheading {
            lines = lines.dropFirst()
            subheadings = subheadings.dropFirst()
        }
        // Leading bullets (◆ ■ ●) are decoration the gold may leave out of `body_start`.
        let body = lines.joined(separator: "\n")
        return withoutLeadingBullets(body)
    }

    /// The body as the gold's `body_start` and `body_end` are written: one line of printed text,
    /// with no break between paragraphs (`编辑同志：` / `我住在锦绣苑…` is `编辑同志：我住在锦绣苑…`).
    static func comparableBody(of article: Article) -> String {
        body(of: article).filter { $0 != "\n" }
    }

    /// Whether a body (`comparableBody`) starts and ends where the gold article does.
    static func bounds(_ body: String, match expected: GoldBulletin.Article) -> Bool {
        body.hasPrefix(expected.bareBodyStart) && body.hasSuffix(expected.bodyEnd)
    }

    /// Leading bullets (◆ ■ ●) are decoration the gold may leave out of `body_start`.
    static func withoutLeadingBullets(_ text: String) -> String {
        String(text.unicodeScalars.drop { briefBullets.contains($0) })
    }

    /// The built-in `brief-bullet` cues of `layout-cues.tsv` (one character each), and spaces.
    private static let briefBullets: Set<Unicode.Scalar> = {
        var bullets: Set<Unicode.Scalar> = [" ", "\u{3000}"]
        guard let file = EmbeddedLexicons.files.first(where: { $0.name == "layout-cues.tsv" }),
            let table = try? TSVTable(parsing: file.contents, file: file.name, required: ["cue", "role"]),
            let cues = try? LayoutCues(table: table)
        else { return bullets }
        for cue in cues.cues(for: .briefBullet) where cue.unicodeScalars.count == 1 {
            bullets.insert(cue.unicodeScalars.first!)
        }
        return bullets
    }()

    public var description: String {
        func f(_ x: Double) -> String { String(Int((x * 1000).rounded())).paddedFraction }
        var out = "articles: gold \(gold), found \(predicted), matched \(matched); "
        out += "P \(f(precision)) R \(f(recall)) F1 \(f(f1))"
        for field in IngestEvaluation.fields { out += "; \(field) \(f(accuracy(field)))" }
        return out
    }

    private static func show(_ gold: GoldBulletin.Article, _ field: String, _ bulletin: GoldBulletin) -> String {
        switch field {
        case "title": return "\(gold.title ?? "nil")"
        case "subtitle": return "\(gold.subtitle ?? "nil")"
        case "section": return "\(gold.section ?? "nil")"
        case "byline": return "\(gold.byline)"
        case "subheadings": return "\(gold.subheadings)"
        case "truncated": return "\(gold.truncated)"
        case "continued": return "\(gold.continued ?? "nil")"
        default: return "\(bulletin.date ?? "nil")"
        }
    }

    private static func show(_ article: Article, _ field: String) -> String {
        switch field {
        case "title": return "\(article.title ?? "nil")"
        case "subtitle": return "\(article.subtitle ?? "nil")"
        case "section": return "\(article.section ?? "nil")"
        case "byline": return "\(article.byline)"
        case "subheadings": return "\(article.subheadings)"
        case "truncated": return "\(article.truncated)"
        case "continued": return "\(article.continued ?? "nil")"
        default: return "\(article.date?.description ?? "nil")"
        }
    }
}

private extension String {
    /// `950` (thousandths) → `0.950`.
    var paddedFraction: String {
        let padded = String(repeating: "0", count: max(0, 4 - count)) + self
        return padded.dropLast(3) + "." + padded.suffix(3)
    }
}
