import Foundation

/// Seconds spent per phase of a long computation, printed to stderr when `BREACHSCOPE_TRACE` is
/// set (phase names and times only: nothing from the data). For finding where a run's time goes
/// without a profiler.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["BREACHSCOPE_TRACE"] != nil
    private var last = Date()
    private let label: String

    init(_ label: String) { self.label = label }

    /// Ends the current phase under `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("\(label) \(name): \(String(format: "%.3f", now.timeIntervalSince(last))) s\n".utf8))
        last = now
    }
}
