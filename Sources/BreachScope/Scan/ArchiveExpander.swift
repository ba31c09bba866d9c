import Foundation
import Synchronization
import ZIPFoundation

/// Expands archives (ZIP — stored, deflate, ZIP64 —, tar, gzip, `.tar.gz`/`.tgz`, nested to
/// `ArchiveLimits.maxDepth`) into documents at plan time: the archive itself becomes a container
/// document (`[archive, zip, 3 members]`) and every member its own document named
/// `outer.zip!/dir/inner.tar.gz!/file.csv`, identified by `<archive path>!/<member path>`.
///
/// Member bytes are extracted, one member at a time, into a private temporary area
/// (`$TMPDIR/breachscope-<pid>-<uuid>`, mode 0700) under counter names — never under the
/// member's own name, so `../` and absolute member names cannot write anywhere else. Decompressed
/// tar streams and nested archives stay there for the scan; `removeTemporaryArea()` deletes it.
public final class ArchiveExpander: Sendable {
    /// Where an archive member's bytes are.
    public enum Source: Sendable, Hashable {
        /// Entry number `index` (central directory order) of the ZIP file at `archive`.
        case zipEntry(archive: String, index: Int, compressed: Int)
        /// A byte range of a (decompressed) tar file.
        case tarRange(archive: String, offset: Int, size: Int)
        /// An already extracted file in the temporary area (a gzip stream's content).
        case file(String)
        /// A part of a mail message, decoded when it is materialised.
        case mailPart(MailPart)
    }

    /// A member problem or limit; its message holds no document content.
    struct Problem: Error { var message: String }

    /// One member as listed, before limits and nesting are applied.
    struct Member {
        var path: String
        var size: Int
        var compressed: Int?
        var source: Source?
        var problem: DocumentOutcome.Status?
        var reason: String?
        /// A mail message inside the listed file itself (an mbox message, an attached
        /// message/rfc822 part): expanded where it is, not extracted.
        var inPlace: Range<Int>? = nil
        /// An mbox message is at its mbox's nesting depth, not one deeper.
        var sameDepth = false
        /// False for synthetic mail members (headers, bodies), never examined as containers.
        var nestable = true
    }

    /// What listing one archive found.
    struct Listing {
        var detail: String
        var members: [Member] = []
        var error: String?
        /// Damage that did not stop the listing (malformed MIME): a reason on a scanned container.
        var warning: String?
    }

    enum Kind: Equatable {
        case zip, gzip, tar, mail, mbox
        /// A message saved as UTF-16 text (Outlook's "Unicode Text"): read as mail once transcoded.
        case utf16Mail(bigEndian: Bool)
        /// A `git format-patch` file or a unified diff (`ArchiveExpander+Patch.swift`).
        case patch
    }

    /// Office formats that are ZIP files but read as documents, not archives.
    static let documentZipExtensions: Set<String> = ["xlsx", "xlsm", "docx", "odt", "ods", "pptx", "odp"]

    public let limits: ArchiveLimits
    public let temporaryArea: URL
    private let counter = Atomic<Int>(0)

