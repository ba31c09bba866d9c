@testable import BreachScope
import FuzzSupport

/// CSV/TSV reader: delimiter sniffed, then `,` `;` `|` and tab forced (picked by the first byte).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let delimiters: [UInt8?] = [nil, 0x2C, 0x3B, 0x7C, 0x09]
    let delimiter = size > 0 ? delimiters[Int(data[0]) % delimiters.count] : nil
    runStream(data, size) { CSVReader(delimiter: delimiter, limits: fuzzLimits) }
    let all = UnsafeBufferPointer(start: data, count: size)
    _ = CSVReader.sniffDelimiter(all, complete: true)
    _ = CSVReader.sniffDelimiter(all, complete: false)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzCSV_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
