extension StringProtocol {
    /// Number of Unicode scalars, the unit all offsets in an article record count in: the
    /// UTF-8 bytes that start a scalar, counted (the scalar view decodes each one to count it).
    var scalarCount: Int {
        ByteSearch.bytes(of: self) { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            return count
        }
    }

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
            let count = scalarCount
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

extension String {
    /// A string of the given scalars, encoded straight into its UTF-8 storage.
    ///
    /// `String(scalars: slice)` appends scalar by scalar through the generic
    /// path; the taggers build every mention's surface this way.
    ///
    /// ```swift
    /// String(scalars: "在⻄塘镇".scalarArray[1...])   // "⻄塘镇"
    /// ```
    init(scalars: some Collection<Unicode.Scalar>) {
        var length = 0
        for scalar in scalars { length &+= UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case ..<0x80:
                    buffer[index] = UInt8(value)
                    index &+= 1
                case ..<0x800:
                    buffer[index] = UInt8(0xC0 | value >> 6)
                    buffer[index + 1] = UInt8(0x80 | value & 0x3F)
                    index &+= 2
                case ..<0x10000:
                    buffer[index] = UInt8(0xE0 | value >> 12)
                    buffer[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | value & 0x3F)
                    index &+= 3
                default:
                    buffer[index] = UInt8(0xF0 | value >> 18)
                    buffer[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[index + 3] = UInt8(0x80 | value & 0x3F)
                    index &+= 4
                }
            }
            return index
        }
    }
}
