/// The tagging stage: runs the taggers over a bulletin's articles (they resolve names with the
/// whole bulletin as context, so they take all its articles at once). Built once per run.
///
/// ```swift
/// let tagger = Tagger(lexicons: lexicons, region: try Region("南通市", in: lexicons.gazetteer))
/// let tagged = tagger.tag(ingester.articles(in: bulletin).articles)
/// tagged[0].locations.map(\.name)   // ["通州区", "石港镇", "北渡村", …]
/// ```
public struct Tagger: Sendable {
    public let locations: LocationTagger
    public let mechanisms: MechanismTagger
    public let figures: FigureTagger
    public let attribution: TownAttribution
    /// What a paper's name ends in after its town's (`庄行报`, `金山卫镇报`), for the home town.
    let paperSuffixes: [[Unicode.Scalar]]
    /// What opens an address field in a masthead line (`attribution-cues.tsv`, role `address`).
    let addressCues: [[Unicode.Scalar]]

    public init(lexicons: Lexicons, region: Region? = nil) {
        locations = LocationTagger(lexicons: lexicons, region: region)
        mechanisms = MechanismTagger(lexicon: lexicons.mechanisms, folding: lexicons.folding)
        figures = FigureTagger(lexicons: lexicons, units: lexicons.units, notFigures: lexicons.notFigures)
        attribution = TownAttribution(lexicons: lexicons)
        paperSuffixes = HomeTown.paperSuffixes(lexicons.layoutCues)
        addressCues = lexicons.attributionCues.cues(for: .address).map { lexicons.folding.fold($0).scalarArray }
    }

    /// - Parameters:
    ///   - masthead: the bulletin's masthead lines (`Ingester.Result.masthead`): the town they
    ///     name is the bulletin's own, which articles that name no town report on.
    ///   - nameplate: its nameplate line (`Ingester.Result.nameplate`): a district's (`宝山报`)
    ///     makes the bulletin no town's own.
    public func tag(_ articles: [Article], masthead: [String] = [], nameplate: String? = nil) -> [Article] {
        tagged(articles, masthead: masthead, nameplate: nameplate).articles
    }

    /// The tagged articles, the bulletin's own town, and the texts as scalars (for attribution
    /// training, which decides again with other weights).
    func tagged(_ articles: [Article], masthead: [String], nameplate: String? = nil) -> (articles: [Article], home: TownRef?, texts: [ScalarText]) {
        // Each text split into scalars and folded once, for all taggers (they share one
        // folding: the lexicons').
        let texts = articles.map { ScalarText($0.text, folding: locations.folding) }
        let mastheadText = masthead.joined(separator: "\n")
        // The masthead is read with the articles, so its places resolve in the issue's context.
        let resolved = locations.resolvedPlaces(in: texts + [ScalarText(mastheadText, folding: locations.folding)])
        // The bulletin's own town, from its towns (communities wait for it: one named before any
        // town of its article is the home town's, as its readers take it).
        let home = HomeTown.find(
            masthead: locations.locations(resolved, home: nil, of: articles.count..<articles.count + 1)[0],
            mastheadText: mastheadText, nameplate: nameplate,
            articleTowns: articles.indices.map { locations.towns(in: resolved, text: $0) },
            gazetteer: attribution.gazetteer, paperSuffixes: paperSuffixes, addressCues: addressCues)
        let found = locations.locations(resolved, home: home, of: articles.indices)
        let tagged = articles.indices.map { index in
            var tagged = articles[index]
            tagged.locations = found[index]
            tagged.mechanisms = mechanisms.mechanisms(in: texts[index])
            // Numerals inside mechanism and place names are not figures.
            let names = tagged.mechanisms.flatMap(\.mentions) + found[index].flatMap(\.mentions)
            tagged.figures = figures.figures(
                in: texts[index], excluded: names.map { $0.start..<$0.end }, issueDate: tagged.date)
            return tagged
        }
        return (attribution.attribute(tagged, texts: texts, home: home), home, texts)
    }
}
