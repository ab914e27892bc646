/// The observations the layout model weighs for each block of a bulletin: the shape of the line
/// (length, punctuation, numbering, dashes), the layout words of `layout-cues.tsv`, parallel
/// headings nearby, how far the topic shifts across the block, its neighbours, and facts about the
/// whole bulletin (does it close articles with bylines, does it number its parts).
///
/// Features are names (`len:5-6`, `end:。`, `cue:lead-opener`, `topic:<0.05`); the model learns
/// a weight for each name and role from the gold (`layout-weights.tsv`). Furniture blocks (section
/// markers, bylines, continuation markers) have fixed roles and no features.
struct BlockFeatures {
    /// Blocks read together: a heading candidate's parallel sibling is looked for this many
    /// candidates away on each side; topic windows take this many paragraphs.
    static let parallelWindow = 3
    static let topicWindow = 4

    let cues: LayoutCues
    let classifier: LineClassifier

    init(cues: LayoutCues, classifier: LineClassifier) {
        self.cues = cues
        self.classifier = classifier
    }

    /// The features of every block (empty for furniture), in block order. Linear in the number of
    /// blocks: each looks at a fixed window around it.
    func features(of blocks: [Block]) -> [[String]] {
        var paragraphs: [Int] = []  // block indices of paragraphs
        var counts: [TopicSimilarity.Counts] = []
        for (index, block) in blocks.enumerated() {
            if case .paragraph(let p) = block {
                paragraphs.append(index)
                counts.append(TopicSimilarity.counts(p.text))
            }
        }
        let topics = TopicSimilarity(paragraphCounts: counts)
        var positionOf = [Int](repeating: -1, count: blocks.count)
        for (position, index) in paragraphs.enumerated() { positionOf[index] = position }

        // Facts about the whole bulletin.
        var bylineBlocks = 0
        var sections = 0
        for block in blocks {
            switch block {
            case .byline: bylineBlocks += 1
            case .section: sections += 1
            default: break
            }
        }
        let texts = paragraphs.map { index -> Paragraph in
            guard case .paragraph(let p) = blocks[index] else { preconditionFailure() }
            return p
        }
        let headingLike = texts.map { LineShape.couldBeHeading($0.text, cues: cues) && $0.lines.count == 1 }
        let shapes = zip(texts, headingLike).map { $1 ? HeadingShape($0.text) : nil }
        // How each paragraph is numbered as a part (`cn` for `一、`, `paren-cn` for `（一）` …), or nil.
        let enumeration = texts.map { LineShape.isEnumerated($0.text) ? BlockFeatures.enumerationKind($0.text.scalarArray) : nil }
        let numbered = enumeration.filter { $0 != nil }.count
        var bulletinFacts: [String] = []
        if bylineBlocks >= 2 { bulletinFacts.append("bulletin:bylines") }
        if numbered >= 2 { bulletinFacts.append("bulletin:numbered") }
        if sections >= 1 { bulletinFacts.append("bulletin:sections") }
        let headingShare = texts.isEmpty ? 0 : Double(headingLike.filter { $0 }.count) / Double(texts.count)
        bulletinFacts.append(headingShare > 0.45 ? "bulletin:headings>45%" : headingShare > 0.25 ? "bulletin:headings>25%" : "bulletin:headings<25%")
        // The conjunctions with the block's shape, made once per bulletin rather than per block.
        let factsWithHeading = bulletinFacts.map { $0 + "&heading" }
        let factsWithText = bulletinFacts.map { $0 + "&text" }

        // Hard boundaries (bylines, markers, sections) between paragraph positions.
        var boundaryBefore = [Bool](repeating: false, count: paragraphs.count)
        var previousKind = [String](repeating: "start", count: paragraphs.count)
        var nextKind = [String](repeating: "end", count: paragraphs.count)
        var sinceFurniture = [Int](repeating: 99, count: paragraphs.count)
        do {
            var sawBoundary = false
            var lastKind = "start"
            var distance = 99
            var position = 0
            for block in blocks {
                if case .paragraph = block {
                    boundaryBefore[position] = sawBoundary
                    previousKind[position] = lastKind
                    sinceFurniture[position] = distance
                    sawBoundary = false
                    lastKind = headingLike[position] ? "heading" : "text"
                    distance = min(distance + 1, 99)
                    position += 1
                } else {
                    sawBoundary = true
                    lastKind = BlockFeatures.furnitureName(block)
                    distance = 0
                }
            }
            var next = "end"
            position = paragraphs.count - 1
            for block in blocks.reversed() {
                if case .paragraph = block {
                    nextKind[position] = next
                    next = headingLike[position] ? "heading" : "text"
                    position -= 1
                } else {
                    next = BlockFeatures.furnitureName(block)
                }
            }
        }

        // What both a paragraph's own features and its upper neighbour's ask of its text.
        let scalarArrays = texts.map(\.text.scalarArray)
        let facts = zip(texts, scalarArrays).map { ParagraphFacts($0.text, scalars: $1, cues: cues, classifier: classifier) }
        var windows = TopicWindows(topics: topics, counts: counts, width: BlockFeatures.topicWindow)
        var townNames = [[String]?](repeating: nil, count: texts.count)
        func namesNewTown(_ position: Int, above: Int) -> Bool {
            if townNames[position] == nil {
                townNames[position] = TownNameShape.names(in: scalarArrays[position].prefix(30))
            }
            return BlockFeatures.namesNewTown(townNames[position]!, above: texts[..<above])
        }

        var result = [[String]](repeating: [], count: blocks.count)
        for (position, paragraph) in texts.enumerated() {
            var f: [String] = ["bias"]
            let text = paragraph.text
            let scalars = scalarArrays[position]
            let own = facts[position]
            let length = scalars.count
            let heading = headingLike[position]
            f.append("len:" + BlockFeatures.lengthBin(length))
            f.append("lines:" + (paragraph.lines.count >= 3 ? "3+" : String(paragraph.lines.count)))
            f.append("gap:" + (paragraph.gapBefore >= 2 ? "2+" : String(paragraph.gapBefore)))
            if heading { f.append("heading") }
            if paragraph.classifiedAsCaption { f.append("classified:caption") }
            if own.isTerminated { f.append("terminated") }
            if let last = scalars.last { f.append("end:" + BlockFeatures.punctuationClass(last)) }
            if let first = scalars.first {
                f.append("first:" + String(first))
                if scalars.count >= 2 { f.append("first2:" + String(first) + String(scalars[1])) }
            }
            if let last = scalars.last { f.append("last:" + String(last)) }
            let marks = PunctuationScan(scalars)
            if marks.fullStopInside { f.append("full-stop-inside") }
            if LineShape.readsLikeSentence(text) { f.append("reads-like-sentence") }
            f.append(BlockFeatures.commaFeatures[min(marks.commas, 3)])
            if marks.spaceInside { f.append("space-inside") }
            if let colon = marks.firstColon { f.append(colon <= 8 ? "colon:early" : "colon:late") }
            if marks.quote { f.append("quote") }
            if marks.bookTitleMark { f.append("book-title-marks") }
            if marks.digits { f.append("digits") }
            if let kind = enumeration[position] { f.append("enumerated:" + kind) }
            if LineShape.isKicker(text) { f.append("dash:end") }
            if text.hasPrefixBytes("——") { f.append("dash:start") }
            if LineShape.hasDash(text) { f.append("dash") }
            if let first = scalars.first, let last = scalars.last,
                (first == "（" && last == "）") || (first == "(" && last == ")")
            {
                f.append("bracketed")
            }
            if LineShape.isQuestionOrExclamationTitle(text) { f.append("question-title") }
            if own.startsMidSentence { f.append("starts-mid-sentence") }
            if own.startsWithDate { f.append("starts-with-date") }
            if LineShape.startsWithBracketLabel(text) { f.append("bracket-label") }
            if LineShape.isFigureRow(text) { f.append("figure-row") }
            // Words of layout-cues.tsv, matched against the paragraph as printed.
            if own.startsWithLeadOpener { f.append("cue:lead-opener") }
            if cues.startsWithActorColon(text) { f.append("cue:actor-colon") }
            if own.startsWithDialogue { f.append("cue:dialogue") }
            if cues.startsWithBriefBullet(text) { f.append("cue:brief-bullet") }
            if cues.startsWithCaptionPrefix(text) { f.append("cue:caption-prefix") }
            if cues.containsCaptionWord(text) { f.append("cue:caption-word") }
            if cues.startsWithBylinePrefix(text) { f.append("cue:byline-prefix") }
            if length <= LineClassifier.furnitureMaxLength {
                if cues.isBoilerplate(text) { f.append("cue:boilerplate") }
                if cues.endsLikeImprint(text) { f.append("cue:imprint") }
                if cues.endsWithPaperName(text) { f.append("cue:paper-name") }
            }
            if own.hasLeadByline { f.append("cue:lead-byline") }
            if own.isCreditLine { f.append("credit-line") }
            if classifier.isPhotoNews(text) { f.append("photo-news") }
            // Neighbours.
            f.append("prev:" + previousKind[position])
            f.append("next:" + nextKind[position])
            f.append(BlockFeatures.sinceFurnitureFeatures[min(sinceFurniture[position], 3)])
            if position == 0 { f.append("first-paragraph") }
            if position + 1 < texts.count {
                let below = facts[position + 1]
                if below.startsWithLeadOpener || below.startsWithDate { f.append("next:lead-opener") }
                if below.hasLeadByline { f.append("next:lead-byline") }
                if below.startsWithDialogue { f.append("next:dialogue") }
                if below.isCreditLine { f.append("next:credit-line") }
                if below.startsMidSentence { f.append("next:mid-sentence") }
            }
            if position > 0, !facts[position - 1].isTerminated, !headingLike[position - 1] {
                f.append("prev:unterminated-text")
            }
            // Parallel headings nearby, with no furniture between.
            if let shape = shapes[position] {
                var parallel = false
                var low = position
                var seen = 0
                while low > 0, seen < BlockFeatures.parallelWindow, !boundaryBefore[low] {
                    low -= 1
                    if shapes[low] != nil { seen += 1 }
                }
                var high = position
                seen = 0
                while high + 1 < texts.count, seen < BlockFeatures.parallelWindow, !boundaryBefore[high + 1] {
                    high += 1
                    if shapes[high] != nil { seen += 1 }
                }
                for other in low...high where other != position {
                    if let otherShape = shapes[other], shape.isParallel(to: otherShape) {
                        parallel = true
                        break
                    }
                }
                if parallel { f.append("parallel") }
                if let kind = enumeration[position] {
                    let sibling = (low...high).contains { other in other != position && enumeration[other] == kind }
                    if sibling { f.append("enumerated-sibling") }
                }
            }
            // Topic shift: the paragraphs above against the paragraphs below.
            var taken = 0
            var p = position - 1
            while p >= 0, taken < BlockFeatures.topicWindow, !boundaryBefore[p + 1] {
                taken += 1
                p -= 1
            }
            let above = windows.run(first: p + 1, length: taken)
            taken = 0
            p = position + 1
            while p < texts.count, taken < BlockFeatures.topicWindow, !boundaryBefore[p] {
                taken += 1
                p += 1
            }
            let below = windows.run(first: position + 1, length: taken)
            if above.isEmpty {
                f.append("topic:nothing-above")
            } else if below.isEmpty {
                f.append("topic:nothing-below")
            } else {
                let across = topics.similarity(above, below)
                f.append("topic:" + BlockFeatures.similarityBin(across))
                if heading {
                    let up = topics.coverage(of: counts[position], in: above.counts)
                    let down = topics.coverage(of: counts[position], in: below.counts)
                    if up > down { f.append("words-above>below") }
                }
            }
            if heading {
                let ownTopic = topics.similarity(windows.run(first: position, length: 1), below)
                f.append("own-topic:" + BlockFeatures.similarityBin(ownTopic))
            }
            // A town the paragraphs above did not name (`6月12日，东山街道…` after an article on 湖熟街道),
            // in this paragraph or, for a heading, in the one under it: a heading over news of
            // another town is a title.
            if position > 0, !heading, namesNewTown(position, above: position) {
                f.append("new-town")
            }
            if heading, position > 0, position + 1 < texts.count, !headingLike[position + 1],
                namesNewTown(position + 1, above: position)
            {
                f.append("next:new-town")
            }
            // Conjunctions the model cannot form by itself.
            let shapeKey = heading ? "heading" : "text"
            f.append(contentsOf: heading ? factsWithHeading : factsWithText)
            f.append("prev:\(previousKind[position])&next:\(nextKind[position])&\(shapeKey)")
            if heading {
                f.append("heading&len:" + BlockFeatures.lengthBin(length))
                f.append(BlockFeatures.headingSinceFurnitureFeatures[min(sinceFurniture[position], 3)])
            }
            result[paragraphs[position]] = f
        }
        return result
    }

