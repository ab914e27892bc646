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
    /// - Throws: `InputError.unreadable` with the system's reason.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path)
                ? "cannot open" : "permission denied"
            throw .unreadable(path: path, reason: reason)
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
