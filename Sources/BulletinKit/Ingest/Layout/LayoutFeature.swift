/// One observation `BlockFeatures` makes about a block, as a value rather than a name.
///
/// Almost every feature comes from a closed vocabulary known before any bulletin is read
/// (`bias`, `len:5-6`, `cue:lead-opener`, `prev:heading&next:text&heading`): those are numbers
/// into `LayoutFeature.vocabulary`. Only the characters a paragraph starts and ends with
/// (`first:本`, `first2:本报`, `last:。`, `heading-above-last:的`) are open, and they carry the
/// characters themselves.
/// Inference turns features into weight rows through `LayoutFeatureRows` (array reads, no string
/// built or hashed); training asks for `name`, the text `layout-weights.tsv` keeps.
enum LayoutFeature: Sendable, Equatable {
    /// A feature of the closed vocabulary, by its index in `vocabulary`.
    case named(Int)
    /// `first:X`: the paragraph's first character.
    case first(Unicode.Scalar)
    /// `first2:XY`: its first two characters.
    case firstTwo(Unicode.Scalar, Unicode.Scalar)
    /// `last:X`: its last character.
    case last(Unicode.Scalar)
    /// `last2:XY`: its last two characters (a caption ends `…活动现场`, `…一角`, a title seldom).
    case lastTwo(Unicode.Scalar, Unicode.Scalar)
    /// `heading-above-last:X`: the last character of the heading right above it (a title set on
    /// two lines breaks after `的` or `，`, where no title or kicker ends: `…让老小区的` / `烦心事…`).
    case lastAbove(Unicode.Scalar)

    /// The feature's name in `layout-weights.tsv`.
    var name: String {
        switch self {
        case .named(let id): LayoutFeature.vocabulary[id]
        case .first(let scalar): "first:" + String(scalar)
        case .firstTwo(let a, let b): "first2:" + String(a) + String(b)
        case .last(let scalar): "last:" + String(scalar)
        case .lastTwo(let a, let b): "last2:" + String(a) + String(b)
        case .lastAbove(let scalar): "heading-above-last:" + String(scalar)
        }
    }

    // MARK: - The closed vocabulary

    /// What a block's neighbour is (`prev:` and `next:` features): a paragraph's shape or a
    /// furniture block's kind, or the bulletin's start or end. A `head-byline` is a byline right
    /// under a heading (`本报记者 黄诗雨` under a title): it opens the article rather than closing one.
    static let neighbourKinds = [
        "start", "end", "heading", "text", "section", "byline", "marker-forward", "marker-backward", "end-mark", "photo-credit",
        "head-byline",
    ]

    /// The classes `end:` names (`BlockFeatures.punctuationClass`).
    static let endClasses = [
        "ideograph", "digit", "latin", "。", "！", "？", "；", "：", "，", "、", "…", "”", "）", "—", "」", "》", "】", "other",
    ]

    /// The bins of `topic:` and `own-topic:` (`BlockFeatures.similarityBin`).
    static let similarityBins = ["0", "<0.05", "<0.1", "<0.2", "<0.35", ">=0.35"]

    /// The kinds of `enumerated:` (`BlockFeatures.enumerationKind`).
    static let enumerationKinds = ["cn", "paren-cn", "digit", "paren-digit", "none"]

    /// The facts about a whole bulletin, each joined with a block's shape.
    static let bulletinFacts = [
        "bulletin:bylines", "bulletin:numbered", "bulletin:sections",
        "bulletin:headings>45%", "bulletin:headings>25%", "bulletin:headings<25%",
    ]

