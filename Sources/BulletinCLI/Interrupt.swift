import Foundation

/// Ctrl-C (SIGINT) asks a run to stop between windows of files; a second Ctrl-C ends it at once.
/// The run then leaves no output file half-written: the temporary files are removed and the
/// previous outputs, if any, stay as they were.
enum Interrupt {
    nonisolated(unsafe) private static var requested: sig_atomic_t = 0

    static var wasRequested: Bool { requested != 0 }

    static func install() {
        // A parent may have spawned us with SIGINT blocked; unblock it so Ctrl-C reaches us.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in
            if Interrupt.requested != 0 { _exit(130) }
            Interrupt.requested = 1
        }
    }
}
