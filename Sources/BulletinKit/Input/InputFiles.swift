import Foundation

/// Expands the command line's inputs into the bulletin files to read, in a stable order: each
/// file as given, each directory's `*.txt` files recursively in sorted path order, and `-` for
/// standard input. Directory loops through symlinks are visited once.
public enum InputFiles {
    /// One bulletin source.
    public enum Item: Sendable, Equatable {
        case file(String)
        case standardInput
    }

    /// The expansion, and the inputs that could not be expanded (a missing path, an unreadable
    /// directory), reported by the caller while the rest still runs.
    public static func expand(_ inputs: [String]) -> (items: [Item], problems: [InputError]) {
        var items: [Item] = []
        var problems: [InputError] = []
        var visitedDirectories = Set<String>()
        for input in inputs {
            if input == "-" {
                items.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                problems.append(.notFound(path: input))
                continue
            }
            if isDirectory.boolValue {
                var found: [String] = []
                collect(input, into: &found, problems: &problems, visited: &visitedDirectories)
                items += found.sorted(by: pathOrder).map(Item.file)
            } else {
                items.append(.file(input))
            }
        }
        return (items, problems)
    }

    private static func collect(
        _ directory: String, into found: inout [String], problems: inout [InputError],
        visited: inout Set<String>
    ) {
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append(.unreadable(path: directory, reason: "cannot list the directory"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                continue  // a dangling symlink
            }
            if isDirectory.boolValue {
                collect(path, into: &found, problems: &problems, visited: &visited)
            } else if name.lowercased().hasSuffix(".txt") {
                found.append(path)
            }
        }
    }

    /// Byte-wise path order, the same on every machine and locale.
    private static func pathOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Reads a whole file.
    /// - Throws: `InputError.unreadable` with the system's reason (a file removed since the
    ///   folder was listed reads "no such file — removed during the run?").
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ENOENT ? "no such file — removed during the run?" : String(cString: strerror(code))
            throw .unreadable(path: path, reason: reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        // Read to the end rather than trusting the size: a file may grow or shrink while it is read.
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }
}
