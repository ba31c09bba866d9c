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
    /// Values seen in a staff member's field in any record (`PendingItem.staffCode`), as dense
    /// indices; `dropStaff` takes them from every record.
    var staffValues: [Int32] = []
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

    /// Starts record `count`: add its items with `item`, then `close(elements:)`.
    mutating func open(document: Int64, ordinal: Int, language: UInt16) {
        documents.append(document)
        ordinals.append(ordinal)
        languages.append(language)
        if document > maxDocument { maxDocument = document }
    }

    /// Adds an item of the open record: `code` and `stored` as in `PackedItems.Item` (`stored`
    /// a value's row id, a rule id, or controller id << 16 | rule id), `value` the dense index
    /// of its value (nil when it has none). Collects the record's element bits in `elements`.
    @inline(__always) mutating func item(code: UInt8, stored: Int64, value: Int32?, elements: inout UInt32) {
        switch code {
        case PackedItems.controllerCode:
            attributions.append(ScopeInputs.Attribution(controller: stored >> 16, rule: stored & 0xFFFF))
        case PendingItem.staffCode:
            if let value { staffValues.append(value) }
        case PackedItems.reasonBase..<(PackedItems.reasonBase + 32):
            let category = code - PackedItems.reasonBase
            reasons.append(ReasonItem(category: category, rule: stored))
            elements |= 1 << UInt32(category)
        default:
            if let value { values.append(value) }
            if code < 32 { elements |= 1 << UInt32(code) }
        }
    }

    mutating func close(elements bits: UInt32) {
        elements.append(bits)
        valueStarts.append(Int32(values.count))
        reasonStarts.append(Int32(reasons.count))
        attributionStarts.append(Int32(attributions.count))
    }

    /// Adds a stored record: its values as dense indices, its special-category reasons and
    /// controller attributions, and the bit set of its elements.
    mutating func add(document: Int64, _ r: RecordBoxes.Record, dense: DenseIndex.View) {
        open(document: document, ordinal: r.ordinal, language: r.language.map { language($0) } ?? 0)
        var elements: UInt32 = 0
        PackedItems.decode(r.items, recordLine: 0, recordOffset: 0) { it in
            item(code: it.code, stored: it.valueID, value: it.valueID > 0 ? dense[it.valueID] : nil, elements: &elements)
        }
        close(elements: elements)
    }

    /// Adds the records of a scan slice as the writer stores them (`StoreWriter`): item values
    /// are indices into `batch.values`, whose row ids are `ids`; `firstValueID` is the id of
    /// dense index 0 (a first scan's values are numbered from it in the order written).
    mutating func add(_ batch: ScanBatch, ids: [Int64], firstValueID: Int64) {
        let records = batch.records, items = records.items
        var lastLanguage: String?, lastCode: UInt16 = 0
        for r in records.headers {
            var code: UInt16 = 0
            if let l = r.language {
                if l == lastLanguage { code = lastCode } else {
                    var text = l
                    code = text.withUTF8 { language(UnsafeRawBufferPointer($0)) }
                    lastLanguage = l; lastCode = code
                }
            }
            open(document: batch.documentID, ordinal: r.ordinal, language: code)
            var elements: UInt32 = 0
            for x in r.itemStart..<r.itemEnd {
                let it = items[x]
                let stored = it.stored(ids: ids)
                let dense = stored - firstValueID
                item(code: it.code, stored: stored, value: stored > 0 && dense >= 0 && dense < Int64(Int32.max) ? Int32(dense) : nil,
                     elements: &elements)
            }
            close(elements: elements)
        }
    }

    /// Takes the staff values (`staffValues`: a doctor's e-mail seen under `orderedBy`) from every
    /// record, whatever order the records came in: they are no one's element and join no records.
    /// A record left without a linking value is the staff member's own (a mail header's
    /// `Name` and `E-mail`, the line under a referral's `Nosūtītājs:`): it keeps only its
    /// special-category reasons, which then concern its document's persons.
    /// `kinds` are the values' kinds by dense index; `links(kind)` says whether a kind links.
    mutating func dropStaff(kinds: [UInt16], links: (UInt16) -> Bool) {
        guard !staffValues.isEmpty else { return }
        var staff = [Bool](repeating: false, count: kinds.count)
        for v in staffValues where Int(v) < staff.count { staff[Int(v)] = true }
        let emailKind = UInt16(IdentifierType.email.code), phoneKind = UInt16(IdentifierType.phone.code)
        // A mail whose body a staff member signed (their writer key is a staff value): the
        // header's address block of that name is theirs, its e-mail and phone staff values.
        let writerKind = ValueKind.mailWriter.rawValue
        if staffValues.contains(where: { Int($0) < kinds.count && kinds[Int($0)] == writerKind }) {
            for i in 0..<count {
                let range = Int(valueStarts[i])..<Int(valueStarts[i + 1])
                guard range.contains(where: { kinds[Int(values[$0])] == writerKind && staff[Int(values[$0])] }) else { continue }
                for k in range where kinds[Int(values[k])] == emailKind || kinds[Int(values[k])] == phoneKind { staff[Int(values[k])] = true }
            }
        }
        let nameKind = ValueKind.element(.name).rawValue
        let emailBit: UInt32 = 1 << UInt32(ElementType.email.code), phoneBit: UInt32 = 1 << UInt32(ElementType.phone.code)
        var kept: [Int32] = []
        kept.reserveCapacity(values.count)
        var start = 0
        for i in 0..<count {
            let end = Int(valueStarts[i + 1])
            var dropped = false, linking = false, email = false, phone = false
            let from = kept.count
            // A staff member's name goes only where the record names someone else too (a ticket's
            // requester beside the agent who answered); alone it may be the record's own.
            var otherName = false
            for k in start..<end where kinds[Int(values[k])] == nameKind && !staff[Int(values[k])] { otherName = true; break }
            for k in start..<end {
                let v = values[k]
                if staff[Int(v)] && (otherName || kinds[Int(v)] != nameKind) {
                    if links(kinds[Int(v)]) { dropped = true }
                    continue
                }
                kept.append(v)
                let kind = kinds[Int(v)]
                if links(kind) { linking = true }
                if kind == emailKind { email = true } else if kind == phoneKind { phone = true }
            }
            start = end
            if dropped {
                if !linking {
                    kept.removeSubrange(from...)
                    elements[i] &= Resolver.categoryBits & reasons[reasonRange(i)].reduce(0) { $0 | 1 << UInt32($1.category) }
                } else {
                    if !email { elements[i] &= ~emailBit }
                    if !phone { elements[i] &= ~phoneBit }
                }
            }
            valueStarts[i + 1] = Int32(kept.count)
        }
        values = kept
    }

    func valueRange(_ i: Int) -> Range<Int> { Int(valueStarts[i])..<Int(valueStarts[i + 1]) }
    func reasonRange(_ i: Int) -> Range<Int> { Int(reasonStarts[i])..<Int(reasonStarts[i + 1]) }
    func attributionRange(_ i: Int) -> Range<Int> { Int(attributionStarts[i])..<Int(attributionStarts[i + 1]) }

    /// Whether record `i` holds something that points at a human being. Purchase rows, delivery
    /// lines or a bare loyalty-card number add to a person's exposure but make no person alone.
    func identifies(_ i: Int) -> Bool { elements[i] & Resolver.identifying != 0 }
}
