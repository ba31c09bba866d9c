@testable import BreachScope
import FuzzSupport

/// HTML to text (mail bodies) and the mail transfer decoders (base64, quoted-printable).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    let text = HTMLText.text(all)
    precondition(text.withUnsafeBufferPointer { UTF8Validation.isValid($0) } || !UTF8Validation.isValid(all),
                 "HTML text of valid UTF-8 is not valid UTF-8")
    var out: [UInt8] = []
    MailDecoder.base64(all, into: &out)
    out.removeAll()
    MailDecoder.quotedPrintable(all, into: &out)
    out.removeAll()
    MailDecoder.quotedPrintable(all, into: &out, underscoreIsSpace: true)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzHTML_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzHTML_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
