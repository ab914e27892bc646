/// A multi-pattern matcher (Aho–Corasick) over Unicode scalars: built once from every lexicon
/// phrase, it finds all occurrences of all phrases in one pass over a text.
///
/// It steps once per character, not once per UTF-8 byte: a Chinese character is one transition
/// instead of three, and the trie has a third of the states. Characters are first mapped to
/// dense symbol numbers (a flat table for the Basic Multilingual Plane), so the root's
/// transitions are one array read and a character that no pattern contains resets the scan at
/// once. Other states keep their edges sorted by symbol, found by binary search.
///
/// ```swift
/// let matcher = PhraseMatcher(patterns: [Array("石港镇".unicodeScalars), Array("石港".unicodeScalars)])
/// matcher.leftmostLongest(in: Array("通州区石港镇北渡村".unicodeScalars))
/// // [Match(start: 3, end: 6, pattern: 0)]   scalar offsets; the longer 石港镇 wins
/// ```
///
/// - Complexity: building is O(total pattern length · log σ); scanning is O(n · log σ + matches).
public struct PhraseMatcher: Sendable {
    /// One occurrence: scalar offsets into the scanned text, end exclusive, and the pattern's index.
    public struct Match: Sendable, Hashable, Comparable {
        public let start: Int
        public let end: Int
        public let pattern: Int

        public init(start: Int, end: Int, pattern: Int) {
            self.start = start
            self.end = end
            self.pattern = pattern
        }

        /// Leftmost first, then longest first.
        public static func < (a: Match, b: Match) -> Bool {
            a.start != b.start ? a.start < b.start : (a.end != b.end ? a.end > b.end : a.pattern < b.pattern)
        }
    }

    public let patternCount: Int
    /// Symbol of each BMP scalar (1-based; 0: in no pattern). BMP scalars take the lowest
    /// symbols, and there are fewer than 65,536 of them: 16 bits each keeps the table at 128 KB.
    private var bmpSymbol: [UInt16] = []
    /// Scalars beyond the BMP that patterns use, sorted, and their symbols.
    private var astralScalars: [UInt32] = []
    private var astralSymbols: [UInt32] = []
    /// The root's transition for each symbol (0: stay at the root).
    private var rootNext: [Int32] = []
    private var edgeStart: [Int32] = []
    private var edgeSymbols: [UInt32] = []
    private var edgeTargets: [Int32] = []
    private var fail: [Int32] = []
    /// The pattern a state spells, or -1.
    private var output: [Int32] = []
    /// The nearest state on the failure chain that spells a pattern, or 0.
    private var outputLink: [Int32] = []
    private var depth: [Int32] = []

    /// What the scan reads of a state, in one place: a state costs one cache line, not five.
    struct ScanState {
        var edgeStart: Int32
        var edgeEnd: Int32
        var fail: Int32
        /// The state whose pattern is reported first on reaching this one (itself or its
        /// nearest output link), or 0.
        var firstHit: Int32
    }

    /// An edge: its symbol and target side by side, so a binary search reads both at once.
    struct Edge {
        var symbol: UInt32
        var target: Int32
    }

    private var states: [ScanState] = []
    private var edges: [Edge] = []

