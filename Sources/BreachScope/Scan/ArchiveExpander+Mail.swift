import Foundation

/// Mail as containers: an `.eml` message's members are `headers.txt` (its senders and
/// recipients as `Name:` / `E-mail:` blocks), `body.txt` (text/plain, or text/html as text)
/// and its attachments under their decoded file names; an attached message is a container
/// again. An mbox's members are its messages (`inbox.mbox!/message-0001.eml`). Parts are
/// located at plan time by byte range and decoded (base64, quoted-printable, charset to UTF-8)
/// only when materialised, one at a time, into the temporary area.
extension ArchiveExpander {
    /// The mail kind of a file from its name and first bytes (nil: not mail).
    static func mailKind(name: String, prefix: [UInt8]) -> Kind? {
        guard !prefix.isEmpty else { return nil }
        let truncated = prefix.count >= 512
        if prefix.count >= 4, prefix[0] == 0xFF && prefix[1] == 0xFE || prefix[0] == 0xFE && prefix[1] == 0xFF {
            // Outlook's "Unicode Text" (`Save As`): UTF-16 with a byte-order mark.
            let bigEndian = prefix[0] == 0xFE
            var transcoder = Transcoder(bigEndian ? .utf16BE : .utf16LE)
            var text: [UInt8] = []
            prefix.withUnsafeBufferPointer { transcoder.decode($0, into: &text) }
            return MailParser.looksLikeMessage(text[...], truncated: truncated) ? .utf16Mail(bigEndian: bigEndian) : nil
        }
        if MailParser.looksLikeMbox(prefix, truncated: truncated) { return .mbox }
        let ext = DocumentFormat.fileExtension(name)
        if ext == "mbox" && prefix.starts(with: Array("From ".utf8)) { return .mbox }
        if ext == "eml" || MailParser.looksLikeMessage(prefix[...], truncated: truncated) { return .mail }
        // Apple Mail's `.emlx`: a byte count's line, the message, then Mail's property list.
        if MailParser.emlxMessage(prefix, total: .max, truncated: truncated) != nil { return .mail }
        return nil
    }

