/// The bulletin's own town, which an article that names no town is read as reporting on:
/// - the first town its masthead names, in full or by the short form of a town the issue names
///   (`金鸡湖社区报`, `主办：中共九亭镇委员会`; a contents block below the nameplate names others),
///   unless a district's or city's body is named on a line of its own above it (a district's
///   sheet, `中共上海市静安区委…办公室`, whose contents list towns);
/// - else a masthead line that opens with nothing but a town's name, short form included, or a
///   district's and one of its towns' (`沙家浜　　2024年10月18日`, `嘉定马陆`), or a page header
///   that prints the paper's name (`庄行报`) or its town's short form beside the issue date
///   (`2　镇村简讯　浮桥　2026年3月20日`): a paper named after its town, which its articles may
///   never name in full;
/// - none when the nameplate (the masthead's first line, above the first article) names a
///   district or city and no town: a district's paper (`上海市闵行区人民政府`, `嘉定区…简报`)
///   reports on many towns;
/// - else the one town the whole issue names;
/// - else the town most of its articles name, when clearly ahead and the first town named in
///   at least three in four of the articles that name one: a compilation of a city's or a
///   district's news leads its articles with different towns and is no town's own.
enum HomeTown {
    /// - Parameters:
    ///   - masthead: the locations found in the masthead lines.
    ///   - mastheadText: the masthead lines joined by line breaks.
    ///   - nameplate: the paper's nameplate line, if the ingestion found one (`Ingester.Result.nameplate`).
    ///   - articleTowns: the towns each article names, resolved, each once, in order of first
    ///     mention (`LocationTagger.towns(in:text:)`).
    ///   - paperSuffixes: what a paper's name ends in after its town's (`paperSuffixes(_:)`).
    ///   - addressCues: what opens an address field (`地址`, `电话`): a town named in one is where
    ///     the paper is printed (`地址：崇明区城桥镇…` under 崇明报), not whose paper it is.
    static func find(
        masthead: [Location], mastheadText: String, nameplate: String?, articleTowns: [[TownRef]], gazetteer: Gazetteer,
        paperSuffixes: [[Unicode.Scalar]], addressCues: [[Unicode.Scalar]] = []
    ) -> TownRef? {
        // Address fields blanked, scalar for scalar: offsets stay those of the masthead's places.
        let mastheadText = blankingAddresses(mastheadText, cues: addressCues)
        let blankScalars = mastheadText.scalarArray
        let masthead = masthead.compactMap { location -> Location? in
            var kept = location
            kept.mentions = location.mentions.filter { $0.start < blankScalars.count && blankScalars[$0.start] != HomeTown.blank }
            return kept.mentions.isEmpty ? nil : kept
        }
        // Articles naming each town, and the towns in order of first mention.
        var articleCounts: [String: Int] = [:]
        var order: [TownRef] = []
        for towns in articleTowns {
            for town in towns {
                if articleCounts[town.name] == nil { order.append(town) }
                articleCounts[town.name, default: 0] += 1
            }
        }
        let first = firstInMasthead(masthead, mastheadText, issueTowns: order, gazetteer: gazetteer)
        if let nameplate {
            // The nameplate comes first in the masthead text.
            let nameplateEnd = nameplate.unicodeScalars.count
            if let first, first.start < nameplateEnd { return first.town }
            let districtNameplate = masthead.contains { location in
                (location.level == .district || location.level == .city) && !location.ambiguous
                    && location.mentions.contains { $0.start < nameplateEnd }
            }
            if districtNameplate { return nil }
            // Named after a district or city by a form the tagger leaves alone in running text
            // (`吴江日报`, `苏州日报`): a district's or city's paper, unless the rest of the name
            // names a town (`嘉定马陆`) or a town goes by the same form.
            if namedLine(nameplate, gazetteer: gazetteer, issueTowns: order) == nil,
                namesDistrictOrCity(nameplate, gazetteer: gazetteer, issueTowns: order)
            {
                return nil
            }
        }
        if let first {
            // A district's or city's body named on a line of its own below the paper's name and
            // above the first town's line (`中共上海市静安区委信访工作联席会议办公室` over a contents
            // block listing towns) publishes the paper: a district's paper, the town below only
            // listed in it. (The name line itself is read above: `江宁简讯` may be taken for 江宁区.)
            let scalars = mastheadText.scalarArray
            let firstLineEnd = scalars.firstIndex(of: "\n") ?? scalars.count
            let publishedAbove = masthead.contains { location in
                (location.level == .district || location.level == .city) && !location.ambiguous
                    && location.mentions.contains { mention in
                        mention.start > firstLineEnd && mention.start < first.start
                            && scalars[mention.start..<first.start].contains("\n")
                    }
            }
            return publishedAbove ? nil : first.town
        }
        if let named = namedLine(mastheadText, gazetteer: gazetteer, issueTowns: order) { return named }
        if let named = namedPaper(mastheadText, suffixes: paperSuffixes, gazetteer: gazetteer, issueTowns: order) { return named }
        if let named = datedName(mastheadText, gazetteer: gazetteer, issueTowns: order) { return named }
        if order.count == 1 { return order[0] }
        let ranked = order.sorted { (articleCounts[$0.name] ?? 0) > (articleCounts[$1.name] ?? 0) }
        guard let best = ranked.first, let count = articleCounts[best.name], count >= 2, count * 2 > articleTowns.count,
            count > (ranked.dropFirst().first.flatMap { articleCounts[$0.name] } ?? 0)
        else { return nil }
        // A town's own paper leads its articles with its own town; a compilation of a city's or
        // district's news (`石港镇…`, `金新街道…`, `兴仁镇…`) leads each with another.
        let leading = articleTowns.compactMap(\.first)
        let ledByBest = leading.filter { $0.name == best.name }.count
        return ledByBest * 4 >= leading.count * 3 ? best : nil
    }

