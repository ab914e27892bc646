/// The tagging stage: runs the taggers over a bulletin's articles (they resolve names with the
/// whole bulletin as context, so they take all its articles at once). Built once per run.
///
/// ```swift
/// let tagger = Tagger(lexicons: lexicons, region: "南通市")
/// let tagged = tagger.tag(ingester.articles(in: bulletin).articles)
/// tagged[0].locations.map(\.name)   // ["通州区", "石港镇", "北渡村", …]
/// ```
public struct Tagger: Sendable {
    public let locations: LocationTagger
    public let mechanisms: MechanismTagger
    public let figures: FigureTagger

    public init(lexicons: Lexicons, region: String? = nil) {
        locations = LocationTagger(lexicons: lexicons, region: region)
        mechanisms = MechanismTagger(lexicon: lexicons.mechanisms, folding: lexicons.folding)
        figures = FigureTagger(lexicons: lexicons, units: lexicons.units, notFigures: lexicons.notFigures)
    }

    public func tag(_ articles: [Article]) -> [Article] {
        // Each text split into scalars and folded once, for all three taggers (they share one
        // folding: the lexicons').
        let texts = articles.map { ScalarText($0.text, folding: locations.folding) }
        let found = locations.locations(in: texts)
        return articles.indices.map { index in
            var tagged = articles[index]
            tagged.locations = found[index]
            tagged.mechanisms = mechanisms.mechanisms(in: texts[index])
            // Numerals inside mechanism and place names are not figures.
            let names = tagged.mechanisms.flatMap(\.mentions) + found[index].flatMap(\.mentions)
            tagged.figures = figures.figures(
                in: texts[index], excluded: names.map { $0.start..<$0.end }, issueDate: tagged.date)
            return tagged
        }
    }
}
