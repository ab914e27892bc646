/// A command line the tool cannot run: an unknown option, a missing value or argument. Printed as
/// `bulletin: <message>` with the command's usage line, and exit status 2.
public struct UsageError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