    /// The town the masthead names first, and where (in scalars of the masthead text).
    private static func firstInMasthead(_ masthead: [Location], _ text: String, issueTowns: [TownRef], gazetteer: Gazetteer) -> (start: Int, town: TownRef)? {
        var best: (start: Int, town: TownRef)? = nil
        func consider(_ start: Int, _ town: TownRef) {
            if best == nil || start < best!.start { best = (start, town) }
        }
        for location in masthead where location.level == .town {
            guard let start = location.mentions.first?.start else { continue }
            // An ambiguous name takes the reading the articles resolved, if any.
            let town = issueTowns.first { $0.name == location.name } ?? TownRef(name: location.name, code: location.code)
            consider(start, town)
        }
        let scalars = text.scalarArray
        for town in issueTowns {
            guard let code = town.code, let place = gazetteer.place(code: code) else { continue }
            for form in [place.name] + place.aliases + place.shortForms where form.unicodeScalars.count >= 2 {
                if let start = firstOffset(of: form.scalarArray, in: scalars) { consider(start, town) }
            }
        }
        return best
    }

    /// The town a masthead line's opening run of ideographs names, whole: one town's name or
    /// short form (`沙家浜`, letter-spaced `康　桥`), or a district's form followed by one of its
    /// towns' (`嘉定马陆`). A form several towns share names the one of them the issue names
    /// (`issueTowns`, resolved), else none.
    static func namedLine(_ mastheadText: String, gazetteer: Gazetteer, issueTowns: [TownRef] = []) -> TownRef? {
        for line in mastheadText.split(separator: "\n") {
            let run = openingRun(line.unicodeScalars.drop(while: ScalarClass.isSpace))
            guard (2...8).contains(run.count) else { continue }
            let towns = gazetteer.places(named: String(scalars: run[...])).filter { $0.level == .town }
            let named = townsNamed(towns, issueTowns: issueTowns)
            if named.count == 1 { return TownRef(name: named[0].name, code: named[0].code) }
            // A district's form followed by one of its towns', each at least two characters.
            guard towns.isEmpty, run.count >= 4 else { continue }
            var found: [Place] = []
            for split in 2...(run.count - 2) {
                let districts = Set(gazetteer.places(named: String(scalars: run[..<split])).filter { $0.level == .district }.map(\.code))
                guard !districts.isEmpty else { continue }
                found += gazetteer.places(named: String(scalars: run[split...])).filter { town in
                    town.level == .town && town.parentCode.map(districts.contains) == true
                }
            }
            if found.count == 1 { return TownRef(name: found[0].name, code: found[0].code) }
        }
        return nil
    }

