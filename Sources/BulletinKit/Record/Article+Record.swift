extension Article {
    /// An article back from its record, with everything the tables show: so `bulletin export`
    /// builds its sheets with the same `ArticleTables` rows as the run's CSV files, and writing
    /// it again gives the same record, byte for byte.
    ///
    /// ```swift
    /// Article(record: try ArticleRecord.decode(line)).id   // "2024-03-08_xietu#2"
    /// ```
    public init(record: ArticleRecord) {
        self.init(
            bulletin: record.bulletin, source: record.source, index: record.index, title: record.title,
            subtitle: record.subtitle, section: record.section, byline: record.byline, subheadings: record.subheadings,
            truncated: record.truncated, continued: record.continued, date: record.date.flatMap { IssueDate(fileName: $0) },
            text: record.text)
        captions = record.captions
        towns = record.towns.map(\.town)
        locations = record.locations.map { l in
            var location = Location(
                name: l.name, level: l.level, code: l.code, province: l.province, city: l.city, district: l.district,
                town: l.town, ambiguous: l.ambiguous, candidates: l.candidates ?? [], mentions: l.mentions)
            location.role = l.role
            return location
        }
        mechanisms = record.mechanisms.map { m in
            ArticleMechanism(
                id: m.id, name: m.name, category: m.category, kind: m.kind, mentions: m.mentions,
                towns: m.towns.map { PractisingTown(town: $0.town, basis: $0.basis ?? .article) })
        }
        figures = record.figures.map(\.figure)
    }
}
