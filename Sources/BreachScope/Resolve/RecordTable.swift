/// The stored records as the resolver needs them, in flat columns: one array per field and one
/// shared array per list (values, reasons, attributions) with per-record offsets. A million
/// records cost a handful of allocations instead of several per record.
struct RecordTable {
    /// Special-category inference of a record: category element code, rule id.
    struct ReasonItem: Hashable { var category: UInt8; var rule: Int64 }

    var documents: [Int64] = []
    var ordinals: [Int] = []
    /// Index into `languageNames`; 0 when the record has no language.
    var languages: [UInt16] = []
    /// Bit per element code present (no link keys).
    var elements: [UInt32] = []
    /// Record `i`'s dense value indices are `values[valueStarts[i]..<valueStarts[i + 1]]`.
    var valueStarts: [Int32] = [0]
    var values: [Int32] = []
    var reasonStarts: [Int32] = [0]
    var reasons: [ReasonItem] = []
    var attributionStarts: [Int32] = [0]
    var attributions: [ScopeInputs.Attribution] = []
    /// Interned language codes as stored (`~` marks a guess); index 0 is unused.
    var languageNames: [String] = [""]
    private var languageBytes: [[UInt8]] = [[]]
    /// The language found last (records of a document mostly share one).
    private var lastLanguage = 0
    /// The largest document id seen (for per-document arrays).
    var maxDocument: Int64 = 0

    var count: Int { documents.count }

    /// The interned index of a language code given as UTF-8 bytes (a handful of distinct codes:
    /// a linear search, no string per record).
    mutating func language(_ bytes: UnsafeRawBufferPointer) -> UInt16 {
        if lastLanguage > 0, languageBytes[lastLanguage].withUnsafeBytes({ $0.elementsEqual(bytes) }) { return UInt16(lastLanguage) }
        let found = intern(bytes)
        lastLanguage = Int(found)
        return found
    }

    private mutating func intern(_ bytes: UnsafeRawBufferPointer) -> UInt16 {
        for i in 1..<languageBytes.count where languageBytes[i].count == bytes.count {
            if languageBytes[i].withUnsafeBytes({ $0.elementsEqual(bytes) }) { return UInt16(i) }
        }
        let b = Array(bytes)
        languageBytes.append(b)
        languageNames.append(String(decoding: b, as: UTF8.self))
        return UInt16(languageBytes.count - 1)
    }

    /// Starts record `count`; append its values, reasons and attributions, then call `close()`.
    mutating func open(document: Int64, ordinal: Int, language: UInt16) {
        documents.append(document)
        ordinals.append(ordinal)
        languages.append(language)
        elements.append(0)
        if document > maxDocument { maxDocument = document }
    }

    mutating func close() {
        valueStarts.append(Int32(values.count))
        reasonStarts.append(Int32(reasons.count))
        attributionStarts.append(Int32(attributions.count))
    }

    /// Appends another table's records after this one's (its languages re-interned).
    mutating func append(_ other: RecordTable) {
        let languageMap: [UInt16] = other.languageBytes.enumerated().map { i, b in i == 0 ? 0 : b.withUnsafeBytes { language($0) } }
        documents += other.documents
        ordinals += other.ordinals
        languages += other.languages.map { languageMap[Int($0)] }
        elements += other.elements
        let v = Int32(values.count), r = Int32(reasons.count), a = Int32(attributions.count)
        valueStarts += other.valueStarts.dropFirst().lazy.map { $0 + v }
        reasonStarts += other.reasonStarts.dropFirst().lazy.map { $0 + r }
        attributionStarts += other.attributionStarts.dropFirst().lazy.map { $0 + a }
        values += other.values
        reasons += other.reasons
        attributions += other.attributions
        maxDocument = max(maxDocument, other.maxDocument)
    }

    /// Makes room for about this many records and values.
    mutating func reserve(records: Int, values count: Int) {
        documents.reserveCapacity(records); ordinals.reserveCapacity(records); languages.reserveCapacity(records)
        elements.reserveCapacity(records); valueStarts.reserveCapacity(records + 1); reasonStarts.reserveCapacity(records + 1)
        attributionStarts.reserveCapacity(records + 1); values.reserveCapacity(count)
    }

    /// Adds a stored record: its values as dense indices, its special-category reasons and
    /// controller attributions, and the bit set of its elements.
    mutating func add(document: Int64, _ r: RecordBoxes.Record, dense: DenseIndex.View) {
        open(document: document, ordinal: r.ordinal, language: r.language.map { language($0) } ?? 0)
        var elements: UInt32 = 0
        PackedItems.decode(r.items, recordLine: 0, recordOffset: 0) { it in
            switch it.code {
            case PackedItems.controllerCode:
                attributions.append(ScopeInputs.Attribution(controller: it.valueID >> 16, rule: it.valueID & 0xFFFF))
            case PackedItems.reasonBase..<(PackedItems.reasonBase + 32):
                let category = it.code - PackedItems.reasonBase
                reasons.append(ReasonItem(category: category, rule: it.valueID))
                elements |= 1 << UInt32(category)
            default:
                if it.valueID > 0, let d = dense[it.valueID] { values.append(d) }
                if it.code < 32 { elements |= 1 << UInt32(it.code) }
            }
        }
        self.elements[self.elements.count - 1] = elements
        close()
    }

    func valueRange(_ i: Int) -> Range<Int> { Int(valueStarts[i])..<Int(valueStarts[i + 1]) }
    func reasonRange(_ i: Int) -> Range<Int> { Int(reasonStarts[i])..<Int(reasonStarts[i + 1]) }
    func attributionRange(_ i: Int) -> Range<Int> { Int(attributionStarts[i])..<Int(attributionStarts[i + 1]) }

    /// Whether record `i` holds something that points at a human being. Purchase rows, delivery
    /// lines or a bare loyalty-card number add to a person's exposure but make no person alone.
    func identifies(_ i: Int) -> Bool { elements[i] & Resolver.identifying != 0 }
}
