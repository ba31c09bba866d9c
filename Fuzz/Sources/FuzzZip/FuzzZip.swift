@testable import BreachScope
import FuzzSupport

/// ZIP: the input's central directory read by `ZipDirectory`, then expanded as an archive with
/// every member extracted and nested archives expanded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    if size >= 2 && data[0] == 0x1F && data[1] == 0x8B { return 0 }
    let path = writeInput(all, name: "input.zip")
    _ = ZipDirectory.read(path: path)
    runContainer(path: path, name: "input.zip")
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzZip_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzZip_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
