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
        case boilerplatePrefix = "boilerplate-prefix"
        case bylineLead = "byline-lead"
        case contentsHeader = "contents-header"
        case briefBullet = "brief-bullet"
        case dialoguePrefix = "dialogue-prefix"
        case notePrefix = "note-prefix"
        case webMeta = "web-meta"
        case paperSuffix = "paper-suffix"
        case captionPrefix = "caption-prefix"
        case captionContains = "caption-contains"
        case bylinePrefix = "byline-prefix"
        case bylineOfficeSuffix = "byline-office-suffix"
        case continuationForward = "continuation-forward"
        case continuationBackward = "continuation-backward"
        case endMark = "end-mark"
        case leadOpener = "lead-opener"
        case deckSuffix = "deck-suffix"
        case actorSuffix = "actor-suffix"
        case contact
        case photoCredit = "photo-credit"
        case writerCredit = "writer-credit"
        case closingOpener = "closing-opener"
        case sectionBrackets = "section-brackets"
        case sectionOrnament = "section-ornament"
        case sectionLabelBrackets = "section-label-brackets"
        case creditWord = "credit-word"
        case titleRunsOn = "title-runs-on"
        case columnWord = "column-word"
        case noticeOpener = "notice-opener"
        case issuerSuffix = "issuer-suffix"
        case postSuffix = "post-suffix"
        case authorField = "author-field"
        case imagePlaceholder = "image-placeholder"
        case sectionSuffix = "section-suffix"

        /// The role's place in `allCases`, without a search: the cue tests index their byte lists
        /// by it.
        var position: Int {
            switch self {
            case .boilerplate: 0
            case .boilerplateSuffix: 1
            case .boilerplatePrefix: 2
            case .bylineLead: 3
            case .contentsHeader: 4
            case .briefBullet: 5
            case .dialoguePrefix: 6
            case .notePrefix: 7
            case .webMeta: 8
            case .paperSuffix: 9
            case .captionPrefix: 10
            case .captionContains: 11
            case .bylinePrefix: 12
            case .bylineOfficeSuffix: 13
            case .continuationForward: 14
            case .continuationBackward: 15
            case .endMark: 16
            case .leadOpener: 17
            case .deckSuffix: 18
            case .actorSuffix: 19
            case .contact: 20
            case .photoCredit: 21
            case .writerCredit: 22
            case .closingOpener: 23
            case .sectionBrackets: 24
            case .sectionOrnament: 25
            case .sectionLabelBrackets: 26
            case .creditWord: 27
            case .titleRunsOn: 28
            case .columnWord: 29
            case .noticeOpener: 30
            case .issuerSuffix: 31
            case .postSuffix: 32
            case .authorField: 33
            case .imagePlaceholder: 34
            case .sectionSuffix: 35
            }
        }
    }

    private var cues: [Role: [String]] = [:]
    /// The same cues as UTF-8 bytes, which the line tests compare (see `ByteSearch`), by
    /// `Role.position`: a test reads its list with an array index, not a dictionary look-up.
    private var bytes = [[[UInt8]]](repeating: [], count: Role.allCases.count)
    /// The lead openers split at their ellipsis once (`自…以来` → `自`, `以来`), not per paragraph.
    private var leadOpeners: [(head: [UInt8], tail: [UInt8]?)] = []
    /// The boilerplate words, searched for in one pass.
    private var boilerplateWords = ByteCueSet([])
    /// Units and measure words a count is written with (`名`, `个`, `户`), from `units.tsv`: a
    /// heading opening `35 名“法律明白人”…` opens with a count, not with its item's number (`01　…`).
    public var measureWords: [String] = []

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
        bytes[role.position].append(Array(cue.utf8))
        if role == .boilerplate { boilerplateWords = ByteCueSet(bytes[Role.boilerplate.position]) }
        if role == .leadOpener {
            let cueBytes = Array(cue.utf8)
            leadOpeners.append(LayoutCues.ellipsisSplit(cueBytes).map { ($0.head, $0.tail) } ?? (cueBytes, nil))
        }
    }

    /// Whether `test` holds for the line's bytes and one of the role's cues. The line's bytes
    /// are taken once for all its cues (each cue took them again).
    private func any(
        _ role: Role, in line: some StringProtocol, _ test: (UnsafeBufferPointer<UInt8>, [UInt8]) -> Bool
    ) -> Bool {
        let cues = bytes[role.position]
        guard !cues.isEmpty else { return false }
        return ByteSearch.bytes(of: line) { text in cues.contains { test(text, $0) } }
    }

    private static func starts(_ text: UnsafeBufferPointer<UInt8>, _ cue: [UInt8]) -> Bool {
        text.count >= cue.count && text.prefix(cue.count).elementsEqual(cue)
    }

    private static func ends(_ text: UnsafeBufferPointer<UInt8>, _ cue: [UInt8]) -> Bool {
        text.count >= cue.count && text.suffix(cue.count).elementsEqual(cue)
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ cue: [UInt8]) -> Bool {
        ByteSearch.contains(text, cue)
    }

    public func cues(for role: Role) -> [String] { cues[role] ?? [] }

    /// Whether a label ends like a page's or column's name (`section-suffix`: `…专版`, `…专栏`).
    public func endsLikeSectionName(_ label: some StringProtocol) -> Bool {
        any(.sectionSuffix, in: label, LayoutCues.ends)
    }

    /// Whether a text opens with a measure word (`名“法律明白人”培训后上岗`): the number before it
    /// counts something.
    public func opensWithMeasureWord(_ text: some StringProtocol) -> Bool {
        measureWords.contains { text.hasPrefixBytes($0) }
    }

    public func isBoilerplate(_ line: String) -> Bool {
        boilerplateWords.occurs(in: line) || any(.boilerplatePrefix, in: line, LayoutCues.starts)
    }

    /// Whether a line is where a web page's picture was (`[图片]`): the cue alone, spaces aside.
    public func isImagePlaceholder(_ line: String) -> Bool {
        any(.imagePlaceholder, in: line.trimmingSpaces) { text, cue in text.elementsEqual(cue) }
    }

    /// Whether a line gives a way to reach someone (`联系电话：…`, `邮箱：…`): an imprint line, or the
    /// contact of a notice between its signature and its date.
    public func isContactLine(_ line: String) -> Bool {
        any(.contact, in: line, LayoutCues.contains)
    }

    /// Whether a credit, its spaces and brackets taken out, names only a photographer: it starts
    /// or ends with a `photo-credit` cue (`陆军摄`, `摄影李晨`) and holds no `writer-credit` cue
    /// (`张敏文/摄`, `街道平安办供稿`).
    public func isPhotographersCredit(_ compactCredit: String) -> Bool {
        (any(.photoCredit, in: compactCredit, LayoutCues.starts) || any(.photoCredit, in: compactCredit, LayoutCues.ends))
            && !any(.writerCredit, in: compactCredit, LayoutCues.contains)
    }

    public func endsLikeImprint(_ line: String) -> Bool {
        any(.boilerplateSuffix, in: line, LayoutCues.ends)
    }

    /// Whether a name ends like an office's (`byline-office-suffix`: `镇河长办`, `图书馆服务中心`).
    public func endsLikeOffice(_ name: some StringProtocol) -> Bool {
        any(.bylineOfficeSuffix, in: name, LayoutCues.ends)
    }

    /// Whether a credit's token is a person's post (`卫零居民区党总支书记`, `社区主任`), not a name.
    public func endsLikePost(_ token: some StringProtocol) -> Bool {
        any(.postSuffix, in: token, LayoutCues.ends)
    }

    public func endsWithPaperName(_ line: some StringProtocol) -> Bool {
        any(.paperSuffix, in: line, LayoutCues.ends)
    }

    /// Whether a line opens like a photo caption (`▲`, `图为`).
    public func startsWithCaptionPrefix(_ line: String) -> Bool {
        any(.captionPrefix, in: line, LayoutCues.starts)
    }

    /// Whether a line holds a word only captions use (`摄`, `供图`).
    public func containsCaptionWord(_ line: String) -> Bool {
        any(.captionContains, in: line, LayoutCues.contains)
    }

    public func startsWithBylinePrefix(_ line: String) -> Bool {
        any(.bylinePrefix, in: line, LayoutCues.starts)
    }

    public func containsForwardContinuation(_ line: String) -> Bool {
        any(.continuationForward, in: line, LayoutCues.contains)
    }

    public func containsBackwardContinuation(_ line: String) -> Bool {
        any(.continuationBackward, in: line, LayoutCues.contains)
    }

    public func isEndMark(_ inner: String) -> Bool {
        any(.endMark, in: inner) { $0.elementsEqual($1) }
    }

    /// Whether a paragraph opens like a news lead (`近日，…`, `日前,…`, `近年来,…`, `自…以来，…`).
    public func startsWithLeadOpener(_ paragraph: String) -> Bool {
        ByteSearch.bytes(of: paragraph) { text in
            for opener in leadOpeners where text.starts(with: opener.head) {
                guard let tail = opener.tail else { return true }
                // `自…以来`: the prefix, then the suffix before the first comma.
                let clause = text[..<LayoutCues.firstCommaOffset(text)]
                if clause.count >= tail.count, clause.suffix(tail.count).elementsEqual(tail) { return true }
            }
            return false
        }
    }

    /// Whether a paragraph opens the way an article's last paragraph does (`下一步，…`,
    /// `今后，…`, `未来，…`): what it says next belongs to the article above.
    public func startsWithClosingOpener(_ paragraph: String) -> Bool {
        any(.closingOpener, in: paragraph, LayoutCues.starts)
    }

    /// The byte offset of the first `，` (EF BC 8C) or `,`, or the end.
    private static func firstCommaOffset(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: ",") { return index }
            if text[index] == 0xEF, index + 2 < text.count, text[index + 1] == 0xBC, text[index + 2] == 0x8C { return index }
            index += 1
        }
        return text.count
    }

    /// A cue written `A…B`, split at the ellipsis (U+2026, E2 80 A6).
    private static func ellipsisSplit(_ cue: [UInt8]) -> (head: [UInt8], tail: [UInt8])? {
        guard cue.count >= 3 else { return nil }
        for i in 0...(cue.count - 3) where cue[i] == 0xE2 && cue[i + 1] == 0x80 && cue[i + 2] == 0xA6 {
            return (Array(cue[..<i]), Array(cue[(i + 3)...]))
        }
        return nil
    }

    /// Whether a line is a turn of an interview (`问：…？`, `答：…`).
    public func startsWithDialoguePrefix(_ line: String) -> Bool {
        any(.dialoguePrefix, in: line, LayoutCues.starts)
    }

    /// Whether a line is a web page's meta line under its title (`发布时间：…　来源：…`).
    public func isWebMeta(_ line: String) -> Bool {
        any(.webMeta, in: line, LayoutCues.contains)
    }

    /// Whether a bracketed remark after a paragraph's last sentence is a note (`注：…`, `详见…`),
    /// part of the text, rather than a credit.
    public func startsWithNotePrefix(_ text: String) -> Bool {
        any(.notePrefix, in: text, LayoutCues.starts)
    }

    /// Whether a paragraph opens with a bullet that marks a brief of its own (`◆ 近日，…`).
    public func startsWithBriefBullet(_ paragraph: String) -> Bool {
        any(.briefBullet, in: paragraph, LayoutCues.starts)
    }

    public func endsWithDeckSuffix(_ text: String) -> Bool {
        any(.deckSuffix, in: text, LayoutCues.ends)
    }

    /// Whether a title line ends mid-phrase (`“楼道议事会+网格联办”让老小区的`, `弄堂口的调解室，`),
    /// so the title line under it goes on with it: no kicker ends so.
    public func endsRunningOn(_ titleLine: String) -> Bool {
        any(.titleRunsOn, in: titleLine.trimmingSpaces, LayoutCues.ends)
    }

    /// Whether a word that follows a credit's role word names a column, not a person:
    /// `记者手记` is the heading of the reporter's own notes inside a feature, not a byline.
    public func isColumnWord(_ word: String) -> Bool {
        any(.columnWord, in: word, { text, cue in text.count == cue.count && text.elementsEqual(cue) })
    }
}

