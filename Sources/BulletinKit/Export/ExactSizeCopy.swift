/// Rendered records and rows wait in memory until their file's turn to be written; the byte
/// buffers they were built in grew by doubling, so they are kept as exact-size copies.
extension [UInt8] {
    /// A copy without the spare capacity an array grown by appending keeps.
    func exactSizeCopy() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = withUnsafeBufferPointer { buffer.initialize(from: $0).1 }
        }
    }
}
