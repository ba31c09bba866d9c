@testable import BreachScope
import FuzzSupport

/// Text reader (labelled lines, blocks, long lines cut into pieces).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runStream(data, size) { TextReader(limits: fuzzLimits) }
    _ = TextReader.splitLabel(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzText_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzText_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
