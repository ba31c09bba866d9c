@testable import BreachScope
import FuzzSupport

/// JSON and NDJSON reader (both on every input), and the format sniffer's JSON checker.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runStream(data, size) { JSONReader(lines: false, limits: fuzzLimits) }
    runStream(data, size) { JSONReader(lines: true, limits: fuzzLimits) }
    let all = UnsafeBufferPointer(start: data, count: size)
    _ = DocumentFormat.JSONSniffer.validPrefix(all, complete: true, single: true)
    _ = DocumentFormat.JSONSniffer.validPrefix(all, complete: false, single: true)
    _ = DocumentFormat.isNDJSON(all, complete: true)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzJSON_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzJSON_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
