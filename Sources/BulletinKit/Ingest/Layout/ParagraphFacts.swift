/// What a paragraph's own features and the features of the paragraph above it both ask of its
/// text, answered once per paragraph. `BlockFeatures` asked each twice — as the block's cue
/// (`cue:lead-byline`) and as its upper neighbour's (`next:lead-byline`) — and the byline and
/// credit tests build strings to answer.
///
/// ```
/// 本报讯（记者 沈洁）11月21日，…   → startsWithLeadOpener, hasLeadByline
/// 6月12日，东山街道…              → startsWithDate
/// ▲网格员在巡查中（张伟 摄）        → startsWithCaptionPrefix, endsWithPhotoCredit
/// ```
struct ParagraphFacts {
    let startsWithLeadOpener: Bool
    let startsWithDate: Bool
    let startsWithDialogue: Bool
    let hasLeadByline: Bool
    let isCreditLine: Bool
    let startsMidSentence: Bool
    let isTerminated: Bool
    let startsWithCaptionPrefix: Bool
    let containsCaptionWord: Bool
    /// The text ends with a photographer's credit (`…讨论停车方案　黄　毅　摄`, `…（居民　顾佩兰　摄）`).
    let endsWithPhotoCredit: Bool

    init(_ text: String, scalars: [Unicode.Scalar], cues: LayoutCues, classifier: LineClassifier) {
        startsWithLeadOpener = cues.startsWithLeadOpener(text)
        startsWithDate = LineShape.startsWithDate(scalars: scalars)
        startsWithDialogue = cues.startsWithDialoguePrefix(text)
        hasLeadByline = classifier.leadByline(scalars: scalars) != nil
        isCreditLine = classifier.isCreditLine(scalars, text: text)
        startsMidSentence = LineShape.startsMidSentence(scalars: scalars)
        isTerminated = LineShape.isTerminated(scalars: scalars)
        startsWithCaptionPrefix = cues.startsWithCaptionPrefix(text)
        containsCaptionWord = cues.containsCaptionWord(text)
        endsWithPhotoCredit = classifier.endsWithPhotoCredit(scalars: scalars)
    }
}
