extension ArticleRecord {
    /// Why a line is not an article record, named by the key at fault: `no key 'locations'`,
    /// `mechanisms.0.kind: Cannot initialize MechanismKind from invalid String value service`.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var reason: String

        public init(reason: String) {
            self.reason = reason
        }

        init(_ error: DecodingError) {
            func path(_ keys: [any CodingKey]) -> String {
                keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            }
            switch error {
            case .keyNotFound(let key, let context):
                reason = "no key '\(path(context.codingPath + [key]))'"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let at = path(context.codingPath)
                reason = (at.isEmpty ? "" : at + ": ") + context.debugDescription
            @unknown default:
                reason = "\(error)"
            }
        }

        public var description: String { reason }
    }
}
