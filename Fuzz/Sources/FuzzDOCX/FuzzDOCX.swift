@testable import BreachScope
import FuzzSupport

/// DOCX reader. An input starting with `PK` is the file; otherwise its NUL-separated parts are
/// the document body, a header, a footer and the footnotes in a stored ZIP.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    let path = officeFile(all, names: ["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"],
                          fileName: "input.docx")
    runFile(DOCXReader(limits: fuzzLimits), path: path)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzDOCX_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzDOCX_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
