@testable import BreachScope
import FuzzSupport

/// XLSX reader. An input starting with `PK` is the file; otherwise its NUL-separated parts are
/// the workbook, its relationships, the shared strings and two worksheets in a stored ZIP.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    let path = officeFile(all, names: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                                       "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"], fileName: "input.xlsx")
    runFile(XLSXReader(limits: fuzzLimits), path: path)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzXLSX_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzXLSX_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
