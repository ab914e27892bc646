import Foundation

/// The (cell, article id) pairs behind the town × mechanism summary — the one part of a run's
/// state that grows with the archive. Pairs gather in memory; with a spill folder, every
/// `runLimit` bytes of them are sorted (by cell, then article id) and written out as a run file,
/// so memory stays flat however many articles there are. A cell's ids are read back, from every
/// run and from memory, only when the summary is written.
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
    /// Written runs: file path and, per cell, where its ids are (offset, byte count).
    private var runs: [(path: String, index: [Int32: (offset: Int, count: Int)])] = []
    /// Bytes of pairs held before a run is written (ids plus 8 bytes a pair).
    let runLimit: Int
    /// The pairs in memory grouped by cell, built when ids are first asked for.
    private var memoryGroups: [Int32: [Int]]? = nil

    public init(spillFolder: String? = nil, runLimit: Int = 4 << 20) {
        self.spillFolder = spillFolder
        self.runLimit = runLimit
    }

    deinit {
        for run in runs { unlink(run.path) }
    }

    public func add(cell: Int32, id: String) throws(OutputError) {
        memoryGroups = nil
        cells.append(cell)
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(Int32(idBytes.count))
        if spillFolder != nil, idBytes.count + 8 * cells.count >= runLimit { try spill() }
    }

    private func idSlice(_ k: Int) -> ArraySlice<UInt8> {
        idBytes[(k == 0 ? 0 : Int(idEnds[k - 1]))..<Int(idEnds[k])]
    }

    /// Sorts the pairs in memory and writes them as one run: per pair, the id and a newline,
    /// grouped by cell.
    private func spill() throws(OutputError) {
        guard let spillFolder, !cells.isEmpty else { return }
        let order = cells.indices.sorted { a, b in
            cells[a] != cells[b] ? cells[a] < cells[b] : ArticleID.precedes(idSlice(a), idSlice(b))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(idBytes.count + cells.count)
        var index: [Int32: (offset: Int, count: Int)] = [:]
        var position = 0
        while position < order.count {
            let cell = cells[order[position]]
            let start = bytes.count
            while position < order.count, cells[order[position]] == cell {
                bytes.append(contentsOf: idSlice(order[position]))
                bytes.append(0x0A)
                position += 1
            }
            index[cell] = (start, bytes.count - start)
        }
        let path = spillFolder + "/cells-\(runs.count).run"
        do {
            try FileManager.default.createDirectory(atPath: spillFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: spillFolder, reason: "cannot create the folder")
        }
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
        runs.append((path, index))
        cells.removeAll(keepingCapacity: true)
        idEnds.removeAll(keepingCapacity: true)
        idBytes.removeAll(keepingCapacity: true)
    }

    /// A cell's article ids, in id order.
    public func ids(of cell: Int32) throws(OutputError) -> [ArraySlice<UInt8>] {
        if memoryGroups == nil {
            var groups: [Int32: [Int]] = [:]
            for (k, c) in cells.enumerated() { groups[c, default: []].append(k) }
            memoryGroups = groups
        }
        var found: [ArraySlice<UInt8>] = (memoryGroups![cell] ?? []).map(idSlice)
        for run in runs {
            guard let (offset, count) = run.index[cell] else { continue }
            let descriptor = open(run.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: run.path, reason: String(cString: strerror(errno))) }
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            close(descriptor)
            guard read == count else { throw OutputError(path: run.path, reason: "cannot read back the summary's spilled entries") }
            found += buffer.split(separator: 0x0A)
        }
        return found.sorted(by: ArticleID.precedes)
    }
}
