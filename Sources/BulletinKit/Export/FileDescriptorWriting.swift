import Foundation

/// Writes all of a byte buffer to a file descriptor, retrying short writes and interrupted
/// calls: what the output folder's streamed files and its progress log both need.
enum FileDescriptorWriting {
    /// - Throws: `OutputError` naming `path` with the system's reason.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
