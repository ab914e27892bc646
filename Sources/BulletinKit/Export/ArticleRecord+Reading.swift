import Foundation

extension ArticleRecord {
    /// An article back from its record (a line of `articles.jsonl`), with everything the tables
    /// show: so `bulletin export` builds its sheets with the same `ArticleTables` rows as the
    /// run's CSV files. Returns nil when the object is not an article record (no `bulletin`,
    /// `index` or `text`).
    ///
    /// ```swift
    /// let object = try JSONSerialization.jsonObject(with: line) as! [String: Any]
    /// ArticleRecord.article(from: object)?.id   // "2024-03-08_xietu#2"
    /// ```
    public static func article(from object: [String: Any]) -> Article? {
        guard let bulletin = object["bulletin"] as? String, let index = object["index"] as? Int,
            let text = object["text"] as? String
        else { return nil }
        var article = Article(
            bulletin: bulletin, source: object["source"] as? String ?? "", index: index,
            title: object["title"] as? String, subtitle: object["subtitle"] as? String,
            section: object["section"] as? String, byline: object["byline"] as? [String] ?? [],
            subheadings: object["subheadings"] as? [String] ?? [], truncated: object["truncated"] as? Bool ?? false,
            continued: object["continued"] as? String,
            date: (object["date"] as? String).flatMap { IssueDate(fileName: $0) }, text: text)
        article.captions = object["captions"] as? Int ?? 0
        article.towns = (object["towns"] as? [[String: Any]] ?? []).map(townRef)
        article.locations = (object["locations"] as? [[String: Any]] ?? []).compactMap { l in
            guard let name = l["name"] as? String, let level = (l["level"] as? String).flatMap(AdminLevel.init) else { return nil }
            var location = Location(
                name: name, level: level, code: l["code"] as? String, province: l["province"] as? String,
                city: l["city"] as? String, district: l["district"] as? String, town: l["town"] as? String,
                ambiguous: l["ambiguous"] as? Bool ?? false,
                candidates: (l["candidates"] as? [[String: Any]] ?? []).map { c in
                    Location.Candidate(
                        code: c["code"] as? String ?? "", province: c["province"] as? String, city: c["city"] as? String,
                        district: c["district"] as? String)
                },
                mentions: mentions(l["mentions"]))
            location.role = (l["role"] as? String).flatMap(LocationRole.init) ?? .mentioned
            return location
        }
        article.mechanisms = (object["mechanisms"] as? [[String: Any]] ?? []).compactMap { m in
            guard let id = m["id"] as? String, let name = m["name"] as? String else { return nil }
            return ArticleMechanism(
                id: id, name: name, category: m["category"] as? String ?? "",
                kind: (m["kind"] as? String).flatMap(MechanismKind.init) ?? .mechanism, mentions: mentions(m["mentions"]),
                towns: (m["towns"] as? [[String: Any]] ?? []).map { t in
                    PractisingTown(town: townRef(t), basis: (t["basis"] as? String).flatMap(AttributionBasis.init) ?? .article)
                })
        }
        article.figures = (object["figures"] as? [[String: Any]] ?? []).compactMap { f in
            guard let text = f["text"] as? String, let kind = (f["kind"] as? String).flatMap(Figure.Kind.init),
                let start = f["start"] as? Int, let end = f["end"] as? Int
            else { return nil }
            let value: Figure.Value
            if let string = f["value"] as? String {
                value = .text(string)
            } else if let number = double(f["value"]) {
                value = .number(number)
            } else {
                return nil
            }
            return Figure(
                text: text, value: value, max: double(f["max"]), unit: f["unit"] as? String, kind: kind,
                approx: f["approx"] as? Bool ?? false, object: f["object"] as? String, start: start, end: end)
        }
        return article
    }

    /// A JSON number as the `Double` that wrote it. Foundation on Linux reads a fraction as an
    /// `NSDecimalNumber` whose `doubleValue` is off in the last digits (`13600.000000000002` →
    /// `13600.000000000005`); its text is exact, and `Double(_:)` of it rounds correctly.
    private static func double(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber else { return nil }
        return Double(number.description) ?? number.doubleValue
    }

    private static func townRef(_ t: [String: Any]) -> TownRef {
        TownRef(name: t["name"] as? String ?? "", code: t["code"] as? String, district: t["district"] as? String, city: t["city"] as? String)
    }

    private static func mentions(_ value: Any?) -> [Mention] {
        (value as? [[String: Any]] ?? []).compactMap { m in
            guard let start = m["start"] as? Int, let end = m["end"] as? Int, let surface = m["surface"] as? String else { return nil }
            return Mention(start: start, end: end, surface: surface)
        }
    }
}