    /// Every name of the closed vocabulary, each once.
    static let vocabulary: [String] = {
        var names = [
            "bias", "heading", "classified:caption", "terminated", "full-stop-inside", "reads-like-sentence",
            "space-inside", "colon:early", "colon:late", "quote", "book-title-marks", "digits", "count-digits", "dash:end",
            "dash:start", "dash", "bracketed", "question-title", "starts-mid-sentence", "starts-with-date",
            "bracket-label", "figure-row", "cue:lead-opener", "cue:actor-colon", "cue:dialogue",
            "cue:brief-bullet", "cue:caption-prefix", "cue:caption-word", "cue:byline-prefix", "cue:boilerplate", "cue:contact",
            "cue:imprint", "cue:paper-name", "cue:lead-byline", "credit-line", "photo-news", "first-paragraph",
            "next:lead-opener", "next:lead-byline", "next:dialogue", "next:credit-line", "next:mid-sentence",
            "prev:unterminated-text", "parallel", "enumerated-sibling", "topic:nothing-above",
            "topic:nothing-below", "words-above>below", "new-town", "next:new-town", "next:web-meta", "clock-time",
            "gap:0&blanks-rare", "gap:1+&blanks-rare", "after-colon", "repeated", "cue:closing-opener",
            "listed", "listed:part", "listed:some", "unlisted&heading", "in-numbered-part",
            "parallel-to-last-heading", "opens-like-prev", "opens-like-next", "opens-like-earlier", "running-text-under-caption", "below-image",
        ]
        for bin in BlockFeatures.lengthBins { names += ["len:" + bin.name, "heading&len:" + bin.name, "uncued&len:" + bin.name] }
        names += ["lines:0", "lines:1", "lines:2", "lines:3+", "gap:0", "gap:1", "gap:2+"]
        names += endClasses.map { "end:" + $0 }
        names += endClasses.map { "heading-above-end:" + $0 }
        names += BlockFeatures.commaFeatures
        names += BlockFeatures.sinceFurnitureFeatures + BlockFeatures.headingSinceFurnitureFeatures
        names += BlockFeatures.underHeadFeatures
        names += enumerationKinds.map { "enumerated:" + $0 }
        names += similarityBins.flatMap { ["topic:" + $0, "own-topic:" + $0] }
        names += bulletinFacts.flatMap { [$0 + "&heading", $0 + "&text"] }
        for kind in neighbourKinds { names += ["prev:" + kind, "next:" + kind] }
        for previous in neighbourKinds {
            for next in neighbourKinds {
                for shape in ["heading", "text"] { names.append("prev:\(previous)&next:\(next)&\(shape)") }
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }()

    /// Index of each vocabulary name: used to make the features below, once.
    private static let index: [String: Int] = Dictionary(
        uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })

    /// The feature of a vocabulary name (a name outside it is a programming error).
    static func named(_ name: String) -> LayoutFeature {
        guard let id = index[name] else { preconditionFailure("'\(name)' is not in the layout feature vocabulary") }
        return .named(id)
    }

    /// The features of a family, by position in its list of values.
    static func family(_ prefix: String, _ values: [String], _ suffix: String = "") -> [LayoutFeature] {
        values.map { named(prefix + $0 + suffix) }
    }

    static let bias = named("bias")
    static let heading = named("heading")
    static let classifiedCaption = named("classified:caption")
    static let terminated = named("terminated")
    static let fullStopInside = named("full-stop-inside")
    static let readsLikeSentence = named("reads-like-sentence")
    static let spaceInside = named("space-inside")
    static let colonEarly = named("colon:early")
    static let colonLate = named("colon:late")
    static let quote = named("quote")
    static let bookTitleMarks = named("book-title-marks")
    static let digits = named("digits")
    static let countDigits = named("count-digits")
    static let dashEnd = named("dash:end")
    static let dashStart = named("dash:start")
    static let dash = named("dash")
    static let bracketed = named("bracketed")
    static let questionTitle = named("question-title")
    static let startsMidSentence = named("starts-mid-sentence")
    static let startsWithDate = named("starts-with-date")
    static let bracketLabel = named("bracket-label")
    static let figureRow = named("figure-row")
    static let cueLeadOpener = named("cue:lead-opener")
    static let cueActorColon = named("cue:actor-colon")
    static let cueDialogue = named("cue:dialogue")
    static let cueBriefBullet = named("cue:brief-bullet")
    static let cueCaptionPrefix = named("cue:caption-prefix")
    static let cueCaptionWord = named("cue:caption-word")
    static let cueBylinePrefix = named("cue:byline-prefix")
    static let cueBoilerplate = named("cue:boilerplate")
    static let cueContact = named("cue:contact")
    static let belowImage = named("below-image")
    static let cueImprint = named("cue:imprint")
    static let cuePaperName = named("cue:paper-name")
    static let cueLeadByline = named("cue:lead-byline")
    static let creditLine = named("credit-line")
    static let photoNews = named("photo-news")
    static let firstParagraph = named("first-paragraph")
    static let nextLeadOpener = named("next:lead-opener")
    static let nextLeadByline = named("next:lead-byline")
    static let nextDialogue = named("next:dialogue")
    static let nextCreditLine = named("next:credit-line")
    static let nextMidSentence = named("next:mid-sentence")
    static let previousUnterminatedText = named("prev:unterminated-text")
    static let parallel = named("parallel")
    static let enumeratedSibling = named("enumerated-sibling")
    static let topicNothingAbove = named("topic:nothing-above")
    static let topicNothingBelow = named("topic:nothing-below")
    static let wordsAboveOverBelow = named("words-above>below")
    static let newTown = named("new-town")
    static let nextNewTown = named("next:new-town")
    static let nextWebMeta = named("next:web-meta")
    static let clockTime = named("clock-time")
    static let gapNoneBlanksRare = named("gap:0&blanks-rare")
    static let gapBlanksRare = named("gap:1+&blanks-rare")
    static let afterColon = named("after-colon")
    static let inNumberedPart = named("in-numbered-part")
    /// A heading set like the heading-shaped paragraph before it (however far above): the
    /// decoder then weighs whether the two are read alike (`HeadingLink`).
    static let parallelToLastHeading = named("parallel-to-last-heading")
    static let repeated = named("repeated")
    /// A text paragraph opening with the same bullet or bracket as the paragraph right above
    /// (`▶油桥村　…` under `▶仙桥村　…`), or below: items of one list. Numbered paragraphs
    /// (`（一）…`) are left out: a report's run-in parts go on in one article.
    static let opensLikePrevious = named("opens-like-prev")
    static let opensLikeNext = named("opens-like-next")
    /// A text paragraph opening with the same bullet or bracket as one further up its section,
    /// with other paragraphs between: briefs set among titled items.
    static let opensLikeEarlier = named("opens-like-earlier")
    /// A long paragraph that ends its sentences and carries no caption cue (no `▲`, `图为`, no
    /// caption word, not a photo-news line), right under a caption: the article's text going on
    /// under the picture, whatever its first words (`▲ 网格员在巡查中…（摄影 张伟）` /
    /// `网格员在巡查中发现问题后，…`).
    static let runningTextUnderCaption = named("running-text-under-caption")
    static let cueClosingOpener = named("cue:closing-opener")
    /// The bulletin's table of contents lists the block (`ContentsListing.Match`); `unlisted&heading`:
    /// a heading-shaped block it does not list, in a bulletin that has one.
    static let listed = named("listed")
    static let listedPart = named("listed:part")
    static let listedSome = named("listed:some")
    static let unlistedHeading = named("unlisted&heading")

    /// `len:BIN` and `heading&len:BIN`, by position in `BlockFeatures.lengthBins`.
    static let length = family("len:", BlockFeatures.lengthBins.map(\.name))
    static let headingLength = family("heading&len:", BlockFeatures.lengthBins.map(\.name))
    /// `uncued&len:BIN`: the length of a block with no caption cue (no `▲`, no `摄影`, no
    /// photographer's credit at its end), so that the size a role is ruled out past
    /// (`SizeSupport`) can differ for such blocks: the gold's uncued captions are short phrases,
    /// its cued ones may be long sentences.
    static let uncuedLength = family("uncued&len:", BlockFeatures.lengthBins.map(\.name))
    /// `lines:0` … `lines:3+`, by count (at most 3).
    static let lines = family("lines:", ["0", "1", "2", "3+"])
    /// `gap:0` … `gap:2+`, by blank lines (at most 2).
    static let gap = family("gap:", ["0", "1", "2+"])
    /// `end:CLASS`, by position in `endClasses`.
    static let end = family("end:", endClasses)
    /// `heading-above-end:CLASS`: how the heading right above ends, by position in `endClasses`.
    static let headingAboveEnd = family("heading-above-end:", endClasses)
    static let commas = BlockFeatures.commaFeatures.map(named)
    static let sinceFurniture = BlockFeatures.sinceFurnitureFeatures.map(named)
    static let headingSinceFurniture = BlockFeatures.headingSinceFurnitureFeatures.map(named)
    /// `under-head:BIN`, by `BlockFeatures.headDistanceBin`.
    static let underHead = BlockFeatures.underHeadFeatures.map(named)
    /// `enumerated:KIND`, by position in `enumerationKinds`.
    static let enumerated = family("enumerated:", enumerationKinds)
    /// `topic:BIN` and `own-topic:BIN`, by position in `similarityBins`.
    static let topic = family("topic:", similarityBins)
    static let ownTopic = family("own-topic:", similarityBins)
    /// Bulletin facts joined with `&heading` and `&text`, by position in `bulletinFacts`.
    static let factsWithHeading = family("", bulletinFacts, "&heading")
    static let factsWithText = family("", bulletinFacts, "&text")
    /// `prev:KIND` and `next:KIND`, by position in `neighbourKinds`.
    static let previous = family("prev:", neighbourKinds)
    static let next = family("next:", neighbourKinds)
    /// `prev:A&next:B&SHAPE` at `(a × kinds + b) × 2 + (heading ? 0 : 1)`.
    static let neighbours: [LayoutFeature] = neighbourKinds.flatMap { previous in
        neighbourKinds.flatMap { next in
            [named("prev:\(previous)&next:\(next)&heading"), named("prev:\(previous)&next:\(next)&text")]
        }
    }

    /// The position of a neighbour kind in `neighbourKinds`.
    static func neighbourKind(_ name: String) -> Int {
        guard let kind = neighbourKinds.firstIndex(of: name) else { preconditionFailure("unknown neighbour kind '\(name)'") }
        return kind
    }

    /// `prev:A&next:B&SHAPE` for neighbour kinds `previous` and `next`.
    static func neighbours(previous: Int, next: Int, heading: Bool) -> LayoutFeature {
        neighbours[(previous * neighbourKinds.count + next) * 2 + (heading ? 0 : 1)]
    }
}
