/// The heading lines above an article's body read as title and subtitle.
///
/// - A line ending in `——` is a kicker: `通州区石港镇聚焦…——` / `延伸网格触角 做群众知心人`.
/// - A line starting with `——` is a deck below the title.
/// - One line may hold both halves: `上线“清晨访问团” ——松江区…小记` (space before the dash: the
///   part after it is a deck) or `海门临江新区通过…促成效—— 打响…攻坚战` (space after the dash, or
///   an enumeration before it: the part before is a kicker).
/// - Two plain stacked lines are a kicker and the main title below it (`请群众“唱主角”` /
///   `长一居民区党总支解锁…`): the main title is the line next to the body.
struct TitleBlock: Sendable, Equatable {
    var title: String
    var subtitle: String?
    /// What was taken off the front of the title lines (`◎`, `聚焦｜`), as printed.
    var decorations: [String] = []

    init(lines printed: [String], cues: LayoutCues) {
        var lines = printed.map { TitleBlock.undecorated($0, cues: cues) }
        for (line, bare) in zip(printed, lines) where line != bare {
            if let range = line.rangeOfBytes(bare) { decorations.append(String(line[..<range.lowerBound])) }
        }
        // A notice's issuer over its title is one title: `海永镇人民政府` / `关于…的通告`.
        var index = lines.count - 1
        while index > 0 {
            if cues.isNoticeIssuer(lines[index - 1], over: lines[index]) {
                lines[index - 1] = lines[index - 1].trimmingSpaces + lines[index].trimmingSpaces
                lines.remove(at: index)
            }
            index -= 1
        }
        // A notice's title wrapped over lines (`关于开展电动自行车违规停放充电` / `集中整治的通告`): a
        // line opening like a notice runs on until the `的` that names what kind of notice it is.
        index = 0
        while index + 1 < lines.count {
            if cues.isUnfinishedNoticeTitle(lines[index]) {
                lines[index] = lines[index].trimmingSpaces + lines[index + 1].trimmingSpaces
                lines.remove(at: index + 1)
            } else {
                index += 1
            }
        }
        var mains: [String] = []
        var others: [String] = []
        for line in lines {
            if LineShape.isKicker(line) {
                others.append(TitleBlock.trimDashes(line))
            } else if line.hasPrefixBytes("——") {
                others.append(TitleBlock.trimDashes(line))
            } else if let inner = TitleBlock.bracketed(line) {
                // A deck in brackets: `（周铁镇深化河长制工作纪实）`.
                others.append(inner)
            } else if let dash = line.rangeOfBytes("——") {
                let left = String(line[..<dash.lowerBound])
                let right = String(line[dash.upperBound...])
                let leftTrimmed = TitleBlock.trimDashes(left)
                let rightTrimmed = TitleBlock.trimDashes(right)
                let spaceBefore = left.last.map { $0 == " " || $0 == "\u{3000}" } ?? false
                let spaceAfter = right.first.map { $0 == " " || $0 == "\u{3000}" } ?? false
                let rightIsDeck =
                    spaceBefore && !spaceAfter || cues.endsWithDeckSuffix(rightTrimmed)
                let leftIsKicker =
                    !rightIsDeck
                    && (spaceAfter && !spaceBefore || leftTrimmed.containsBytes("、")
                        || leftTrimmed.containsBytes("，") || leftTrimmed.containsBytes(","))
                if leftIsKicker {
                    others.append(leftTrimmed)
                    mains.append(rightTrimmed)
                } else {
                    mains.append(leftTrimmed)
                    others.append(rightTrimmed)
                }
            } else {
                mains.append(line)
            }
        }
        if let last = mains.popLast() {
            title = last
            others = mains + others
        } else {
            title = others.removeLast()
        }
        subtitle = others.isEmpty ? nil : others.joined(separator: " ")
    }

