import Foundation

/// The words ingestion reads a bulletin's layout by, from `layout-cues.tsv`: which lines are
/// masthead or QR-code boilerplate, captions, bylines, continuation markers, and which openings
/// make a paragraph read like a news lead.
///
/// ```swift
/// cues.isBoilerplate("扫码关注“枫林发布”官方微信公众号")   // true: contains 扫码
/// cues.startsWithLeadOpener("近日,华阳路街道…")           // true
/// ```
public struct LayoutCues: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case boilerplate
        case boilerplateSuffix = "boilerplate-suffix"
        case paperSuffix = "paper-suffix"
        case captionPrefix = "caption-prefix"
        case captionContains = "caption-contains"
        case bylinePrefix = "byline-prefix"
        case continuationForward = "continuation-forward"
        case continuationBackward = "continuation-backward"
        case endMark = "end-mark"
        case leadOpener = "lead-opener"
        case deckSuffix = "deck-suffix"
        case actorSuffix = "actor-suffix"
    }

    private var cues: [Role: [String]] = [:]

    public init() {}

    /// Reads the rows of a `cue, role` table.
    /// - Throws: `LexiconError.malformedRow` for a role the tool does not know.
    public init(table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let role = Role(rawValue: row.value("role")) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformedRow(
                    file: table.file, line: row.line,
                    message: "unknown role '\(row.value("role"))' (known: \(known))")
            }
            add(row.value("cue"), role: role)
        }
    }

    public mutating func add(_ cue: String, role: Role) {
        cues[role, default: []].append(cue)
    }

    public func cues(for role: Role) -> [String] { cues[role] ?? [] }

    public func isBoilerplate(_ line: String) -> Bool {
        cues(for: .boilerplate).contains { line.contains($0) }
    }

    public func endsLikeImprint(_ line: String) -> Bool {
        cues(for: .boilerplateSuffix).contains { line.hasSuffix($0) }
    }

    public func endsWithPaperName(_ line: String) -> Bool {
        cues(for: .paperSuffix).contains { line.hasSuffix($0) }
    }

    public func isCaption(_ line: String) -> Bool {
        cues(for: .captionPrefix).contains { line.hasPrefix($0) }
            || cues(for: .captionContains).contains { line.contains($0) }
    }

    public func startsWithBylinePrefix(_ line: String) -> Bool {
        cues(for: .bylinePrefix).contains { line.hasPrefix($0) }
    }

    public func containsForwardContinuation(_ line: String) -> Bool {
        cues(for: .continuationForward).contains { line.contains($0) }
    }

    public func containsBackwardContinuation(_ line: String) -> Bool {
        cues(for: .continuationBackward).contains { line.contains($0) }
    }

    public func isEndMark(_ inner: String) -> Bool {
        cues(for: .endMark).contains { inner == $0 }
    }

    /// Whether a paragraph opens like a news lead (`近日，…`, `日前,…`, `近年来,…`, `自…以来，…`).
    public func startsWithLeadOpener(_ paragraph: String) -> Bool {
        for cue in cues(for: .leadOpener) {
            if let ellipsis = cue.range(of: "…") {
                // `自…以来`: the prefix, then the suffix before the first comma.
                let head = String(cue[..<ellipsis.lowerBound])
                let tail = String(cue[ellipsis.upperBound...])
                guard paragraph.hasPrefix(head) else { continue }
                let firstClause = paragraph.prefix { $0 != "，" && $0 != "," }
                if firstClause.hasSuffix(tail) { return true }
            } else if paragraph.hasPrefix(cue) {
                return true
            }
        }
        return false
    }

    public func endsWithDeckSuffix(_ text: String) -> Bool {
        cues(for: .deckSuffix).contains { text.hasSuffix($0) }
    }
}

extension LayoutCues {
    /// Whether a heading starts `X：` / `X: ` where X is a short name ending like an actor
    /// (`周浦镇：…`, `海永镇纪委: …`), the way article titles do and subheadings do not.
    public func startsWithActorColon(_ heading: String) -> Bool {
        guard let colon = heading.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let actor = heading[..<colon].trimmingCharacters(in: .whitespaces)
        guard (2...12).contains(actor.count) else { return false }
        return cues(for: .actorSuffix).contains { actor.hasSuffix($0) }
    }
}
