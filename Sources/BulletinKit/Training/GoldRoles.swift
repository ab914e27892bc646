/// The role of each block of a corpus bulletin, read off its gold annotation: what the layout
/// model is trained on.
///
/// The gold names each article's title, subtitle, subheadings, captions and the first and last
/// characters of its body; the blocks between one article's body and the next one's are its head
/// (kicker, title, deck, dateline) or dropped furniture, and the blocks of a body are lead, body,
/// subheading or caption. Blocks the gold does not account for are masthead.
struct GoldRoles {
    let classifier: LineClassifier
    let features: BlockFeatures

    /// The roles, and one line per gold string that no block matched (an alignment problem: the
    /// gold or the page-break repair is off there).
    func roles(of blocks: [Block], gold: GoldBulletin) -> (roles: [BlockRole], problems: [String]) {
        var roles = blocks.map { BlockRole(furniture: $0) ?? .masthead }
        var problems: [String] = []
        let texts: [String?] = blocks.map { block in
            if case .paragraph(let p) = block { return p.text.withoutSpaces }
            return nil
        }
        let bare = blocks.map { block -> String? in
            if case .paragraph(let p) = block { return IngestEvaluation.withoutLeadingBullets(p.text).withoutSpaces }
            return nil
        }
        // A run-in head cut off its text (`1.巩固客堂汇议事成果` / `推动伏虎村…`) lost the `。` or
        // `：` between them, which a body_start over both holds.
        let separators = blocks.map { block -> String in
            if case .paragraph(let p) = block, let separator = p.runInSeparator { return separator.withoutSpaces }
            return ""
        }
        var cursor = 0
        var previous: GoldBulletin.Article? = nil
        var previousTitled = true
        for (number, article) in gold.articles.enumerated() {
            let start = article.bareBodyStart.withoutSpaces
            let end = article.bodyEnd.withoutSpaces
            guard let first = (cursor..<blocks.count).first(where: { bare[$0]?.hasPrefix(start) ?? false })
                ?? (cursor..<blocks.count).first(where: { texts[$0]?.contains(start) ?? false })
                ?? (cursor..<blocks.count).first(where: { runsOver(start, from: $0, bare: bare, texts: texts, separators: separators) })
            else {
                problems.append("\(gold.bulletin): article \(number + 1): no block starts with body_start “\(article.bodyStart)”")
                continue
            }
            let last = (first..<blocks.count).first(where: { texts[$0]?.hasSuffix(end) ?? false })
                ?? (first..<blocks.count).first(where: { texts[$0]?.contains(end) ?? false })
            guard let last else {
                problems.append("\(gold.bulletin): article \(number + 1): no block ends with body_end “\(article.bodyEnd)”")
                continue
            }
            // The head: from the previous body up to this one.
            let title = article.title.map(\.withoutSpaces)
            let subtitle = article.subtitle.map(\.withoutSpaces)
            let captions = ((article.captions ?? []) + (previous?.captions ?? [])).map(\.withoutSpaces)
            var sawTitle = false
            var head = false
            for index in cursor..<first {
                guard let text = texts[index] else { continue }
                let plain = TitleBlock.undecorated(TitleBlock.trimDashes(text), cues: classifier.cues).withoutSpaces
                if let title, !plain.isEmpty, title.contains(plain) || plain.contains(title) {
                    roles[index] = .title
                    sawTitle = true
                    head = true
                } else if !previousTitled, let previousTitle = previous?.title.map(\.withoutSpaces),
                    !plain.isEmpty, previousTitle.contains(plain) || plain.contains(previousTitle)
                {
                    roles[index] = .lateTitle
                    previousTitled = true
                } else if let subtitle, !plain.isEmpty, subtitle.contains(TitleBlock.bracketed(plain) ?? plain) {
                    roles[index] = sawTitle ? .deck : .kicker
                    head = true
                } else if captions.contains(where: { $0 == text || $0.contains(text) || text.contains($0) })
                    || (article.captions == nil && GoldRoles.classifiedAsCaption(blocks[index]))
                {
                    roles[index] = .caption
                } else if head || sawTitle, article.subheadings.map(\.withoutSpaces).contains(text) {
                    // A subheading set before the first paragraph (`缘起` right under the title).
                    roles[index] = .subheading
                    head = true
                } else if head || sawTitle, classifier.isCreditLine(Array(text.unicodeScalars)) || GoldRoles.namesAll(article.byline, in: text) {
                    roles[index] = .dateline
                } else {
                    roles[index] = .masthead
                }
            }
            if article.title != nil, !sawTitle {
                problems.append("\(gold.bulletin): article \(number + 1): no block holds the title “\(article.title!)”")
            }
            roles[first] = head || sawTitle ? .lead : .brief
            let subheadings = article.subheadings.map(\.withoutSpaces)
            var nextSubheading = (cursor..<first).filter { roles[$0] == .subheading }.count
            if last > first {
                for index in (first + 1)...last {
                    guard let text = texts[index] else { continue }
                    if nextSubheading < subheadings.count, text == subheadings[nextSubheading] {
                        roles[index] = .subheading
                        nextSubheading += 1
                    } else if let found = subheadings[nextSubheading...].firstIndex(of: text) {
                        roles[index] = .subheading
                        nextSubheading = found + 1
                    } else if captions.contains(where: { $0 == text }) || (article.captions == nil && GoldRoles.classifiedAsCaption(blocks[index])) {
                        // Gold written before captions were listed: the line classifier's captions.
                        roles[index] = .caption
                    } else {
                        roles[index] = .body
                    }
                }
            }
            if nextSubheading < subheadings.count {
                problems.append("\(gold.bulletin): article \(number + 1): subheading “\(article.subheadings[nextSubheading])” is no block of its own")
            }
            previous = article
            previousTitled = article.title == nil || sawTitle
            cursor = last + 1
        }
        // After the last article: its late title, captions, or masthead lines.
        for index in cursor..<blocks.count {
            guard let text = texts[index] else { continue }
            if !previousTitled, let previousTitle = previous?.title.map(\.withoutSpaces), previousTitle.contains(text) {
                roles[index] = .lateTitle
                previousTitled = true
            } else if (previous?.captions ?? []).map(\.withoutSpaces).contains(text) || GoldRoles.classifiedAsCaption(blocks[index]) {
                roles[index] = .caption
            }
        }
        return (roles, problems)
    }

    /// Whether the body_start `start` begins with block `index` and runs on into the paragraphs
    /// after it: a salutation on a line of its own (`编辑同志：` / `我住在锦绣苑…`), which the gold
    /// writes as one line of text.
    private func runsOver(_ start: String, from index: Int, bare: [String?], texts: [String?], separators: [String]) -> Bool {
        guard let text = bare[index], !text.isEmpty, text.count < start.count, start.hasPrefix(text) else { return false }
        var joined = text + separators[index]
        var next = index + 1
        while joined.count < start.count, next < texts.count {
            if let more = texts[next] { joined += more }
            next += 1
        }
        return joined.hasPrefix(start)
    }

    static func classifiedAsCaption(_ block: Block) -> Bool {
        if case .paragraph(let p) = block { return p.classifiedAsCaption }
        return false
    }

    /// A short line holding every name of the article's byline.
    static func namesAll(_ names: [String], in text: String) -> Bool {
        !names.isEmpty && text.unicodeScalars.count <= 40 && names.allSatisfy { text.containsBytes($0) }
    }
}
