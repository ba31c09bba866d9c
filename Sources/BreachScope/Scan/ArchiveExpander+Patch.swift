import Foundation

/// Patches as containers. A developer's `git format-patch` file (or a plain unified diff) that
/// copies customer rows into a test fixture holds those rows as diff lines (`+100066,3661…,Jüri,
/// Kask,…`), each behind a `+`, `-` or space: read as text, the columns of a CSV are lost. Its
/// members are:
/// - `message.txt`: the commit message and the diffstat (everything that is no diff);
/// - per changed file, the file as the patch leaves it (`test/fixtures/customers.csv`: context and
///   added lines), and, when lines were removed, the file as it was (`… (before)`: context and
///   removed lines) — each read as its own type.
/// A `format-patch` file's mail header names its author, a developer of the organisation: staff,
/// no data subject, so it is no member. The parts are written into the temporary area at plan time (patches are small; over
/// `ArchiveLimits.maxMemberBytes` the file is read as text).
extension ArchiveExpander {
    /// Whether a file's first bytes are a patch: `From <40 hex> Mon Sep 17 00:00:00 2001` (git's
    /// format-patch), `diff --git `, or, in a `.patch` / `.diff` file, `--- ` / `Index: ` / `diff `.
    static func isPatch(name: String, prefix: [UInt8]) -> Bool {
        func starts(_ s: String, at i: Int = 0) -> Bool {
            let b = Array(s.utf8)
            return prefix.count >= i + b.count && prefix[i..<(i + b.count)].elementsEqual(b)
        }
        if starts("From "), prefix.count >= 45 + 25, prefix[5..<45].allSatisfy({ MailDecoder.hex($0) != nil }),
           starts(" Mon Sep 17 00:00:00 2001", at: 45) { return true }
        if starts("diff --git ") { return true }
        let ext = DocumentFormat.fileExtension(name)
        return (ext == "patch" || ext == "diff") && (starts("--- ") || starts("Index: ") || starts("diff "))
    }

    func listPatch(_ path: String) -> Listing? {
        let maxBytes = limits.maxMemberBytes
        let parts: PatchParts?? = Self.withMapped(path) { p in p.count <= maxBytes ? PatchParts.split(p) : nil }
        guard let split = parts, let parts = split else { return nil }
        var l = Listing(detail: "patch")
        func write(_ name: String, _ bytes: [UInt8]) -> Bool {
            let out = temporaryPath()
            let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            guard writeAll(fd, bytes, bytes.count) else { unlink(out); return false }
            l.members.append(Member(path: name, size: bytes.count, compressed: nil, source: .file(out), nestable: false))
            return true
        }
        if !parts.message.isEmpty { guard write("message.txt", parts.message) else { return nil } }
        for f in parts.files {
            guard write(f.name, f.after) else { return nil }
            if f.removed { guard write(f.name + " (before)", f.before) else { return nil } }
        }
        return l
    }
}

/// A patch cut into its parts (`ArchiveExpander.listPatch`).
struct PatchParts {
    struct File {
        var name: String
        /// Context and added lines: the file as the patch leaves it.
        var after: [UInt8] = []
        /// Context and removed lines: the file as it was.
        var before: [UInt8] = []
        var removed = false
    }
    var message: [UInt8] = []
    var files: [File] = []

