@testable import BreachScope
import FuzzSupport

/// Mail: the input as an `.eml` (or mbox, when it starts like one) expanded into headers,
/// bodies, attachments and attached messages, each decoded (base64, quoted-printable,
/// charsets, HTML to text); plus the header helpers on the input as a string.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let all = UnsafeBufferPointer(start: data, count: size)
    // A gzip/zip/tar magic would make this an archive: the archive targets cover those.
    if let k = ArchiveExpander.kind(name: "input.eml", prefix: Array(all.prefix(512))), k != .mail && k != .mbox { return 0 }
    let path = writeInput(all, name: "input.eml")
    runContainer(path: path, name: "input.eml")
    let text = String(decoding: all.prefix(4096), as: UTF8.self)
    _ = MailDecoder.decodeWords(text)
    _ = MailParser.addresses(text)
    _ = MailParser.parameters(text)
    _ = MailDecoder.extendedValue(text)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzMail_main`): runs libFuzzer on `fuzz`.
@_cdecl("FuzzMail_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzerMain(argc, argv) { data, size in fuzz(data ?? UnsafePointer(emptyInput), size) }
}
