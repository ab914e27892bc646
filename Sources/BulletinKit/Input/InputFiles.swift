import Foundation

/// Expands the command line's inputs into the bulletin files to read, in a stable order: each
/// file as given, each directory's `*.txt` files recursively in sorted path order, and `-` for
/// standard input. Directory loops through symlinks are visited once.
public enum InputFiles {
    /// Lines longer than this are reported: no bulletin paragraph comes near it, so the file was
    /// probably extracted without line breaks.
    public static let longLineLimit = 64 * 1024

    /// One bulletin source.
    public enum Item: Sendable, Equatable {
        case file(String)
        case standardInput
    }

    /// The expansion, and the inputs that could not be expanded (a missing path, an unreadable
    /// directory), reported by the caller while the rest still runs.
    public static func expand(_ inputs: [String]) -> (items: InputList, problems: [InputError]) {
        var items = InputList()
        var problems: [InputError] = []
        var visitedDirectories = Set<DirectoryIdentity>()
        for input in inputs {
            if input == "-" {
                items.append(.standardInput)
                continue
            }
            var status = stat()
            guard stat(input, &status) == 0 else {
                problems.append(brokenLink(input) ?? .notFound(path: input))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                var found = InputList()
                var folderProblems: [InputError] = []
                collect(input, into: &found, problems: &folderProblems, visited: &visitedDirectories)
                items.append(contentsOf: found.sortedByPath())
                // In path order, like the files: the order `readdir` gives differs between disks.
                problems += folderProblems.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            } else {
                items.append(.file(input))
            }
        }
        return (items, problems)
    }

    /// A directory as the file system knows it, whatever path (or symlink) leads to it.
    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// The `*.txt` files under a directory, recursively, listed with `readdir` (the entry type
    /// comes with the name; only symlinks and file systems that do not tell are `stat`ed).
    private static func collect(
        _ directory: String, into found: inout InputList, problems: inout [InputError],
        visited: inout Set<DirectoryIdentity>
    ) {
        var status = stat()
        guard stat(directory, &status) == 0,
            visited.insert(DirectoryIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted
        else { return }
        guard let handle = opendir(directory) else {
            problems.append(.unreadable(path: directory, reason: "cannot list the directory"))
            return
        }
        defer { closedir(handle) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var subdirectories: [String] = []
        while let entry = readdir(handle) {
            let (name, type) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
                    (String(cString: $0), entry.pointee.d_type)
                }
            }
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            var isDirectory = Int32(type) == DT_DIR
            var isFile = Int32(type) == DT_REG
            if Int32(type) == DT_LNK || Int32(type) == DT_UNKNOWN {
                var target = stat()
                guard stat(path, &target) == 0 else {
                    // A dangling link or a link loop named like a bulletin is said, not skipped.
                    if hasTextExtension(name), let problem = brokenLink(path) { problems.append(problem) }
                    continue
                }
                isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                isFile = !isDirectory
            }
            if isDirectory {
                subdirectories.append(path)
            } else if isFile, hasTextExtension(name) {
                found.append(.file(path))
            }
        }
        for subdirectory in subdirectories {
            collect(subdirectory, into: &found, problems: &problems, visited: &visited)
        }
    }

    /// Why a path that `stat` cannot follow is a symbolic link that leads nowhere: a loop
    /// (`too many levels of symbolic links`) or a target that is gone (`broken symbolic link`);
    /// nil when the path itself does not exist.
    private static func brokenLink(_ path: String) -> InputError? {
        var status = stat()
        if stat(path, &status) != 0, errno == ELOOP {
            return .brokenLink(path: path, loop: true)
        }
        var link = stat()
        guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return .brokenLink(path: path, loop: false)
    }

    /// `.txt` in any case.
    private static func hasTextExtension(_ name: String) -> Bool {
        let tail = name.utf8.suffix(4)
        return tail.count == 4 && tail.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } == Array(".txt".utf8)
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