    /// The parts, or nil when no hunk was found (a file that only looks like a patch).
    static func split(_ p: UnsafeBufferPointer<UInt8>) -> PatchParts? {
        var parts = PatchParts()
        let n = p.count
        var i = 0
        func lineEnd(_ i: Int) -> Int {
            guard let base = p.baseAddress, i < n, let hit = memchr(base + i, 0x0A, n - i) else { return n }
            return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
        }
        func starts(_ s: String, _ a: Int, _ b: Int) -> Bool {
            let w = Array(s.utf8)
            return b - a >= w.count && p[a..<(a + w.count)].elementsEqual(w)
        }
        if starts("From ", 0, n) && !starts("From:", 0, n) {
            // git format-patch: the `From <sha>` line, then a mail header up to a blank line (skipped).
            let first = lineEnd(0) + 1
            var k = first
            while k < n {
                let le = lineEnd(k)
                let b = le > k && p[le - 1] == 0x0D ? le - 1 : le
                if b == k { break }
                k = le + 1
            }
            i = min(k + 1, n)
        }
        var current: File?
        var pendingName: String?
        var hunks = 0
        func finish() { if let f = current { parts.files.append(f) }; current = nil }
        /// `a/dir/x.csv` → `dir/x.csv`; `/dev/null` → nil.
        func path(_ a: Int, _ b: Int) -> String? {
            var s = String(decoding: p[a..<b], as: UTF8.self)
            if let tab = s.firstIndex(of: "\t") { s = String(s[..<tab]) }
            s = s.trimmingBlanks()
            if s == "/dev/null" || s.isEmpty { return nil }
            if s.hasPrefix("a/") || s.hasPrefix("b/") { s = String(s.dropFirst(2)) }
            return s
        }
        while i < n {
            let le = lineEnd(i)
            let next = min(le + 1, n)
            let b = le > i && p[le - 1] == 0x0D ? le - 1 : le
            if starts("diff --git ", i, b) {
                finish()
                // `diff --git a/x b/x`: the new name after ` b/`.
                let line = Array(p[i..<b])
                if let cut = line.indices.reversed().first(where: { $0 + 3 <= line.count && line[$0] == 0x20 && line[$0 + 1] == UInt8(ascii: "b") && line[$0 + 2] == UInt8(ascii: "/") }) {
                    pendingName = String(decoding: line[(cut + 3)...], as: UTF8.self)
                }
            } else if starts("+++ ", i, b) {
                if let name = path(i + 4, b) { pendingName = name }
            } else if starts("@@ -", i, b), let (before, after) = hunkCounts(p, i, b) {
                if current == nil {
                    guard let name = pendingName else { i = next; continue }
                    current = File(name: name)
                }
                hunks += 1
                var remainingBefore = before, remainingAfter = after
                var k = next
                while k < n && (remainingBefore > 0 || remainingAfter > 0) {
                    let e = lineEnd(k)
                    let lineNext = min(e + 1, n)
                    // (An empty line is context whose space an editor trimmed.)
                    let c = k < e ? p[k] : 0x20
                    let body: [UInt8] = k < e ? Array(p[(k + 1)..<lineNext]) : [0x0A]
                    switch c {
                    case 0x20:
                        current!.after.append(contentsOf: body); current!.before.append(contentsOf: body)
                        remainingBefore -= 1; remainingAfter -= 1
                    case UInt8(ascii: "+"):
                        current!.after.append(contentsOf: body); remainingAfter -= 1
                    case UInt8(ascii: "-"):
                        current!.before.append(contentsOf: body); current!.removed = true; remainingBefore -= 1
                    case UInt8(ascii: "\\"):
                        break   // `\ No newline at end of file`
                    default:
                        remainingBefore = 0; remainingAfter = 0
                        continue
                    }
                    k = lineNext
                }
                i = k
                continue
            } else if current == nil && pendingName == nil {
                parts.message.append(contentsOf: p[i..<next])
            }
            i = next
        }
        finish()
        return hunks > 0 ? parts : nil
    }

    /// The line counts of a hunk header `@@ -1,8 +1,47 @@` (a count left out is 1).
    static func hunkCounts(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> (Int, Int)? {
        var i = a + 4
        func number() -> Int? {
            var v = 0, digits = 0
            while i < b && ASCII.isDigit(p[i]) && digits < 9 { v = v * 10 + ASCII.digit(p[i]); i += 1; digits += 1 }
            return digits > 0 ? v : nil
        }
        func range() -> Int? {
            guard number() != nil else { return nil }
            if i < b && p[i] == UInt8(ascii: ",") { i += 1; return number() }
            return 1
        }
        guard let before = range(), i + 2 < b, p[i] == 0x20, p[i + 1] == UInt8(ascii: "+") else { return nil }
        i += 2
        guard let after = range() else { return nil }
        return (before, after)
    }
}
