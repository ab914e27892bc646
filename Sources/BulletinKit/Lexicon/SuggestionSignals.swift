/// The words by which `bulletin lexicon suggest` tells a mechanism's name from quoted rhetoric and
/// sentence fragments, and variants of one candidate from different ones (`suggest-signals.tsv`,
/// whose header says what each role means).
///
/// ```swift
/// signals.cues(for: .figureFrame)   // ["跑出_", "从_变", "是…的_", "_问题", …]
/// signals.cues(for: .openingWord)   // ["各", "的", "了", …]
/// ```
public typealias SuggestionSignals = CueTable<SuggestionSignal>

public enum SuggestionSignal: String, Sendable, CaseIterable {
    /// A frame around a quoted term that makes it a figure of speech: `跑出_`, `从_变`, `是…的_`.
    case figureFrame = "figure-frame"
    /// A word that makes a term a governance name wherever it stands in it (机制, 联动, 榜).
    case governanceHead = "governance-head"
    /// A last character naming a difficulty or a colloquial figure (停车难, 过筛子).
    case problemTail = "problem-tail"
    /// A function word or quantifier no name opens with (各街镇迅速行动).
    case openingWord = "opening-word"
    /// A verb of setting up: an unquoted name starts after it (新建骑手驿站 → 骑手驿站).
    case clauseVerb = "clause-verb"
    /// A function word that, anywhere inside an unquoted name, shows it is a clause (解决不了的通过平台).
    case clauseWord = "clause-word"
    /// After a leading numeral, a count of points (3个聚焦).
    case countWord = "count-word"
    /// The middle of a manner `X对X` (一对一, 面对面).
    case mannerLink = "manner-link"
    /// The X of a generic `X经验` (街道经验, 治理经验).
    case genericStem = "generic-stem"
    /// A mechanism word whose presence does not make another candidate (“365”工作机制 = “365”机制).
    case variantSuffix = "variant-suffix"
}
