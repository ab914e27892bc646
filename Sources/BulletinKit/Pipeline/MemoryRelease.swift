#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the allocator holds but no longer uses back to the system.
///
/// glibc keeps freed blocks in each thread's arena for reuse; the workers of a long run free
/// articles of every size, and the holes between live blocks stay resident. `malloc_trim` hands
/// whole free pages back (`madvise(MADV_DONTNEED)`), so resident memory follows what the run
/// holds rather than what it once held. Called at each checkpoint (every 30 s), where its cost
/// — a walk over the arenas — does not show. (`malloc.h` is not in Swift's Glibc module, so the
/// function is looked up by name; elsewhere, or without it, this does nothing.)
enum MemoryRelease {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    static func returnFreePages() {
        _ = trim?(0)
    }
}