    public init(limits: ArchiveLimits) throws {
        self.limits = limits
        Self.removeStaleAreas()
        temporaryArea = FileManager.default.temporaryDirectory
            .appendingPathComponent("breachscope-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporaryArea, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Removes temporary areas left by killed scans (their process no longer exists).
    static func removeStaleAreas() {
        let tmp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("breachscope-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[1]), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name)) }
        }
    }

    /// Deletes the temporary area and everything in it.
    public func removeTemporaryArea() {
        try? FileManager.default.removeItem(at: temporaryArea)
    }

    /// A fresh file name in the temporary area (a counter, never a member name).
    func temporaryPath() -> String {
        temporaryArea.path + "/m" + String(counter.add(1, ordering: .relaxed).newValue)
    }

    // MARK: expansion (single-threaded, before planning)

    /// Replaces every archive among `files` by its container entry followed by its members
    /// (recursively). Archives for which `isUnchanged` is true are kept as they are, not
    /// expanded: their member documents from the earlier scan stay as they were.
    public func expand(_ files: [WalkedFile], isUnchanged: (WalkedFile) -> Bool) -> [WalkedFile] {
        var out: [WalkedFile] = []
        let cache = ZipCache()
        for f in files {
            guard f.problem == nil, let kind = Self.kind(name: f.name, prefix: Self.prefix(path: f.path), path: f.path), !isUnchanged(f) else {
                out.append(f)
                continue
            }
            out += expandArchive(f, real: f.path, kind: kind, depth: 1, cache: cache)
        }
        return out
    }

    /// The archive kind of a file from its name and first bytes (nil: not an archive).
    /// With `path`, a ZIP whose name does not say what it is is looked into: an office document
    /// renamed (`export.bin` holding `word/document.xml`) is a document, not an archive.
    static func kind(name: String, prefix: [UInt8], path: String? = nil) -> Kind? {
        if prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B { return .gzip }
        if TarReader.hasMagic(prefix) { return .tar }
        if prefix.count >= 4 && prefix[0] == 0x50 && prefix[1] == 0x4B
            && ((prefix[2] == 3 && prefix[3] == 4) || (prefix[2] == 5 && prefix[3] == 6)) {
            let last = name.split(separator: "/").last.map(String.init) ?? name
            let ext = last.contains(".") ? (last.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
            if documentZipExtensions.contains(ext) { return nil }
            if let path, FileFormat.sniffZip(path: path) != nil { return nil }
            // Inside an archive there is no path yet: an office file's first member names it.
            if path == nil, ext != "zip", let first = firstZipEntry(prefix),
               first == "[Content_Types].xml" || first == "mimetype" || first.hasPrefix("word/") || first.hasPrefix("xl/") { return nil }
            return .zip
        }
        if isPatch(name: name, prefix: prefix) { return .patch }
        return mailKind(name: name, prefix: prefix)
    }

    /// The name of a ZIP's first local file entry, from its first bytes.
    static func firstZipEntry(_ prefix: [UInt8]) -> String? {
        guard prefix.count >= 30 else { return nil }
        let length = Int(prefix[26]) | Int(prefix[27]) << 8
        guard length > 0, 30 + length <= prefix.count else { return nil }
        return String(decoding: prefix[30..<(30 + length)], as: UTF8.self)
    }

    static func prefix(path: String, offset: Int = 0, count: Int = 512) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: count)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
        return n > 0 ? Array(buf[0..<n]) : []
    }

    func expandArchive(_ container: WalkedFile, real: String, kind: Kind, depth: Int, cache: ZipCache,
                       range: Range<Int>? = nil) -> [WalkedFile] {
        if case .utf16Mail(let bigEndian) = kind {
            // Transcoded into the temporary area, the message is expanded as any other; a file
            // that cannot be is read as the text it is.
            guard let utf8 = transcodeToTemporary(real, bigEndian ? .utf16BE : .utf16LE) else { return [container] }
            return expandArchive(container, real: utf8, kind: .mail, depth: depth, cache: cache)
        }
        let listing: Listing
        switch kind {
        case .zip: listing = listZip(real)
        case .tar: listing = listTar(real, detail: "tar")
        case .gzip: listing = listGzip(real, name: container.name, compressedSize: container.size)
        case .mail: listing = listMail(real, range: range)
        case .mbox: listing = listMbox(real)
        case .utf16Mail: listing = Listing(detail: "eml")   // transcoded above
        case .patch:
            guard let parts = listPatch(real) else {
                // No hunk (or too large): read as the text it is.
                var plain = container
                if real != container.path { plain.member = .file(real) }
                return [plain]
            }
            listing = parts
        }
        var head = container
        var members: [WalkedFile] = []
        var total = 0
        var seen: [String: Int] = [:]
        var error = listing.error
        for (n, m) in listing.members.enumerated() {
            if n >= limits.maxMembers {
                error = "more than \(limits.maxMembers) members (--max-archive-members); only the first \(limits.maxMembers) are listed"
                break
            }
            // Two members with the same name are two documents.
            var memberPath = m.path
            let dup = (seen[memberPath] ?? 0) + 1
            seen[memberPath] = dup
            if dup > 1 { memberPath += " (\(dup))" }
            var w = WalkedFile(path: container.path + "!/" + memberPath, name: container.name + "!/" + memberPath,
                               size: m.size, mtime: container.mtime, problem: m.problem, reason: m.reason)
            w.member = m.source
            if w.problem == nil, let reason = limitViolation(size: m.size, compressed: m.compressed, total: total) {
                w.problem = .failed
                w.reason = reason
                w.member = nil
            }
            if w.problem == nil { total += m.size }
            if w.problem == nil, let range = m.inPlace {
                let inner = m.sameDepth ? depth : depth + 1
                w.member = nil
                if inner > limits.maxDepth {
                    w.problem = .skipped
                    w.reason = "message nested deeper than \(limits.maxDepth)"
                    members.append(w)
                } else {
                    members += expandArchive(w, real: real, kind: .mail, depth: inner, cache: cache, range: range)
                }
                continue
            }
            if w.problem == nil, m.nestable, let source = m.source, let nested = Self.kind(name: w.name, prefix: peek(source, cache: cache)) {
                if depth >= limits.maxDepth {
                    w.problem = .skipped
                    w.reason = "archive nested deeper than \(limits.maxDepth)"
                    w.member = nil
                    members.append(w)
                } else {
                    do {
                        let inner = try extract(source, cache: cache)
                        w.member = nil
                        members += expandArchive(w, real: inner, kind: nested, depth: depth + 1, cache: cache)
                    } catch {
                        w.problem = .failed
                        w.reason = error.message
                        w.member = nil
                        members.append(w)
                    }
                }
                continue
            }
            members.append(w)
        }
        let count = min(listing.members.count, limits.maxMembers)
        head.container = "\(listing.detail), \(count) member\(count == 1 ? "" : "s")"
        head.member = nil
        if let error {
            head.problem = .failed
            head.reason = error
        } else if let warning = listing.warning {
            head.reason = warning
        }
        return [head] + members
    }

    /// A copy of the file at `path`, transcoded from `encoding` to UTF-8, in the temporary area;
    /// nil when it cannot be read or written, or is over `ArchiveLimits.maxMemberBytes`.
    func transcodeToTemporary(_ path: String, _ encoding: TextEncoding) -> String? {
        let src = open(path, O_RDONLY)
        guard src >= 0 else { return nil }
        defer { close(src) }
        let out = temporaryPath()
        let dst = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard dst >= 0 else { return nil }
        defer { close(dst) }
        var transcoder = Transcoder(encoding)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var decoded: [UInt8] = []
        var total = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(src, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            decoded.removeAll(keepingCapacity: true)
            if n <= 0 {
                transcoder.finish(into: &decoded)
            } else {
                chunk.withUnsafeBufferPointer { transcoder.decode(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &decoded) }
            }
            total += decoded.count
            guard n >= 0, total <= limits.maxMemberBytes, writeAll(dst, decoded, decoded.count) else {
                unlink(out)
                return nil
            }
            if n == 0 { return out }
        }
    }

    /// The reason a member must not be extracted, or nil.
    func limitViolation(size: Int, compressed: Int?, total: Int) -> String? {
        if size > limits.maxMemberBytes {
            return "member of \(size) bytes over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)"
        }
        if let compressed, size > limits.ratioFloorBytes {
            let ratio = size / max(compressed, 1)
            if ratio > limits.maxRatio { return "zip bomb: ratio \(ratio):1 over the limit \(limits.maxRatio):1 (--max-ratio)" }
        }
        if total + size > limits.maxArchiveBytes {
            return "archive total over the limit of \(limits.maxArchiveBytes) bytes extracted (--max-archive-gb)"
        }
        return nil
    }

    // MARK: listing

    func listZip(_ path: String) -> Listing {
        var l = Listing(detail: "zip")
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            l.error = "corrupt zip: central directory not readable"
            return l
        }
        let directory = ZipDirectory.read(path: path)
        var index = 0
        for entry in archive {
            defer { index += 1 }
            if l.members.count > limits.maxMembers { break }
            let type = entry.type
            if type == .directory { continue }
            let compressed = Int(clamping: entry.compressedSize)
            var m = Member(path: entry.path, size: Int(clamping: entry.uncompressedSize), compressed: compressed,
                           source: .zipEntry(archive: path, index: index, compressed: compressed))
            if type == .symlink {
                m.problem = .skipped; m.reason = "zip link member, not followed"; m.source = nil
            } else if let flags = directory?.flags, index < flags.count, flags[index] & 1 != 0 {
                m.problem = .skipped; m.reason = "encrypted, not scanned"; m.source = nil
            }
            l.members.append(m)
        }
        if let directory, index < directory.declaredCount, l.members.count <= limits.maxMembers {
            // ZIPFoundation stops at an entry it cannot read (e.g. a stored, encrypted entry
            // with a data descriptor); list the rest from the central directory.
            var unreadable = 0
            for item in directory.items.dropFirst(index) where !item.isDirectory {
                if l.members.count > limits.maxMembers { break }
                var m = Member(path: item.name, size: item.size, compressed: nil, source: nil)
                if item.isEncrypted {
                    m.problem = .skipped; m.reason = "encrypted, not scanned"
                } else {
                    m.problem = .failed; m.reason = "zip member could not be read (unreadable entry before it)"
                    unreadable += 1
                }
                l.members.append(m)
            }
            if directory.items.count < directory.declaredCount {
                l.error = "corrupt zip: central directory ends after \(directory.items.count) of \(directory.declaredCount) entries"
            } else if unreadable > 0 {
                l.error = "corrupt zip: \(unreadable) members could not be read"
            }
        }
        return l
    }

