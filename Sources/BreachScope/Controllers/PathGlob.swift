/// A compiled path glob of a `paths:` rule, matched against document names.
///
/// Document names are relative paths (`dir/file.csv`); archive members are written
/// `outer.zip!/dir/inner.tar.gz!/file.csv`, where `!/` is a path separator too. Windows `\`
/// separators in names are read as `/`.
///
/// Syntax: `*` any characters within one segment, `**` (a whole segment) any number of segments
/// including none, `?` one character, `[abc]`, `[a-z]`, `[!abc]` / `[^abc]` a character class,
/// `\` escapes the next character. Matching is case-sensitive. A pattern without `/` matches the
/// file name at any depth (`*_TYK_*.csv` = `**/*_TYK_*.csv`). A pattern that matches an archive
/// also matches every member of it (`exports/tartu.zip` covers `exports/tartu.zip!/a.csv`).
struct PathGlob: Sendable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case any
        case star
        case set([ClosedRange<UInt32>], negated: Bool)
    }

    enum Segment: Sendable, Equatable {
        case globstar
        case pattern([Token])
    }

    let pattern: String
    let segments: [Segment]

    init(_ pattern: String) {
        self.pattern = pattern
        var segs: [Segment] = []
        for raw in Self.splitPattern(pattern) {
            if raw == "**" {
                if segs.last != .globstar { segs.append(.globstar) }
            } else {
                segs.append(.pattern(Self.tokens(raw)))
            }
        }
        if segs.count == 1, case .pattern = segs[0] { segs.insert(.globstar, at: 0) }
        segments = segs
    }

    /// Whether the document `name` (or an archive containing it) matches.
    func matches(_ name: String) -> Bool {
        let (parts, ends) = Self.splitPath(name)
        let path = parts.map { Array($0.unicodeScalars) }
        return match(0, 0, path, ends)
    }

    private func match(_ pi: Int, _ si: Int, _ path: [[Unicode.Scalar]], _ ends: Set<Int>) -> Bool {
        if pi == segments.count { return ends.contains(si) }
        switch segments[pi] {
        case .globstar:
            for k in si...path.count where match(pi + 1, k, path, ends) { return true }
            return false
        case .pattern(let tokens):
            guard si < path.count, Self.matchSegment(tokens[...], path[si][...]) else { return false }
            return match(pi + 1, si + 1, path, ends)
        }
    }

    private static func matchSegment(_ p: ArraySlice<Token>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = p, s = s
        while let t = p.first {
            switch t {
            case .star:
                let rest = p.dropFirst()
                if rest.isEmpty { return true }
                var tail = s
                while true {
                    if matchSegment(rest, tail) { return true }
                    if tail.isEmpty { return false }
                    tail = tail.dropFirst()
                }
            case .any:
                guard !s.isEmpty else { return false }
            case .literal(let c):
                guard let f = s.first, f == c else { return false }
            case .set(let ranges, let negated):
                guard let f = s.first else { return false }
                if ranges.contains(where: { $0.contains(f.value) }) == negated { return false }
            }
            p = p.dropFirst()
            s = s.dropFirst()
        }
        return s.isEmpty
    }

    /// Pattern segments: split on `/` and `!/`, empty segments and `.` dropped.
    private static func splitPattern(_ p: String) -> [String] {
        p.split(separator: "/", omittingEmptySubsequences: true).compactMap { seg -> String? in
            var s = String(seg)
            if s.hasSuffix("!") && !s.hasSuffix("\\!") { s.removeLast() }
            return s.isEmpty || s == "." ? nil : s
        }
    }

    /// Path segments and the segment counts at which a match may end: the whole path, and after
    /// each archive (a segment followed by `!/`).
    static func splitPath(_ name: String) -> ([String], Set<Int>) {
        var parts: [String] = []
        var ends: Set<Int> = []
        let unified = name.replacingAll("\\", with: "/")
        for seg in unified.split(separator: "/", omittingEmptySubsequences: true) {
            var s = String(seg)
            if s == "." { continue }
            let archive = s.hasSuffix("!")
            if archive { s.removeLast() }
            parts.append(s)
            if archive { ends.insert(parts.count) }
        }
        ends.insert(parts.count)
        return (parts, ends)
    }

    private static func tokens(_ seg: String) -> [Token] {
        let cs = Array(seg.unicodeScalars)
        var out: [Token] = []
        var i = 0
        while i < cs.count {
            let c = cs[i]
            switch c {
            case "\\" where i + 1 < cs.count:
                out.append(.literal(cs[i + 1]))
                i += 2
                continue
            case "*":
                if out.last != .star { out.append(.star) }
            case "?":
                out.append(.any)
            case "[":
                if let (set, next) = classAt(cs, i) {
                    out.append(set)
                    i = next
                    continue
                }
                out.append(.literal(c))
            default:
                out.append(.literal(c))
            }
            i += 1
        }
        return out
    }

    /// `[abc]`, `[a-z]`, `[!x]`, `[^x]` starting at `i`; `nil` when unterminated (then `[` is literal).
    private static func classAt(_ cs: [Unicode.Scalar], _ start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < cs.count && (cs[i] == "!" || cs[i] == "^") { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < cs.count {
            var c = cs[i]
            if c == "]" && !first { return (.set(ranges, negated: negated), i + 1) }
            first = false
            if c == "\\" && i + 1 < cs.count { i += 1; c = cs[i] }
            if i + 2 < cs.count && cs[i + 1] == "-" && cs[i + 2] != "]" {
                let hi = cs[i + 2]
                ranges.append(min(c.value, hi.value)...max(c.value, hi.value))
                i += 3
            } else {
                ranges.append(c.value...c.value)
                i += 1
            }
        }
        return nil
    }
}

private extension String {
    func replacingAll(_ a: Character, with b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}