    /// The town a paper's name printed anywhere in the masthead lines is named after: a run of
    /// ideographs ending in 报 (`庄行报` in the page header `3　村居·平安　庄行报　2026年1月16日`,
    /// `金山卫镇报`), whose stem is one town's name or short form and no district's or city's
    /// (`宝山报`, `吴江日报` are a district's). A stem several towns share names the one the issue
    /// names, else none. Inner pages print only their paper's name, never the town's in full.
    static func namedPaper(_ mastheadText: String, suffixes: [[Unicode.Scalar]], gazetteer: Gazetteer, issueTowns: [TownRef] = []) -> TownRef? {
        let scalars = mastheadText.scalarArray
        for range in ideographRuns(scalars) {
            let run = scalars[range]
            guard (3...9).contains(run.count), run.last == "报" else { continue }
            for suffix in suffixes where run.count - suffix.count >= 2 && run.suffix(suffix.count).elementsEqual(suffix) {
                let places = gazetteer.places(named: String(scalars: Array(run.dropLast(suffix.count))))
                guard !namesHigherLevel(places) else { break }
                let towns = places.filter { $0.level == .town }
                let named = townsNamed(towns, issueTowns: issueTowns)
                if named.count == 1 { return TownRef(name: named[0].name, code: named[0].code) }
                if !towns.isEmpty { break }
            }
        }
        return nil
    }

    /// The town a page header names by itself right before the issue date, standing alone between
    /// spaces (`2　　镇村简讯　　　浮桥　2026年3月20日　星期五`): inner pages print the paper's short
    /// name beside the date. The name must be one town's name or short form and no district's or
    /// city's; a form several towns share (`浮桥`: Taicang's 浮桥镇, Quanzhou's 浮桥街道) names the one
    /// the issue names, else the one in the district of the towns the issue names, else none.
    static func datedName(_ mastheadText: String, gazetteer: Gazetteer, issueTowns: [TownRef] = []) -> TownRef? {
        for line in mastheadText.split(separator: "\n") {
            let scalars = Array(line.unicodeScalars)
            for range in ideographRuns(scalars) {
                // A run of two to four ideographs with a space (or the line's start) before it,
                // then spaces, then a date: four digits and 年.
                guard (2...4).contains(range.count), range.lowerBound == 0 || ScalarClass.isSpace(scalars[range.lowerBound - 1]) else { continue }
                var next = range.upperBound
                while next < scalars.count, ScalarClass.isSpace(scalars[next]) { next += 1 }
                guard next > range.upperBound else { continue }
                var digits = next
                while digits < scalars.count, ScalarClass.isASCIIDigit(scalars[digits]) { digits += 1 }
                guard digits - next == 4, digits < scalars.count, scalars[digits] == "年" else { continue }
                let places = gazetteer.places(named: String(scalars: Array(scalars[range])))
                guard !namesHigherLevel(places) else { continue }
                let towns = places.filter { $0.level == .town }
                var named = townsNamed(towns, issueTowns: issueTowns)
                if named.isEmpty {
                    // Not named in full by the issue: the one in the district of the towns it names.
                    named = towns.filter { town in
                        guard let district = town.parentCode else { return false }
                        return issueTowns.contains { $0.code?.hasPrefixBytes(district) == true }
                    }
                }
                if named.count == 1 { return TownRef(name: named[0].name, code: named[0].code) }
            }
        }
        return nil
    }

    /// The towns a form may name: the one town it names, else those of them the issue names (a
    /// form several towns share names the one of them the issue names, if one does).
    private static func townsNamed(_ towns: [Place], issueTowns: [TownRef]) -> [Place] {
        towns.count == 1 ? towns : towns.filter { town in issueTowns.contains { $0.code == town.code } }
    }

    /// Whether a form names a district, a city or a province: a paper named so is no town's own.
    private static func namesHigherLevel(_ places: [Place]) -> Bool {
        places.contains { $0.level == .district || $0.level == .city || $0.level == .province }
    }