    /// Builds the automaton. Empty patterns are ignored; duplicate patterns report the first index.
    public init(patterns: [[Unicode.Scalar]]) {
        patternCount = patterns.count
        // 0. Symbols in scalar order, so patterns sorted by scalars are sorted by symbols too.
        var alphabet: [UInt32] = []
        for pattern in patterns { for scalar in pattern { alphabet.append(scalar.value) } }
        alphabet.sort()
        var unique: [UInt32] = []
        for value in alphabet where unique.last != value { unique.append(value) }
        alphabet = []
        bmpSymbol = [UInt16](repeating: 0, count: 0x10000)
        for (index, value) in unique.enumerated() {
            if value < 0x10000 {
                bmpSymbol[Int(value)] = UInt16(index + 1)
            } else {
                astralScalars.append(value)
                astralSymbols.append(UInt32(index + 1))
            }
        }
        rootNext = [Int32](repeating: 0, count: unique.count + 1)

        // 1. The trie, built from the patterns in order: each pattern shares the path of its
        //    common prefix with the one before it, and a state's children are created in
        //    increasing symbol order. No hash table of children.
        let order = patterns.indices.filter { !patterns[$0].isEmpty }.sorted { a, b in
            let x = patterns[a], y = patterns[b]
            if x.elementsEqual(y) { return a < b }
            return x.lexicographicallyPrecedes(y) { $0.value < $1.value }
        }
        var stateOutput: [Int32] = [-1]
        var stateDepth: [Int32] = [0]
        var edgeParent: [Int32] = []
        var newEdgeSymbols: [UInt32] = []
        var path: [Int32] = [0]
        var previous: [Unicode.Scalar] = []
        for index in order {
            let pattern = patterns[index]
            var shared = 0
            while shared < pattern.count, shared < previous.count, pattern[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            var state = path[shared]
            for position in shared..<pattern.count {
                let next = Int32(stateOutput.count)
                stateOutput.append(-1)
                stateDepth.append(Int32(position + 1))
                edgeParent.append(state)
                newEdgeSymbols.append(symbol(of: pattern[position]))
                state = next
                path.append(next)
            }
            if stateOutput[Int(state)] < 0 { stateOutput[Int(state)] = Int32(index) }
            previous = pattern
        }
        let stateCount = stateOutput.count
        // 2. Flat edge lists, grouped by state (a stable counting sort keeps each state's
        //    symbols in increasing order). Edge k created state k + 1.
        edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        for parent in edgeParent { edgeStart[Int(parent) + 1] += 1 }
        for state in 0..<stateCount { edgeStart[state + 1] += edgeStart[state] }
        var fill = Array(edgeStart.dropLast())
        edgeSymbols = [UInt32](repeating: 0, count: edgeParent.count)
        edgeTargets = [Int32](repeating: 0, count: edgeParent.count)
        for (k, parent) in edgeParent.enumerated() {
            let slot = Int(fill[Int(parent)])
            fill[Int(parent)] += 1
            edgeSymbols[slot] = newEdgeSymbols[k]
            edgeTargets[slot] = Int32(k + 1)
        }
        edgeParent = []
        newEdgeSymbols = []
        output = stateOutput
        depth = stateDepth
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootNext[Int(edgeSymbols[e])] = edgeTargets[e] }
        // 3. Failure and output links, breadth first.
        fail = [Int32](repeating: 0, count: stateCount)
        outputLink = [Int32](repeating: 0, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { queue.append(edgeTargets[e]) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for e in Int(edgeStart[Int(state)])..<Int(edgeStart[Int(state) + 1]) {
                let child = edgeTargets[e]
                let symbol = edgeSymbols[e]
                var f = fail[Int(state)]
                var next: Int32 = 0
                while true {
                    if let target = transition(f, symbol) {
                        next = target
                        break
                    }
                    if f == 0 { break }
                    f = fail[Int(f)]
                }
                if next == child { next = 0 }
                fail[Int(child)] = next
                outputLink[Int(child)] = output[Int(next)] >= 0 ? next : outputLink[Int(next)]
                queue.append(child)
            }
        }
        // 4. The scan's layout: per-state records and interleaved edges; the build's own
        //    arrays are dropped.
        states = (0..<stateCount).map { state in
            ScanState(
                edgeStart: edgeStart[state], edgeEnd: edgeStart[state + 1], fail: fail[state],
                firstHit: output[state] >= 0 ? Int32(state) : outputLink[state])
        }
        edges = zip(edgeSymbols, edgeTargets).map { Edge(symbol: $0, target: $1) }
        edgeStart = []
        edgeSymbols = []
        edgeTargets = []
        fail = []
    }

    /// The symbol of a scalar, 0 when no pattern contains it.
    @inline(__always)
    private func symbol(of scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x10000 { return UInt32(bmpSymbol[Int(value)]) }
        var low = 0
        var high = astralScalars.count
        while low < high {
            let mid = (low + high) >> 1
            if astralScalars[mid] == value { return astralSymbols[mid] }
            if astralScalars[mid] < value { low = mid + 1 } else { high = mid }
        }
        return 0
    }

    private func transition(_ state: Int32, _ symbol: UInt32) -> Int32? {
        if state == 0 {
            let next = rootNext[Int(symbol)]
            return next == 0 ? nil : next
        }
        var low = Int(edgeStart[Int(state)])
        var high = Int(edgeStart[Int(state) + 1])
        while low < high {
            let mid = (low + high) >> 1
            let s = edgeSymbols[mid]
            if s == symbol { return edgeTargets[mid] }
            if s < symbol { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Every occurrence of every pattern, in order of end offset.
    public func allMatches(in text: UnsafeBufferPointer<Unicode.Scalar>) -> [Match] {
        var matches: [Match] = []
        // Unsafe buffers in the loop: no bounds checks or retains on the automaton's arrays.
        bmpSymbol.withUnsafeBufferPointer { bmpSymbol in
        rootNext.withUnsafeBufferPointer { rootNext in
        states.withUnsafeBufferPointer { states in
        edges.withUnsafeBufferPointer { edges in
        output.withUnsafeBufferPointer { output in
        outputLink.withUnsafeBufferPointer { outputLink in
        depth.withUnsafeBufferPointer { depth in
            var state: Int32 = 0
            for index in 0..<text.count {
                let value = text[index].value
                let symbol = value < 0x10000 ? UInt32(bmpSymbol[Int(value)]) : self.symbol(of: text[index])
                if symbol == 0 {
                    // In no pattern: nothing can match across it.
                    state = 0
                    continue
                }
                while true {
                    if state == 0 {
                        state = rootNext[Int(symbol)]
                        break
                    }
                    let record = states[Int(state)]
                    var low = Int(record.edgeStart)
                    var high = Int(record.edgeEnd)
                    var next: Int32 = -1
                    while low < high {
                        let mid = (low + high) >> 1
                        let edge = edges[mid]
                        if edge.symbol == symbol {
                            next = edge.target
                            break
                        }
                        if edge.symbol < symbol { low = mid + 1 } else { high = mid }
                    }
                    if next >= 0 {
                        state = next
                        break
                    }
                    state = record.fail
                }
                var hit = states[Int(state)].firstHit
                while hit != 0 {
                    let length = Int(depth[Int(hit)])
                    matches.append(Match(start: index + 1 - length, end: index + 1, pattern: Int(output[Int(hit)])))
                    hit = outputLink[Int(hit)]
                }
            }
        }}}}}}}
        return matches
    }

    public func allMatches(in scalars: [Unicode.Scalar]) -> [Match] {
        scalars.withUnsafeBufferPointer { allMatches(in: $0) }
    }

    /// Non-overlapping matches, chosen leftmost first and, at one start, longest first.
    public func leftmostLongest(in scalars: [Unicode.Scalar]) -> [Match] {
        PhraseMatcher.leftmostLongest(allMatches(in: scalars))
    }

    /// Keeps, from any set of matches, the leftmost-longest non-overlapping ones.
    public static func leftmostLongest(_ matches: [Match]) -> [Match] {
        var kept: [Match] = []
        var covered = 0
        for match in matches.sorted() where match.start >= covered {
            kept.append(match)
            covered = match.end
        }
        return kept
    }
}
