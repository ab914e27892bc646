/// A multi-pattern matcher (Aho–Corasick) over UTF-8 bytes: built once from every lexicon phrase,
/// it finds all occurrences of all phrases in one pass over a text.
///
/// Patterns are byte strings; since UTF-8 is self-synchronising, a match of a whole-character
/// pattern always starts and ends on character boundaries. The automaton is stored flat
/// (sorted edge arrays per state, the root's 256 transitions as a table), so a gazetteer of
/// ~100,000 names builds in well under a second and scans at hundreds of MB/s.
///
/// ```swift
/// let matcher = PhraseMatcher(patterns: [Array("石港镇".utf8), Array("石港".utf8)])
/// matcher.leftmostLongest(in: Array("通州区石港镇北渡村".utf8))
/// // [Match(start: 9, end: 18, pattern: 0)]   byte offsets; the longer 石港镇 wins
/// ```
///
/// - Complexity: building is O(total pattern bytes · log σ); scanning is O(n + matches).
public struct PhraseMatcher: Sendable {
    /// One occurrence: byte offsets into the scanned text, end exclusive, and the pattern's index.
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
    private var edgeStart: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var rootNext = [Int32](repeating: 0, count: 256)
    private var fail: [Int32] = []
    /// The pattern a state spells, or -1.
    private var output: [Int32] = []
    /// The nearest state on the failure chain that spells a pattern, or 0.
    private var outputLink: [Int32] = []
    private var depth: [Int32] = []
    /// Full 256-entry rows for states with many children (the first bytes of CJK characters fan
    /// out 64 ways): `denseRow[state]` is the row's offset in `dense`, or -1. A row holds
    /// target + 1, 0 meaning no edge.
    private var denseRow: [Int32] = []
    private var dense: [Int32] = []
    static let denseThreshold = 12

    /// Builds the automaton. Empty patterns are ignored; duplicate patterns report the first index.
    public init(patterns: [[UInt8]]) {
        patternCount = patterns.count
        // 1. The trie, built from the patterns in byte order: each pattern shares the path of its
        //    common prefix with the one before it, and a state's children are created in
        //    increasing byte order. No hash table: the gazetteer's 60,000 forms used to need a
        //    12 MB dictionary here, most of a run's peak memory.
        let order = patterns.indices.filter { !patterns[$0].isEmpty }.sorted { a, b in
            patterns[a].elementsEqual(patterns[b]) ? a < b : patterns[a].lexicographicallyPrecedes(patterns[b])
        }
        var stateOutput: [Int32] = [-1]
        var stateDepth: [Int32] = [0]
        var edgeParent: [Int32] = []
        var newEdgeBytes: [UInt8] = []
        var path: [Int32] = [0]
        var previous: [UInt8] = []
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
                newEdgeBytes.append(pattern[position])
                state = next
                path.append(next)
            }
            if stateOutput[Int(state)] < 0 { stateOutput[Int(state)] = Int32(index) }
            previous = pattern
        }
        let stateCount = stateOutput.count
        // 2. Flat edge lists, grouped by state (a stable counting sort keeps each state's bytes
        //    in increasing order). Edge k created state k + 1.
        edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        for parent in edgeParent { edgeStart[Int(parent) + 1] += 1 }
        for state in 0..<stateCount { edgeStart[state + 1] += edgeStart[state] }
        var fill = Array(edgeStart.dropLast())
        edgeBytes = [UInt8](repeating: 0, count: edgeParent.count)
        edgeTargets = [Int32](repeating: 0, count: edgeParent.count)
        for (k, parent) in edgeParent.enumerated() {
            let slot = Int(fill[Int(parent)])
            fill[Int(parent)] += 1
            edgeBytes[slot] = newEdgeBytes[k]
            edgeTargets[slot] = Int32(k + 1)
        }
        edgeParent = []
        newEdgeBytes = []
        output = stateOutput
        depth = stateDepth
        for e in Int(edgeStart[0])..<Int(edgeStart[1]) { rootNext[Int(edgeBytes[e])] = edgeTargets[e] }
        denseRow = [Int32](repeating: -1, count: stateCount)
        for state in 1..<max(stateCount, 1) {
            let from = Int(edgeStart[state])
            let to = Int(edgeStart[state + 1])
            guard to - from >= PhraseMatcher.denseThreshold else { continue }
            denseRow[state] = Int32(dense.count)
            var row = [Int32](repeating: 0, count: 256)
            for e in from..<to { row[Int(edgeBytes[e])] = edgeTargets[e] + 1 }
            dense += row
        }
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
                let byte = edgeBytes[e]
                var f = fail[Int(state)]
                var next: Int32 = 0
                while true {
                    if let target = transition(f, byte) {
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
    }

    @inline(__always)
    private func transition(_ state: Int32, _ byte: UInt8) -> Int32? {
        if state == 0 {
            let next = rootNext[Int(byte)]
            return next == 0 ? nil : next
        }
        var low = Int(edgeStart[Int(state)])
        var high = Int(edgeStart[Int(state) + 1])
        while low < high {
            let mid = (low + high) >> 1
            let b = edgeBytes[mid]
            if b == byte { return edgeTargets[mid] }
            if b < byte { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Every occurrence of every pattern, in order of end offset.
    public func allMatches(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        var matches: [Match] = []
        // Unsafe buffers in the loop: no bounds checks or retains on the automaton's arrays.
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        rootNext.withUnsafeBufferPointer { rootNext in
        denseRow.withUnsafeBufferPointer { denseRow in
        dense.withUnsafeBufferPointer { dense in
        fail.withUnsafeBufferPointer { fail in
        output.withUnsafeBufferPointer { output in
        outputLink.withUnsafeBufferPointer { outputLink in
        depth.withUnsafeBufferPointer { depth in
            var state: Int32 = 0
            for index in 0..<text.count {
                let byte = text[index]
                // bytes, not Characters: the scan is the hot loop of tagging
                while true {
                    if state == 0 {
                        state = rootNext[Int(byte)]
                        break
                    }
                    let row = denseRow[Int(state)]
                    if row >= 0 {
                        let target = dense[Int(row) + Int(byte)]
                        if target != 0 {
                            state = target - 1
                            break
                        }
                        state = fail[Int(state)]
                        continue
                    }
                    var low = Int(edgeStart[Int(state)])
                    var high = Int(edgeStart[Int(state) + 1])
                    var next: Int32 = -1
                    while low < high {
                        let mid = (low + high) >> 1
                        let b = edgeBytes[mid]
                        if b == byte {
                            next = edgeTargets[mid]
                            break
                        }
                        if b < byte { low = mid + 1 } else { high = mid }
                    }
                    if next >= 0 {
                        state = next
                        break
                    }
                    state = fail[Int(state)]
                }
                var hit = output[Int(state)] >= 0 ? state : outputLink[Int(state)]
                while hit != 0 {
                    let length = Int(depth[Int(hit)])
                    matches.append(Match(start: index + 1 - length, end: index + 1, pattern: Int(output[Int(hit)])))
                    hit = outputLink[Int(hit)]
                }
            }
        }}}}}}}}}}
        return matches
    }

    public func allMatches(in bytes: [UInt8]) -> [Match] {
        bytes.withUnsafeBufferPointer { allMatches(in: $0) }
    }

    /// Non-overlapping matches, chosen leftmost first and, at one start, longest first.
    public func leftmostLongest(in bytes: [UInt8]) -> [Match] {
        PhraseMatcher.leftmostLongest(allMatches(in: bytes))
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