    /// Runs `body` on the file's bytes, memory-mapped (nil: the file cannot be read).
    static func withMapped<T>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        return body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// The members of one message (the whole file, or `range` of it).
    func listMail(_ path: String, range: Range<Int>?) -> Listing {
        var l = Listing(detail: "eml")
        let done: Void? = Self.withMapped(path) { p in
            let r = range.map { max(0, $0.lowerBound)..<min(p.count, $0.upperBound) }
                ?? MailParser.emlxMessage(p, total: p.count, truncated: false) ?? 0..<p.count
            let e = MailParser.entity(p, r)
            let headers = MailPart(file: path, offset: e.headers.lowerBound, size: e.headers.count, transfer: .identity,
                                   charset: nil, content: .headers)
            l.members.append(Member(path: "headers.txt", size: headers.size, compressed: nil, source: .mailPart(headers), nestable: false))
            var problems: [String] = []
            let leaves = MailParser.leaves(p, r, problems: &problems)
            var bodies = 0, parts = 0, messages = 0
            for leaf in leaves {
                parts += 1
                switch leaf.kind {
                case .body(let html):
                    bodies += 1
                    let part = MailPart(file: path, offset: leaf.range.lowerBound, size: leaf.range.count, transfer: leaf.transfer,
                                        charset: leaf.charset, content: .body(html: html))
                    l.members.append(Member(path: bodies == 1 ? "body.txt" : "body-\(bodies).txt", size: part.decodedSizeEstimate,
                                            compressed: nil, source: .mailPart(part), nestable: false))
                case .message:
                    messages += 1
                    let part = MailPart(file: path, offset: leaf.range.lowerBound, size: leaf.range.count, transfer: .identity,
                                        charset: nil, content: .raw)
                    var name = leaf.name ?? "message-\(messages).eml"
                    if !name.lowercased().hasSuffix(".eml") { name += ".eml" }
                    l.members.append(Member(path: name, size: part.size, compressed: nil, source: .mailPart(part), inPlace: leaf.range))
                case .attachment:
                    let part = MailPart(file: path, offset: leaf.range.lowerBound, size: leaf.range.count, transfer: leaf.transfer,
                                        charset: leaf.charset, content: .raw)
                    let name = leaf.name ?? "part-\(parts).\(Self.mailExtension(leaf.mime))"
                    l.members.append(Member(path: name, size: part.decodedSizeEstimate, compressed: nil, source: .mailPart(part)))
                }
            }
            if !problems.isEmpty {
                l.warning = problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? " (and \(problems.count - 3) more)" : "")
            }
        }
        if done == nil { l.error = "cannot read the message (errno \(errno))" }
        return l
    }

    /// The messages of an mbox file.
    func listMbox(_ path: String) -> Listing {
        var l = Listing(detail: "mbox")
        let ranges = Self.withMapped(path) { MailParser.mboxMessages($0) }
        guard let ranges else { l.error = "cannot read the mbox (errno \(errno))"; return l }
        if ranges.isEmpty { l.error = "mbox without a From line: no messages found" }
        let width = max(4, String(ranges.count).count)
        for (k, r) in ranges.enumerated() {
            if l.members.count > limits.maxMembers { break }
            let number = String(k + 1)
            let name = "message-" + String(repeating: "0", count: max(0, width - number.count)) + number + ".eml"
            let part = MailPart(file: path, offset: r.lowerBound, size: r.count, transfer: .identity, charset: nil, content: .raw)
            l.members.append(Member(path: name, size: r.count, compressed: nil, source: .mailPart(part), inPlace: r, sameDepth: true))
        }
        return l
    }

    /// A file extension for an unnamed attachment of a MIME type.
    static func mailExtension(_ mime: String) -> String {
        switch mime {
        case "text/plain": return "txt"
        case "text/html": return "html"
        case "text/csv", "text/comma-separated-values": return "csv"
        case "text/tab-separated-values": return "tsv"
        case "application/json": return "json"
        case "application/pdf": return "pdf"
        case "application/zip", "application/x-zip-compressed": return "zip"
        case "application/gzip", "application/x-gzip": return "gz"
        case "message/rfc822": return "eml"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return "xlsx"
        default: return "bin"
        }
    }

    /// Reads `size` bytes at `offset` of a file.
    static func readRange(_ path: String, offset: Int, size: Int) throws(Problem) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Problem(message: "cannot open the message (errno \(errno))") }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: size)
        guard TarReader.readAt(fd, &buf, offset: offset) else { throw Problem(message: "message data truncated") }
        return buf
    }

    /// The decoded bytes of a mail part (`limit`: raw bytes read, for peeking).
    func decodeMailPart(_ part: MailPart, limit: Int? = nil) throws(Problem) -> [UInt8] {
        let raw = try Self.readRange(part.file, offset: part.offset, size: min(part.size, limit ?? part.size))
        if case .headers = part.content {
            return raw.withUnsafeBufferPointer { MailParser.headerText($0, 0..<$0.count) }
        }
        var bytes: [UInt8]
        switch part.transfer {
        case .identity: bytes = raw
        case .base64: bytes = []; raw.withUnsafeBufferPointer { MailDecoder.base64($0, into: &bytes) }
        case .quotedPrintable: bytes = []; raw.withUnsafeBufferPointer { MailDecoder.quotedPrintable($0, into: &bytes) }
        }
        if let charset = part.charset, TextEncoding(label: charset) != nil {
            bytes = MailDecoder.utf8(bytes, charset: charset)
        }
        if case .body(html: true) = part.content {
            bytes = bytes.withUnsafeBufferPointer { HTMLText.text($0) }
        }
        return bytes
    }

    /// Decodes a mail part into a new file in the temporary area.
    func extractMailPart(_ part: MailPart) throws(Problem) -> String {
        if part.decodedSizeEstimate > limits.maxMemberBytes {
            throw Problem(message: "member of \(part.decodedSizeEstimate) bytes over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)")
        }
        let out = temporaryPath()
        if case .raw = part.content, part.transfer == .identity, part.charset == nil {
            try copyRange(part.file, offset: part.offset, size: part.size, to: out)
            return out
        }
        if case .raw = part.content, part.charset == nil {
            // Attachments are decoded a chunk at a time straight into the file: a large one is
            // never held in memory.
            try decodeMailPart(part, streamingTo: out)
            return out
        }
        if part.size > limits.maxMailBodyBytes {
            throw Problem(message: "mail body of \(part.size) bytes over the limit of \(limits.maxMailBodyBytes) bytes for message bodies")
        }
        let bytes = try decodeMailPart(part)
        if bytes.count > limits.maxMemberBytes {
            throw Problem(message: "member over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)")
        }
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Problem(message: "cannot create a file in the temporary area (errno \(errno))") }
        defer { close(fd) }
        guard bytes.isEmpty || writeAll(fd, bytes, bytes.count) else {
            unlink(out)
            throw Problem(message: "cannot write to the temporary area (errno \(errno))")
        }
        return out
    }

    /// Decodes a base64 or quoted-printable part into `out` in chunks of `chunk` raw bytes.
    func decodeMailPart(_ part: MailPart, streamingTo out: String, chunk: Int = 1 << 20) throws(Problem) {
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Problem(message: "cannot create a file in the temporary area (errno \(errno))") }
        defer { close(fd) }
        var b64 = MailDecoder.Base64Stream()
        var qp = MailDecoder.QuotedPrintableStream()
        var decoded: [UInt8] = []
        var done = 0, written = 0
        while done < part.size {
            let n = min(chunk, part.size - done)
            let raw = try Self.readRange(part.file, offset: part.offset + done, size: n)
            done += n
            decoded.clear()
            raw.withUnsafeBufferPointer { p in
                switch part.transfer {
                case .base64: b64.decode(p, into: &decoded)
                case .quotedPrintable: qp.decode(p, final: done >= part.size, into: &decoded)
                case .identity: decoded.append(contentsOf: p)
                }
            }
            written += decoded.count
            if written > limits.maxMemberBytes {
                unlink(out)
                throw Problem(message: "member over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)")
            }
            guard decoded.isEmpty || writeAll(fd, decoded, decoded.count) else {
                unlink(out)
                throw Problem(message: "cannot write to the temporary area (errno \(errno))")
            }
        }
    }

    /// The first decoded bytes of a mail part (to recognise attached archives and messages).
    func peekMailPart(_ part: MailPart) -> [UInt8] {
        guard let bytes = try? decodeMailPart(part, limit: 2048) else { return [] }
        return Array(bytes.prefix(512))
    }
}
