/// A ZIP archive written front to back into a sink (an `AtomicFile`, a byte array): each entry
/// deflated (`Deflate`) or stored as is, with its CRC-32 and sizes in its local header, then the
/// central directory and the end record. Names are flagged UTF-8. Every entry
/// has the same fixed time stamp (1980-01-01 00:00), so the same contents give the same bytes.
///
/// ```swift
/// var zip = ZipWriter(path: "out.xlsx") { bytes in try file.write(bytes) }
/// try zip.add("xl/workbook.xml", Array(xml.utf8))
/// try zip.finish()
/// ```
///
/// No ZIP64: an entry or an archive past 4 GiB, or more than 65,535 entries, is an error that
/// names the file, never a corrupt archive.
public struct ZipWriter {
    /// The file the archive is for, named in errors.
    public let path: String
    private let sink: ([UInt8]) throws(OutputError) -> Void
    private var offset: UInt64 = 0
    private var directory: [UInt8] = []
    private var count = 0
    private var finished = false

    public init(path: String, sink: @escaping ([UInt8]) throws(OutputError) -> Void) {
        self.path = path
        self.sink = sink
    }

    /// 1980-01-01 00:00 in MS-DOS form: the earliest time ZIP can say.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Bit 11: the name is UTF-8.
    private static let utf8Flag: UInt16 = 0x0800

    /// Appends one entry: deflated when `compress` is set and that makes it smaller, else stored.
    public mutating func add(_ name: String, _ data: [UInt8], compress: Bool = false) throws(OutputError) {
        precondition(!finished, "ZipWriter: add after finish")
        let nameBytes = Array(name.utf8)
        guard data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF, nameBytes.count <= 0xFFFF else {
            throw OutputError(path: path, reason: "\(name) is too large for a ZIP archive without ZIP64 (over 4 GiB)")
        }
        guard count < 0xFFFF else {
            throw OutputError(path: path, reason: "too many parts for a ZIP archive (over 65,535)")
        }
        let crc = CRC32.checksum(data)
        var stored = data
        var method: UInt16 = 0
        if compress {
            let deflated = Deflate.compress(data)
            if deflated.count < data.count {
                stored = deflated
                method = 8
            }
        }
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)  // version needed: 2.0
        header.le16(ZipWriter.utf8Flag)
        header.le16(method)
        header.le16(ZipWriter.dosTime)
        header.le16(ZipWriter.dosDate)
        header.le32(crc)
        header.le32(UInt32(stored.count))
        header.le32(UInt32(data.count))
        header.le16(UInt16(nameBytes.count))
        header.le16(0)  // no extra field
        header += nameBytes

        directory.le32(0x0201_4B50)
        directory.le16(20)  // made by: 2.0, MS-DOS attributes
        directory.le16(20)
        directory.le16(ZipWriter.utf8Flag)
        directory.le16(method)
        directory.le16(ZipWriter.dosTime)
        directory.le16(ZipWriter.dosDate)
        directory.le32(crc)
        directory.le32(UInt32(stored.count))
        directory.le32(UInt32(data.count))
        directory.le16(UInt16(nameBytes.count))
        directory.le16(0)  // extra
        directory.le16(0)  // comment
        directory.le16(0)  // disk
        directory.le16(0)  // internal attributes
        directory.le32(0)  // external attributes
        directory.le32(UInt32(offset))
        directory += nameBytes

        try emit(header)
        try emit(stored)
        count += 1
    }

    /// Writes the central directory and the end record; the archive is complete.
    public mutating func finish() throws(OutputError) {
        precondition(!finished, "ZipWriter: finish twice")
        guard offset < 0xFFFF_FFFF, directory.count < 0xFFFF_FFFF else {
            throw OutputError(path: path, reason: "the archive is too large for ZIP without ZIP64 (over 4 GiB)")
        }
        let directoryOffset = UInt32(offset)
        var end: [UInt8] = []
        end.le32(0x0605_4B50)
        end.le16(0)  // this disk
        end.le16(0)  // the disk the directory starts on
        end.le16(UInt16(count))
        end.le16(UInt16(count))
        end.le32(UInt32(directory.count))
        end.le32(directoryOffset)
        end.le16(0)  // no comment
        try emit(directory)
        try emit(end)
        finished = true
    }

    private mutating func emit(_ bytes: [UInt8]) throws(OutputError) {
        try sink(bytes)
        offset += UInt64(bytes.count)
    }
}

extension [UInt8] {
    /// Appends little-endian integers, as ZIP stores them.
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
