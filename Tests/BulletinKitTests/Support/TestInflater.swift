/// Inflates what `Deflate` writes, written for the tests from RFC 1951 and independent of it:
/// stored blocks and blocks with the fixed Huffman codes (dynamic tables are not needed here and
/// are an error).
struct TestInflater {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let input: [UInt8]
    private var bit = 0

    static func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var inflater = TestInflater(input: input)
        return try inflater.run()
    }

    private init(input: [UInt8]) { self.input = input }

    private mutating func bits(_ count: Int) throws -> Int {
        var value = 0
        for i in 0..<count {
            guard bit >> 3 < input.count else { throw Failure(description: "ran out of input") }
            value |= Int(input[bit >> 3] >> UInt8(bit & 7) & 1) << i
            bit += 1
        }
        return value
    }

    /// A Huffman code's bits, most significant first.
    private mutating func code(_ count: Int, after prefix: Int = 0) throws -> Int {
        var value = prefix
        for _ in 0..<count { value = value << 1 | (try bits(1)) }
        return value
    }

    private mutating func literalOrLength() throws -> Int {
        let seven = try code(7)
        if seven <= 0b0010111 { return 256 + seven }
        let eight = try code(1, after: seven)
        if (0x30...0xBF).contains(eight) { return eight - 0x30 }
        if (0xC0...0xC7).contains(eight) { return 280 + eight - 0xC0 }
        let nine = try code(1, after: eight)
        guard (0x190...0x1FF).contains(nine) else { throw Failure(description: "bad code \(nine)") }
        return 144 + nine - 0x190
    }

    private mutating func run() throws -> [UInt8] {
        let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        var out: [UInt8] = []
        var final = 0
        while final == 0 {
            final = try bits(1)
            switch try bits(2) {
            case 0:
                bit = (bit + 7) & ~7
                let length = try bits(16)
                guard try bits(16) == length ^ 0xFFFF else { throw Failure(description: "bad stored length") }
                guard bit >> 3 + length <= input.count else { throw Failure(description: "stored block runs past the end") }
                out += input[bit >> 3..<bit >> 3 + length]
                bit += length * 8
            case 1:
                while true {
                    let symbol = try literalOrLength()
                    if symbol < 256 {
                        out.append(UInt8(symbol))
                        continue
                    }
                    if symbol == 256 { break }
                    guard symbol - 257 < lengthBases.count else { throw Failure(description: "bad length symbol") }
                    let length = lengthBases[symbol - 257] + (try bits(lengthExtra[symbol - 257]))
                    let distanceCode = try code(5)
                    guard distanceCode < 30 else { throw Failure(description: "bad distance code") }
                    // Distance bases: 1, 2, 3, 4, then each pair of codes doubles.
                    let extra = distanceCode < 4 ? 0 : distanceCode / 2 - 1
                    let base = distanceCode < 4 ? distanceCode + 1 : (1 << (extra + 1)) + 1 + (distanceCode & 1) << extra
                    let distance = base + (try bits(extra))
                    guard distance <= out.count else { throw Failure(description: "distance \(distance) before the start") }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default:
                throw Failure(description: "a block type the tests do not read")
            }
        }
        return out
    }
}
