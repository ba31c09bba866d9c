@testable import BreachScope
import FuzzSupport

/// ODT and ODS reader (both on every input). An input starting with `PK` is the file; otherwise
/// its NUL-separated parts are `content.xml` and `META-INF/manifest.xml` in a stored ZIP.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    let path = officeFile(all, names: ["content.xml", "META-INF/manifest.xml"], fileName: "input.odt")
    runFile(ODFReader(limits: fuzzLimits), path: path)
    var spreadsheet = ODFReader(limits: fuzzLimits)
    spreadsheet.spreadsheet = true
    runFile(spreadsheet, path: path)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzODF_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzODF_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