    func listTar(_ path: String, detail: String) -> Listing {
        var l = Listing(detail: detail)
        let (entries, error) = TarReader.list(path: path, maxEntries: Int.max)
        l.error = error
        for e in entries where !e.isDirectory {
            if l.members.count > limits.maxMembers { break }
            var m = Member(path: e.name, size: e.size, compressed: nil, source: .tarRange(archive: path, offset: e.offset, size: e.size))
            if e.isLink {
                m.problem = .skipped; m.reason = "tar link member, not followed"; m.source = nil; m.size = 0
            } else if !e.isRegular {
                let t = e.type >= 0x20 && e.type < 0x7F ? String(UnicodeScalar(e.type)) : "\(e.type)"
                let what = ["3", "4", "6"].contains(t) ? "tar device or fifo member, not scanned" : "tar member of type '\(t)', not scanned"
                m.problem = .skipped; m.reason = what; m.source = nil; m.size = 0
            }
            l.members.append(m)
        }
        return l
    }

    func listGzip(_ path: String, name: String, compressedSize: Int) -> Listing {
        let out = temporaryPath()
        let (written, error, fatal) = gunzip(path, to: out, compressedSize: compressedSize)
        if fatal {
            unlink(out)
            return Listing(detail: "gzip", error: error)
        }
        if TarReader.hasMagic(Self.prefix(path: out)) {
            var l = listTar(out, detail: "tar.gz")
            if let error { l.error = error + (l.members.isEmpty ? "" : " (members before it were listed)") }
            return l
        }
        var l = Listing(detail: "gzip", error: error)
        let last = name.split(separator: "/").last.map(String.init) ?? name
        var inner = last
        for suffix in [".gz", ".gzip", ".z"] where inner.lowercased().hasSuffix(suffix) && inner.count > suffix.count {
            inner = String(inner.dropLast(suffix.count)); break
        }
        if inner.lowercased().hasSuffix(".tgz") { inner = String(inner.dropLast(4)) + ".tar" }
        if inner == last { inner += ".out" }
        var m = Member(path: inner, size: written, compressed: nil, source: .file(out))
        if written > limits.maxMemberBytes {
            m.problem = .failed
            m.reason = "member of \(written) bytes over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)"
            m.source = nil
            unlink(out)
        }
        l.members.append(m)
        return l
    }

