@testable import BreachScope
import FuzzSupport

/// SQL dump reader (pg_dump COPY blocks, INSERTs, mysqldump multi-row INSERTs) and the dump sniffer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    runStream(data, size) { SQLDumpReader(limits: fuzzLimits) }
    _ = DocumentFormat.isSQLDump(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzSQL_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzSQL_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
