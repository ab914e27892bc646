import Foundation

/// The (cell, article id) pairs behind the town × mechanism summary — the one part of a run's
/// state that grows with the archive. Pairs gather in memory; with a spill folder, every
/// `runLimit` bytes of them are sorted (by cell, then article id) and written out as a run file,
/// so memory stays flat however many articles there are. Before the summary is written, the runs
/// are merged into one file ordered by cell, with one small index (offset and size per cell).
///
/// ```swift
/// let entries = CellEntries(spillFolder: "out/.bulletin-partial/cells")
/// try entries.add(cell: 3, id: "2024-01-05_xinhai#2")
/// try entries.ids(of: 3)   // ["2024-01-05_xinhai#2"], in id order
/// ```
public final class CellEntries: @unchecked Sendable {
    /// In memory: each pair as cell number and a range of `idBytes`.
    private var cells: [Int32] = []
    private var idEnds: [Int32] = []
    private var idBytes: [UInt8] = []
    private let spillFolder: String?
    /// Run files written so far: lines `cell<TAB>id`, sorted.
    private var runs: [String] = []
    /// After `merge`: the merged file (ids grouped by cell, one a line) and where each cell's are.
    private var merged: (path: String, offsets: [Int64], sizes: [Int32])? = nil
    /// The pairs in memory grouped by cell, built when ids are first asked for without runs.
    private var memoryGroups: [Int32: [Int]]? = nil
    /// Bytes of pairs held before a run is written (ids plus 8 bytes a pair).
    let runLimit: Int

    public init(spillFolder: String? = nil, runLimit: Int = 1 << 20) {
        self.spillFolder = spillFolder
        self.runLimit = runLimit
    }

    deinit {
        for run in runs { unlink(run) }
        if let merged { unlink(merged.path) }
    }

    public func add(cell: Int32, id: String) throws(OutputError) {
        memoryGroups = nil
        merged = nil
        cells.append(cell)
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(Int32(idBytes.count))
        if spillFolder != nil, idBytes.count + 8 * cells.count >= runLimit { try spill() }
    }

    private func idSlice(_ k: Int) -> ArraySlice<UInt8> {
        idBytes[(k == 0 ? 0 : Int(idEnds[k - 1]))..<Int(idEnds[k])]
    }

    /// Sorts the pairs in memory and writes them as one run.
    private func spill() throws(OutputError) {
        guard let spillFolder, !cells.isEmpty else { return }
        let order = cells.indices.sorted { a, b in
            cells[a] != cells[b] ? cells[a] < cells[b] : ArticleID.precedes(idSlice(a), idSlice(b))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(idBytes.count + 12 * cells.count)
        for k in order {
            bytes.append(contentsOf: String(cells[k]).utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: idSlice(k))
            bytes.append(0x0A)
        }
        do {
            try FileManager.default.createDirectory(atPath: spillFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(folder: spillFolder, error: error)
        }
        let path = spillFolder + "/cells-\(runs.count).run"
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
        runs.append(path)
        cells.removeAll(keepingCapacity: true)
        idEnds.removeAll(keepingCapacity: true)
        idBytes.removeAll(keepingCapacity: true)
    }

    /// Merges the runs (and what is still in memory) into one file grouped by cell.
    private func merge(cellCount: Int) throws(OutputError) {
        guard let spillFolder else { return }
        try spill()
        let readers = try runs.map { (run: String) throws(OutputError) in try RunReader(path: run) }
        let path = spillFolder + "/cells-merged"
        let file = try AtomicFile(path: path)
        var offsets = [Int64](repeating: 0, count: cellCount)
        var sizes = [Int32](repeating: 0, count: cellCount)
        var written: Int64 = 0
        // A binary min-heap of the readers by their head: a merge of 150 runs (1 GB of input)
        // costs log 150 comparisons an entry, not 150.
        let precedes = { (a: Int, b: Int) -> Bool in
            guard let x = readers[a].head else { return false }
            guard let y = readers[b].head else { return true }
            return x.cell != y.cell ? x.cell < y.cell : ArticleID.precedes(x.id[...], y.id[...])
        }
        var heap = readers.indices.filter { readers[$0].head != nil }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                var smallest = parent
                let left = 2 * parent + 1
                if left < heap.count, precedes(heap[left], heap[smallest]) { smallest = left }
                if left + 1 < heap.count, precedes(heap[left + 1], heap[smallest]) { smallest = left + 1 }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        var line: [UInt8] = []
        while let b = heap.first, let head = readers[b].head {
            let cell = Int(head.cell)
            if cell < cellCount {
                if sizes[cell] == 0 { offsets[cell] = written }
                sizes[cell] += Int32(head.id.count + 1)
            }
            line.removeAll(keepingCapacity: true)
            line += head.id
            line.append(0x0A)
            try file.write(line)
            written += Int64(head.id.count + 1)
            try readers[b].advance()
            if readers[b].head == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            siftDown(0)
        }
        try file.commit()
        for run in runs { unlink(run) }
        runs = []
        merged = (path, offsets, sizes)
    }

    /// A cell's article ids, in id order.
    /// - Parameter cellCount: how many cells there are (cells are numbered from 0).
    public func ids(of cell: Int32, cellCount: Int) throws(OutputError) -> [ArraySlice<UInt8>] {
        if !runs.isEmpty { try merge(cellCount: cellCount) }
        if let merged {
            let size = Int(cell) < merged.sizes.count ? Int(merged.sizes[Int(cell)]) : 0
            guard size > 0 else { return [] }
            let descriptor = open(merged.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: merged.path, reason: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: size)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, size, off_t(merged.offsets[Int(cell)])) }
            guard read == size else { throw OutputError(path: merged.path, reason: "cannot read back the summary's spilled entries") }
            return buffer.split(separator: 0x0A)
        }
        if memoryGroups == nil {
            var groups: [Int32: [Int]] = [:]
            for (k, c) in cells.enumerated() { groups[c, default: []].append(k) }
            memoryGroups = groups
        }
        return (memoryGroups![cell] ?? []).map(idSlice).sorted(by: ArticleID.precedes)
    }
}

/// Reads a run file line by line (`cell<TAB>id`) through one 8 KiB buffer: a merge holds one
/// reader per run, so the buffers are what the merge costs in memory.
private final class RunReader {
    let path: String
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 13)
    private var start = 0
    private var end = 0
    private var atEnd = false
    private(set) var head: (cell: Int32, id: [UInt8])? = nil

    init(path: String) throws(OutputError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        try advance()
    }

    deinit { close(descriptor) }

    func advance() throws(OutputError) {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                guard let tab = line.firstIndex(of: 0x09), let cell = Int32(String(decoding: line[..<tab], as: UTF8.self)) else {
                    throw OutputError(path: path, reason: "a spilled summary entry is damaged")
                }
                head = (cell, Array(line[(tab + 1)...]))
                return
            }
            if atEnd {
                head = nil
                return
            }
            // Keep the unfinished line, at the front, and fill the rest.
            buffer.withUnsafeMutableBytes { raw in
                if start > 0, end > start { raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start) }
            }
            end -= start
            start = 0
            if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }  // a line longer than the buffer
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if count < 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { atEnd = true } else { end += count }
        }
    }
}
