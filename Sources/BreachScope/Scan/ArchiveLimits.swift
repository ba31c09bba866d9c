/// Limits applied to archives (ZIP, tar, gzip) so hostile ones — zip bombs, endless nesting,
/// millions of members — cannot exhaust disk, memory or time. Exceeding one fails that member
/// (or the archive) with a reason; the scan goes on.
public struct ArchiveLimits: Sendable {
    /// Deepest nesting expanded: the outer archive is depth 1; a deeper archive member is
    /// recorded as skipped.
    public var maxDepth = 3
    /// Largest uncompressed member extracted.
    public var maxMemberBytes = 1 << 30
    /// Largest compression ratio (uncompressed : compressed) accepted for a member over
    /// `ratioFloorBytes`.
    public var maxRatio = 200
    public var ratioFloorBytes = 1 << 20
    /// Most bytes extracted from one archive (its members together; a gzip stream as a whole).
    public var maxArchiveBytes = 8 << 30
    /// Most members listed per archive.
    public var maxMembers = 100_000
    /// Largest mail body (text or HTML) decoded: bodies are decoded whole (charset, HTML to text),
    /// so they get a limit of their own; attachments are decoded in chunks under `maxMemberBytes`.
    public var maxMailBodyBytes = 64 << 20
    public init() {}
}
