@testable import BreachScope
import FuzzSupport

/// Tar: the input expanded as a tar file (ustar, GNU long names, pax), every member extracted
/// and nested archives expanded. Header checksums are fixed first. Gzip input is left out (it runs the `gzip` tool per input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    if size >= 2 && data[0] == 0x1F && data[1] == 0x8B { return 0 }
    // Fix the header checksums (walking headers as tar does) so mutations get past them.
    var bytes = Array(all)
    var offset = 0
    while offset + 512 <= bytes.count, bytes[offset..<(offset + 512)].contains(where: { $0 != 0 }) {
        for k in 148..<156 { bytes[offset + k] = 0x20 }
        let sum = bytes[offset..<(offset + 512)].reduce(0) { $0 + Int($1) }
        let octal = Array(String(sum, radix: 8).utf8)
        let digits = Array(repeating: UInt8(ascii: "0"), count: max(0, 6 - octal.count)) + octal.suffix(6)
        for (k, d) in digits.enumerated() { bytes[offset + 148 + k] = d }
        bytes[offset + 154] = 0
        let size = TarReader.number(bytes[(offset + 124)..<(offset + 136)]) ?? 0
        guard size >= 0, size < 1 << 24 else { break }
        offset += 512 + (size + 511) / 512 * 512
    }
    let path = bytes.withUnsafeBufferPointer { writeInput($0, name: "input.tar") }
    _ = TarReader.list(path: path, maxEntries: 1000)
    runContainer(path: path, name: "input.tar")
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzTar_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzTar_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
