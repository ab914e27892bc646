/// CRC-32 (IEEE 802.3, the polynomial ZIP uses), computed a byte at a time from a 256-entry table.
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8))   // 0xCBF43926
/// var crc = CRC32()
/// crc.update(Array("三所".utf8)); crc.update(Array("联动".utf8))
/// crc.value == CRC32.checksum(Array("三所联动".utf8))   // true: pieces give the same sum
/// ```
public struct CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The checksum of everything given so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var c = state
        CRC32.table.withUnsafeBufferPointer { table in
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        state = c
    }

    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