    /// Decompresses a gzip file with the `gzip` tool into `out`, enforcing the ratio and total
    /// limits as it goes. `fatal`: a limit was hit or nothing could be decompressed.
    func gunzip(_ path: String, to out: String, compressedSize: Int) -> (written: Int, error: String?, fatal: Bool) {
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return (0, "cannot create a file in the temporary area (errno \(errno))", true) }
        defer { close(fd) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-dc", "--", path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return (0, "gzip decompression needs the gzip command, which could not be run", true) }
        let rfd = pipe.fileHandleForReading.fileDescriptor
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        var written = 0
        var limitError: String?
        var writeError = false
        while true {
            let r = buf.withUnsafeMutableBytes { read(rfd, $0.baseAddress!, $0.count) }
            if r < 0 { if errno == EINTR { continue }; break }
            if r == 0 { break }
            written += r
            if written > limits.maxArchiveBytes {
                limitError = "gzip stream over the limit of \(limits.maxArchiveBytes) bytes extracted (--max-archive-gb)"
            } else if written > limits.ratioFloorBytes, written / max(compressedSize, 1) > limits.maxRatio {
                limitError = "zip bomb: ratio over \(limits.maxRatio):1 (--max-ratio), stopped after \(written) bytes from \(compressedSize)"
            }
            if limitError != nil { break }
            if !writeAll(fd, buf, r) { writeError = true; break }
        }
        if limitError != nil || writeError { p.terminate() }
        try? pipe.fileHandleForReading.close()
        p.waitUntilExit()
        if let limitError { return (written, limitError, true) }
        if writeError { return (written, "cannot write to the temporary area (errno \(errno))", true) }
        let status = p.terminationStatus
        if status == 127 { return (0, "gzip decompression needs the gzip command, which is not installed", true) }
        if status == 1 || status > 2 {
            return (written, "gzip: corrupt or truncated data", written == 0)
        }
        return (written, nil, false)
    }