    static func furnitureName(_ block: Block) -> String {
        switch block {
        case .paragraph: "text"
        case .section: "section"
        case .byline: "byline"
        case .continuedForward: "marker-forward"
        case .continuedBackward: "marker-backward"
        case .endMark: "end-mark"
        }
    }

    /// The paragraph opens (first 30 characters) with a town the last few paragraphs `above`
    /// did not name.
    static func namesNewTown(_ text: String, above: ArraySlice<Paragraph>) -> Bool {
        namesNewTown(TownNameShape.names(in: text.scalarArray.prefix(30)), above: above)
    }

    /// One of `names` (the towns a paragraph opens with) is not in the last few paragraphs `above`.
    static func namesNewTown(_ names: [String], above: ArraySlice<Paragraph>) -> Bool {
        guard !names.isEmpty else { return false }
        let recent = above.suffix(topicWindow).map(\.text)
        return names.contains { name in !recent.contains { $0.containsBytes(name) } }
    }

    /// The length bins of `len:`, shortest first: each bin's name and the first length past it.
    static let lengthBins: [(name: String, below: Int)] = [
        ("1-2", 3), ("3-4", 5), ("5-6", 7), ("7-9", 10), ("10-12", 13), ("13-16", 17), ("17-20", 21),
        ("21-25", 26), ("26-30", 31), ("31-40", 41), ("41-60", 61), ("61-100", 101), ("101+", Int.max),
    ]

