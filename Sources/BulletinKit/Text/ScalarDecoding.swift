extension StringProtocol {
    /// The text's Unicode scalars as an array, decoded straight from its UTF-8.
    ///
    /// `Array(text.unicodeScalars)` walks the text twice through the scalar view (once to count,
    /// once to copy), and every tagger turns each article into scalars: this is one counting pass
    /// over the bytes and one decoding pass. A Swift string is always valid UTF-8, so the
    /// decoding needs no checks.
    ///
    /// ```swift
    /// "镇·村".scalarArray   // ["镇", "·", "村"]
    /// ```
    var scalarArray: [Unicode.Scalar] {
        ByteSearch.bytes(of: self) { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let lead = UInt32(bytes[index])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index &+= 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index &+= 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index &+= 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index &+= 4
                    }
                    // Valid UTF-8 decodes to valid scalars only.
                    buffer[written] = Unicode.Scalar(value).unsafelyUnwrapped
                    written &+= 1
                }
                initialized = written
            }
        }
    }
}