    // MARK: member bytes (scan workers)

    /// Writes the member's bytes to a new file in the temporary area and returns its path (the
    /// caller deletes it after scanning). Limits are enforced on the bytes actually produced.
    public func materialize(_ file: WalkedFile, cache: ZipCache) throws(ReadError) -> String? {
        guard let source = file.member else { return nil }
        do { return try extract(source, cache: cache) } catch { throw ReadError(.limit, error.message) }
    }

    func extract(_ source: Source, cache: ZipCache) throws(Problem) -> String {
        switch source {
        case .file(let path):
            return path
        case .mailPart(let part):
            return try extractMailPart(part)
        case .tarRange(let archive, let offset, let size):
            let out = temporaryPath()
            try copyRange(archive, offset: offset, size: size, to: out)
            return out
        case .zipEntry(let archivePath, let index, let compressed):
            let out = temporaryPath()
            let (archive, entries) = try cache.open(archivePath)
            guard index < entries.count else { throw Problem(message: "corrupt zip: member not found") }
            let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw Problem(message: "cannot create a file in the temporary area (errno \(errno))") }
            defer { close(fd) }
            var written = 0
            let limits = self.limits
            do {
                _ = try ZipInflate.extract(archive, entries[index], bufferSize: 1 << 16, skipCRC32: false) { data in
                    written += data.count
                    if written > limits.maxMemberBytes {
                        throw Problem(message: "member over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)")
                    }
                    if written > limits.ratioFloorBytes, written / max(compressed, 1) > limits.maxRatio {
                        throw Problem(message: "zip bomb: ratio over \(limits.maxRatio):1 (--max-ratio)")
                    }
                    let ok = data.withUnsafeBytes { raw in
                        raw.isEmpty || writeAll(fd, raw.bindMemory(to: UInt8.self), raw.count)
                    }
                    if !ok { throw Problem(message: "cannot write to the temporary area (errno \(errno))") }
                }
            } catch let p as Problem {
                unlink(out)
                throw p
            } catch {
                unlink(out)
                throw Problem(message: "corrupt zip member (\(Self.describe(error)))")
            }
            return out
        }
    }

    static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        // ZIPFoundation's errors are enum cases (`invalidCRC32`); keep them short and content-free.
        return text.count <= 60 && text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) ? text : "unreadable data"
    }

    /// Reads the first bytes of a member (to recognise nested archives).
    func peek(_ source: Source, cache: ZipCache) -> [UInt8] {
        switch source {
        case .file(let path):
            return Self.prefix(path: path)
        case .mailPart(let part):
            return peekMailPart(part)
        case .tarRange(let archive, let offset, let size):
            return Self.prefix(path: archive, offset: offset, count: min(size, 512))
        case .zipEntry(let archivePath, let index, _):
            guard let (archive, entries) = try? cache.open(archivePath), index < entries.count else { return [] }
            var out: [UInt8] = []
            struct Enough: Error {}
            _ = try? ZipInflate.extract(archive, entries[index], bufferSize: 4096, skipCRC32: true) { data in
                out += data.prefix(512 - out.count)
                if out.count >= 512 { throw Enough() }
            }
            return out
        }
    }

    func copyRange(_ path: String, offset: Int, size: Int, to out: String) throws(Problem) {
        if size > limits.maxMemberBytes {
            throw Problem(message: "member over the limit of \(limits.maxMemberBytes) bytes (--max-member-mb)")
        }
        let src = open(path, O_RDONLY)
        guard src >= 0 else { throw Problem(message: "cannot open tar data (errno \(errno))") }
        defer { close(src) }
        let dst = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard dst >= 0 else { throw Problem(message: "cannot create a file in the temporary area (errno \(errno))") }
        defer { close(dst) }
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        var done = 0
        while done < size {
            let r = buf.withUnsafeMutableBytes { pread(src, $0.baseAddress!, min($0.count, size - done), off_t(offset + done)) }
            if r < 0 && errno == EINTR { continue }
            guard r > 0 else { unlink(out); throw Problem(message: "tar: member data truncated") }
            guard writeAll(dst, buf, r) else { unlink(out); throw Problem(message: "cannot write to the temporary area (errno \(errno))") }
            done += r
        }
    }

    /// One open ZIP file per scan worker (members of one archive are scanned one after another),
    /// with its entries in central directory order.
    public final class ZipCache {
        var path: String?
        var archive: Archive?
        var entries: [Entry] = []
        public init() {}

        func open(_ path: String) throws(Problem) -> (Archive, [Entry]) {
            if path == self.path, let archive { return (archive, entries) }
            do {
                let a = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                self.archive = a
                self.entries = Array(a)
                self.path = path
                return (a, entries)
            } catch {
                throw Problem(message: "corrupt zip: central directory not readable")
            }
        }
    }
}

func writeAll(_ fd: Int32, _ buf: [UInt8], _ count: Int) -> Bool {
    buf.withUnsafeBufferPointer { writeAll(fd, $0, count) }
}

private func writeAll(_ fd: Int32, _ p: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
    var done = 0
    while done < count {
        let r = write(fd, p.baseAddress! + done, count - done)
        if r < 0 { if errno == EINTR { continue }; return false }
        done += r
    }
    return true
}
