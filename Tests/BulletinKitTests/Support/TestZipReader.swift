@testable import BulletinKit

/// A ZIP reader written for the tests, independent of `ZipWriter`: finds the end record, walks
/// the central directory, and for each entry checks its local header against it, that it is
/// stored or deflated (`TestInflater`), flagged UTF-8, and that its bytes match the CRC-32 and
/// sizes recorded.
struct TestZipReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The entries in directory order, with their contents.
    let entries: [(name: String, data: [UInt8])]

    init(_ bytes: [UInt8]) throws {
        func u16(_ at: Int) throws -> Int {
            guard at + 2 <= bytes.count else { throw Failure(description: "truncated at \(at)") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw Failure(description: "shorter than an end record") }
        var end = bytes.count - 22
        while end >= 0, try u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw Failure(description: "no end of central directory record") }
        let count = try u16(end + 10)
        guard try u16(end + 8) == count else { throw Failure(description: "entry counts disagree") }
        let directorySize = try u32(end + 12)
        var at = try u32(end + 16)
        guard at + directorySize == end else { throw Failure(description: "central directory does not end at the end record") }
        var entries: [(String, [UInt8])] = []
        for _ in 0..<count {
            guard try u32(at) == 0x0201_4B50 else { throw Failure(description: "bad central header at \(at)") }
            let flags = try u16(at + 8), method = try u16(at + 10), crc = try u32(at + 16)
            let compressed = try u32(at + 20), size = try u32(at + 24)
            let nameLength = try u16(at + 28), extra = try u16(at + 30), comment = try u16(at + 32)
            let local = try u32(at + 42)
            let nameBytes = Array(bytes[at + 46..<at + 46 + nameLength])
            guard flags & 0x0800 != 0 else { throw Failure(description: "name not flagged UTF-8") }
            guard method == 0 && compressed == size || method == 8 else { throw Failure(description: "neither stored nor deflated") }
            // With bit 3 the local header holds zeros and a data descriptor follows the data.
            let described = flags & 0x0008 != 0
            guard try u32(local) == 0x0403_4B50, try u16(local + 6) == flags, try u16(local + 8) == method,
                try u32(local + 14) == (described ? 0 : crc), try u32(local + 18) == (described ? 0 : compressed),
                try u32(local + 22) == (described ? 0 : size),
                try u16(local + 26) == nameLength, Array(bytes[local + 30..<local + 30 + nameLength]) == nameBytes
            else { throw Failure(description: "local header disagrees with the directory") }
            let start = local + 30 + nameLength + (try u16(local + 28))
            guard start + compressed <= bytes.count else { throw Failure(description: "data runs past the end") }
            if described {
                let d = start + compressed
                guard try u32(d) == 0x0807_4B50, try u32(d + 4) == crc, try u32(d + 8) == compressed, try u32(d + 12) == size
                else { throw Failure(description: "data descriptor disagrees with the directory") }
            }
            let raw = Array(bytes[start..<start + compressed])
            let data = method == 8 ? try TestInflater.inflate(raw) : raw
            guard data.count == size else { throw Failure(description: "size \(data.count), recorded \(size)") }
            guard CRC32.checksum(data) == UInt32(crc) else { throw Failure(description: "CRC mismatch") }
            guard let name = String(validating: nameBytes, as: UTF8.self) else { throw Failure(description: "name not UTF-8") }
            entries.append((name, data))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    subscript(name: String) -> [UInt8]? { entries.first { $0.name == name }?.data }
}
