/// The base features of attribution's `practice` task, as values: `AttributionFeatures.practice`
/// lists them, `AttributionModel.PracticeWeights` reads their weights by `rawValue`, and only
/// training and the weights file see their names (`sentence:actor`, and crossed with a town's
/// standing, `S|sentence:actor`).
enum PracticeFeature: Int, CaseIterable, Sendable {
    case bias, topSubject, unnamed, mechanismInTitle, roundup, mechanismAtTop
    case sentence, sentenceBefore, sentenceActor, sentenceVisit, sentenceDelegation, sentenceAward, sentenceOrigin, sentenceList
    case clause, sentenceNearest, sentenceOtherNearest, paragraph, paragraphNearest, otherTownInSentence
    case learnAll, learnSome, topicAll, topicSome, listedAll, higherActorAll, higherActorSome, higherBodyAll
    case home, homeNoTown, homeSelfReferenceInSentence
    case sectionHeading, namedRightBefore, otherNamedRightBefore
    case clauseActor, clauseOtherActor

    /// The feature's name in `attribution-weights.tsv`.
    var name: String {
        switch self {
        case .bias: "bias"
        case .topSubject: "top-subject"
        case .unnamed: "unnamed"
        case .mechanismInTitle: "mechanism-in-title"
        case .roundup: "roundup"
        case .mechanismAtTop: "mechanism-at-top"
        case .sentence: "sentence"
        case .sentenceBefore: "sentence:before"
        case .sentenceActor: "sentence:actor"
        case .sentenceVisit: "sentence:visit"
        case .sentenceDelegation: "sentence:delegation"
        case .sentenceAward: "sentence:award"
        case .sentenceOrigin: "sentence:origin"
        case .sentenceList: "sentence:list"
        case .clause: "clause"
        case .sentenceNearest: "sentence:nearest"
        case .sentenceOtherNearest: "sentence:other-nearest"
        case .paragraph: "paragraph"
        case .paragraphNearest: "paragraph:nearest"
        case .otherTownInSentence: "other-town-in-sentence"
        case .learnAll: "learn:all"
        case .learnSome: "learn:some"
        case .topicAll: "topic:all"
        case .topicSome: "topic:some"
        case .listedAll: "listed:all"
        case .higherActorAll: "higher-actor:all"
        case .higherActorSome: "higher-actor:some"
        case .higherBodyAll: "higher-body:all"
        case .home: "home"
        case .homeNoTown: "home:no-town"
        case .homeSelfReferenceInSentence: "home:self-reference-in-sentence"
        case .sectionHeading: "section-heading"
        case .namedRightBefore: "named-right-before"
        case .otherNamedRightBefore: "other-named-right-before"
        case .clauseActor: "clause:actor"
        case .clauseOtherActor: "clause:other-actor"
        }
    }

    /// The feature a weights-file name stands for, or nil for a name no feature has.
    static func named(_ name: String) -> PracticeFeature? { byName[name] }

    private static let byName: [String: PracticeFeature] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
