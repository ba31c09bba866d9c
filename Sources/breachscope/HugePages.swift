#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for the scan's memory.
///
/// A first scan of a dense leak grows a few hundred MB of arrays (the writer's values in id
/// order, the record table, the resolver's tables), and with 4 KiB pages every new page is a
/// page fault: ~150,000 of them on the 1M-person benchmark, about a seventh of its CPU time. Where
/// the kernel gives huge pages only on request (`transparent_hugepage/enabled` = `madvise`, the
/// Debian default), glibc's malloc asks for them when its `glibc.malloc.hugetlb=1` tunable is
/// set. Tunables are read when the process starts, so `scan` and `review accept|reject` (which
/// re-resolve every person) start themselves again, once, with the tunable added to
/// `GLIBC_TUNABLES` (same process id, same arguments, nothing opened or parsed yet: the check is
/// the first thing `BreachScopeCommand.main` does).
///
/// Measured on the dense-wide benchmark (alternating runs): page faults 150k → 51k–56k, system
/// time 0.95 → 0.55 s, wall time −0.2 to −0.45 s; sparse −0.4 s; peak RSS unchanged (±5 %).
///
/// Not done when the variable already names the tunable (a user's `glibc.malloc.hugetlb=0`
/// turns it off), when the kernel gives huge pages always or never, or off glibc. If the new
/// start fails the scan goes on in this process as before.
enum HugePages {
    static let tunable = "glibc.malloc.hugetlb=1"

    /// Whether `arguments` (the program's, its name first) run a command that restarts:
    /// `scan`, `review accept` and `review reject`.
    static func restartsFor(_ arguments: [String]) -> Bool {
        guard arguments.count > 1 else { return false }
        if arguments[1] == "scan" { return true }
        return arguments[1] == "review" && arguments.count > 2 && (arguments[2] == "accept" || arguments[2] == "reject")
    }

    static func restartWithHugePagesIfUseful() {
        #if os(Linux) && canImport(Glibc)
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        guard !current.contains("glibc.malloc.hugetlb"), kernelGivesHugePagesOnRequest() else { return }
        setenv("GLIBC_TUNABLES", current.isEmpty ? tunable : current + ":" + tunable, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }

    /// `[madvise]` is the selected mode in `/sys/kernel/mm/transparent_hugepage/enabled`.
    private static func kernelGivesHugePagesOnRequest() -> Bool {
        #if os(Linux) && canImport(Glibc)
        guard let f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(f) }
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, Int32(buffer.count), f) != nil else { return false }
        let line = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return line.contains("[madvise]")
        #else
        return false
        #endif
    }
}
