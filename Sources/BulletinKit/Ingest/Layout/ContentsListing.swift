/// The titles a bulletin lists in its table of contents, read so the layout model can ask whether
/// a heading is one of them: a line the contents names is an article's title far more often than
/// a subheading, a caption or a kicker is.
///
/// ```text
/// 本期导读
/// ◆ 告别“拎马桶”　旧里居民盼来新生活（1、2版）      → entry 告别拎马桶旧里居民盼来新生活
/// ◆ 【平安芷江】“老娘舅”调出邻里和气（2版）          → entry 平安芷江老娘舅调出邻里和气
/// ```
///
/// Entries are the lines a contents block absorbed (`LineClassifier.absorbingContents`) and
/// lines set with leader dots and a page (`…家门口办结 ………… 1、2版`), compared by their word
/// characters only (quotation marks, bullets, spaces and the page reference left out), so a
/// title broken over two lines, or printed with other quotation marks, still matches.
struct ContentsListing: Sendable {
    /// Each entry's word characters, its page reference cut off.
    let entries: [[Unicode.Scalar]]

    /// How a heading stands to the entries.
    enum Match: Sendable {
        /// Nearly all of the heading and most of an entry agree: the entry names it.
        case whole
        /// Nearly all of the heading is inside a longer entry: one line of a title set on two,
        /// or a kicker printed before it in the contents.
        case part
        /// At least half of the heading is in an entry (a caption or subheading on the title's
        /// subject, or a shortened listing).
        case some
        case none
    }

    init(entries: [[Unicode.Scalar]]) {
        self.entries = Array(entries.lazy.filter { $0.count >= ContentsListing.shortest }.prefix(ContentsListing.mostEntries))
    }

    /// A contents box lists a few dozen titles at most; a longer run of short lines after a
    /// header is no contents, and comparing every heading with all of them would grow with the
    /// square of the text.
    static let mostEntries = 40

    /// The entries of a bulletin: lines `absorbed` made masthead that `classified` read as text
    /// (the contents block under its header, the header itself being no title), and lines with
    /// leader dots and a page.
    init(lines: [SourceLine], classified: [LineClassifier.Kind], absorbed: [LineClassifier.Kind], classifier: LineClassifier) {
        var entries: [[Unicode.Scalar]] = []
        for index in lines.indices {
            guard case .masthead = absorbed[index] else { continue }
            let line = lines[index]
            let listed: Bool
            switch classified[index] {
            case .text, .section: listed = !classifier.isContentsHeader(line)
            case .masthead:
                listed = line.length <= 80 && classifier.isContentsEntry(line.folded.unicodeScalars.filter { !ScalarClass.isSpace($0) })
            default: listed = false
            }
            if listed { entries.append(ContentsListing.entry(line.folded)) }
        }
        self.init(entries: entries)
    }

    /// The word characters of a contents line without the page it sends the reader to
    /// (`（1、2版）`, `…… 3`, `P4`).
    static func entry(_ text: String) -> [Unicode.Scalar] {
        var words = Array(text.unicodeScalars.lazy.filter(ScalarClass.isWordScalar))
        if let last = words.last, last == "版" || last == "页" { words.removeLast() }
        while let last = words.last, ScalarClass.isASCIIDigit(last) { words.removeLast() }
        if words.count >= 2, words[0] == "P" || words[0] == "p", ScalarClass.isASCIIDigit(words[1]) {
            words.removeFirst()
            while let first = words.first, ScalarClass.isASCIIDigit(first) { words.removeFirst() }
        }
        return words
    }

    /// Headings shorter than this (in word characters) are not compared: `要闻`, `简讯` match too
    /// much by chance.
    static let shortest = 4
    /// Blocks longer than this are paragraphs, not headings.
    static let longest = 48

    /// How `scalars` (a paragraph as printed) stands to the entries.
    func match(_ scalars: [Unicode.Scalar]) -> Match {
        guard !entries.isEmpty, scalars.count <= ContentsListing.longest else { return .none }
        let words = scalars.filter(ScalarClass.isWordScalar)
        guard words.count >= ContentsListing.shortest else { return .none }
        var best = Match.none
        for entry in entries {
            let common = ContentsListing.longestCommonRun(words, entry)
            guard common >= ContentsListing.shortest, 2 * common >= words.count else { continue }
            let ofHeading = Double(common) / Double(words.count)
            let ofEntry = Double(common) / Double(entry.count)
            if ofHeading >= 0.8, ofEntry >= 0.6 { return .whole }
            if ofHeading >= 0.8 { best = .part } else if case .none = best { best = .some }
        }
        return best
    }

    /// The length of the longest run of characters `a` and `b` share (dynamic programming over
    /// one row: both are a few dozen characters).
    static func longestCommonRun(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        var best = 0
        for x in a {
            var diagonal = 0
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = x == b[j] ? diagonal + 1 : 0
                best = max(best, row[j + 1])
                diagonal = above
            }
        }
        return best
    }
}
