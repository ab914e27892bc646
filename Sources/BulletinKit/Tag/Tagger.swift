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

    public init(lexicons: Lexicons, region: Region? = nil) {
        locations = LocationTagger(lexicons: lexicons, region: region)
        mechanisms = MechanismTagger(lexicon: lexicons.mechanisms, folding: lexicons.folding)
        figures = FigureTagger(lexicons: lexicons, units: lexicons.units, notFigures: lexicons.notFigures)
        attribution = TownAttribution(lexicons: lexicons)
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
        var found = locations.locations(in: texts + [ScalarText(mastheadText, folding: locations.folding)])
        let mastheadPlaces = found.removeLast()
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
        let home = HomeTown.find(
            masthead: mastheadPlaces, mastheadText: mastheadText, nameplate: nameplate, articles: tagged,
            gazetteer: attribution.gazetteer)
        let placed = home.map { home in
            // The home town's place in the hierarchy, looked up once for the bulletin.
            let hierarchy = home.code.flatMap { locations.gazetteer.index(code: $0) }.map { locations.gazetteer.hierarchy(of: $0) }
            return tagged.map { placingCommunities($0, under: home, hierarchy: hierarchy) }
        } ?? tagged
        return (attribution.attribute(placed, texts: texts, home: home), home, texts)
    }

    /// A community that no town of its article places (`宜川一村居民区` in an article of
    /// 宜川路街道's own paper that names no town), or that only a town named after it places
    /// (`海星村` in the first lines of 罗泾镇's paper, before the article names 金泽镇 as the
    /// place the village learned from), is the bulletin's own town's, as its readers take it.
    private func placingCommunities(
        _ article: Article, under home: TownRef, hierarchy: (province: String?, city: String?, district: String?)?
    ) -> Article {
        let firstTown = article.locations.lazy.filter { $0.level == .town }.flatMap(\.mentions).map(\.start).min() ?? Int.max
        let unplaced = { (location: Location) in
            location.level == .community && location.town != home.name
                && (location.town == nil || (location.mentions.map(\.start).min() ?? Int.max) < firstTown)
        }
        guard article.locations.contains(where: unplaced) else { return article }
        var article = article
        for index in article.locations.indices where unplaced(article.locations[index]) {
            article.locations[index].town = home.name
            article.locations[index].district = hierarchy?.district ?? home.district
            article.locations[index].city = hierarchy?.city ?? home.city
            article.locations[index].province = hierarchy?.province
        }
        // Two records of one community now under the same town are one.
        var merged: [Location] = []
        for location in article.locations {
            if location.level == .community,
                let same = merged.firstIndex(where: { $0.level == .community && $0.name == location.name && $0.town == location.town })
            {
                merged[same].mentions = (merged[same].mentions + location.mentions).sorted()
            } else {
                merged.append(location)
            }
        }
        article.locations = merged
        return article
    }
}
