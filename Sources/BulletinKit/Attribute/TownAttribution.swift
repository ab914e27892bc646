/// The attribution stage: which towns each article reports on, and which towns practise each
/// mechanism it names, each with the basis it was credited on. Runs after tagging, over a whole
/// bulletin (an article that names no town is read as being about the bulletin's own town).
///
/// ```
/// 长征镇赴真如镇学习“三所联动”经验。   towns: [长征镇]; 三所联动 → 真如镇 (sentence)
/// ```
///
/// Both decisions are linear scorers over `AttributionFeatures`, their weights learned from the
/// corpus gold (`bulletin train corpus --attribution`, `attribution-weights.tsv`).
public struct TownAttribution: Sendable {
    let model: AttributionModel
    /// The model's practice weights by base feature, resolved once.
    let practiceWeights: AttributionModel.PracticeWeights
    let gazetteer: Gazetteer
    let cueMatcher: PhraseMatcher
    let cueRoles: [AttributionCues.Role]

    public init(lexicons: Lexicons, model: AttributionModel? = nil) {
        self.model = model ?? lexicons.attributionModel
        practiceWeights = AttributionModel.PracticeWeights(self.model)
        gazetteer = lexicons.gazetteer
        var patterns: [[Unicode.Scalar]] = []
        var roles: [AttributionCues.Role] = []
        for role in AttributionCues.Role.allCases {
            for cue in lexicons.attributionCues.cues(for: role) {
                patterns.append(lexicons.folding.fold(cue).scalarArray)
                roles.append(role)
            }
        }
        cueMatcher = PhraseMatcher(patterns: patterns)
        cueRoles = roles
    }

    /// One article prepared for deciding: its candidates and their features.
    struct Prepared {
        let features: AttributionFeatures
        let subjectRows: [[String]]
        /// Mechanism index → mentions, and whether one is in the title lines.
        let mechanisms: [(mentions: [Mention], inTitle: Bool)]

        var candidates: [TownCandidate] { features.candidates }

        /// The subject candidates, strongest first.
        func subjects(_ model: AttributionModel) -> [Int] {
            TownAttribution.ranked(subjectRows.map { model.score(.subject, $0) })
        }

        /// The practice features of every candidate for mechanism `m`.
        func practiceRows(_ m: Int, subjects: [Int]) -> [AttributionFeatures.Practice] {
            let facts = features.mechanismFacts(mechanisms[m].mentions, inTitle: mechanisms[m].inTitle)
            return candidates.indices.map { features.practice($0, mechanism: facts, subjects: subjects) }
        }
    }

    func prepare(_ article: Article, text: ScalarText, home: TownRef?) -> Prepared {
        let headLines = (article.title != nil ? 1 : 0) + (article.subtitle != nil ? 1 : 0)
        let context = AttributionContext(text: text, headLines: headLines, matcher: cueMatcher, roles: cueRoles)
        let candidates = TownCandidate.collect(article, home: home, gazetteer: gazetteer)
        let features = AttributionFeatures(context: context, candidates: candidates, home: home, article: article)
        return Prepared(
            features: features, subjectRows: candidates.indices.map(features.subject),
            mechanisms: article.mechanisms.map { tag in (tag.mentions, tag.mentions.contains { context.isHead($0.start) }) })
    }

    /// The indices of the scores above zero, highest first (ties in candidate order).
    static func ranked(_ scores: [Double]) -> [Int] {
        let positive: [Int] = scores.indices.filter { scores[$0] > 0 }
        return positive.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    }

    /// The nearest evidence a credited town's features show (its base practice features: the
    /// crossed ones are these with a prefix).
    static func basis(_ features: [PracticeFeature], named: Bool) -> AttributionBasis {
        if features.contains(.sentence) { return .sentence }
        if features.contains(.paragraph) || features.contains(.sectionHeading) { return .paragraph }
        return named ? .article : .bulletin
    }

    /// Whether a candidate's practice features put it in the sentence or paragraph naming the
    /// mechanism, or in the subheading over its section.
    static func hasNearEvidence(_ features: [PracticeFeature]) -> Bool {
        features.contains(.sentence) || features.contains(.paragraph) || features.contains(.sectionHeading)
    }

    /// The bulletin's articles with `towns`, location roles and mechanism towns filled.
    func attribute(_ articles: [Article], texts: [ScalarText], home: TownRef?) -> [Article] {
        zip(articles, texts).map { article, text in
            apply(prepare(article, text: text, home: home), to: article)
        }
    }

    func apply(_ prepared: Prepared, to article: Article) -> Article {
        var article = article
        let subjects = prepared.subjects(model)
        let candidates = prepared.candidates
        article.towns = subjects.map { candidates[$0].town }
        let subjectTowns = Set(article.towns.map(\.name))
        let subjectPlaces = subjects.compactMap { candidates[$0].town.code.flatMap(gazetteer.index(code:)) }
        // The district, city and province of a subject town are subjects too.
        var above = Set<String>()
        for index in subjectPlaces {
            let h = gazetteer.hierarchy(of: index)
            for name in [h.province, h.city, h.district] { if let name { above.insert(name) } }
        }
        for index in article.locations.indices {
            let location = article.locations[index]
            let isSubject: Bool
            switch location.level {
            case .town: isSubject = subjectTowns.contains(location.name)
            case .community: isSubject = location.town.map(subjectTowns.contains) ?? false
            default: isSubject = !location.ambiguous && above.contains(location.name)
            }
            article.locations[index].role = isSubject ? .subject : .mentioned
        }
        for m in article.mechanisms.indices {
            let rows = prepared.practiceRows(m, subjects: subjects)
            // A town is credited on evidence in its sentence or paragraph, or as one of the
            // article's subjects: a town the article only mentions has no basis otherwise.
            let credited = TownAttribution.ranked(rows.map(practiceWeights.score)).filter { index in
                subjects.contains(index) || TownAttribution.hasNearEvidence(rows[index].base)
            }
            article.mechanisms[m].towns = credited.map { index in
                PractisingTown(town: candidates[index].town, basis: TownAttribution.basis(rows[index].base, named: candidates[index].isNamed))
            }
        }
        return article
    }
}
