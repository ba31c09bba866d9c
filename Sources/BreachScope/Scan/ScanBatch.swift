/// What a scanner worker hands to the store writer for one document: a slice of its records
/// (large documents arrive in several slices) and, with the last slice, the outcome.
/// Plaintext values travel only in memory, to be hashed and sealed by the writer.
public struct ScanBatch: Sendable {
    public var documentID: Int64
    /// Columns declared since the previous slice.
    public var fields: [FieldDeclaration] = []
    /// Distinct values referenced by `records` in this slice.
    public var values: [PendingValue] = []
    public var records: [PendingRecord] = []
    /// Controllers first named in this slice (unlisted ones, from field values).
    public var controllers: [ScanScope.NewController] = []
    /// First evidence of each special-category rule in the document (masked and sealed).
    public var evidence: [PendingEvidence] = []
    /// Set on the document's last slice.
    public var outcome: DocumentOutcome?

    public init(documentID: Int64) { self.documentID = documentID }
}

/// A column, JSON path or text label of a document.
public struct FieldDeclaration: Sendable {
    public var ordinal: Int
    public var name: String
    public var hint: FieldHint
}

/// A value to store: its kind, its keyed hash (computed by the worker that found it, so hashing
/// runs in parallel) and, in memory only, its plaintext (sealed by the writer in `ValueBoxes`).
public struct PendingValue: Sendable {
    public var kind: ValueKind
    public var hash: ValueHash
    public var plaintext: [UInt8]
}

/// One record: its items reference `ScanBatch.values` by index.
public struct PendingRecord: Sendable {
    public var ordinal: Int
    public var line: Int
    public var offset: Int
    public var language: String?
    public var items: [PendingItem]
}

/// One finding (or link key) of a record.
public struct PendingItem: Sendable, Hashable {
    /// Link keys use this element code.
    public static let linkKeyCode: UInt8 = 255
    /// Index into `ScanBatch.values`, or -1 for elements that carry no stored value
    /// (purchase history, delivery info).
    public var value: Int64
    /// `ElementType.code`, `linkKeyCode`, a special-category reason (`PackedItems.reasonBase` +
    /// category code; `value` is the rule's row id) or a controller attribution
    /// (`PackedItems.controllerCode`; `value` is controller id << 16 | rule id).
    public var code: UInt8
    /// Field ordinal, or -1 for free text.
    public var field: Int32
    public var line: Int32
    public var offset: Int
}

extension PendingItem {
    /// Whether `value` indexes `ScanBatch.values` (and not a rule or controller id).
    @inline(__always) public var refersToValue: Bool { value >= 0 && (code < PackedItems.reasonBase || code == PendingItem.linkKeyCode) }
    /// Whether the item makes its record worth storing: a personal element or a special-category
    /// reason (link keys and controller attributions only qualify what else the record holds).
    var isEmitted: Bool { code < PackedItems.reasonBase || (code >= PackedItems.reasonBase && code < PackedItems.reasonBase + 32) }
}

/// Where a special-category rule first matched in a document, with masked evidence.
public struct PendingEvidence: Sendable {
    public var rule: Int64
    public var line: Int
    public var offset: Int
    public var maskedSealed: [UInt8]
}

/// How a document ended.
public struct DocumentOutcome: Sendable {
    public enum Status: String, Sendable, CaseIterable { case scanned, skipped, failed }
    public var status: Status
    public var reason: String?
    public var format: String?
    public var encoding: String?
    public var records: Int
    public var findings: Int
}