extension LayoutCues {
    /// Whether a title line is a notice's title set under its issuer's name on a line of its
    /// own: `奔牛镇人民政府` / `关于开展…临时救助申请的公告` print one title (the issuer is no
    /// kicker). The upper line is a short name ending like an issuer, with no punctuation.
    public func isNoticeIssuer(_ upper: String, over lower: String) -> Bool {
        guard any(.noticeOpener, in: lower.trimmingSpaces, LayoutCues.starts) else { return false }
        let name = upper.trimmingSpaces
        let scalars = name.unicodeScalars
        guard (3...20).contains(scalars.count), scalars.allSatisfy(ScalarClass.isIdeograph) else { return false }
        return any(.issuerSuffix, in: name, LayoutCues.ends)
    }

    /// Whether a title line opens like a notice (`关于…`, after its issuer's name when printed
    /// on the same line) but stops before the `的` that names the notice's kind
    /// (`…关于开展电动自行车违规停放充电` / `集中整治的通告`): the title line below goes on with it.
    public func isUnfinishedNoticeTitle(_ line: String) -> Bool {
        let text = line.trimmingSpaces
        guard let at = cues(for: .noticeOpener).lazy.compactMap({ text.rangeOfBytes($0) }).first else { return false }
        let before = text[..<at.lowerBound]
        // Only an issuer's name may stand before the opener.
        guard before.isEmpty || any(.issuerSuffix, in: before, LayoutCues.ends) else { return false }
        return !text[at.upperBound...].containsBytes(LayoutCues.noticeKindMark)
    }

    /// What stands before a notice's kind in its title (`…的通告`, `…的公示`).
    static let noticeKindMark = "的"

    /// Whether a heading starts `X：` / `X: ` where X is a short name ending like an actor
    /// (`周浦镇：…`, `海永镇纪委: …`), the way article titles do and subheadings do not.
    public func startsWithActorColon(_ heading: String) -> Bool {
        let scalars = heading.unicodeScalars
        guard let colon = scalars.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let actor = Substring(scalars[..<colon].trimmingSpaces())
        guard (2...12).contains(actor.scalarCount) else { return false }
        return any(.actorSuffix, in: actor, LayoutCues.ends)
    }
}