    /// The runs of ideographs in `scalars`, as index ranges, in order.
    private static func ideographRuns(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard ScalarClass.isIdeograph(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ScalarClass.isIdeograph(scalars[end]) { end += 1 }
            runs.append(index..<end)
            index = end
        }
        return runs
    }

    /// What a paper's name ends in after its town's: the `paper-suffix` cues of
    /// `layout-cues.tsv` that end in 报 (`社区报`, `晨报`), longest first, then 报 alone
    /// (`庄行报`).
    static func paperSuffixes(_ cues: LayoutCues) -> [[Unicode.Scalar]] {
        let paper: Unicode.Scalar = "报"
        let named = cues.cues(for: .paperSuffix).map { Array($0.unicodeScalars) }.filter { $0.count > 1 && $0.last == paper }
        return named.sorted { $0.count > $1.count } + [[paper]]
    }

    /// Whether a nameplate opens with a district's or city's name or short form (two to four
    /// characters, longest first) that no town goes by, and that holds a town the issue names
    /// (`潍坊` of `潍坊社区报` is a city in Shandong; the issue's towns are in Shanghai).
    static func namesDistrictOrCity(_ nameplate: String, gazetteer: Gazetteer, issueTowns: [TownRef]) -> Bool {
        let run = openingRun(nameplate.unicodeScalars.drop(while: ScalarClass.isSpace))
        guard run.count >= 2 else { return false }
        for length in stride(from: min(run.count, 4), through: 2, by: -1) {
            let places = gazetteer.places(named: String(scalars: run[..<length]))
            guard !places.isEmpty else { continue }
            guard !places.contains(where: { $0.level == .town }) else { return false }
            // Division codes nest: a town's code starts with its district's and city's.
            return places.contains { place in
                (place.level == .district || place.level == .city)
                    && issueTowns.contains { $0.code?.hasPrefixBytes(place.code) == true }
            }
        }
        return false
    }

    /// The ideographs a line opens with, read across letter-spacing: a nameplate set one character
    /// at a time (`康　桥`, `长 桥 街 道`) names what it names unspaced.
    static func openingRun(_ scalars: Substring.UnicodeScalarView.SubSequence) -> [Unicode.Scalar] {
        let plain = Array(scalars.prefix(while: ScalarClass.isIdeograph))
        guard plain.count == 1 else { return plain }
        // One ideograph, then a space (one or two), then one ideograph, and so on.
        var spaced: [Unicode.Scalar] = []
        var index = scalars.startIndex
        while index < scalars.endIndex, ScalarClass.isIdeograph(scalars[index]) {
            spaced.append(scalars[index])
            index = scalars.index(after: index)
            guard index < scalars.endIndex, !ScalarClass.isIdeograph(scalars[index]) else { break }
            var gap = 0
            while index < scalars.endIndex, ScalarClass.isSpace(scalars[index]), gap < 3 {
                gap += 1
                index = scalars.index(after: index)
            }
            guard (1...2).contains(gap) else { break }
        }
        return spaced
    }

    /// What an address field is blanked with.
    static let blank: Unicode.Scalar = "\u{3000}"

    /// `text` with every address field — from a cue (`地址`) to the next wide gap (a full-width
    /// space or two spaces) or the end of its line — replaced by full-width spaces, one for each
    /// scalar: `主办：中共九亭镇委员会　地址：九亭镇…` keeps its 主办 field.
    static func blankingAddresses(_ text: String, cues: [[Unicode.Scalar]]) -> String {
        guard !cues.isEmpty else { return text }
        var s = text.scalarArray
        var changed = false
        var i = 0
        while i < s.count {
            guard cues.contains(where: { ScalarWord.matches($0, in: s, at: i) }) else {
                i += 1
                continue
            }
            var j = i
            while j < s.count, s[j] != "\n", s[j] != "\u{3000}", !(s[j] == " " && j + 1 < s.count && s[j + 1] == " ") {
                s[j] = blank
                j += 1
            }
            changed = true
            i = j
        }
        return changed ? String(scalars: s[...]) : text
    }

    private static func firstOffset(of word: [Unicode.Scalar], in s: [Unicode.Scalar]) -> Int? {
        guard word.count <= s.count else { return nil }
        return (0...(s.count - word.count)).first { ScalarWord.matches(word, in: s, at: $0) }
    }
}