    static func lengthBin(_ length: Int) -> String {
        lengthBins.first { length < $0.below }!.name
    }

    /// The bins of `commas:`, fewest first.
    static let commaBins = ["0", "1", "2", "3+"]

    static func commaBin(_ commas: Int) -> String { commas >= 3 ? "3+" : String(commas) }

    /// `since-furniture:0` … `since-furniture:3+` and the same after `heading&`, by distance (at
    /// most 3): names made once, not per block.
    static let sinceFurnitureFeatures = (0...3).map { "since-furniture:" + ($0 >= 3 ? "3+" : String($0)) }
    static let headingSinceFurnitureFeatures = sinceFurnitureFeatures.map { "heading&" + $0 }

    /// `commas:0` … `commas:3+`, by count (at most 3).
    static let commaFeatures = (0...3).map { "commas:" + commaBin($0) }

    static func similarityBin(_ value: Double) -> String {
        switch value {
        case ..<0.01: "0"
        case ..<0.05: "<0.05"
        case ..<0.1: "<0.1"
        case ..<0.2: "<0.2"
        case ..<0.35: "<0.35"
        default: ">=0.35"
        }
    }

    static func punctuationClass(_ scalar: Unicode.Scalar) -> String {
        if ScalarClass.isIdeograph(scalar) { return "ideograph" }
        if ScalarClass.isASCIIDigit(scalar) { return "digit" }
        if ScalarClass.isASCIILetter(scalar) { return "latin" }
        switch scalar {
        case "。", "！", "？", "；", "：", "，", "、", "…", "”", "）", "—", "」", "》", "】": return String(scalar)
        case "!": return "！"
        case "?": return "？"
        case ")": return "）"
        case ",": return "，"
        case ":": return "："
        case ";": return "；"
        default: return "other"
        }
    }

    /// `一、` → `cn`, `（一）` → `paren-cn`, `(1)` → `paren-digit`, `1.` → `digit`.
    static func enumerationKind(_ scalars: [Unicode.Scalar]) -> String {
        guard let first = scalars.first else { return "none" }
        let open = first == "（" || first == "("
        let number = open ? scalars.dropFirst().first : first
        let digit = number.map(ScalarClass.isASCIIDigit) ?? false
        return (open ? "paren-" : "") + (digit ? "digit" : "cn")
    }
}
