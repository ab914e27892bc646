// Bylines: `·夏凡 张顺燕·`, `(海永镇自治办)`, `文/王芳 图/李强`, `本报讯（记者 沈洁）…`, and a byline
// printed at the end of a paragraph.
extension LineClassifier {

    /// The names of a byline line, or nil when the line is not one.
    ///
    /// `·夏凡 张顺燕 印春湘·` → `["夏凡", "张顺燕", "印春湘"]`; `(海永镇自治办)` → `["海永镇自治办"]`;
    /// `文/王芳 图/李强` → `["王芳", "李强"]`.
    func bylineNames(_ folded: String) -> [String]? {
        // A bullet before a byline: `■ 本报记者　陆佳琪`, and a bare name after one, `□ 周立群`.
        let scalars = folded.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return nil }
        // A label that introduces what follows (`记者回复：`, `通讯员手记:`) names no writer.
        if last == "：" || last == ":" { return nil }
        if briefBullets.contains(first) {
            let rest = String(folded.unicodeScalars.dropFirst()).trimmingSpaces
            guard rest != folded, !rest.isEmpty else { return nil }
            let restScalars = rest.unicodeScalars
            if (2...3).contains(restScalars.count), restScalars.allSatisfy(ScalarClass.isIdeograph) {
                // `■编后`, `■短评`: a column's heading, not a writer's name; `●　直溪镇`: a town's
                // label over its item on a district page.
                return cues.isColumnWord(rest) || TownNameShape.names(in: rest) == [rest] ? nil : [rest]
            }
            return cues.startsWithBylinePrefix(rest) ? bylineNames(rest) : nil
        }
        if LineClassifier.bylineDots.contains(first), LineClassifier.bylineDots.contains(last), scalars.count > 2 {
            let names = nameTokens(Substring(scalars.dropFirst().dropLast()))
            return names.isEmpty || names.contains(where: { $0.count > 5 }) ? nil : names
        }
        for (open, close) in LineClassifier.bylineBrackets where first == open && last == close {
            let inner = Substring(scalars.dropFirst().dropLast())
            if inner.contains(where: { "图摄完版".contains($0) }) { return nil }
            // `（周铁镇深化河长制工作纪实）` is a deck below a title, not a byline.
            if cues.endsWithDeckSuffix(String(inner)) { return nil }
            // `（区委研究室供稿）`: the office that sent the piece.
            var credited = inner
            for suffix in ["供稿", "供图"] where credited.hasSuffixBytes(suffix) {
                credited = Substring(credited.unicodeScalars.dropLast(suffix.unicodeScalars.count))
            }
            let names = nameTokens(credited)
            // `（通讯员供稿）`: a credit without a name.
            if names.isEmpty, inner.containsBytes("供稿") { return [] }
            guard !names.isEmpty, names.allSatisfy({ $0.count <= 12 }) else { return nil }
            // `（镇村两级调解力量集中入驻）` under a title is a deck: one token longer than a name
            // credits an office only when it ends like one (`（海永镇自治办）`).
            if names.count == 1, names[0].count > 4, !cues.endsLikeOffice(names[0]) {
                return nil
            }
            return names
        }
        if cues.startsWithBylinePrefix(folded), !folded.containsBytes("。"), !folded.containsBytes("，") {
            let names = nameTokens(Substring(folded))
            // `记者手记`: a column of the article, headed by the credit's role word.
            return names.isEmpty || names.contains(where: cues.isColumnWord) ? nil : names
        }
        return officeAndWriter(folded)
    }

    /// A credit line of an office and its writer, with no credit word or brackets (`镇民政办　陈　静`
    /// under a work brief's title): the office ends like one (`byline-office-suffix`), the writer
    /// is a name of two or three characters, perhaps spaced.
    func officeAndWriter(_ folded: String) -> [String]? {
        let isGap: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        let scalars = folded.unicodeScalars
        // The office is a name alone, at most 12 ideographs before the first gap: not a label's
        // (`联系人：街道社会事业科　刘女士`) or a quote's speaker after a dash (`——森兰居民区　沈　琴`).
        // Most lines have no gap that early; they are turned away before anything is split.
        guard let gap = scalars.prefix(13).firstIndex(where: isGap) else { return nil }
        let office = scalars[..<gap]
        guard !office.isEmpty, office.allSatisfy(ScalarClass.isIdeograph), cues.endsLikeOffice(Substring(office)) else { return nil }
        let writerScalars = scalars[gap...].filter { !isGap($0) }
        guard (2...3).contains(writerScalars.count), writerScalars.allSatisfy(ScalarClass.isIdeograph) else { return nil }
        let writer = String(scalars: writerScalars)
        guard !cues.endsLikeOffice(writer) else { return nil }
        return [String(Substring(office)), writer]
    }

    /// The names a web page's meta line credits (`时间：2025-09-04　来源：蒋垛镇　作者：陈晓东`,
    /// `原创　记者　顾晓雯　通讯员　刘志宏　2025-10-10 09:32`): the names right after an
    /// `author-field` cue or a byline prefix that is a word (记者, 通讯员), up to the next field;
    /// an office's name counts whole (`作者：区融媒体中心`). Nil when the line credits no one.
    func metaLineCredit(_ text: String) -> [String]? {
        let separators: Set<Unicode.Scalar> = [" ", "\u{3000}", "\t", "：", ":", "|", "｜", "丨"]
        let tokens = text.unicodeScalars.split(whereSeparator: separators.contains).map { String(String.UnicodeScalarView($0)) }
        let fields = cues.cues(for: .authorField)
        let creditWordList = cues.cues(for: .creditWord)
        var names: [String] = []
        var collecting = false
        for token in tokens {
            // A bullet before the role (`□本报记者`) aside, and a credit word (`本报通讯员`).
            let role = String(String.UnicodeScalarView(Substring(token).unicodeScalars.drop { !ScalarClass.isIdeograph($0) }))
            let isRole = roleNouns.contains { noun in
                role.hasSuffixBytes(noun) && (role.count == noun.count || creditWordList.contains(String(role.dropLast(noun.count))))
            }
            if fields.contains(token) || isRole {
                collecting = true
                continue
            }
            guard collecting else { continue }
            let length = token.unicodeScalars.count
            let ideographs = token.unicodeScalars.allSatisfy(ScalarClass.isIdeograph)
            if ideographs, length <= 3 || cues.endsLikeOffice(token) {
                names.append(token)
            } else {
                collecting = false
            }
        }
        let joined = joiningSpacedNames(names)
        return joined.isEmpty || joined.contains(where: { $0.unicodeScalars.count == 1 }) ? nil : joined
    }

    /// Whether a text ends with a photographer's credit, bracketed or not (`…讨论停车方案　黄　毅　摄`,
    /// `图：居民在食堂用餐（蒋磊　摄）`).
    func endsWithPhotoCredit<S: BidirectionalCollection<Unicode.Scalar>>(scalars: S) -> Bool {
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let last = scalars[scalars.index(before: end)]
            guard ScalarClass.isSpace(last) || last == "）" || last == ")" else { break }
            end = scalars.index(before: end)
        }
        let reversedText = scalars[..<end].reversed()
        return photoVerbs.contains { reversedText.starts(with: $0.unicodeScalars.reversed()) }
    }

    /// Dots a byline may stand between: `·夏凡 张顺燕·`.
    static let bylineDots: [Unicode.Scalar] = ["·", "•", "・", "‧", "∙"]
    static let bylineBrackets: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("（", "）"), ("[", "]")]

    /// Splits a byline's inner text into names: separated by spaces, `/`, `、` or colons, role
    /// words (`记者`, `通讯员`, `文`, `图`) removed. Every token must be ideographs only.
    func nameTokens(_ inner: Substring) -> [String] {
        // `丨` and `｜` stand between a role and a name in WeChat-style credits (`文丨陶然`).
        let separators: Set<Character> = [" ", "/", "／", "、", "：", ":", "\u{3000}", "\t", "|", "｜", "丨"]
        var names: [String] = []
        // A photographer's credit after a spaced name (`钱　程摄`): the verb comes off the credit
        // before the name's halves pair up.
        var inner = inner
        if let verb = photoVerbs.first(where: { inner.hasSuffixBytes($0) }),
            let before = inner.unicodeScalars.dropLast(verb.unicodeScalars.count).last, ScalarClass.isIdeograph(before)
        {
            inner = Substring(inner.unicodeScalars.dropLast(verb.unicodeScalars.count))
        }
        // Whether the token before was a one-character half of a spaced name (`蒋　文`).
        var afterNameHalf = false
        for token in inner.split(whereSeparator: { separators.contains($0) }) {
            var name = String(token)
            // An office's name is whole (`文明办`, `图书馆服务中心`): no role word comes off it.
            let isOffice = cues.endsLikeOffice(name)
            for role in roleWords where !isOffice && name.hasPrefixBytes(role) && name.count > role.count + 1 {
                name = String(name.dropFirst(role.count))
                break
            }
            // A role word of one character after a name's first half is its second half
            // (`通讯员　蒋　文`: 蒋文, not 蒋 and the word 文).
            let secondHalf = afterNameHalf && name.unicodeScalars.count == 1
            afterNameHalf = false
            if roleWords.contains(name), !secondHalf { continue }
            // A role named with what kind it is (`居民通讯员`, `特约记者`) is a role, no name; a
            // credit verb after a name (`德尚居民区供稿`, `陆军摄影`) comes off it.
            if !isOffice, roleNouns.contains(where: { name.hasSuffixBytes($0) }) { continue }
            // The writer's post before the name (`卫零居民区党总支书记　徐丽萍`) is no name.
            if name.unicodeScalars.count > 3, cues.endsLikePost(name) { continue }
            if let verb = creditSuffixes.first(where: { name.hasSuffixBytes($0) && name.count > $0.count + 1 }) {
                name = String(name.dropLast(verb.count))
            }
            guard name.unicodeScalars.allSatisfy(ScalarClass.isIdeograph) else { return [] }
            afterNameHalf = name.unicodeScalars.count == 1 && !secondHalf
            names.append(name)
        }
        return joiningSpacedNames(names)
    }

    /// Papers pad a two-character name to the width of three with a space (`·张 蔚·`,
    /// `钱 蓉 丁 凯`): no name is one character, so single characters in a row pair up
    /// (`["钱", "蓉", "丁", "凯"]` → `["钱蓉", "丁凯"]`).
    func joiningSpacedNames(_ tokens: [String]) -> [String] {
        var names: [String] = []
        var index = 0
        while index < tokens.count {
            if tokens[index].unicodeScalars.count == 1, index + 1 < tokens.count, tokens[index + 1].unicodeScalars.count == 1 {
                names.append(tokens[index] + tokens[index + 1])
                index += 2
            } else {
                names.append(tokens[index])
                index += 1
            }
        }
        return names
    }

    /// A byline printed at the end of the last paragraph (`…已完成路基施工。（通讯员 钱晓燕）`):
    /// the names, and where the bracket starts (in scalars).
    func trailingByline(_ paragraph: String) -> (names: [String], start: Int)? {
        // Most paragraphs end in `。`: no need to split them into scalars.
        guard let end = paragraph.unicodeScalars.last, end == "）" || end == ")" else { return nil }
        let s = paragraph.scalarArray
        guard let last = s.last, last == "）" || last == ")", s.count > 4 else { return nil }
        guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), s.count - open <= 30, open > 0,
            ScalarClass.isSentenceEnd(s[open - 1]) || ScalarClass.isCloser(s[open - 1])
        else { return nil }
        let inner = String(scalars: s[(open + 1)..<(s.count - 1)])
        // `（镇河长办）`: a short office name after the last sentence credits the office.
        let office = inner.scalarCount <= 10 && inner.unicodeScalars.allSatisfy(ScalarClass.isIdeograph)
            && cues.endsLikeOffice(inner)
        // `（摄影　李晨）` after a photo-news brief credits its photographer.
        if inner.hasPrefixBytes("摄影") || inner.hasPrefixBytes("摄"), case let names = nameTokens(Substring(inner)), !names.isEmpty {
            return (names, open)
        }
        guard cues.startsWithBylinePrefix(inner) || office, let names = bylineNames("(" + inner + ")") else { return nil }
        return (names, open)
    }

    /// Whether a credit as printed names only a photographer (`陆　军　摄`, `（本报记者 蒋文涛 摄）`,
    /// `摄影 李晨`): the credit of a photo, which closes a photo-news brief but, under a caption
    /// between two paragraphs, not the article around it. A writer's credit (`张三 文/摄`,
    /// `文／李四　摄影／王五`) is an article's.
    func isPhotoCredit(_ printed: String) -> Bool {
        var compact = String.UnicodeScalarView()
        for scalar in printed.unicodeScalars where !ScalarClass.isSpace(scalar) && !"（）()".unicodeScalars.contains(scalar) {
            compact.append(scalar)
        }
        return cues.isPhotographersCredit(String(compact))
    }

    /// A short line of credits holding a byline or lead word of `layout-cues.tsv`:
    /// `本报讯 记者 王某 通讯员 李某`, `■ 本报记者 陆佳琪`, `文/张三 图/李四`.
    func isCreditLine(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count <= 40, !scalars.contains("。"), !scalars.contains("，") else { return false }
        return isCreditLine(scalars, text: String(scalars: scalars))
    }

    /// A credit printed as a head credit: a credit line (`本报记者　黄　敏`, `记者 王某 通讯员 李某`)
    /// that no bracket or dot encloses, as `（黄　敏）` and `·夏凡·` close an article.
    func isHeadCredit(_ printed: String) -> Bool {
        let scalars = Array(Substring(printed).unicodeScalars.trimmingSpaces())
        guard let first = scalars.first, !LineClassifier.bylineDots.contains(first),
            !LineClassifier.bylineBrackets.contains(where: { $0.0 == first }) else { return false }
        return isCreditLine(scalars)
    }

    /// `isCreditLine` for a paragraph whose text is at hand as well as its scalars: the credit
    /// words are searched in the text, not in a copy made of the scalars.
    func isCreditLine(_ scalars: [Unicode.Scalar], text: String) -> Bool {
        guard scalars.count <= 40, !scalars.contains("。"), !scalars.contains("，") else { return false }
        return creditWords.contains { text.containsBytes($0) }
    }

    /// The byline a news lead opens with: `本报讯（记者 沈洁 通讯员 顾晓峰）11月21日，…` →
    /// `["沈洁", "顾晓峰"]`.
    func leadByline(_ paragraph: String) -> [String]? { leadByline(scalars: Array(paragraph.unicodeScalars.prefix(48))) }

    /// `leadByline` on a paragraph's scalars, derived once by the caller (only the first 48 are
    /// read, and none is copied).
    func leadByline(scalars: [Unicode.Scalar]) -> [String]? {
        let s = scalars.prefix(48)
        guard let open = s.prefix(14).firstIndex(where: { $0 == "（" || $0 == "(" }), open >= 1,
            let close = s[open...].firstIndex(where: { $0 == "）" || $0 == ")" })
        else { return nil }
        let before = String(scalars: s[..<open])
        guard cues.cues(for: .bylineLead).contains(where: { before.hasSuffixBytes($0) }) else { return nil }
        return bylineNames("(" + String(scalars: s[(open + 1)..<close]) + ")")
    }
}
