/// Raw DEFLATE (RFC 1951) for the workbook's parts: blocks with the fixed Huffman codes and
/// greedy LZ77 matching over a 32 KiB window (3-byte hash chains, at most `chainLimit` tries a
/// position). Sheet XML repeats itself so much (`</c><c r="…" t="inlineStr"><is><t …>`) that
/// this alone makes a sheet several times smaller, without dynamic Huffman tables.
///
/// ```swift
/// let xml = Array("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>斜土路街道</t></is></c></row>".utf8)
/// Deflate.compress(xml).count < xml.count   // true; `python3 -m zipfile -t` inflates it back
/// ```
enum Deflate {
    static let windowSize = 1 << 15
    static let minimumMatch = 3
    static let maximumMatch = 258
    static let chainLimit = 16
    private static let hashBits = 15

    static let lengthBases: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
        8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// For each match length 3…258: its symbol's index in `lengthBases`.
    private static let lengthIndex: [UInt8] = (0...maximumMatch).map { length in
        guard length >= minimumMatch else { return 0 }
        return UInt8(lengthBases.lastIndex { $0 <= length }!)
    }

    /// The whole of `input` as one DEFLATE stream.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = Stream()
        return stream.write(input) + stream.finish()
    }

    /// DEFLATE fed piece by piece, memory bounded by the piece and the 32 KiB window: each
    /// piece is one block whose matches may reach back into the pieces before it; `finish`
    /// ends the stream with an empty final block.
    ///
    /// ```swift
    /// var stream = Deflate.Stream()
    /// var out = stream.write(firstMegabyte)
    /// out += stream.write(secondMegabyte)
    /// out += stream.finish()   // inflates to firstMegabyte + secondMegabyte
    /// ```
    struct Stream {
        private var out = BitWriter()
        /// The last (up to) 32 KiB of input, for matches across pieces.
        private var history: [UInt8] = []

        /// Compresses `piece` as one block; returns the bytes completed so far.
        mutating func write(_ piece: [UInt8]) -> [UInt8] {
            guard !piece.isEmpty else { return [] }
            out.write(0, bits: 1)  // BFINAL: more blocks follow
            out.write(1, bits: 2)  // BTYPE 01: fixed Huffman codes
            let data = history + piece
            Deflate.compressBlock(data, from: history.count, to: &out)
            writeLiteralOrLength(256, to: &out)  // end of block
            history = Array(data.suffix(windowSize))
            return out.takeBytes()
        }

        /// Ends the stream; returns its last bytes.
        mutating func finish() -> [UInt8] {
            out.write(1, bits: 1)  // BFINAL
            out.write(1, bits: 2)
            writeLiteralOrLength(256, to: &out)
            history = []
            return out.finish()
        }
    }

    /// Matches and literals for `data[start...]`; `data[..<start]` is the window before it.
    private static func compressBlock(_ input: [UInt8], from start: Int, to out: inout BitWriter) {
        input.withUnsafeBufferPointer { data in
            let count = data.count
            var head = [Int32](repeating: -1, count: 1 << hashBits)
            var previous = [Int32](repeating: -1, count: windowSize)
            func hash(_ at: Int) -> Int {
                let value = Int(data[at]) << 16 | Int(data[at + 1]) << 8 | Int(data[at + 2])
                return (value &* 2_654_435_761) >> (32 - hashBits) & ((1 << hashBits) - 1)
            }
            func insert(_ at: Int) {
                guard at + minimumMatch <= count else { return }
                let h = hash(at)
                previous[at & (windowSize - 1)] = head[h]
                head[h] = Int32(at)
            }
            for at in 0..<start { insert(at) }
            var position = start
            while position < count {
                var bestLength = 0
                var bestDistance = 0
                if position + minimumMatch <= count {
                    var candidate = Int(head[hash(position)])
                    var tries = 0
                    let limit = min(maximumMatch, count - position)
                    while candidate >= 0, position - candidate <= windowSize, tries < chainLimit {
                        if bestLength == 0 || data[candidate + bestLength] == data[position + bestLength] {
                            var length = 0
                            while length < limit, data[candidate + length] == data[position + length] { length += 1 }
                            if length > bestLength {
                                bestLength = length
                                bestDistance = position - candidate
                                if length == limit { break }
                            }
                        }
                        let next = Int(previous[candidate & (windowSize - 1)])
                        // The chain slot may have been reused by a newer position: stop there.
                        guard next < candidate else { break }
                        candidate = next
                        tries += 1
                    }
                }
                if bestLength >= minimumMatch {
                    writeMatch(length: bestLength, distance: bestDistance, to: &out)
                    for at in position..<position + bestLength { insert(at) }
                    position += bestLength
                } else {
                    writeLiteralOrLength(Int(data[position]), to: &out)
                    insert(position)
                    position += 1
                }
            }
        }
    }

    private static func writeMatch(length: Int, distance: Int, to out: inout BitWriter) {
        let index = Int(lengthIndex[length])
        writeLiteralOrLength(257 + index, to: &out)
        out.write(UInt64(length - lengthBases[index]), bits: lengthExtra[index])
        var code = distanceBases.count - 1
        while distanceBases[code] > distance { code -= 1 }
        out.writeCode(UInt64(code), bits: 5)
        out.write(UInt64(distance - distanceBases[code]), bits: distanceExtra[code])
    }

    /// The fixed code of a literal/length symbol (RFC 1951, 3.2.6).
    private static func writeLiteralOrLength(_ symbol: Int, to out: inout BitWriter) {
        switch symbol {
        case 0...143: out.writeCode(UInt64(0x30 + symbol), bits: 8)
        case 144...255: out.writeCode(UInt64(0x190 + symbol - 144), bits: 9)
        case 256...279: out.writeCode(UInt64(symbol - 256), bits: 7)
        default: out.writeCode(UInt64(0xC0 + symbol - 280), bits: 8)
        }
    }

    /// Bits packed least significant first, as DEFLATE stores them.
    struct BitWriter {
        private var bytes: [UInt8] = []
        private var buffer: UInt64 = 0
        private var used = 0

        mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }

        /// A value's `bits` low bits, least significant first (extra bits, header fields).
        mutating func write(_ value: UInt64, bits: Int) {
            guard bits > 0 else { return }
            buffer |= value << UInt64(used)
            used += bits
            while used >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        /// A Huffman code, most significant bit first.
        mutating func writeCode(_ code: UInt64, bits: Int) {
            var reversed: UInt64 = 0
            for i in 0..<bits where code & (1 << UInt64(i)) != 0 { reversed |= 1 << UInt64(bits - 1 - i) }
            write(reversed, bits: bits)
        }

        /// The whole bytes written so far, handed over; a partial byte stays for the next bits.
        mutating func takeBytes() -> [UInt8] {
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }

        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            used = 0
            return bytes
        }
    }
}
