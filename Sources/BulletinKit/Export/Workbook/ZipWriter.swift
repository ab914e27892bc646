/// A ZIP archive written front to back into a sink (an `AtomicFile`, a byte array), then its
/// central directory and end record. An entry is either added whole — deflated (`Deflate`) when
/// that makes it smaller, else stored, its CRC-32 and sizes in its local header — or streamed
/// piece by piece, deflated, its CRC-32 and sizes in a data descriptor after its data (so a sheet
/// of a million rows never has to be in memory at once). Names are flagged UTF-8. Every entry
/// has the same fixed time stamp (1980-01-01 00:00), so the same contents give the same bytes.
///
/// ```swift
/// var zip = ZipWriter(path: "out.xlsx") { bytes in try file.write(bytes) }
/// try zip.add("xl/workbook.xml", Array(xml.utf8), compress: true)
/// try zip.beginEntry("xl/worksheets/sheet1.xml")
/// try zip.writeEntry(firstRows); try zip.writeEntry(moreRows)
/// try zip.endEntry()
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
    /// The entry being streamed.
    private var open: (name: [UInt8], offset: UInt64, crc: CRC32, size: UInt64, compressed: UInt64, deflate: Deflate.Stream)?

    public init(path: String, sink: @escaping ([UInt8]) throws(OutputError) -> Void) {
        self.path = path
        self.sink = sink
    }

    /// 1980-01-01 00:00 in MS-DOS form: the earliest time ZIP can say.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// Bit 11: the name is UTF-8.
    private static let utf8Flag: UInt16 = 0x0800
    /// Bit 3: CRC-32 and sizes follow the data, in a data descriptor.
    private static let descriptorFlag: UInt16 = 0x0008
    private static let limit: UInt64 = 0xFFFF_FFFF

    /// Appends one entry: deflated when `compress` is set and that makes it smaller, else stored.
    public mutating func add(_ name: String, _ data: [UInt8], compress: Bool = false) throws(OutputError) {
        precondition(!finished && open == nil, "ZipWriter: add after finish or inside a streamed entry")
        let nameBytes = try checkedName(name)
        guard UInt64(data.count) < ZipWriter.limit else { throw tooLarge(name) }
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
        let fields = Fields(
            flags: ZipWriter.utf8Flag, method: method, crc: crc, compressed: UInt32(stored.count), size: UInt32(data.count))
        recordInDirectory(nameBytes, fields, localOffset: UInt32(offset))
        try emit(localHeader(nameBytes, fields))
        try emit(stored)
        count += 1
    }

    /// Opens a streamed, deflated entry; `writeEntry` feeds it, `endEntry` closes it.
    public mutating func beginEntry(_ name: String) throws(OutputError) {
        precondition(!finished && open == nil, "ZipWriter: beginEntry after finish or inside a streamed entry")
        let nameBytes = try checkedName(name)
        let fields = Fields(flags: ZipWriter.utf8Flag | ZipWriter.descriptorFlag, method: 8, crc: 0, compressed: 0, size: 0)
        open = (nameBytes, offset, CRC32(), 0, 0, Deflate.Stream())
        try emit(localHeader(nameBytes, fields))
    }

    /// Appends `bytes` to the streamed entry.
    public mutating func writeEntry(_ bytes: [UInt8]) throws(OutputError) {
        guard var entry = open else { preconditionFailure("ZipWriter: writeEntry outside an entry") }
        open = nil  // mutated as a local: no copy of its window on every write
        entry.crc.update(bytes)
        entry.size += UInt64(bytes.count)
        let deflated = entry.deflate.write(bytes)
        entry.compressed += UInt64(deflated.count)
        guard entry.size < ZipWriter.limit, entry.compressed < ZipWriter.limit else {
            throw tooLarge(String(decoding: entry.name, as: UTF8.self))
        }
        open = entry
        try emit(deflated)
    }

    /// Ends the streamed entry with its data descriptor.
    public mutating func endEntry() throws(OutputError) {
        guard var entry = open else { preconditionFailure("ZipWriter: endEntry outside an entry") }
        open = nil
        let last = entry.deflate.finish()
        entry.compressed += UInt64(last.count)
        guard entry.compressed < ZipWriter.limit, entry.offset < ZipWriter.limit else {
            throw tooLarge(String(decoding: entry.name, as: UTF8.self))
        }
        try emit(last)
        let fields = Fields(
            flags: ZipWriter.utf8Flag | ZipWriter.descriptorFlag, method: 8, crc: entry.crc.value,
            compressed: UInt32(entry.compressed), size: UInt32(entry.size))
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4B50)
        descriptor.le32(fields.crc)
        descriptor.le32(fields.compressed)
        descriptor.le32(fields.size)
        try emit(descriptor)
        recordInDirectory(entry.name, fields, localOffset: UInt32(entry.offset))
        count += 1
    }

    /// Writes the central directory and the end record; the archive is complete.
    public mutating func finish() throws(OutputError) {
        precondition(!finished && open == nil, "ZipWriter: finish twice or inside a streamed entry")
        guard offset < ZipWriter.limit, UInt64(directory.count) < ZipWriter.limit else {
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

    private struct Fields {
        var flags: UInt16
        var method: UInt16
        var crc: UInt32
        var compressed: UInt32
        var size: UInt32
    }

    private func checkedName(_ name: String) throws(OutputError) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        guard offset < ZipWriter.limit, nameBytes.count <= 0xFFFF else { throw tooLarge(name) }
        guard count < 0xFFFF else {
            throw OutputError(path: path, reason: "too many parts for a ZIP archive (over 65,535)")
        }
        return nameBytes
    }

    private func tooLarge(_ name: String) -> OutputError {
        OutputError(path: path, reason: "\(name) is too large for a ZIP archive without ZIP64 (over 4 GiB)")
    }

    private func localHeader(_ name: [UInt8], _ fields: Fields) -> [UInt8] {
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)  // version needed: 2.0 (deflate)
        header.le16(fields.flags)
        header.le16(fields.method)
        header.le16(ZipWriter.dosTime)
        header.le16(ZipWriter.dosDate)
        header.le32(fields.crc)
        header.le32(fields.compressed)
        header.le32(fields.size)
        header.le16(UInt16(name.count))
        header.le16(0)  // no extra field
        return header + name
    }

    private mutating func recordInDirectory(_ name: [UInt8], _ fields: Fields, localOffset: UInt32) {
        directory.le32(0x0201_4B50)
        directory.le16(20)  // made by: 2.0, MS-DOS attributes
        directory.le16(20)
        directory.le16(fields.flags)
        directory.le16(fields.method)
        directory.le16(ZipWriter.dosTime)
        directory.le16(ZipWriter.dosDate)
        directory.le32(fields.crc)
        directory.le32(fields.compressed)
        directory.le32(fields.size)
        directory.le16(UInt16(name.count))
        directory.le16(0)  // extra
        directory.le16(0)  // comment
        directory.le16(0)  // disk
        directory.le16(0)  // internal attributes
        directory.le32(0)  // external attributes
        directory.le32(localOffset)
        directory += name
    }

    private mutating func emit(_ bytes: [UInt8]) throws(OutputError) {
        guard !bytes.isEmpty else { return }
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