    /// A title without the ornament, column label or item number set before it: `◎九亭泗泾联合巡河…`
    /// → `九亭泗泾联合巡河…`, `聚焦｜十项民生实事项目…` and `“四百”大走访｜浦东街镇走访见闻` → the part
    /// after the bar, `三、昆山市部署…` and `02　家门口就业服务站怎么用？` → without the number,
    /// `【南桥镇】镇领导“夜间接访”延伸到村居` → without the label, a headline wrapped whole in `【…】`
    /// → what is inside; a box's top edge drawn around its title (`┌──── 温馨提示 ────┐`) → the
    /// title.
    static func undecorated(_ line: String, cues: LayoutCues) -> String {
        var scalars = Substring(line).unicodeScalars
        let isFrame = { (scalar: Unicode.Scalar) in ScalarClass.isBoxDrawing(scalar) || ScalarClass.isSpace(scalar) }
        if let first = scalars.first, let last = scalars.last, ScalarClass.isBoxDrawing(first), ScalarClass.isBoxDrawing(last) {
            scalars = scalars.trimming(while: isFrame)
        }
        if let first = scalars.first, cues.cues(for: .briefBullet).contains(String(first)) {
            scalars = scalars.dropFirst()
        }
        // A headline wrapped whole in brackets (`【秋收秸秆禁烧实现“零火点”】`, a digest's item).
        if LineShape.isBracketedWhole(scalars: scalars) {
            scalars = scalars.dropFirst().dropLast()
        }
        // The date a list page prints before each item (`[2025-11-14]　月城镇召开…`).
        scalars = TitleBlock.withoutLeadingDate(scalars)
        // A column label: a short name (ideographs, perhaps quoted) and a vertical bar; or an
        // item number and a bar (`01｜五滧村新添两处“睦邻点”`).
        if let bar = scalars.prefix(12).firstIndex(where: { $0 == "｜" || $0 == "|" }) {
            let label = scalars[scalars.startIndex..<bar]
            let ideographs = label.filter(ScalarClass.isIdeograph).count
            let isName = ideographs >= 2 && label.count <= 10
                && label.allSatisfy({ ScalarClass.isIdeograph($0) || "“”‘’\"「」《》".unicodeScalars.contains($0) })
            let number = label.filter { !ScalarClass.isSpace($0) }
            let isNumber = (1...3).contains(number.count) && number.allSatisfy(ScalarClass.isASCIIDigit)
                && label.prefix(number.count).elementsEqual(number)
            if isName || isNumber {
                scalars = scalars[scalars.index(after: bar)...].drop(while: ScalarClass.isSpace)
            }
        }
        // An item number: `一、`, `（一）`, `1.` (not `1.5万户`), or two digits and a space (`01　`; not
        // the count of `35 名“法律明白人”…`, which no zero opens);
        // or a bracketed label naming the item's town or column (`【南桥镇】镇领导…`).
        if let length = LineShape.itemLabelLength(scalars: scalars) {
            scalars = scalars.dropFirst(length)
        } else if let length = LineShape.enumerationLength(scalars: Array(scalars.prefix(6))) {
            let rest = scalars.dropFirst(length)
            if let next = rest.first, !ScalarClass.isASCIIDigit(next) { scalars = rest }
        } else if scalars.count > 3, scalars.prefix(2).allSatisfy(ScalarClass.isASCIIDigit),
            let gap = scalars.dropFirst(2).first, gap == " " || gap == "\u{3000}",
            scalars.first == "0" || !cues.opensWithMeasureWord(Substring(scalars.dropFirst(3)))
        {
            scalars = scalars.dropFirst(3)
        }
        let result = String(Substring(scalars)).trimmingSpaces.withoutLetterSpacing
        return result.isEmpty ? line : result
    }

    /// Without a date in brackets and the space after it at the front (`[2025-11-14]　`,
    /// `【2025.11.14】`); the text unchanged when it does not start so.
    static func withoutLeadingDate(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        guard let open = scalars.first, open == "[" || open == "【" else { return scalars }
        let close: Unicode.Scalar = open == "[" ? "]" : "】"
        guard let end = scalars.prefix(14).firstIndex(of: close) else { return scalars }
        let inside = scalars[scalars.index(after: scalars.startIndex)..<end]
        let digits = inside.filter(ScalarClass.isASCIIDigit).count
        guard digits >= 6, inside.allSatisfy({ ScalarClass.isASCIIDigit($0) || "-./年月日".unicodeScalars.contains($0) }),
            let after = scalars[scalars.index(after: end)...].first, ScalarClass.isSpace(after)
        else { return scalars }
        return scalars[scalars.index(after: end)...].drop(while: ScalarClass.isSpace)
    }

    /// A title as a contents block lists it, without its bullet, number and page: `·镇里公布今年十项
    /// 民生实事…………2版` → `镇里公布今年十项民生实事`, `一、泗泾镇“三所联动”调解室迎来兄弟镇取经`
    /// → `泗泾镇“三所联动”调解室迎来兄弟镇取经`.
    static func listed(_ line: String, cues: LayoutCues) -> String {
        var scalars = Substring(line).unicodeScalars
        let isLeader = { (s: Unicode.Scalar) in "…·.．-—–_ \u{3000}".unicodeScalars.contains(s) }
        let isPage = { (s: Unicode.Scalar) in ScalarClass.isASCIIDigit(s) || "版页第Pp".unicodeScalars.contains(s) }
        // The page: its number and word after leader dots or a space (`…………2版`, `……P3`).
        if let lastText = scalars.lastIndex(where: { !isPage($0) }), isLeader(scalars[lastText]) {
            scalars = scalars[...lastText]
        }
        while let last = scalars.last, isLeader(last) { scalars = scalars.dropLast() }
        // A bullet that is no word (`·`, `◇`), then the title block's own undecorating.
        scalars = scalars.drop { !ScalarClass.isWordScalar($0) && $0 != "“" && $0 != "《" && $0 != "（" && $0 != "(" }
        return undecorated(String(Substring(scalars)), cues: cues)
    }

    /// The text inside brackets that wrap the whole line (`（…纪实）` → `…纪实`), or nil.
    static func bracketed(_ text: String) -> String? {
        guard (text.hasPrefixBytes("（") && text.hasSuffixBytes("）")) || (text.hasPrefixBytes("(") && text.hasSuffixBytes(")"))
        else { return nil }
        return String(text.dropFirst().dropLast()).trimmingSpaces
    }

    /// Without the brief's bullet a column label may be set with, and the space after it:
    /// `■ 基层治理` → `基层治理`, `◆编后` → `编后`.
    static func withoutBullet(_ line: String, cues: LayoutCues) -> String {
        let scalars = Substring(line).unicodeScalars
        guard let first = scalars.first, cues.cues(for: .briefBullet).contains(String(first)) else { return line }
        let rest = String(Substring(scalars.dropFirst())).trimmingSpaces
        return rest.isEmpty ? line : rest
    }

    /// Without the `——` of a kicker or deck: `——松江区…小记` → `松江区…小记`.
    static func trimDashes(_ text: String) -> String {
        var t = Substring(text)
        while t.hasPrefixBytes("—") { t = t.dropFirst() }
        while t.hasSuffixBytes("—") { t = t.dropLast() }
        return String(t).trimmingSpaces
    }
}
