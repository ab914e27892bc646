import Foundation

/// Reads a file (or standard input) line by line in 1 MiB chunks, so a multi-gigabyte
/// `articles.jsonl` is merged with flat memory. Lines are handed over as UTF-8 bytes without
/// their `\n` (a `\r` before it is dropped too), numbered from 1.
///
/// ```swift
/// try LineReader.forEachLine(of: "out/articles.jsonl") { number, line in … }
/// ```
public enum LineReader {
    /// Calls `body` for each line of bytes already in memory.
    public static func forEachLine(in bytes: [UInt8], _ body: (Int, ArraySlice<UInt8>) throws -> Void) rethrows {
        var number = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var end = newline
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            number += 1
            try body(number, bytes[start..<end])
            start = newline + 1
        }
    }

    /// Calls `body` for each line of the file at `path` (`-` is standard input).
    /// - Throws: `InputError` when the file cannot be opened or read.
    public static func forEachLine(of path: String, _ body: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { if descriptor != 0 { close(descriptor) } }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var number = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            pending.append(contentsOf: chunk[..<count])
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                var end = newline
                if end > start, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                try body(number, pending[start..<end])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty {
            number += 1
            try body(number, pending[...])
        }
    }
}
