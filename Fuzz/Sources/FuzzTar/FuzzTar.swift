@testable import BreachScope
import FuzzSupport

/// Tar: the input expanded as a tar file (ustar, GNU long names, pax), every member extracted
/// and nested archives expanded. Gzip input is left out (it runs the `gzip` tool per input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    if size >= 2 && data[0] == 0x1F && data[1] == 0x8B { return 0 }
    let path = writeInput(all, name: "input.tar")
    _ = TarReader.list(path: path, maxEntries: 1000)
    runContainer(path: path, name: "input.tar")
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzTar_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzTar_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
