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
    /// - Parameter listing: the titles the bulletin's table of contents lists, if it has one.
    func features(of blocks: [Block], listing: ContentsListing = ContentsListing(entries: [])) -> [[LayoutFeature]] {
        var paragraphs: [Int] = []  // block indices of paragraphs
        var paragraphTexts: [String] = []
        for (index, block) in blocks.enumerated() {
            if case .paragraph(let p) = block {
                paragraphs.append(index)
                paragraphTexts.append(p.text)
            }
        }
        // Each paragraph's scalars, derived once here and handed to every test that reads
        // scalars (they each decoded the text again), the topic counts first.
        let scalarArrays = paragraphTexts.map(\.scalarArray)
        // Bigram rarity and each paragraph's counts, keys interned (positions among the
        // bulletin's bigrams: same order, same weights), from one sort.
        let (topics, counts) = TopicSimilarity.interning(paragraphScalars: scalarArrays)
        var positionOf = [Int](repeating: -1, count: blocks.count)
        for (position, index) in paragraphs.enumerated() { positionOf[index] = position }

        // Facts about the whole bulletin.
        var bylineBlocks = 0
        var sections = 0
        for block in blocks {
            switch block {
            case .byline(_, _, false, _): bylineBlocks += 1
            case .section: sections += 1
            default: break
            }
        }
        let texts = paragraphs.map { index -> Paragraph in
            guard case .paragraph(let p) = blocks[index] else { preconditionFailure() }
            return p
        }
        let headingLike = texts.indices.map { position in
            texts[position].lines.count == 1
                && LineShape.couldBeHeading(texts[position].text, scalars: scalarArrays[position], cues: cues)
        }
        let shapes = scalarArrays.indices.map { headingLike[$0] ? HeadingShape(scalars: scalarArrays[$0]) : nil }
        // How each paragraph is numbered as a part (`cn` for `一、`, `paren-cn` for `（一）` …), or nil.
        let enumeration = scalarArrays.map {
            LineShape.enumerationLength(scalars: $0) != nil ? BlockFeatures.enumerationKind($0) : nil
        }
        let numbered = enumeration.filter { $0 != nil }.count
        // Positions in `LayoutFeature.bulletinFacts`.
        var bulletinFacts: [Int] = []
        if bylineBlocks >= 2 { bulletinFacts.append(0) }
        if numbered >= 2 { bulletinFacts.append(1) }
        if sections >= 1 { bulletinFacts.append(2) }
        let headingShare = texts.isEmpty ? 0 : Double(headingLike.filter { $0 }.count) / Double(texts.count)
        bulletinFacts.append(headingShare > 0.45 ? 3 : headingShare > 0.25 ? 4 : 5)
        // Blank lines that stand only between articles (a print extraction that keeps no blank
        // line between paragraphs) make a blank line above a heading a strong sign of a title.
        let blankAbove = texts.dropFirst().filter { $0.gapBefore > 0 }.count
        let blanksRare = texts.count >= 8 && Double(blankAbove) < 0.3 * Double(texts.count - 1)
        // A list a colon announces (`…现摘编如下：` / `【朱泾镇】…` / `【枫泾镇】…`): the paragraph
        // after a colon, and each item after it that opens the same way, belong to what came
        // before.
        var afterColon = [Bool](repeating: false, count: texts.count)
        for position in texts.indices.dropFirst() {
            let previous = scalarArrays[position - 1]
            if let last = previous.last, last == "：" || last == ":", !headingLike[position - 1] {
                afterColon[position] = true
            } else if afterColon[position - 1], BlockFeatures.opensAlike(scalarArrays[position - 1], scalarArrays[position]) {
                afterColon[position] = true
            }
        }
        // A one-line paragraph printed three times or more (a WeChat account's name over each
        // reprinted post, a running head): furniture, where a title is printed once (twice when
        // its article is continued).
        var printings: [String: Int] = [:]
        for paragraph in texts where paragraph.lines.count == 1 { printings[paragraph.text, default: 0] += 1 }
        // The conjunctions with the block's shape, made once per bulletin rather than per block.
        let factsWithHeading = bulletinFacts.map { LayoutFeature.factsWithHeading[$0] }
        let factsWithText = bulletinFacts.map { LayoutFeature.factsWithText[$0] }

        // Hard boundaries (bylines, markers, sections) between paragraph positions.
        var boundaryBefore = [Bool](repeating: false, count: paragraphs.count)
        // Positions in `LayoutFeature.neighbourKinds`.
        let start = LayoutFeature.neighbourKind("start")
        let end = LayoutFeature.neighbourKind("end")
        let headingKind = LayoutFeature.neighbourKind("heading")
        let textKind = LayoutFeature.neighbourKind("text")
        let headByline = LayoutFeature.neighbourKind("head-byline")
        var previousKind = [Int](repeating: start, count: paragraphs.count)
        var nextKind = [Int](repeating: end, count: paragraphs.count)
        var sinceFurniture = [Int](repeating: 99, count: paragraphs.count)
        do {
            var sawBoundary = false
            var lastKind = start
            var distance = 99
            var position = 0
            for block in blocks {
                if case .paragraph = block {
                    boundaryBefore[position] = sawBoundary
                    previousKind[position] = lastKind
                    sinceFurniture[position] = distance
                    sawBoundary = false
                    lastKind = headingLike[position] ? headingKind : textKind
                    distance = min(distance + 1, 99)
                    position += 1
                } else {
                    // A photographer's credit sits between paragraphs of one article as often
                    // as it closes a photo-news brief: a neighbour, not a boundary.
                    if case .byline(_, _, true, _) = block {} else {
                        sawBoundary = true
                        distance = 0
                    }
                    let underHeading = lastKind == headingKind
                    lastKind = BlockFeatures.furnitureKind(block)
                    if case .byline(_, _, false, _) = block, underHeading { lastKind = headByline }
                }
            }
            var next = end
            position = paragraphs.count - 1
            for block in blocks.reversed() {
                if case .paragraph = block {
                    nextKind[position] = next
                    next = headingLike[position] ? headingKind : textKind
                    position -= 1
                } else {
                    next = BlockFeatures.furnitureKind(block)
                }
            }
        }

        // How many text paragraphs down from a long article's head each paragraph stands: a deck
        // under a heading (`——记…书记杨巧英`), a credit right under one (`■本报记者　钱晨`), a web
        // title over its meta line or a continuation's `（上接第1版）` opens a long article, and
        // nothing but a closing byline, a section or a marker ends it. A heading far down such an
        // article heads one of its parts (a saying, a diary's date, `丁家的时间表`) more often
        // than a new article.
        let headDistance = BlockFeatures.distancesFromHead(blocks, headingLike: headingLike, texts: texts)

        // A heading below a numbered part's heading (`一、村里的事…` / `桠溪街道：…`) with no byline,
        // marker or section between: a part of one long article more often than an article.
        var inNumberedPart = [Bool](repeating: false, count: texts.count)
        var partOpen = false
        for position in texts.indices {
            if boundaryBefore[position] { partOpen = false }
            guard headingLike[position] else { continue }
            if enumeration[position] != nil { partOpen = true } else if partOpen { inNumberedPart[position] = true }
        }

        // A heading set like the heading-shaped paragraph before it, however far above: the
        // decoder reads the two alike or not (`HeadingLink`).
        var parallelToLast = [Bool](repeating: false, count: texts.count)
        var lastHeading: Int? = nil
        for position in texts.indices where headingLike[position] {
            if let last = lastHeading, let shape = shapes[position], let lastShape = shapes[last] {
                let numberedAlike = enumeration[position] != nil && enumeration[position] == enumeration[last]
                parallelToLast[position] = numberedAlike || shape.isParallel(to: lastShape)
            }
            lastHeading = position
        }

        // A text paragraph opening with the same bullet or bracket as one further up the same
        // section, with other paragraphs between (`【王庄村】…`, a titled item, then `【殷湖村】…`): an
        // item of a briefs column whose items are set among titled ones, where `opens-like-prev`
        // sees only the paragraph right above.
        var opensLikeEarlier = [Bool](repeating: false, count: texts.count)
        do {
            var openers: [Unicode.Scalar: Int] = [:]
            var position = 0
            for block in blocks {
                switch block {
                case .section: openers.removeAll()
                case .paragraph:
                    defer { position += 1 }
                    guard !headingLike[position], enumeration[position] == nil,
                        let opener = BlockFeatures.listOpener(scalarArrays[position])
                    else { continue }
                    if let earlier = openers[opener], earlier < position - 1 { opensLikeEarlier[position] = true }
                    openers[opener] = position
                default: break
                }
            }
        }

        // What both a paragraph's own features and its upper neighbour's ask of its text.
        let facts = zip(texts, scalarArrays).map { ParagraphFacts($0.text, scalars: $1, cues: cues, classifier: classifier) }
        var windows = TopicWindows(topics: topics, counts: counts, width: BlockFeatures.topicWindow)
        var townNames = [[String]?](repeating: nil, count: texts.count)
        func namesNewTown(_ position: Int, above: Int) -> Bool {
            if townNames[position] == nil {
                townNames[position] = TownNameShape.names(in: scalarArrays[position].prefix(30))
            }
            return BlockFeatures.namesNewTown(townNames[position]!, above: texts[..<above])
        }

        var result = [[LayoutFeature]](repeating: [], count: blocks.count)
        for (position, paragraph) in texts.enumerated() {
            var f: [LayoutFeature] = [.bias]
            let text = paragraph.text
            let scalars = scalarArrays[position]
            let own = facts[position]
            let length = scalars.count
            let heading = headingLike[position]
            f.append(LayoutFeature.length[BlockFeatures.lengthBinIndex(length)])
            f.append(LayoutFeature.lines[min(paragraph.lines.count, 3)])
            f.append(LayoutFeature.gap[min(paragraph.gapBefore, 2)])
            if blanksRare, position > 0 { f.append(paragraph.gapBefore > 0 ? .gapBlanksRare : .gapNoneBlanksRare) }
            if afterColon[position] { f.append(.afterColon) }
            if inNumberedPart[position] { f.append(.inNumberedPart) }
            if parallelToLast[position] { f.append(.parallelToLastHeading) }
            if paragraph.lines.count == 1, printings[text, default: 0] >= 3 { f.append(.repeated) }
            if heading { f.append(.heading) }
            if paragraph.classifiedAsCaption { f.append(.classifiedCaption) }
            if own.isTerminated { f.append(.terminated) }
            if let last = scalars.last { f.append(LayoutFeature.end[BlockFeatures.endClass(last)]) }
            if let first = scalars.first {
                f.append(.first(first))
                if scalars.count >= 2 { f.append(.firstTwo(first, scalars[1])) }
            }
            if let last = scalars.last {
                f.append(.last(last))
                if scalars.count >= 2 { f.append(.lastTwo(scalars[scalars.count - 2], last)) }
            }
            let marks = PunctuationScan(scalars)
            if marks.fullStopInside { f.append(.fullStopInside) }
            if LineShape.readsLikeSentence(scalars: scalars) { f.append(.readsLikeSentence) }
            f.append(LayoutFeature.commas[min(marks.commas, 3)])
            if marks.spaceInside { f.append(.spaceInside) }
            if let colon = marks.firstColon { f.append(colon <= 8 ? .colonEarly : .colonLate) }
            if marks.quote { f.append(.quote) }
            if marks.bookTitleMark { f.append(.bookTitleMarks) }
            if marks.digits { f.append(.digits) }
            if marks.countDigits { f.append(.countDigits) }
            if marks.clockTime { f.append(.clockTime) }
            if let kind = enumeration[position] { f.append(LayoutFeature.enumerated[LayoutFeature.enumerationKinds.firstIndex(of: kind)!]) }
            if LineShape.isKicker(scalars: scalars) { f.append(.dashEnd) }
            if text.hasPrefixBytes("——") { f.append(.dashStart) }
            if LineShape.hasDash(text) { f.append(.dash) }
            if let first = scalars.first, let last = scalars.last,
                (first == "（" && last == "）") || (first == "(" && last == ")")
            {
                f.append(.bracketed)
            }
            if LineShape.isQuestionOrExclamationTitle(scalars: scalars) { f.append(.questionTitle) }
            if own.startsMidSentence { f.append(.startsMidSentence) }
            if own.startsWithDate { f.append(.startsWithDate) }
            if LineShape.startsWithBracketLabel(scalars: scalars) { f.append(.bracketLabel) }
            if LineShape.isFigureRow(scalars: scalars) { f.append(.figureRow) }
            if !listing.entries.isEmpty {
                switch listing.match(scalars) {
                case .whole: f.append(.listed)
                case .part: f.append(.listedPart)
                case .some: f.append(.listedSome)
                case .none: if heading { f.append(.unlistedHeading) }
                }
            }
            // Words of layout-cues.tsv, matched against the paragraph as printed.
            if own.startsWithLeadOpener { f.append(.cueLeadOpener) }
            if cues.startsWithClosingOpener(text) { f.append(.cueClosingOpener) }
            if cues.startsWithActorColon(text) { f.append(.cueActorColon) }
            if own.startsWithDialogue { f.append(.cueDialogue) }
            if cues.startsWithBriefBullet(text) { f.append(.cueBriefBullet) }
            if own.startsWithCaptionPrefix { f.append(.cueCaptionPrefix) }
            if own.containsCaptionWord { f.append(.cueCaptionWord) }
            if !own.startsWithCaptionPrefix, !own.containsCaptionWord, !own.endsWithPhotoCredit {
                f.append(LayoutFeature.uncuedLength[BlockFeatures.lengthBinIndex(length)])
            }
            if cues.startsWithBylinePrefix(text) { f.append(.cueBylinePrefix) }
            if length <= LineClassifier.furnitureMaxLength {
                if cues.isBoilerplate(text) { f.append(.cueBoilerplate) }
                if cues.isContactLine(text) { f.append(.cueContact) }
                if cues.endsLikeImprint(text) { f.append(.cueImprint) }
                if cues.endsWithPaperName(text) { f.append(.cuePaperName) }
            }
            if own.hasLeadByline { f.append(.cueLeadByline) }
            if own.isCreditLine { f.append(.creditLine) }
            if !heading, enumeration[position] == nil {
                if position > 0, !headingLike[position - 1], BlockFeatures.opensAlike(scalarArrays[position - 1], scalars) {
                    f.append(.opensLikePrevious)
                }
                if position + 1 < texts.count, !headingLike[position + 1], BlockFeatures.opensAlike(scalars, scalarArrays[position + 1]) {
                    f.append(.opensLikeNext)
                }
            }
            if opensLikeEarlier[position] { f.append(.opensLikeEarlier) }
            let photoNews = classifier.isPhotoNews(scalars: scalars)
            if photoNews { f.append(.photoNews) }
            // Text under a caption (a photographer's credit between is no boundary).
            if position > 0, !boundaryBefore[position],
                texts[position - 1].classifiedAsCaption || facts[position - 1].startsWithCaptionPrefix,
                length >= BlockFeatures.runningTextLength, own.isTerminated, !photoNews, !paragraph.classifiedAsCaption,
                !own.startsWithCaptionPrefix, !own.containsCaptionWord
            {
                f.append(.runningTextUnderCaption)
            }
            // Neighbours.
            f.append(LayoutFeature.previous[previousKind[position]])
            f.append(LayoutFeature.next[nextKind[position]])
            f.append(LayoutFeature.sinceFurniture[min(sinceFurniture[position], 3)])
            if position == 0 { f.append(.firstParagraph) }
            if texts[position].aboveWebMeta { f.append(.nextWebMeta) }
            if texts[position].belowImage { f.append(.belowImage) }
            if position + 1 < texts.count {
                let below = facts[position + 1]
                if below.startsWithLeadOpener || below.startsWithDate { f.append(.nextLeadOpener) }
                if below.hasLeadByline { f.append(.nextLeadByline) }
                if below.startsWithDialogue { f.append(.nextDialogue) }
                if below.isCreditLine { f.append(.nextCreditLine) }
                if below.startsMidSentence { f.append(.nextMidSentence) }
            }
            if position > 0, !facts[position - 1].isTerminated, !headingLike[position - 1] {
                f.append(.previousUnterminatedText)
            }
            // How the heading right above ends (no furniture between): where a title set on two
            // lines breaks (`的`, `，`) no title or kicker ends.
            if position > 0, previousKind[position] == headingKind, let above = scalarArrays[position - 1].last {
                f.append(LayoutFeature.headingAboveEnd[BlockFeatures.endClass(above)])
                f.append(.lastAbove(above))
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
                if parallel { f.append(.parallel) }
                if let kind = enumeration[position] {
                    let sibling = (low...high).contains { other in other != position && enumeration[other] == kind }
                    if sibling { f.append(.enumeratedSibling) }
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
                f.append(.topicNothingAbove)
            } else if below.isEmpty {
                f.append(.topicNothingBelow)
            } else {
                let across = topics.similarity(above, below)
                f.append(LayoutFeature.topic[BlockFeatures.similarityBinIndex(across)])
                if heading {
                    let up = topics.coverage(ofInterned: counts[position], in: above.counts)
                    let down = topics.coverage(ofInterned: counts[position], in: below.counts)
                    if up > down { f.append(.wordsAboveOverBelow) }
                }
            }
            if heading, let distance = headDistance[position] {
                f.append(LayoutFeature.underHead[BlockFeatures.headDistanceBin(distance)])
            }
            if heading {
                let ownTopic = topics.similarity(windows.run(first: position, length: 1), below)
                f.append(LayoutFeature.ownTopic[BlockFeatures.similarityBinIndex(ownTopic)])
            }
            // A town the paragraphs above did not name (`6月12日，东山街道…` after an article on 湖熟街道),
            // in this paragraph or, for a heading, in the one under it: a heading over news of
            // another town is a title.
            if position > 0, !heading, namesNewTown(position, above: position) {
                f.append(.newTown)
            }
            if heading, position > 0, position + 1 < texts.count, !headingLike[position + 1],
                namesNewTown(position + 1, above: position)
            {
                f.append(.nextNewTown)
            }
            // Conjunctions the model cannot form by itself.
            f.append(contentsOf: heading ? factsWithHeading : factsWithText)
            f.append(LayoutFeature.neighbours(previous: previousKind[position], next: nextKind[position], heading: heading))
            if heading {
                f.append(LayoutFeature.headingLength[BlockFeatures.lengthBinIndex(length)])
                f.append(LayoutFeature.headingSinceFurniture[min(sinceFurniture[position], 3)])
            }
            result[paragraphs[position]] = f
        }
        return result
    }

    /// The length from which an uncued, terminated paragraph under a caption counts as running text.
    static let runningTextLength = 40

    static func furnitureName(_ block: Block) -> String {
        switch block {
        case .paragraph: "text"
        case .section: "section"
        case .byline(_, _, let photo, _): photo ? "photo-credit" : "byline"
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
        lengthBins[lengthBinIndex(length)].name
    }

    /// The position in `lengthBins` of a length's bin.
    static func lengthBinIndex(_ length: Int) -> Int {
        lengthBins.firstIndex { length < $0.below }!
    }

    /// A furniture block's position in `LayoutFeature.neighbourKinds`.
    static func furnitureKind(_ block: Block) -> Int {
        LayoutFeature.neighbourKind(furnitureName(block))
    }

    /// The bins of `commas:`, fewest first.
    static let commaBins = ["0", "1", "2", "3+"]

    static func commaBin(_ commas: Int) -> String { commas >= 3 ? "3+" : String(commas) }

    /// `under-head:0` … `under-head:6+`: text paragraphs between a heading and the head of the
    /// long article it stands in (`distancesFromHead`).
    static let underHeadFeatures = ["under-head:0", "under-head:1-2", "under-head:3-5", "under-head:6+"]

    static func headDistanceBin(_ distance: Int) -> Int {
        distance == 0 ? 0 : distance <= 2 ? 1 : distance <= 5 ? 2 : 3
    }

    /// For each paragraph (by position), the number of text paragraphs between it and the head
    /// of the long article it stands in, or nil when it stands in none. A head is a deck
    /// (`——…`) right under a heading, a writer's credit right under a heading, a web page's
    /// title over its meta line (`发布时间：…`), or a `（上接…）` marker; a closing byline, a
    /// section marker, a forward marker or an end mark ends the article. Linear in the blocks.
    ///
    /// ```
    /// 二十年，她把一个老新村“焐热”了
    /// ——记东风新村居民区党总支书记杨巧英      head
    /// 早上七点不到，杨巧英已经…              0
    /// 东风新村建于上世纪八十年代…            1
    /// “加梯这件事，急不得，也拖不得”         2: under-head:1-2
    /// ```
    static func distancesFromHead(_ blocks: [Block], headingLike: [Bool], texts: [Paragraph]) -> [Int?] {
        var result = [Int?](repeating: nil, count: texts.count)
        var sinceHead: Int? = nil
        var headingJustAbove = false
        var position = 0
        for block in blocks {
            switch block {
            case .paragraph:
                result[position] = sinceHead
                if headingLike[position] {
                    if headingJustAbove, texts[position].text.hasPrefixBytes("——") { sinceHead = 0 }
                    if texts[position].aboveWebMeta { sinceHead = 0 }
                } else if let distance = sinceHead {
                    sinceHead = distance + 1
                }
                headingJustAbove = headingLike[position]
                position += 1
            case .byline(_, _, let photo, _):
                if !photo { sinceHead = headingJustAbove ? 0 : nil }
                headingJustAbove = false
            case .continuedBackward:
                sinceHead = 0
                headingJustAbove = false
            case .section, .continuedForward, .endMark:
                sinceHead = nil
                headingJustAbove = false
            }
        }
        return result
    }

    /// `since-furniture:0` … `since-furniture:3+` and the same after `heading&`, by distance (at
    /// most 3): names made once, not per block.
    static let sinceFurnitureFeatures = (0...3).map { "since-furniture:" + ($0 >= 3 ? "3+" : String($0)) }
    static let headingSinceFurnitureFeatures = sinceFurnitureFeatures.map { "heading&" + $0 }

    /// `commas:0` … `commas:3+`, by count (at most 3).
    static let commaFeatures = (0...3).map { "commas:" + commaBin($0) }

    static func similarityBin(_ value: Double) -> String {
        LayoutFeature.similarityBins[similarityBinIndex(value)]
    }

    /// The position in `LayoutFeature.similarityBins` of a similarity's bin.
    static func similarityBinIndex(_ value: Double) -> Int {
        switch value {
        case ..<0.01: 0
        case ..<0.05: 1
        case ..<0.1: 2
        case ..<0.2: 3
        case ..<0.35: 4
        default: 5
        }
    }

    static func punctuationClass(_ scalar: Unicode.Scalar) -> String {
        LayoutFeature.endClasses[endClass(scalar)]
    }

    /// The position in `LayoutFeature.endClasses` of a last character's class.
    static func endClass(_ scalar: Unicode.Scalar) -> Int {
        if ScalarClass.isIdeograph(scalar) { return 0 }
        if ScalarClass.isASCIIDigit(scalar) { return 1 }
        if ScalarClass.isASCIILetter(scalar) { return 2 }
        switch scalar {
        case "。": return 3
        case "！", "!": return 4
        case "？", "?": return 5
        case "；", ";": return 6
        case "：", ":": return 7
        case "，", ",": return 8
        case "、": return 9
        case "…": return 10
        case "”": return 11
        case "）", ")": return 12
        case "—": return 13
        case "」": return 14
        case "》": return 15
        case "】": return 16
        default: return 17
        }
    }

    /// Whether two paragraphs open the same way: the same bracket (`【朱泾镇】…`, `【枫泾镇】…`),
    /// bullet or numbering character.
    static func opensAlike(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if LineShape.enumerationLength(scalars: a) != nil, LineShape.enumerationLength(scalars: b) != nil {
            return enumerationKind(a) == enumerationKind(b)
        }
        guard let x = listOpener(a) else { return false }
        return x == b.first
    }

    /// The bullet or bracket a list item opens with (`【`, `▲`, `●`, `■`), or nil for a paragraph
    /// opening with a word, a digit or a quotation mark.
    static func listOpener(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard let first = scalars.first, !ScalarClass.isIdeograph(first), !ScalarClass.isASCIIDigit(first), first != "“"
        else { return nil }
        return first
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
