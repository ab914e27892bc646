import Foundation

/// The mapper's input read a chunk at a time and cut into lines, so that a partition of any
/// size passes through bounded memory: what is held is one chunk and the line being cut, never
/// the stream. Whether bytes that are not UTF-8 are GB18030 is judged on the lines read so far
/// (most of the non-ASCII lines failing as UTF-8: a Windows export).
///
/// ```swift
/// let stream = JSONLinesStream(source: "stdin", place: "standard input", descriptor: 0)
/// while let line = stream.next() { … }   // line.number 1, 2, 3, …
/// ```
public final class JSONLinesStream: @unchecked Sendable {
    private let source: String
    private let place: String
    private let readChunk: () throws(InputError) -> [UInt8]
    private var pending: [UInt8] = []
    private var start = 0
    /// Where the search for the next `\n` goes on: a line longer than a chunk is not scanned again.
    private var scanned = 0
    private var ended = false
    private var number = 0
    private var nonASCII = 0
    private var notUTF8 = 0
    /// Lines handed out so far.
    public private(set) var linesRead = 0

    /// - Parameters:
    ///   - source: what the manifest's paths start with (`stdin`, or the file's path).
    ///   - place: how problems name the stream (`standard input`, or the file's path).
    ///   - readChunk: the next bytes, empty at the end.
    public init(source: String, place: String, readChunk: @escaping () throws(InputError) -> [UInt8]) {
        self.source = source
        self.place = place
        self.readChunk = readChunk
    }

    /// Reads the file descriptor `descriptor` 1 MiB at a time.
    public convenience init(source: String, place: String, descriptor: Int32) {
        self.init(source: source, place: place) { () throws(InputError) -> [UInt8] in
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw InputError.unreadable(path: place, reason: String(cString: strerror(errno)))
                }
                chunk.removeSubrange(count...)
                return chunk
            }
        }
    }

    /// The next line, or nil at the end of the stream.
    public func next() -> JSONLinesInput.Line? {
        while true {
            if let newline = pending[max(start, scanned)...].firstIndex(of: 0x0A) {
                let bytes = Array(pending[start..<newline])
                start = newline + 1
                scanned = start
                return line(bytes)
            }
            scanned = pending.count
            if ended {
                guard start < pending.count else { return nil }
                let bytes = Array(pending[start...])
                start = pending.count
                return line(bytes)
            }
            pending.removeSubrange(..<start)
            scanned -= start
            start = 0
            do {
                let chunk = try readChunk()
                if chunk.isEmpty { ended = true } else { pending += chunk }
            } catch {
                ended = true
                pending.removeAll()
                number += 1
                linesRead += 1
                return JSONLinesInput.Line(
                    source: source, place: "\(place), line \(number)", number: number, bytes: [], gb18030: false, readError: error)
            }
        }
    }

    private func line(_ bytes: [UInt8]) -> JSONLinesInput.Line {
        number += 1
        linesRead += 1
        if bytes.contains(where: { $0 >= 0x80 }) {
            nonASCII += 1
            var body = bytes[...]
            if number == 1, body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if String(validating: body, as: UTF8.self) == nil { notUTF8 += 1 }
        }
        return JSONLinesInput.Line(
            source: source, place: "\(place), line \(number)", number: number, bytes: bytes, gb18030: notUTF8 * 2 > nonASCII,
            readError: nil)
    }
}
