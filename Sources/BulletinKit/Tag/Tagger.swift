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

    public init(lexicons: Lexicons, region: String? = nil) {
        locations = LocationTagger(lexicons: lexicons, region: region)
        mechanisms = MechanismTagger(lexicon: lexicons.mechanisms, folding: lexicons.folding)
    }

    public func tag(_ articles: [Article]) -> [Article] {
        let found = locations.locations(in: articles)
        return zip(articles, found).map { article, locations in
            var tagged = article
            tagged.locations = locations
            tagged.mechanisms = mechanisms.mechanisms(in: article.text)
            return tagged
        }
    }
}
