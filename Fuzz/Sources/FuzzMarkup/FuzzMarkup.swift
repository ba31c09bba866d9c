@testable import BreachScope
import FuzzSupport

/// The markup document readers: RTF, HTML/XHTML and generic XML (picked by the first byte),
/// whole and in random chunk sizes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    switch size > 0 ? data[0] % 3 : 0 {
    case 0: runStream(data, size) { RTFReader(limits: fuzzLimits) }
    case 1: runStream(data, size) { HTMLReader(limits: fuzzLimits) }
    default: runStream(data, size) { XMLDocumentReader(limits: fuzzLimits) }
    }
    _ = HTMLReader.declaredCharset(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzMarkup_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzMarkup_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
