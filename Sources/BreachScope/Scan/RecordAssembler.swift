import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `RecordVisitor` the scanner gives every reader: runs detectors on each field according to
/// its column's hint, groups findings into records, hashes values (keyed), de-duplicates them per
/// slice, and hands slices of records to the store writer.
struct RecordAssembler: RecordVisitor {
    struct Column { var name: String; var hint: FieldHint }

    let documentID: Int64
    let vault: Vault
    let fieldScanner: FieldScanner
    let splitConflictingBlocks: Bool
    let sliceSize: Int
    let submit: (ScanBatch) -> Void
    /// Controller rules acting on column values (issue #4).
    let scope: ScanScope?
    /// Per column: the controller rules whose `columns` name it.
    private var controllerRules: [[Int]] = []
    /// Bytes of the document (0 when unknown): small documents are searched for special
    /// categories everywhere, large ones only in records that hold something personal.
    let documentSize: Int
    /// Whether a special category found in a record without a person concerns every person of
    /// the document (a lab report's result page), as in prose; in tables each row stands alone.
    var spreadsDocumentCategories = false
    /// Whether a small document's contact paragraphs may join its one person (`attachFormContacts`):
    /// prose, not a mail's list of addresses.
    var readsForms = false
    /// The mail message a document is a member of (`X.eml`, `inbox.mbox!/message-0003.eml`) and
    /// whether it is the message's `headers.txt`. An address block there and the body's record
    /// its writer signs (the name under their closing) are one person: both get a key made of the
    /// message and the name's consonant skeleton (`mailWriterKey`, `ValueKind.mailWriter`), so `From: Anu Kukk
    /// <anu_kukk@…>` joins the body's `Minu isikukood on 4811…` · `Parimate soovidega` · `Anu Kukk`.
    var mailMessage: (path: String, headers: Bool)? = nil
    /// Per column: the category rules' column conditions.
    private var categoryColumns: [CategoryColumns] = []
    /// Per column: whether its values are searched for special categories (by its hint, and
    /// not a column of numbers, dates or amounts that no rule names).
    private var searchedColumns: [Bool] = []
    /// Columns of a URL's query parameters (`TextReader.queryColumnPrefix`).
    private var queryColumns: [Bool] = []
    /// The current record's field bytes, kept to be searched for special categories once it is
    /// known whether the record is worth it.
    private var blockText: [UInt8] = []
    private var blockSegments: [(start: Int, end: Int, column: Int32, line: Int32, offset: Int)] = []
    /// Category rules whose evidence this document has already stored.
    private var evidenceRules: Set<Int64> = []
    static let categoryBufferLimit = 256 << 10
    /// In large documents, lines within this distance of a finding are searched for categories.
    static let categoryWindow = 8
    static let smallDocument = 4 << 20

    private(set) var columns: [Column] = []
    private var newFields: [FieldDeclaration] = []
    private var batch: ScanBatch
    private var sealer: Sealer
    /// The slice's values seen lately: keyed hash → index in `batch.values`, direct-mapped (4096
    /// entries, 96 KB). A value repeated nearby (a common name, the same e-mail in consecutive
    /// rows) is kept once in the slice; a repeat that was pushed out is appended again, and the
    /// writer gives it the first copy's id (its map holds all values). A map of a whole slice's
    /// values (50,000 on a customer table) outgrew the cache: every lookup missed it.
    /// Allocated at the first value: a mailbox's thousands of small documents need none of it.
    private var recent: [RecentValue] = []
    struct RecentValue {
        var hi: UInt64
        var lo: UInt64
        var index: Int64
        static let empty = RecentValue(hi: 0, lo: 0, index: -1)
    }
    static let recentCount = 4096
    private(set) var recordCount = 0
    /// Added to the ordinals of this assembler's records: a part of a document read in parallel
    /// numbers its records from its first byte's offset (a record takes at least one byte, so
    /// the parts' ordinals never overlap and keep the document's order).
    private var ordinalBase = 0
    /// Columns declared by the parts of a document read in parallel (nil otherwise).
    private var sharedColumns: SharedColumns?
    private(set) var findingCount = 0
    /// Countries of unambiguous identifiers seen so far, to settle ambiguous national IDs
    /// (a handful of countries: two small arrays, no hashing of strings per finding).
    private var voteCountries: [String] = []
    private var voteCounts: [Int] = []
    /// Reused buffers (no allocation per field or record): the findings of a field, the
    /// national-ID candidates at one position, a link key's material, a joined name.
    private var foundScratch: [Finding] = []
    private var candidateScratch: [Finding] = []
    private var materialScratch: [UInt8] = []
    private var nameScratch: [UInt8] = []
    private var nearScratch: [Int32] = []
    private var hitScratch: [SegmentHit] = []
    private var freshHitScratch: [CategoryMatcher.RuleHit] = []
    /// Category hits of short column values already searched in this document.
    private var categoryMemo = CategoryMemoTable()
    /// Sentences of a field (five words or more, `isTemplateSentence`) that gave a category hit:
    /// by hash of column and bytes, in how many records of the document they stood and the last
    /// record counted. One standing in most records (a bulk mailing's subject sent to every
    /// customer) is a template: it says nothing of any one person (`dropTemplateReasons`).
    private var templateCounts: [UInt64: (count: Int, record: Int)] = [:]
    /// The reasons of the slice that only such a sentence gave, by place, with its hash; and the
    /// evidence stored from one, by rule.
    private var templateReasons: [TemplatePlace: UInt64] = [:]
    private var templateEvidence: [Int64: UInt64] = [:]
    /// Per column: 0 not yet known, 1 a sentence of it may be a template, 2 not (`sentenceColumn`).
    private var templateColumns: [UInt8] = []
    private var preferredCountry: String?
    /// The country of the last phone-column number written in national form with a trunk zero.
    private var trunkCountry: PhonePlans.Country?

    // Current record.
    private var inRecord = false
    private var recordLine = 0
    private var recordOffset = 0
    private var items: [PendingItem] = []
    private var itemKeys: [ValueHash] = []
    /// An `add` whose keyed hash waits for the next `add`, so that two values are hashed at once
    /// (`Vault.hash2`: two short values interleaved, ~1.5 times the throughput). Its bytes are
    /// in `waitingBytes`. Whatever reads the record's items, values or element bits first
    /// completes it (`settle`); between two `add`s nothing does, so the record, its value ids
    /// and the slice are what hashing each value at once gave.
    private var waiting: (kind: ValueKind, element: ElementType, field: Int32, line: Int32, offset: Int)?
    private var waitingBytes: [UInt8] = []
    /// Where the record's first and last names are; their normalised bytes are in the reused
    /// buffers `firstBytes` and `lastBytes`.
    private var firstName: (field: Int32, line: Int32, offset: Int)?
    private var lastName: (field: Int32, line: Int32, offset: Int)?
    private var firstBytes: [UInt8] = []
    private var lastBytes: [UInt8] = []
    /// A trimmed key-like value (card, link key), reused.
    private var keyScratch: [UInt8] = []
    /// Per column: its hint (read per field without copying the column's name).
    private var hints: [FieldHint] = []
    /// Whether special categories are searched at all.
    private let searchesCategories: Bool
    private var addressParts: [(bytes: [UInt8], field: Int32, line: Int32, offset: Int, whole: Bool)] = []
    /// A column of address parts (`Postinumero`, `city`) was declared: a whole-address column
    /// (`Osoite`, `Lähiosoite`) beside it holds the street only, and is joined with the parts.
    private var hasAddressPartColumns = false
    /// Bit per element code of the current record's values (`add`), for per-record checks
    /// without a walk over its items.
    private var valueElements: UInt32 = 0
    private static let strongElements: UInt32 = 1 << UInt32(ElementType.nationalID.code) | 1 << UInt32(ElementType.email.code)
        | 1 << UInt32(ElementType.phone.code)
    /// Elements that say who a record is about, besides a name.
    private static let namingElements: UInt32 = strongElements | 1 << UInt32(ElementType.postalAddress.code)
    private static let nameElement: UInt32 = 1 << UInt32(ElementType.name.code)
    /// The record's name field holds an organisation's name (`Apteek Kesklinn`): its e-mail,
    /// phone and address are the organisation's, unless the record carries a national ID.
    private var organisationRecord = false
    /// Per column: it names a store's manager (`FieldClassifier.namesStaffRole`): a row with one
    /// is an organisation's site, as a row whose name is an organisation's.
    private var staffColumns: [Bool] = []
    /// Per column: it names one of the organisation's sites (`FieldClassifier.namesSite`).
    private var siteColumns: [Bool] = []
    /// Per column: it holds a message's id (`FieldClassifier.namesMessageID`): not scanned.
    private var messageIDColumns: [Bool] = []
    /// Columns of a chat message's sender (`messages[].sender_name`, `namesChatSender`): the
    /// sender's messages in one document are one person's (a link key of the document and the
    /// name's skeleton).
    private var chatSenderColumns: [Bool] = []
    /// The record has a value in a site column (`siteColumns`).
    private var siteRecord = false
    /// Per column: its last step is FHIR's `resourceType`.
    private var resourceTypeColumns: [Bool] = []
    /// Per column: what it says of an account (`FieldClassifier.AccountRole`), `.none` mostly.
    private var accountRoleColumns: [FieldClassifier.AccountRole] = []
    /// The record is a FHIR resource of the organisation's own (`Practitioner`, `Organization`,
    /// `Location` …): its name, address, e-mails and phones are staff's or a site's.
    private var staffResourceRecord = false
    /// The column of a table's title lines (`CSVReader.titleColumn`), and whether the record is one.
    private var titleColumn = -1
    private var titleRecord = false
    /// Per non-personal column: it names another party (`Arst`, `Clinician`:
    /// `FieldClassifier.namesOtherEntity`), whose e-mails and IBANs are not read.
    private var otherPartyColumns: [Bool] = []
    /// Per non-personal column: it names the organisation's or a provider's people acting in
    /// their role (`orderedBy`, `Saatja arst`: `FieldClassifier.namesStaffMember`). Their e-mails
    /// and phones are stored as staff values, which the resolver takes from every record.
    private var staffMemberColumns: [Bool] = []
    /// Per staff member's column: its last step is a name's key (`assignee.name`,
    /// `orderedBy.name`), so its value is the staff member's name.
    private var staffNameColumns: [Bool] = []
    /// The record's staff values (`markStaff`), kept apart from its items: they change nothing
    /// the record's own findings decide, and are stored with them (or alone) when it ends.
    private var staffItems: [PendingItem] = []
    /// The line of the record's last staff member's field, or -1.
    private var staffLine = -1
    /// A table's record has a value in a staff member's column (`lekarz`, `orderedBy`).
    private var staffMemberRecord = false
    /// The column of a writer's name under their closing (`writerNameColumn`), or -1.
    private var writerColumn: Int32 = -1
    /// Per column: the group of a related person's columns it belongs to (a guardian's, an
    /// emergency contact's: `FieldClassifier.relatedGroup`), or -1. In tables and JSON/XML
    /// records (not prose, whose related lines `TextReader` reads as their own blocks).
    private var relatedColumns: [Int32] = []
    /// Per column: a related person's genotype (`FieldClassifier.namesRelatedGenotype`). A
    /// relative read apart with a value there carries the row's genetic data.
    private var genotypeColumns: [Bool] = []
    /// The row's genetic-data reasons, kept for its relatives read apart (`readRelatedFields`).
    private var rowGeneticReasons: [PendingItem] = []
    private var relatedGroupIDs: [String: Int32] = [:]
    /// Per group: it is a payment's reference text (`FieldClassifier.namesPaymentReference`),
    /// read apart only when it names someone else by a national ID (`namesAnother`).
    private var referenceGroups: [Bool] = []
    /// The current record's fields in related persons' columns, held until it ends: read as
    /// records of their own when it names someone else (`endRecord`), else as its own.
    private var relatedFields: [(group: Int32, column: Int32, line: Int32, offset: Int, start: Int, end: Int)] = []
    private var relatedBytes: [UInt8] = []
    private var readingRelated = false
    /// The record holds an Estonian or Lithuanian code (`linkBalticCode`).
    private var balticCode = false
    /// National IDs the record's prose gives as a relative's (`Minu tütre Kersti Lepik
    /// (isikukood 6131…)`, `моего ребёнка … (личный код 5160…)`): `splitRelatives`.
    private var relativeCodes: [[UInt8]] = []
    private var language: String?
    /// The current text block turned out to hold several persons: emit it line by line.
    private var blockSplit = false
    /// The current block has labelled fields (`Nimi: …`), i.e. it is a form, not a list.
    private var blockHasLabels = false
    /// The document is a delivery list (`FieldClassifier.startsDeliveryList` on its first line,
    /// a text line, or its file name: `FieldClassifier.namesDeliveries`): each of its records
    /// that names a person gets `delivery_info`.
    var deliveryList = false
    private var sawFirstField = false
    /// A small prose document (a consent form, a letter) whose paragraph holds only a phone or an
    /// e-mail (`Kontakttelefon / phone: +372 5595 1945` below `Mina, Sophie Ward, isikukood …`):
    /// the paragraph is held until the document ends (`attachFormContacts`).
    private var heldContacts: [(line: Int, offset: Int, language: String?, items: [PendingItem])] = []
    /// Records emitted so far that name someone (a name or a national ID), and the last one's
    /// index in `batch.records` (-1 once its slice was sent).
    /// The current record's fields are all on its first line.
    private var blockOneLine = true
    private var namingRecords = 0
    private var namingRecordIndex = -1
    /// Records emitted so far with a phone or an e-mail and no name or national ID, and the last
    /// one's index in `batch.records` (-1 once its slice was sent): a letter whose only such
    /// record its writer signs (`joinsWritersContacts`).
    private var contactRecords = 0
    private var contactRecordIndex = -1
    /// Documents up to this size are forms whose contact paragraphs may be their person's.
    static let formDocument = 16 << 10
    /// Documents up to this size give weak keys to records with strong identifiers too.
    static let weakKeyDocument = 4 << 20
    private static let contactElements: UInt32 = 1 << UInt32(ElementType.email.code) | 1 << UInt32(ElementType.phone.code)

    init(documentID: Int64, vault: Vault, fieldScanner: FieldScanner, splitConflictingBlocks: Bool,
         sliceSize: Int = 10_000, scope: ScanScope? = nil, documentSize: Int = 0, submit: @escaping (ScanBatch) -> Void) {
        self.scope = scope
        self.documentSize = documentSize
        self.documentID = documentID
        self.vault = vault
        self.fieldScanner = fieldScanner
        self.splitConflictingBlocks = splitConflictingBlocks
        self.sliceSize = sliceSize
        self.submit = submit
        batch = ScanBatch(documentID: documentID)
        sealer = Sealer(vault: vault)
        searchesCategories = scope?.categories != nil
    }

    /// A copy for a part of the same document read in parallel, starting at document offset
    /// `offset`: the columns, the country votes, the rules with evidence and the category memo
    /// as they stand here (at the end of the document's first part); its own slice, sealer and
    /// counts. Columns the part meets first are numbered through `columns`.
    func forPart(at offset: Int, columns shared: SharedColumns) -> RecordAssembler {
        var part = RecordAssembler(documentID: documentID, vault: vault, fieldScanner: fieldScanner,
                                   splitConflictingBlocks: splitConflictingBlocks, sliceSize: sliceSize, scope: scope,
                                   documentSize: documentSize, submit: submit)
        part.spreadsDocumentCategories = spreadsDocumentCategories
        part.columns = columns
        part.hints = hints
        part.staffColumns = staffColumns
        part.siteColumns = siteColumns
        part.messageIDColumns = messageIDColumns
        part.chatSenderColumns = chatSenderColumns
        part.resourceTypeColumns = resourceTypeColumns
        part.accountRoleColumns = accountRoleColumns
        part.queryColumns = queryColumns
        part.titleColumn = titleColumn
        part.writerColumn = writerColumn
        part.mailMessage = mailMessage
        part.otherPartyColumns = otherPartyColumns
        part.staffMemberColumns = staffMemberColumns
        part.staffNameColumns = staffNameColumns
        part.relatedColumns = relatedColumns
        part.relatedGroupIDs = relatedGroupIDs
        part.referenceGroups = referenceGroups
        part.hasAddressPartColumns = hasAddressPartColumns
        part.controllerRules = controllerRules
        part.categoryColumns = categoryColumns
        part.searchedColumns = searchedColumns
        part.evidenceRules = evidenceRules
        part.voteCountries = voteCountries
        part.voteCounts = voteCounts
        part.preferredCountry = preferredCountry
        part.trunkCountry = trunkCountry
        part.categoryMemo = categoryMemo
        part.ordinalBase = offset
        part.deliveryList = deliveryList
        part.sawFirstField = true
        part.sharedColumns = shared
        return part
    }

    mutating func declareColumn(name: String, hint: FieldHint) -> Int {
        // In a part of a document read in parallel, another part may have declared it (same
        // name, same hint: both come from the reader's rules); only its first declaration is
        // stored, and ids other parts took are left as blank columns here.
        let (id, new) = sharedColumns?.id(for: name) ?? (columns.count, true)
        while columns.count <= id {
            columns.append(Column(name: "", hint: .none))
            hints.append(.none)
            controllerRules.append([])
            categoryColumns.append(.none)
            searchedColumns.append(true)  // as a column of hint `.none`
        }
        var hint = hint
        while relatedColumns.count <= id { relatedColumns.append(-1) }
        relatedColumns[id] = -1
        if !spreadsDocumentCategories {
            var group: String?, reference = false
            if let related = FieldClassifier.relatedGroup(name) {
                if hint == .none, let h = related.hint { hint = h }
                group = related.group
            } else if hint == .none && FieldClassifier.namesPaymentReference(name) {
                group = "\u{0}" + name  // (kept apart from related groups' names)
                reference = true
            }
            if group != nil && FieldClassifier.namesRelatedGenotype(name) {
                while genotypeColumns.count <= id { genotypeColumns.append(false) }
                genotypeColumns[id] = true
            }
            if let group {
                if let g = relatedGroupIDs[group] ?? Self.inflectedGroup(group, relatedGroupIDs) {
                    relatedColumns[id] = g
                } else {
                    relatedColumns[id] = Int32(relatedGroupIDs.count)
                    relatedGroupIDs[group] = Int32(relatedGroupIDs.count)
                    referenceGroups.append(reference)
                }
            }
        }
        columns[id] = Column(name: name, hint: hint)
        hints[id] = hint
        while staffColumns.count <= id {
            staffColumns.append(false); otherPartyColumns.append(false); staffMemberColumns.append(false); staffNameColumns.append(false)
            siteColumns.append(false); resourceTypeColumns.append(false); queryColumns.append(false); messageIDColumns.append(false)
            chatSenderColumns.append(false)
            accountRoleColumns.append(.none)
        }
        queryColumns[id] = name.hasPrefix(TextReader.queryColumnPrefix)
        staffColumns[id] = hint == .nonPersonal && FieldClassifier.namesStaffRole(name)
        siteColumns[id] = hint == .nonPersonal && FieldClassifier.namesSite(name)
        messageIDColumns[id] = hint == .nonPersonal && FieldClassifier.namesMessageID(name)
        chatSenderColumns[id] = hint == .fullName && Self.namesChatSender(name)
        // (A FHIR resource's type; a SharePoint list item's, `__metadata.type`.)
        resourceTypeColumns[id] = name.hasSuffix("resourceType") || name.hasSuffix("__metadata.type")
        accountRoleColumns[id] = FieldClassifier.accountRole(name)
        if name == CSVReader.titleColumn { titleColumn = id }
        if name == Self.writerNameColumn { writerColumn = Int32(id) }
        // A reader's staff columns (a signature's, a colleague's card) are a staff member's fields.
        let staff = name == Self.staffColumn || name == Self.staffNameColumn || name.hasPrefix(Self.staffColumn + "/")
        otherPartyColumns[id] = hint == .nonPersonal && (staff || FieldClassifier.namesOtherEntity(name))
        staffMemberColumns[id] = otherPartyColumns[id] && (staff || FieldClassifier.namesStaffMember(name))
        staffNameColumns[id] = staffMemberColumns[id] && (name == Self.staffNameColumn || !staff && Self.lastStepNamesPerson(name))
        if hint == .addressPart { hasAddressPartColumns = true }
        controllerRules[id] = columnControllerRules(name)
        categoryColumns[id] = scope?.categories?.columns(for: name) ?? .none
        searchedColumns[id] = Self.mayHoldCategories(hint)
            && !(hint == .nonPersonal && categoryColumns[id] == .none && FieldClassifier.holdsOnlyNumbers(name))
        if new { newFields.append(FieldDeclaration(ordinal: id, name: name, hint: hint)) }
        return id
    }

    /// A related person's group already declared under another form of its word: the
    /// genitive of a contact person's phone column (`Yhteyshenkilön puhelin`) beside their name's
    /// (`Yhteyshenkilö`), `Lapsevanema telefon` beside `Lapsevanem`: one word when the longer
    /// adds at most three letters to the shorter (of five or more).
    static func inflectedGroup(_ group: String, _ groups: [String: Int32]) -> Int32? {
        for (other, id) in groups {
            let (short, long) = other.count <= group.count ? (other, group) : (group, other)
            // (`guardian` and `guardian2` are two persons.)
            if short.count >= 5 && long.count - short.count <= 3 && long.hasPrefix(short)
                && !long.dropFirst(short.count).contains(where: \.isNumber) { return id }
        }
        return nil
    }

    /// The controller rules whose `columns` name the column `name`.
    private func columnControllerRules(_ name: String) -> [Int] {
        guard let rules = scope?.controllers, rules.hasColumnRules else { return [] }
        var found = rules.columnRules(forHeader: name)
        // A JSON path or XML element path: its last step is the column's own name.
        if found.isEmpty, let last = name.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "[" }).last, last.count < name.count {
            found = rules.columnRules(forHeader: String(last))
        }
        return found
    }

    mutating func beginRecord(line: Int, offset: Int) {
        if inRecord { endRecord() }
        inRecord = true
        recordLine = line
        recordOffset = offset
        blockOneLine = true
        staffLine = -1
    }

    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        // A spreadsheet's text-forced cell (`="2900015794650"`, Excel's way to keep leading zeros
        // and long numbers): its value is what stands between the quotes.
        if value.count >= 3 && value[0] == 0x3D && value[1] == 0x22 && value[value.count - 1] == 0x22 {
            field(UnsafeBufferPointer(rebasing: value[2..<(value.count - 1)]), column: column, line: line, offset: offset + 2)
            return
        }
        if !inRecord { beginRecord(line: line, offset: offset) }
        if !readingRelated && column >= 0 && column < relatedColumns.count && relatedColumns[column] >= 0 {
            let start = relatedBytes.count
            relatedBytes.append(contentsOf: value)
            relatedFields.append((relatedColumns[column], Int32(column), Int32(line), offset, start, relatedBytes.count))
            return
        }
        if !sawFirstField {
            sawFirstField = true
            deliveryList = deliveryList || (column < 0 && FieldClassifier.startsDeliveryList(value))
        }
        // (A URL's query parameter labels its value, but a log of requests is no labelled form.)
        if column >= 0 && !(column < queryColumns.count && queryColumns[column]) { blockHasLabels = true }
        if line != recordLine { blockOneLine = false }
        // The block checks below read the record's items only when it was split or has 32 of
        // them: only then is a waiting add completed first (it would be the 32nd at most).
        if splitConflictingBlocks && (blockSplit || items.count >= 31) { settle() }
        if splitConflictingBlocks && !items.isEmpty {
            // Long blocks (a log without blank lines) are checked as they grow; once split, each
            // finished line is emitted at once, so memory stays bounded by a line, not a file.
            if !blockSplit && items.count >= 32 && items.count % 32 == 0 && hasConflict() { blockSplit = true }
            if blockSplit, let last = items.last, Int(last.line) < line {
                findCategories()
                emitLines(through: Int32(line - 1))
                if items.isEmpty && batch.records.count >= sliceSize { flush(outcome: nil) }
            }
        }
        if column < 0 && staffLine >= 0 && line == staffLine + 1 && Self.isBareContact(value) {
            // The line under a staff member's (`Nosūtītājs: Thomas Thistlewood (D88593)` ·
            // `thomas.thistlewood@…`): an address or a number alone is theirs.
            markStaff(value, Int32(column), Int32(line), offset)
            staffLine = line
            return
        }
        let hint = column >= 0 && column < hints.count ? hints[column] : .none
        if column == titleColumn && column >= 0 { titleRecord = true }
        if column >= 0 && column < resourceTypeColumns.count && resourceTypeColumns[column]
            && Self.staffResourceTypes.contains(String(decoding: value, as: UTF8.self)) {
            staffResourceRecord = true
        }
        if column >= 0 && column < accountRoleColumns.count && accountRoleColumns[column] != .none
            && FieldClassifier.namesStaffAccount(value, accountRoleColumns[column]) {
            // A help desk's or a shop's own user (Zendesk's `"role": "agent"`, Django's
            // `is_staff`): a staff member's account, as a FHIR `Practitioner` is.
            staffResourceRecord = true
        }
        let f = Int32(column), l = Int32(line)
        if column >= 0 && column < controllerRules.count && !controllerRules[column].isEmpty {
            attribute(value, rules: controllerRules[column], f, l, offset)
        }
        // Free text is kept even without categories: a record's prose may name its person
        // (`addProseName`).
        if (searchesCategories || column < 0) && !value.isEmpty && (column < 0 || column >= searchedColumns.count || searchedColumns[column]) {
            keepForCategories(value, f, l, offset)
        }
        switch hint {
        case .fullName where value.contains(UInt8(ascii: "@")):
            // An address with its display name under a name's label (`Recipient`: `John Smith
            // <john.smith77@example.com>`): read as what it is.
            scanText(value, hint: .none, f, l, offset)
        case .fullName:
            if value.count <= 200, let cut = Self.titledNameEnd(value) {
                // A card's or a task's title under a name's key (Trello's `name`: `Koivisto Outi –
                // tuotteen vaihto`): the name before the dash, the rest read as text.
                if normalizeName(UnsafeBufferPointer(rebasing: value[..<cut.name])) {
                    add(.element(.name), .name, nameScratch, f, l, offset)
                }
                scanText(UnsafeBufferPointer(rebasing: value[cut.rest...]), hint: .none, f, l, offset + cut.rest)
                break
            }
            if value.count <= 200, let start = Self.titledNameStart(value),
               normalizeName(UnsafeBufferPointer(rebasing: value[start...])) {
                // A task's title under a name's key (Asana's `Name`: `Paristotoimitus – Forsman
                // Åke`): the name after the dash.
                add(.element(.name), .name, nameScratch, f, l, offset + start)
                break
            }
            // A clinician named with their title (`dr. Kadri Saar` as a message's sender, `dr Reet
            // Paju` as a result's recipient) is staff, not the record's person.
            if normalizeName(value) {
                if NameDetector.startsWithTitle(value) && nameScratch.contains(0x20) {
                    addStaff(.element(.name), nameScratch, f, l, offset)
                } else {
                    add(.element(.name), .name, nameScratch, f, l, offset)
                    if column < chatSenderColumns.count && chatSenderColumns[column] {
                        // A chat thread's sender (a Messenger export's `sender_name`): their
                        // messages in this document are one person's, whichever holds the code.
                        let skeleton = WeakKey.nameSkeleton(nameScratch)
                        if skeleton.contains(" ") { addLinkKey(namespace: "chat-sender:\(documentID)", Array(skeleton.utf8), f, l, offset) }
                    }
                }
            }
            else if NameDetector.namesOrganisation(Array(value)) { organisationRecord = true }
            else if value.count <= 160, let (name, tailStart, tail) = Self.nameBeforeComma(value),
                    readsNameTail(value, tailStart: tailStart, tail: tail, f, l, offset) {
                add(.element(.name), .name, name, f, l, offset)
            } else if value.count <= 80, let open = value.firstIndex(of: UInt8(ascii: "(")), open > 0,
                      value[value.count - 1] == UInt8(ascii: ")"), open + 2 < value.count, ASCII.isLower(value[open + 1]),
                      value[(open + 1)..<(value.count - 1)].allSatisfy({ ASCII.isLetter($0) || $0 >= 0x80 || $0 == 0x20 }),
                      normalizeName(UnsafeBufferPointer(rebasing: value[..<open])) {
                // `Nils Nyström (dotter)`, `Anneli Kinnunen (tytär)`: the name before its relation
                // (lower-case words only: `Dr. Jüri Maasik (juri.maasik@…)` is a contact's line,
                // `Santaros klinikos (Vilnius)` a clinic and its town).
                add(.element(.name), .name, nameScratch, f, l, offset)
            } else if value.count <= 400, let said = ProseName.find(value) {
                // `Pacjent: Dzień dobry, nazywam się Krzysztof Gołębiowski. Dostałem SMS …`
                add(.element(.name), .name, said.name, f, l, offset + said.offset)
            } else if value.count <= 200, let open = value.firstIndex(of: UInt8(ascii: "(")), open > 0,
                      value[(open + 1)...].reduce(0, { $0 + (ASCII.isDigit($1) ? 1 : 0) }) >= 7,
                      normalizeName(UnsafeBufferPointer(rebasing: value[..<open])) {
                // `Triin Kütt (isikukood 49211226383, tel. (+372) 53513705)`: the name, and the
                // codes and contacts in its brackets (seven digits at least: `Housuvaippa M
                // (Pants), 14 kpl` is a product).
                add(.element(.name), .name, nameScratch, f, l, offset)
                scan(UnsafeBufferPointer(rebasing: value[(open + 1)...]), hint: .none, f, l, offset + open + 1)
            } else if !value.contains(where: ASCII.isLetter) {
                // `Pacjent: 75102179471.`: an identifier where a name was expected.
                scan(value, hint: .none, f, l, offset)
            }
        case .firstName:
            if normalizeName(value) { swap(&nameScratch, &firstBytes); firstName = (f, l, offset) }
        case .lastName:
            if normalizeName(value) { swap(&nameScratch, &lastBytes); lastName = (f, l, offset) }
        case .postalAddress where value.contains(UInt8(ascii: "@")):
            // An e-mail address under an `address` key (`"emails": [{"address": "…@…"}]`).
            scan(value, hint: .none, f, l, offset)
        case .postalAddress:
            if let a = PostalAddressDetector.normalize(value) {
                if hasAddressPartColumns && column >= 0 { addressParts.append((a, f, l, offset, true)) }
                else { add(.element(.postalAddress), .postalAddress, a, f, l, offset) }
            }
        case .addressPart:
            if let a = PostalAddressDetector.normalizePart(value) { addressParts.append((a, f, l, offset, false)) }
        case .loyaltyCard:
            // (A board's card, Trello's `cards[].id` `6512a0f3…`, is a record id: hex of 16 and more.)
            if Self.key(value, into: &keyScratch) && !Self.isHexID(keyScratch) {
                add(.element(.loyaltyCard), .loyaltyCard, keyScratch, f, l, offset)
                addLinkKey(namespace: "card", Self.cardKey(keyScratch), f, l, offset)
            }
        case .paymentCard:
            // A "card number" column is a payment card when the value is one (Luhn and issuer);
            // otherwise, in a pharmacy or shop export, it is the loyalty card. Either way the number
            // joins the rows of other files that carry it.
            let foundCard = scan(value, hint: hint, f, l, offset).card
            if Self.key(value, into: &keyScratch) {
                let k = keyScratch
                let digits = Self.cardKey(k)
                if !foundCard && Self.isKeyLike(k) { add(.element(.loyaltyCard), .loyaltyCard, k, f, l, offset) }
                if foundCard || Self.isKeyLike(k) { addLinkKey(namespace: "card", digits, f, l, offset) }
            }
        case .linkKey(let ns):
            guard Self.key(value, into: &keyScratch) else { break }
            // A customer or patient column (`Klient`, `Client`) may hold the person's name, an
            // e-mail or a company rather than a number. That is no key (two namesakes would be
            // joined by it): it is read as what it is. A key has a digit or is one word (`GX-ABCDEF`).
            if !Self.hasDigit(keyScratch) && (keyScratch.contains(0x20) || keyScratch.contains(UInt8(ascii: "@"))) {
                if normalizeName(value) { add(.element(.name), .name, nameScratch, f, l, offset) }
                else { scan(value, hint: .none, f, l, offset) }
                break
            }
            if ns == Self.documentNamespace {
                // `paszport FE222750`, `AB 123456`: the number, without the document's kind.
                if let number = Self.documentNumber(keyScratch) { addLinkKey(namespace: ns, number, f, l, offset) }
                break
            }
            addLinkKey(namespace: ns, keyScratch, f, l, offset)
            // A member or customer reference may be the loyalty card (`member_ref` `Ks-9500504`,
            // `KS 526 7350` where the CRM has `cardNo` `KS-9500504`): a code of letters and six
            // digits or more joins the card's rows too, written any way the card is.
            if ns == "customer", Self.isLetteredCardCode(keyScratch) {
                addLinkKey(namespace: "card", Self.cardKey(keyScratch), f, l, offset)
            }
        case .purchase:
            // (`viimane_ost | 2023-09-12 12:52:00+03`: when, not what, was bought.)
            if Self.hasKey(value) && !Self.isDate(value) {
                addElementOnly(.purchaseHistory, f, l, offset)
            }
        case .credentials:
            if Self.isSecret(value) { addElementOnly(.credentials, f, l, offset) }
        case .delivery:
            if Self.hasKey(value) { addElementOnly(.deliveryInfo, f, l, offset) }
            scan(value, hint: .none, f, l, offset)
        case .language:
            if let k = Self.key(value), k.count >= 2 {
                language = String(decoding: k.prefix(2).map { ASCII.lower($0) }, as: UTF8.self)
            }
        case .email:
            // A whole address, as most e-mail columns hold, is taken as it is: scanning it asked
            // every number detector about each digit run in its local part (`kadri.saar.0@…`).
            if let lead = EmailDetector.normalize(value, into: &keyScratch) {
                add(.identifier(.email), .email, keyScratch, f, l, offset + lead)
            } else {
                scan(value, hint: hint, f, l, offset)
            }
        case .phone:
            // A phone column whose numbers were written with their trunk zero (`041 179 4254`)
            // and some lost it to a spreadsheet (`411794254`): those are of the same country.
            if let country = trunkCountry, let e164 = PhonePlans.withLostTrunkZero(value, country: country) {
                add(.identifier(.phone), .phone, e164, f, l, offset)
            } else if let e164 = PhoneDetector.normalize(value, defaultCountries: fieldScanner.phone.defaultCountries) {
                if let first = value.first(where: { $0 != 0x20 }), first == 0x30, let c = PhonePlans.country(ofE164: e164), c.hasZeroTrunk {
                    trunkCountry = c
                }
                add(.identifier(.phone), .phone, e164, f, l, offset)
            } else {
                scan(value, hint: hint, f, l, offset)
            }
        case .nonPersonal:
            if column < staffColumns.count && staffColumns[column] && Self.hasKey(value) { organisationRecord = true }
            if column < siteColumns.count && siteColumns[column] && Self.hasKey(value) { siteRecord = true }
            // An order number, a timestamp, an amount: only an e-mail or an IBAN could be found
            // (`FieldScanner` asks no number detector under this hint), so most fields need no scan.
            // Under a label naming another party (`Arst: dr Laura Laas (D38961), laas@…`) they are
            // that party's: the doctor's mailbox is no data subject's.
            if column < otherPartyColumns.count && otherPartyColumns[column] {
                if staffMemberColumns[column] {
                    if staffNameColumns[column] && normalizeName(value) && nameScratch.contains(0x20) {
                        addStaff(.element(.name), nameScratch, f, l, offset)
                        // A mail's body signed by a staff member (`Parimate soovidega` · `Oskar
                        // Kallas` · `Paide Tervisekeskus`): the header's address block of that
                        // name is theirs too (`RecordTable.dropStaff` takes its contacts).
                        if let message = mailMessage, !message.headers,
                           let material = Self.mailWriterMaterial(name: nameScratch, message: message.path) {
                            addStaff(.mailWriter, material, f, l, offset)
                        }
                    }
                    markStaff(value, f, l, offset)
                    staffLine = line
                    // (A flat table's column: in JSON the contacts may be a patient's beside the order's doctor.)
                    if column < columns.count && !spreadsDocumentCategories && Self.hasKey(value)
                        && columns[column].name.first != "$" && columns[column].name.first != "("
                        && !columns[column].name.contains("/") {
                        staffMemberRecord = true
                    }
                }
            } else if !(column < messageIDColumns.count && messageIDColumns[column]) && FieldScanner.mayHoldNonPersonalFinding(value) {
                scan(value, hint: hint, f, l, offset)
            }
        case .nationalID where Self.isSpacedCode(value):
            // A code typed with spaces in its digits (`621028 30141`) under a label that says it
            // is one: read without them.
            let compact = value.filter { $0 != 0x20 }
            compact.withUnsafeBufferPointer { _ = scan($0, hint: hint, f, l, offset) }
        case .none where column >= 0 && value.count >= 24 && Self.hasLineBreak(value):
            // A field's text that ends in a staff member's signature (a ticket's comment: the
            // agent's closing, name, role and line): its contacts are staff values, the rest is
            // read as usual. (A text document's lines: `TextReader` reads signatures itself.)
            guard let signature = MailSignature.staffSignature(in: value) else {
                scanText(value, hint: hint, f, l, offset)
                break
            }
            scanText(UnsafeBufferPointer(rebasing: value[..<signature.lowerBound]), hint: hint, f, l, offset)
            markStaff(UnsafeBufferPointer(rebasing: value[signature]), f, l, offset + signature.lowerBound)
            scanText(UnsafeBufferPointer(rebasing: value[signature.upperBound...]), hint: hint, f, l, offset + signature.upperBound)
        default:
            scanText(value, hint: hint, f, l, offset)
        }
    }

    /// Where a title's leading name ends (`Koivisto Outi – tuotteen vaihto`, `Salo Helena - tauko`):
    /// two to four capitalised words, a dash set apart by spaces (`-`, `–`, `—`), then text that
    /// starts with a lower-case letter. `name` is the name's end, `rest` where the text starts.
    static func titledNameEnd(_ value: UnsafeBufferPointer<UInt8>) -> (name: Int, rest: Int)? {
        var j = 1
        while j + 2 < value.count {
            let width = TextReader.spacedDash(value, at: j)
            if width > 0 {
                var rest = j + 2 + width
                while rest < value.count && value[rest] == 0x20 { rest += 1 }
                guard rest < value.count,
                      String(decoding: value[rest..<min(value.count, rest + 4)], as: UTF8.self).first?.isLowercase == true,
                      TextReader.isListName(UnsafeBufferPointer(rebasing: value[..<j])) else { return nil }
                return (j, rest)
            }
            j += 1
        }
        return nil
    }

    /// Where a title's trailing name starts (`Paristotoimitus – Forsman Åke`): one word of letters
    /// (six bytes or more), a dash set apart by spaces, then two to four capitalised words to the end.
    static func titledNameStart(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let space = value.firstIndex(of: 0x20), space >= 6,
              value[..<space].allSatisfy({ ASCII.isLetter($0) || $0 >= 0x80 }) else { return nil }
        let width = TextReader.spacedDash(value, at: space)
        guard width > 0 else { return nil }
        var start = space + 2 + width
        while start < value.count && value[start] == 0x20 { start += 1 }
        guard start < value.count, TextReader.isListName(UnsafeBufferPointer(rebasing: value[start...])) else { return nil }
        return start
    }

    /// A field's value read for what it holds (no label says what): its identifiers, and a name
    /// written as a key's value.
    private mutating func scanText(_ value: UnsafeBufferPointer<UInt8>, hint: FieldHint, _ f: Int32, _ l: Int32, _ offset: Int) {
        guard !value.isEmpty else { return }
        // (Asked of a named column's text that holds a phone's digits: a text document's lines,
        // column -1, are the hot path and never a route's description.)
        if case .none = hint, f >= 0, value.count <= 200, Self.hasSevenDigits(value), Self.namesDriver(value) {
            // A route's description naming its driver (`Auto 1 – kuljettaja Pentti Lahtinen 040
            // 240 8271`): the driver's contacts are staff values.
            markStaff(value, f, l, offset)
            return
        }
        scan(value, hint: hint, f, l, offset)
        if case .none = hint, let (name, at) = Self.keyValueName(value) {
            add(.element(.name), .name, name, f, l, offset + at)
        } else if case .none = hint, value.count <= 400, let parts = Self.barParts(value) {
            // A route stop's or a job's description (`Kinnunen Reijo | Niittykatu 41, 04380
            // Tuusula | 013 215 698 | ovikoodi 9485`): its first part the name, a part that is an
            // address the address.
            if normalizeName(UnsafeBufferPointer(rebasing: value[parts[0]])) {
                add(.element(.name), .name, nameScratch, f, l, offset + parts[0].lowerBound)
            }
            for part in parts.dropFirst() {
                let text = UnsafeBufferPointer(rebasing: value[part])
                if ColumnSampler.isAddress(Array(text)), let a = PostalAddressDetector.normalize(text) {
                    add(.element(.postalAddress), .postalAddress, a, f, l, offset + part.lowerBound)
                }
            }
        }
    }

    /// Whether a text holds seven digits or more.
    static func hasSevenDigits(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var n = 0
        for b in value where b &- 0x30 < 10 {
            n += 1
            if n >= 7 { return true }
        }
        return false
    }

    /// Whether a short text names a driver or a courier by name: the word (any case), then a
    /// capitalised word (`kuljettaja Pentti Lahtinen`, `Driver: John Smith`).
    static func namesDriver(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 12 else { return false }
        let lower = value.map { ASCII.lower($0) }
        for word in driverWords {
            var from = 0
            while let at = CategoryMatcher.firstIndex(of: word, in: lower, from: from) {
                from = at + 1
                guard at == 0 || !ASCII.isLetter(lower[at - 1]) else { continue }
                var k = at + word.count
                if k < value.count && value[k] == UInt8(ascii: ":") { k += 1 }
                guard k + 1 < value.count, value[k] == 0x20 else { continue }
                let next = value[k + 1]
                if ASCII.isUpper(next) || next == 0xC3 || next == 0xC5 || next == 0xD0 { return true }
            }
        }
        return false
    }

    static let driverWords: [[UInt8]] = ["kuljettaja", "driver", "kierowca", "förare", "chaufför", "autojuht", "водитель",
                                         "kurier", "courier", "sjåfør", "fahrer", "vairuotojas", "šoferis"].map {
        $0.utf8.map { ASCII.lower($0) }
    }

    /// The parts of a text set apart by ` | ` (three or more), trimmed, when the first is a
    /// person's name (`TextReader.isListName`) and another holds a digit; nil otherwise.
    static func barParts(_ value: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard let base = value.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), value.count) != nil else { return nil }
        var parts: [Range<Int>] = [], start = 0
        for i in 0..<value.count where value[i] == UInt8(ascii: "|") {
            guard i > 0, i + 1 < value.count, value[i - 1] == 0x20, value[i + 1] == 0x20 else { return nil }
            parts.append(start..<(i - 1))
            start = i + 2
        }
        parts.append(start..<value.count)
        parts = parts.map { r in
            var a = r.lowerBound, b = r.upperBound
            while a < b && value[a] == 0x20 { a += 1 }
            while b > a && value[b - 1] == 0x20 { b -= 1 }
            return a..<b
        }
        guard parts.count >= 3, !parts[0].isEmpty, TextReader.isListName(UnsafeBufferPointer(rebasing: value[parts[0]])),
              parts.dropFirst().contains(where: { r in value[r].contains { $0 &- 0x30 < 10 } }) else { return nil }
        return parts
    }

    /// Whether a field's text has a line break or a tag that may be one (`<br/>`, `</p>`).
    static func hasLineBreak(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.contains { $0 == 0x0A || $0 == UInt8(ascii: "<") }
    }

    /// A name written as a key's value in a log line or a message (`name='David Lopez'`,
    /// `full_name="Carol Rodriguez"`, `customerName=Jennifer_Allen` is not): the quoted value
    /// after `name=`, when it reads as a name of two words or more.
    static func keyValueName(_ value: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], offset: Int)? {
        guard let base = value.baseAddress else { return nil }
        var i = 0
        while i < value.count, let hit = memchr(base + i, 0x3D, value.count - i) {
            let eq = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            i = eq + 1
            guard eq >= 4, eq + 2 < value.count else { continue }
            let q = value[eq + 1]
            guard q == UInt8(ascii: "'") || q == UInt8(ascii: "\""),
                  ASCII.lower(value[eq - 4]) == UInt8(ascii: "n"), ASCII.lower(value[eq - 3]) == UInt8(ascii: "a"),
                  ASCII.lower(value[eq - 2]) == UInt8(ascii: "m"), ASCII.lower(value[eq - 1]) == UInt8(ascii: "e") else { continue }
            // `name=`, `full_name=`, `fullName=`; not `username=` or `filename=`.
            if eq >= 5 {
                let b = value[eq - 5]
                if ASCII.isLetter(b) && !(b == UInt8(ascii: "l") && eq >= 8 && ASCII.lower(value[eq - 8]) == UInt8(ascii: "f")) { continue }
            }
            let start = eq + 2
            guard let close = UnsafeBufferPointer(rebasing: value[start...]).firstIndex(of: q), close > 0, close <= NameDetector.maxBytes,
                  let name = NameDetector.normalize(UnsafeBufferPointer(rebasing: value[start..<(start + close)])), name.contains(0x20) else { continue }
            return (name, start)
        }
        return nil
    }

    @inline(__always) static func hasDigit(_ k: [UInt8]) -> Bool {
        for b in k where b &- 0x30 < 10 { return true }
        return false
    }

    /// Digits with one or two single spaces inside, 10–12 digits in all (a national code as
    /// some people type it).
    @inline(__always)
    static func isSpacedCode(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        // The common case, a code without spaces, leaves at the first test: spaces stand after
        // a group of 3, 4, 6 or 8 digits (`NNN NNN NNNN`, `DDMMYY NNNNN`, `YYYYMMDD NNNN`).
        guard value.count >= 11 && value.count <= 16,
              value[3] == 0x20 || value[4] == 0x20 || value[6] == 0x20 || value[8] == 0x20 else { return false }
        return spacedDigits(value)
    }

    private static func spacedDigits(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, spaces = 0, last: UInt8 = 0x20
        for b in value {
            if ASCII.isDigit(b) { digits += 1 } else if b == 0x20 && ASCII.isDigit(last) { spaces += 1 } else { return false }
            last = b
        }
        return spaces >= 1 && spaces <= 2 && ASCII.isDigit(last) && digits >= 10 && digits <= 12
    }

    /// Whether a field of this column can hold a special-category term. A column of e-mails,
    /// phones, identifiers, names or addresses cannot (on a dense customer table searching them
    /// was a tenth of the scan); free text, products, deliveries and unclassified columns can.
    static func mayHoldCategories(_ hint: FieldHint) -> Bool {
        switch hint {
        case .nationalID, .fullName, .firstName, .lastName, .email, .phone, .postalAddress, .addressPart, .dateOfBirth,
             .iban, .paymentCard, .loyaltyCard, .linkKey, .language, .credentials:
            return false
        case .none, .purchase, .delivery, .nonPersonal:
            return true
        }
    }

    /// Whether an item makes its record worth storing. A special category alone makes a record
    /// only where it concerns the document's persons (prose); a table row needs a personal element.
    private func emits(_ item: PendingItem) -> Bool {
        spreadsDocumentCategories ? item.isEmitted : item.code < PackedItems.reasonBase
    }

    /// Whether a record holds only a link key and what its text says of the person (a FHIR
    /// observation's `Patient/…` reference and its test, `Hemoglobina`): the categories are the
    /// person's the key joins it to.
    static func joinsCategories(_ items: [PendingItem]) -> Bool {
        items.contains { $0.code == PendingItem.linkKeyCode }
            && items.contains { $0.code >= PackedItems.reasonBase && $0.code < PendingItem.staffCode }
    }

    /// Text labels a controller column rule names become columns, so the rule sees their values.
    func wantsLabel(_ name: String) -> Bool {
        guard let rules = scope?.controllers, rules.hasColumnRules else { return false }
        return !rules.columnRules(forHeader: name).isEmpty
    }

    /// Keeps a field's bytes until the record ends. A record longer than the buffer is searched
    /// now when it already holds something personal (or the document is small), else dropped.
    private mutating func keepForCategories(_ value: UnsafeBufferPointer<UInt8>, _ f: Int32, _ l: Int32, _ offset: Int) {
        if blockText.count + value.count > Self.categoryBufferLimit {
            settle()
            if !items.isEmpty || (documentSize <= Self.smallDocument && spreadsDocumentCategories) { findCategories() } else {
                blockText.clear()
                blockSegments.clear()
            }
            if value.count > Self.categoryBufferLimit { return }
        }
        // In a large document, text far from anything personal is not searched: while the record
        // has no finding yet, only its last lines are kept.
        if documentSize > Self.smallDocument && blockSegments.count >= 64 && settledItemsAreEmpty() {
            let keep = blockSegments.suffix(Self.categoryWindow)
            let cut = keep.first!.start
            blockText.removeSubrange(0..<cut)
            blockSegments = keep.map { ($0.start - cut, $0.end - cut, $0.column, $0.line, $0.offset) }
        }
        let start = blockText.count
        blockText.append(contentsOf: value)
        blockSegments.append((start, blockText.count, f, l, offset))
    }

    /// Searches the kept bytes for special categories: each hit becomes a reason item (the
    /// category and what it implies, with the rule) and, for a rule's first hit in the document,
    /// masked evidence.
    private mutating func findCategories() {
        settle()
        defer { blockText.clear(); blockSegments.clear() }
        guard let scope, let matcher = scope.categories, !blockSegments.isEmpty else { return }
        let columns = categoryColumns
        // Large documents: only lines near the record's findings (a log line's neighbours, not the
        // log). All findings on one line (a table row): a distance from it (mode 1). Else their
        // distinct lines, sorted, in a reused buffer (mode 2). Small documents: every line (0).
        var nearMode = 0
        var oneLine: Int32 = 0
        // Scratch buffers are swapped out of `self` and back (a swap moves; a copy and a reset
        // would retain and release each array once per record).
        var near: [Int32] = []
        swap(&near, &nearScratch)
        defer { swap(&near, &nearScratch) }
        if documentSize > Self.smallDocument {
            var lo = Int32.max, hi = Int32.min
            for it in items { lo = min(lo, it.line); hi = max(hi, it.line) }
            if lo == hi {
                nearMode = 1; oneLine = lo
            } else {
                nearMode = 2
                near.clear()
                for it in items { near.append(it.line) }
                near.sort()
                near.removeRepeatedNeighbours()
            }
        }
        var memo = CategoryMemoTable()
        swap(&memo, &categoryMemo)
        defer { swap(&memo, &categoryMemo) }
        // The record's hits with their segments, and one segment's fresh hits: reused buffers
        // of plain structs (a hit holds no string or array, so nothing is retained per hit).
        var hits: [SegmentHit] = [], fresh: [CategoryMatcher.RuleHit] = []
        swap(&hits, &hitScratch); swap(&fresh, &freshHitScratch)
        hits.clear()
        defer { swap(&hits, &hitScratch); swap(&fresh, &freshHitScratch) }
        let nearLines = near
        // Buffers, not arrays, in the loop: no retain and release of each per segment.
        blockText.withUnsafeBufferPointer { all in blockSegments.withUnsafeBufferPointer { segs in nearLines.withUnsafeBufferPointer { nearBuffer in
            for n in 0..<segs.count {
                let seg = segs[n]
                guard Self.isNear(seg.line, mode: nearMode, oneLine: oneLine, lines: nearBuffer) else { continue }
                let span = UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])
                let cols = seg.column >= 0 && Int(seg.column) < columns.count ? columns[Int(seg.column)] : .none
                let segment = Int32(truncatingIfNeeded: n)
                guard seg.column >= 0 && span.count <= CategoryMemoTable.maxBytes else {
                    matcher.scanRules(span, columns: cols) { hits.append(SegmentHit(hit: $0, segment: segment)) }
                    continue
                }
                let key = CategoryMemoTable.key(span, column: seg.column)
                if let r = memo.lookup(span, column: seg.column, key: key) {
                    for i in r { hits.append(SegmentHit(hit: memo.hit(i), segment: segment)) }
                    continue
                }
                fresh.clear()
                matcher.scanRules(span, columns: cols) { fresh.append($0) }
                for f in fresh { hits.append(SegmentHit(hit: f, segment: segment)) }
                fresh.withUnsafeBufferPointer { memo.insert(span, column: seg.column, key: key, hits: $0) }
            }
        } } }
        guard !hits.isEmpty else { return }
        let ruleRows = scope.categoryRuleRowsByIndex
        // Each hit segment's template hash (0: no sentence of a field), counted once a record.
        var lastSegment: Int32 = -1, template: UInt64 = 0
        for h in hits {
            guard let rule = ruleRows[Int(h.hit.rule)], rule <= Int64(Int32.max) else { continue }
            let seg = blockSegments[Int(h.segment)]
            let offset = seg.offset + Int(h.hit.offset)
            if h.segment != lastSegment {
                lastSegment = h.segment
                template = 0
                if seg.column >= 0, sentenceColumn(Int(seg.column), matcher) {
                    template = blockText.withUnsafeBufferPointer { all in
                        let span = UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])
                        return Self.isTemplateSentence(span) ? CategoryMemoTable.key(span, column: seg.column) : 0
                    }
                    if template != 0 {
                        let counted = templateCounts[template]
                        if counted == nil && templateCounts.count >= Self.maxTemplates {
                            template = 0   // (a document of many different sentences: no template among them)
                        } else if counted?.record != recordCount {
                            templateCounts[template] = ((counted?.count ?? 0) + 1, recordCount)
                        }
                    }
                }
            }
            func reason(_ category: UInt8) {
                let code = PackedItems.reasonBase + category
                if let i = items.firstIndex(where: { $0.code == code && $0.value == rule }) {
                    // Given by another sentence too: no template's alone.
                    if template == 0 || templateReasons[TemplatePlace(items[i])] != template {
                        templateReasons[TemplatePlace(items[i])] = nil
                    }
                    return
                }
                let item = PendingItem(value: rule, code: code, field: seg.column, line: seg.line, offset: offset)
                items.append(item)
                itemKeys.append(ValueHash(hi: UInt64(rule), lo: UInt64(code)))
                if template != 0 { templateReasons[TemplatePlace(item)] = template }
            }
            let category = matcher.category(ofRule: h.hit.rule)
            // A product line is no lab result: `D-vitamiin 25 mcg` in a shop's product column is
            // a product and its dose, not an analyte and its measured value.
            if category == ElementType.labResult.code, seg.column >= 0, Int(seg.column) < hints.count,
               hints[Int(seg.column)] == .purchase { continue }
            reason(category)
            for k in matcher.implied(byRule: h.hit.rule) { reason(matcher.impliedCodes[k]) }
            // Masked evidence of the rule's first hit in the document.
            if !evidenceRules.contains(rule) {
                evidenceRules.insert(rule)
                let evidence = blockText.withUnsafeBufferPointer {
                    CategoryMatcher.evidence(UnsafeBufferPointer(rebasing: $0[seg.start..<seg.end]), offset: Int(h.hit.offset), length: Int(h.hit.length))
                }
                batch.evidence.append(PendingEvidence(rule: rule, line: Int(seg.line), offset: offset,
                                                      maskedSealed: sealer.seal(Array(evidence.utf8))))
                if template != 0 { templateEvidence[rule] = template }
            }
        }
    }

    /// Whether a column's own name (a JSON path's last key: `subject` of
    /// `$.items[].message.headers.subject`) is no category's column: a sentence repeated in
    /// a diagnosis column is each person's diagnosis, never a template. Computed once a column.
    private mutating func sentenceColumn(_ column: Int, _ matcher: CategoryMatcher) -> Bool {
        if column < templateColumns.count, templateColumns[column] != 0 { return templateColumns[column] == 1 }
        guard column < self.columns.count else { return false }
        let free = matcher.columns(for: FieldClassifier.lastStep(self.columns[column].name)) == .none
        if templateColumns.count <= column { templateColumns.append(contentsOf: repeatElement(0, count: column + 1 - templateColumns.count)) }
        templateColumns[column] = free ? 1 : 2
        return free
    }

    /// Where a reason item stands in the document (field, line, offset, code): unique to it.
    struct TemplatePlace: Hashable {
        var field: Int32, line: Int32, offset: Int, code: UInt8
        init(_ item: PendingItem) { field = item.field; line = item.line; offset = item.offset; code = item.code }
    }

    /// Records needed before a repeated sentence is judged a template.
    static let templateRecords = 20
    /// Distinct sentences counted per document (`templateCounts`).
    static let maxTemplates = 50_000

    /// Whether a field's value is a sentence a template could repeat: five words or more of
    /// letters (`Your Parcel Rx prescriptions are moving to FreshMart Pharmacy`), not a
    /// product, a diagnosis or a status of one or a few words, which a table repeats because
    /// many persons have it.
    static func isTemplateSentence(_ span: UnsafeBufferPointer<UInt8>) -> Bool {
        guard span.count >= 24 else { return false }
        var words = 0, inWord = false, letters = 0
        for b in span {
            if b == 0x20 || b == 0x09 || b == 0x0A {
                if inWord && letters >= 2 { words += 1 }
                inWord = false; letters = 0
            } else {
                inWord = true
                if ASCII.isLetter(b) || b >= 0x80 { letters += 1 }
            }
        }
        if inWord && letters >= 2 { words += 1 }
        return words >= 5
    }

    /// Drops from the slice the category reasons that only a template gave: a sentence of a
    /// field standing in `templateRecords` records or more and in at least half of the
    /// document's records so far (a bulk mailing's subject in an e-mail service's event log).
    /// A record left with nothing of a person's is dropped; so is evidence stored only from
    /// a template whose rule no record of the slice keeps.
    private mutating func dropTemplateReasons() {
        defer { templateReasons.removeAll(keepingCapacity: true) }
        guard !templateReasons.isEmpty else { return }
        let dominant = Set(templateCounts.compactMap { key, c in
            c.count >= Self.templateRecords && c.count * 2 >= recordCount ? key : nil
        })
        guard !dominant.isEmpty else { return }
        let reasons = templateReasons
        batch.records.removeItems { item in
            guard item.isCategoryReason,
                  let t = reasons[TemplatePlace(item)] else { return false }
            return dominant.contains(t)
        }
        for (rule, t) in templateEvidence where dominant.contains(t) {
            guard !batch.records.items.contains(where: { $0.isCategoryReason && $0.value == rule }),
                  let i = batch.evidence.firstIndex(where: { $0.rule == rule }) else { continue }
            batch.evidence.remove(at: i)
            evidenceRules.remove(rule)
            templateEvidence[rule] = nil
        }
    }

    /// A category hit of the record and the index of its segment.
    struct SegmentHit {
        var hit: CategoryMatcher.RuleHit
        var segment: Int32
    }

    /// Whether a segment's line is searched: every line (mode 0), within `categoryWindow` of
    /// `oneLine` (1), or of one of the sorted `lines` (2; none when there are none).
    @inline(__always)
    static func isNear(_ line: Int32, mode: Int, oneLine: Int32, lines: UnsafeBufferPointer<Int32>) -> Bool {
        switch mode {
        case 0: return true
        case 1: return abs(Int(line) - Int(oneLine)) <= categoryWindow
        default:
            var lo = 0, hi = lines.count
            while lo < hi { let mid = (lo + hi) / 2; if lines[mid] < line - Int32(categoryWindow) { lo = mid + 1 } else { hi = mid } }
            return lo < lines.count && lines[lo] <= line + Int32(categoryWindow)
        }
    }

    /// Controller attributions from a column a controller rule names.
    private mutating func attribute(_ value: UnsafeBufferPointer<UInt8>, rules: [Int], _ f: Int32, _ l: Int32, _ offset: Int) {
        guard let scope, let engine = scope.controllers else { return }
        settle()
        for r in rules {
            guard let match = engine.controller(forValue: value, rule: r), let (v, new) = scope.attribution(match, rule: r) else { continue }
            if let new { batch.controllers.append(new) }
            if items.contains(where: { $0.code == PackedItems.controllerCode && $0.value == v }) { continue }
            items.append(PendingItem(value: v, code: PackedItems.controllerCode, field: f, line: l, offset: offset))
            itemKeys.append(ValueHash(hi: UInt64(bitPattern: v), lo: UInt64(PackedItems.controllerCode)))
        }
    }

    /// Scans a field and adds its findings; whether one was a payment card (the card column
    /// asks, without completing a waiting add to read the items) and whether any was found.
    @discardableResult
    private mutating func scan(_ value: UnsafeBufferPointer<UInt8>, hint: FieldHint, _ f: Int32, _ l: Int32, _ offset: Int) -> (card: Bool, any: Bool) {
        // One reused buffer for the field's findings (swapped out of `self` while `add` runs; it is
        // always left empty). Most fields of prose find nothing: then this costs two swaps.
        var found: [Finding] = []
        swap(&found, &foundScratch)
        fieldScanner.scan(value, hint: hint, preferCountry: preferredCountry, candidates: &candidateScratch) { found.append($0) }
        defer {
            found.clear()
            swap(&found, &foundScratch)
        }
        var card = false
        for fd in found {
            if fd.element == .paymentCard { card = true }
            // A company's account in a signature (`Kaseapteek AS · a/a EE66 1034 …`) is no one's.
            if fd.element == .iban, case .none = hint, Self.organisationBefore(value, fd.offset) { continue }
            let kind: ValueKind = fd.identifier.map { .identifier($0) } ?? .element(fd.element)
            if let c = fd.identifier?.country ?? (fd.identifier == .phone ? Self.phoneCountry(fd.value) : nil) {
                let mine = vote(c)
                // The most voted country (ties: the first in alphabetical order); only `c` changed.
                if let p = preferredCountry, p != c {
                    let theirs = votes(p)
                    if mine > theirs || (mine == theirs && c < p) { preferredCountry = c }
                } else if preferredCountry == nil {
                    preferredCountry = c
                }
            }
            add(kind, fd.element, fd.value, f, l, offset + fd.offset)
            // A card number in text (`Kaart 2901270142262`) joins the card's rows, as a card column's.
            if fd.element == .loyaltyCard { addLinkKey(namespace: "card", fd.value, f, l, offset + fd.offset) }
            if fd.identifier == .eeIsikukood || fd.identifier == .ltAsmensKodas { balticCode = true }
            if fd.element == .nationalID, case .none = hint, fd.offset > 0, Self.relativeBefore(value, fd.offset),
               !relativeCodes.contains(fd.value) {
                relativeCodes.append(fd.value)
            }
            if fd.identifier == .email, let name = Self.displayName(value, before: fd.offset) {
                add(.element(.name), .name, name.bytes, f, l, offset + name.offset)
            }
        }
        return (card, !found.isEmpty)
    }

    /// Whether a part of the line before `at` names an organisation (`Kaseapteek AS · a/a …`,
    /// `Nordlog Oy, IBAN …`): parts are set apart by `·`, `|`, `,` or `;`.
    static func organisationBefore(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var start = at
        while start > 0 && text[start - 1] != 0x0A && at - start < 200 { start -= 1 }
        var part: [UInt8] = []
        var i = start
        while i <= at {
            let b = i < at ? text[i] : 0x2C
            let middleDot = b == 0xC2 && i + 1 < at && text[i + 1] == 0xB7
            if b == 0x2C || b == 0x3B || b == 0x7C || middleDot {
                if part.count >= 2 && NameDetector.namesOrganisation(part) { return true }
                part.removeAll(keepingCapacity: true)
                i += middleDot ? 2 : 1
                continue
            }
            part.append(b)
            i += 1
        }
        return false
    }

    /// Adds a vote for country `c` and returns its votes.
    private mutating func vote(_ c: String) -> Int {
        if let k = voteCountries.firstIndex(of: c) { voteCounts[k] += 1; return voteCounts[k] }
        voteCountries.append(c); voteCounts.append(1)
        return 1
    }

    private func votes(_ c: String) -> Int {
        voteCountries.firstIndex(of: c).map { voteCounts[$0] } ?? 0
    }

    /// `Mari Maasikas <mari@example.ee>` (a mail address with its display name, at the start of a
    /// field or after `:` or `,` as in `To: A <a@…>, B <b@…>`): the name, if it is one.
    static func displayName(_ span: UnsafeBufferPointer<UInt8>, before at: Int) -> (bytes: [UInt8], offset: Int)? {
        guard at >= 2, span[at - 1] == UInt8(ascii: "<") else { return nil }
        var end = at - 1
        while end > 0 && span[end - 1] == 0x20 { end -= 1 }
        let from = max(0, end - 1 - NameDetector.maxBytes)
        if end >= 2 && span[end - 1] == UInt8(ascii: "\""),
           let open = UnsafeBufferPointer(rebasing: span[from..<(end - 1)]).lastIndex(of: UInt8(ascii: "\"")) {
            // A quoted display name keeps its commas (`"Rodriguez, Carol" <crodriguez@…>`).
            let start = from + open + 1
            guard end - 1 > start, let name = NameDetector.normalize(UnsafeBufferPointer(rebasing: span[start..<(end - 1)])),
                  name.contains(0x20) else { return nil }
            return (name, start)
        }
        var start = end
        while start > 0 && span[start - 1] != UInt8(ascii: ":") && span[start - 1] != UInt8(ascii: ",")
            && span[start - 1] != UInt8(ascii: ">") && span[start - 1] != UInt8(ascii: ";") { start -= 1 }
        if start > 0 && span[start - 1] == UInt8(ascii: ">") { return nil }
        while start < end && (span[start] == 0x20 || span[start] == UInt8(ascii: "\"")) { start += 1 }
        var stop = end
        while stop > start && span[stop - 1] == UInt8(ascii: "\"") { stop -= 1 }
        guard stop > start, stop - start <= NameDetector.maxBytes else { return nil }
        let text = UnsafeBufferPointer(rebasing: span[start..<stop])
        guard let name = NameDetector.normalize(text), name.contains(0x20), Self.readsAsDisplayName(name) else { return nil }
        return (name, start)
    }

    /// Whether an unquoted text before `<address>` reads as a display name: its words all in
    /// lower case (`john smith`), or each capitalised but for name particles (`Ana de la Cruz`);
    /// a log's sentence (`E-mail z wynikami wysłany do <…>`) is none.
    static func readsAsDisplayName(_ name: [UInt8]) -> Bool {
        let words = String(decoding: name, as: UTF8.self).split(separator: " ")
        let lower = words.filter { $0.first?.isLowercase == true }
        if lower.count == words.count { return true }
        return lower.allSatisfy { displayNameParticles.contains(String($0)) }
    }

    static let displayNameParticles: Set<String> = ["de", "la", "del", "van", "von", "der", "den", "da", "di", "du", "le", "dos", "das",
                                                    "ter", "ten", "bin", "al", "y", "e"]

    private mutating func add(_ kind: ValueKind, _ element: ElementType, _ value: [UInt8], _ f: Int32, _ l: Int32, _ offset: Int) {
        guard waiting != nil else {
            waitingBytes.clear()
            waitingBytes.append(contentsOf: value)
            waiting = (kind, element, f, l, offset)
            return
        }
        place(hashPlacingWaiting(kind, value), kind, element, value, f, l, offset)
    }

    /// The keyed hash of `value`; a waiting add is hashed with it (`Vault.hash2`) and placed
    /// first, as `settle` would place it.
    private mutating func hashPlacingWaiting(_ kind: ValueKind, _ value: [UInt8]) -> ValueHash {
        guard let w = waiting else { return hash(kind, value) }
        waiting = nil
        let (hw, h) = vault.hash2(kind: w.kind, waitingBytes, kind: kind, value)
        place(hw, w.kind, w.element, waitingBytes, w.field, w.line, w.offset)
        return h
    }

    /// Completes the waiting `add`, if any.
    @inline(__always)
    private mutating func settle() {
        guard let w = waiting else { return }
        waiting = nil
        place(hash(w.kind, waitingBytes), w.kind, w.element, waitingBytes, w.field, w.line, w.offset)
    }

    private mutating func settledItemsAreEmpty() -> Bool {
        settle()
        return items.isEmpty
    }

    /// The value with its hash `h` joins the record (once per value and element) and the slice.
    /// A link key (`kind` `.linkKey`, `element` unused) joins once, as no element.
    private mutating func place(_ h: ValueHash, _ kind: ValueKind, _ element: ElementType, _ value: [UInt8], _ f: Int32, _ l: Int32, _ offset: Int) {
        if case .linkKey = kind {
            if itemKeys.contains(h) { return }
            let idx = index(h, .linkKey, value)
            items.append(PendingItem(value: idx, code: PendingItem.linkKeyCode, field: f, line: l, offset: offset))
            itemKeys.append(h)
            return
        }
        if let existing = itemKeys.firstIndex(of: h), items[existing].code == element.code { return }
        let idx = index(h, kind, value)
        items.append(PendingItem(value: idx, code: element.code, field: f, line: l, offset: offset))
        itemKeys.append(h)
        valueElements |= 1 << UInt32(element.code & 31)
    }

    /// Whether a line is one e-mail address or one phone number and nothing else (a signature's
    /// contact line).
    static func isBareContact(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0, end = value.count
        while start < end && (value[start] == 0x20 || value[start] == 0x09) { start += 1 }
        while end > start && (value[end - 1] == 0x20 || value[end - 1] == 0x09 || value[end - 1] == 0x0D) { end -= 1 }
        guard end - start >= 6, end - start <= 80 else { return false }
        let text = value[start..<end]
        if text.contains(UInt8(ascii: "@")) { return !text.contains(0x20) }
        var digits = 0
        for b in text {
            if ASCII.isDigit(b) { digits += 1; continue }
            guard b == 0x20 || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") else { return false }
        }
        return digits >= 6
    }

    /// FHIR resources of the organisation's own people and places, not of patients or their
    /// relatives (`Patient`, `RelatedPerson` are read as usual).
    static let staffResourceTypes: Set<String> = [
        "Practitioner", "PractitionerRole", "Organization", "Location", "HealthcareService", "Endpoint", "Device",
        "CareTeam", "InsurancePlan",
        // SharePoint's User Information List: the site's users, the organisation's staff.
        "SP.Data.UserInfoItem",
    ]

    /// Columns a reader declares (hint `.nonPersonal`) for what it knows to be a staff member's: a
    /// mail's signature under a role (`TextReader.endSignature`), a colleague's card
    /// (`VCardReader`). The first holds the staff member's name, the second any of their lines;
    /// the e-mails and phones in both are staff values (`markStaff`).
    public static let staffNameColumn = "(staff name)"
    /// A letter's writer's name under their closing, with no contact of its own (`TextReader`).
    public static let writerNameColumn = "(writer name)"
    public static let staffColumn = "(staff)"

    /// The e-mails and phones in a staff member's field (`orderedBy.email`, `Saatja arst: …,
    /// siim.rohunurm@…`) join the record as staff values: no element of anyone's, and the
    /// resolver drops them from every record (`RecordTable.dropStaff`), so the doctor's address
    /// in a mail header or under a referral is no person either.
    private mutating func markStaff(_ value: UnsafeBufferPointer<UInt8>, _ f: Int32, _ l: Int32, _ offset: Int) {
        var found: [Finding] = []
        swap(&found, &foundScratch)
        fieldScanner.scan(value, hint: .none, preferCountry: preferredCountry, candidates: &candidateScratch) { found.append($0) }
        defer {
            found.clear()
            swap(&found, &foundScratch)
        }
        for fd in found {
            if fd.identifier == .email || fd.identifier == .phone {
                addStaff(.identifier(fd.identifier!), fd.value, f, l, offset + fd.offset)
            } else if fd.element == .iban {
                // (An invoice's seller's account: the organisation's, on every invoice.)
                addStaff(.element(.iban), fd.value, f, l, offset + fd.offset)
            }
        }
    }

    /// The record's e-mails and phones as its staff values too (once per value).
    private mutating func addContactsAsStaff() {
        for it in items where (it.code == ElementType.email.code || it.code == ElementType.phone.code) && it.value >= 0
            && !staffItems.contains(where: { $0.value == it.value }) {
            staffItems.append(PendingItem(value: it.value, code: PendingItem.staffCode, field: it.field, line: it.line, offset: it.offset))
        }
    }

    /// A staff value of the record (once per value).
    private mutating func addStaff(_ kind: ValueKind, _ value: [UInt8], _ f: Int32, _ l: Int32, _ offset: Int) {
        let idx = index(hash(kind, value), kind, value)
        if staffItems.contains(where: { $0.value == idx }) { return }
        staffItems.append(PendingItem(value: idx, code: PendingItem.staffCode, field: f, line: l, offset: offset))
    }

    /// Whether a column is a one-to-one chat thread's sender's name: Facebook's and Instagram's
    /// exports' `messages[].sender_name` (a customer writing to the organisation's page). Not a
    /// team chat's author (Slack, Mattermost, Google Chat): a colleague posting about several
    /// patients would join them.
    static func namesChatSender(_ name: String) -> Bool {
        name.hasSuffix("messages[].sender_name")
    }

    /// Whether a column's last step (a JSON path's last key, or the header) is a name's key.
    static func lastStepNamesPerson(_ column: String) -> Bool {
        FieldClassifier.hint(forLabel: FieldClassifier.lastStep(column)) == .fullName
    }

    private mutating func addLinkKey(namespace: String, _ value: [UInt8], _ f: Int32, _ l: Int32, _ offset: Int) {
        var material: [UInt8] = []
        swap(&material, &materialScratch)
        material.clear()
        material.append(contentsOf: namespace.utf8)
        // A dump's row keys are the dump's own (`SQLDumpReader.relationNamespace`).
        if namespace.hasPrefix(SQLDumpReader.relationPrefix) { material.append(contentsOf: ":\(documentID)".utf8) }
        material.append(0)
        material.append(contentsOf: value)
        defer { swap(&material, &materialScratch) }
        add(.linkKey, .name, material, f, l, offset)   // waits for a pair like any value
    }

    /// An Estonian and a Lithuanian code share one format and check digit: a Lithuanian's code
    /// in an Estonian lab's `isikukood` column is typed Estonian, and on their referral
    /// Lithuanian. With the same full name beside it, the two are one person: a link key of the
    /// digits and the lower-cased name joins the records (link keys are never shown; the
    /// identifiers stay as typed). Same digits with another name stay apart: two countries do
    /// hand out the same code to different people.
    private mutating func linkBalticCode() {
        var code = -1, name = -1, at = 0
        for (k, it) in items.enumerated() where it.value >= 0 {
            if it.code == ElementType.nationalID.code {
                let kind = batch.values.kind(at: Int(it.value))
                guard kind == .identifier(.eeIsikukood) || kind == .identifier(.ltAsmensKodas) else { continue }
                if code >= 0 { return }  // two codes: whose is the name?
                code = Int(it.value); at = k
            } else if it.code == ElementType.name.code {
                if name >= 0 { return }
                name = Int(it.value)
            }
        }
        guard code >= 0, name >= 0 else { return }
        // Only Lithuanian surnames (`Kazlauskas`, `Petraitis`, `Vasiliauskienė`, `Jankauskaitė`):
        // the key costs a value per record, and Estonian tables hold a million Estonians (whose
        // names are checked as stored, with no copy).
        guard batch.values.withPlaintext(at: name, { Self.lithuanianSurname($0) }) else { return }
        let lowerName = batch.values.withPlaintext(at: name) { NameDetector.lowercase(Array($0)) }
        var key: [UInt8] = []
        batch.values.withPlaintext(at: code) { key.append(contentsOf: $0) }
        key.append(0)
        key += lowerName
        let it = items[at]
        addLinkKey(namespace: "eelt", key, it.field, it.line, it.offset)
        settle()   // the record is complete: nothing is left to pair with
    }

    /// Whether the last word of a name ends like a Lithuanian surname, in any case: men's `-as`,
    /// `-is`, `-ys`, `-us`, women's `-ė` (`-ienė`, `-aitė`, `-ytė`, `-utė`, `-iūtė`).
    static func lithuanianSurname(_ name: some RandomAccessCollection<UInt8>) -> Bool {
        var end = name.count
        let at = { (k: Int) in name[name.index(name.startIndex, offsetBy: k)] }
        while end > 0 && at(end - 1) == 0x20 { end -= 1 }
        guard end >= 3 else { return false }
        if at(end - 2) == 0xC4 && (at(end - 1) == 0x97 || at(end - 1) == 0x96) { return true }  // ė, Ė
        // ASCII letters lower-cased by their 0x20 bit.
        let last = at(end - 1) | 0x20, before = at(end - 2) | 0x20
        return last == UInt8(ascii: "s") && (before == UInt8(ascii: "a") || before == UInt8(ascii: "i") || before == UInt8(ascii: "y") || before == UInt8(ascii: "u"))
    }

    /// An element with no value (`purchase_history`): it reads only value-less items, so a
    /// waiting add stays waiting (and is placed after it).
    private mutating func addElementOnly(_ element: ElementType, _ f: Int32, _ l: Int32, _ offset: Int) {
        if items.contains(where: { $0.value < 0 && $0.code == element.code }) { return }
        items.append(PendingItem(value: -1, code: element.code, field: f, line: l, offset: offset))
        itemKeys.append(ValueHash(hi: 0, lo: UInt64(element.code)))
    }

    /// The value's keyed hash. No per-document cache: two SHA-256 compressions (`KeyedHasher`)
    /// cost less than looking a value up in a dictionary keyed by its bytes.
    private func hash(_ kind: ValueKind, _ value: [UInt8]) -> ValueHash {
        vault.hash(kind: kind, value)
    }

    private mutating func index(_ h: ValueHash, _ kind: ValueKind, _ value: [UInt8]) -> Int64 {
        if recent.isEmpty { recent = [RecentValue](repeating: .empty, count: Self.recentCount) }
        let k = Int(truncatingIfNeeded: h.lo) & (Self.recentCount - 1)
        let r = recent[k]
        if r.index >= 0 && r.hi == h.hi && r.lo == h.lo { return r.index }
        let i = Int64(batch.values.append(kind: kind, hash: h, plaintext: value))
        recent[k] = RecentValue(hi: h.hi, lo: h.lo, index: i)
        return i
    }

    mutating func endRecord() {
        guard inRecord else { return }
        if !relatedFields.isEmpty && !readingRelated {
            // A guardian's, an emergency contact's or a payer's columns: a record of their own
            // when the row names its own person and they name someone else (`namesAnother`);
            // in a row that names no one else (a company's contact person), or when the payer
            // is the patient, they are the row's. A payment's reference is apart only when it
            // names someone else by a national ID.
            settle()
            let namesSomeone = firstName != nil || lastName != nil
                || valueElements & (Self.nameElement | 1 << UInt32(ElementType.nationalID.code)) != 0
            var apart: [Int32] = []
            if namesSomeone {
                for f in relatedFields where !apart.contains(f.group) && namesAnother(f.group, byNationalID: referenceGroups[Int(f.group)]) {
                    apart.append(f.group)
                }
            }
            readRelatedFields(apart: false, except: apart)
        }
        inRecord = false
        if let first = firstName, lastName != nil {
            nameScratch.clear()
            NameDetector.join(first: firstBytes, last: lastBytes, into: &nameScratch)
            add(.element(.name), .name, nameScratch, first.field, first.line, first.offset)
        } else if let only = firstName {
            add(.element(.name), .name, firstBytes, only.field, only.line, only.offset)
        } else if let only = lastName {
            add(.element(.name), .name, lastBytes, only.field, only.line, only.offset)
        }
        if !addressParts.isEmpty { addAddress() }
        settle()
        if valueElements & Self.nameElement == 0 && !blockSegments.isEmpty && !blockSplit && blockSegments[0].column < 0 {
            addListStop()
        }
        if valueElements & Self.namingElements != 0 && valueElements & Self.nameElement == 0 && !blockSegments.isEmpty && !blockSplit {
            addProseName()
        }
        firstName = nil; lastName = nil; addressParts.clear()
        if balticCode { balticCode = false; linkBalticCode() }
        if titleRecord || (spreadsDocumentCategories && valueElements & Self.nameElement == 0) {
            // An invoice's title line (`Maksja: Harju Näidishaigla;IBAN: EE75…`) or a text
            // invoice's account block, naming no one: the payer's or the issuer's account, no
            // data subject's. A person's IBAN stands with the person's name.
            titleRecord = false
            if !items.isEmpty && items.allSatisfy({ $0.code == ElementType.iban.code }) { removeItems { _ in true } }
        }
        if siteRecord {
            // A site's row (`PP-004; ul. Mickiewicza 39/51; (22) 374 54 30; punkt004@…`): no
            // person named, and its phones are the site's fixed lines.
            siteRecord = false
            if valueElements & Self.nameElement == 0, items.contains(where: { $0.code == ElementType.phone.code }),
               items.allSatisfy({ $0.code != ElementType.phone.code || $0.value < 0
                   || batch.values.withPlaintext(at: Int($0.value)) { PhonePlans.isFixedLine($0) } }) {
                organisationRecord = true
            }
        }
        if staffResourceRecord {
            // A FHIR `Practitioner` (`Tõnis Saar`, `tonis.saar@p015.kliinik.test`) or
            // `Organization` (`Tartu Ülikooli Kliinikum`): its contacts are staff values, its
            // name and address no one's.
            staffResourceRecord = false
            addContactsAsStaff()
            let staff: Set<UInt8> = [ElementType.name.code, ElementType.email.code, ElementType.phone.code, ElementType.postalAddress.code,
                                     ElementType.iban.code]
            removeItems { staff.contains($0.code) }
        }
        if staffMemberRecord {
            // A row of a staff register (`lekarz;nr_pwz;specjalizacja;email;telefon`) that holds
            // nothing but contacts (no name, code or key of anyone else's): its e-mails and phones
            // are the staff member's, its address theirs.
            staffMemberRecord = false
            let contact: Set<UInt8> = [ElementType.email.code, ElementType.phone.code, ElementType.postalAddress.code]
            if !items.isEmpty && items.allSatisfy({ contact.contains($0.code) }) {
                addContactsAsStaff()
                removeItems { _ in true }
            }
        }
        if organisationRecord {
            organisationRecord = false
            if !items.contains(where: { $0.code == ElementType.nationalID.code }) {
                // (An organisation's bank account is no one's either: an e-invoice's seller.)
                let contact: Set<UInt8> = [ElementType.email.code, ElementType.phone.code, ElementType.postalAddress.code,
                                           ElementType.iban.code]
                removeItems { contact.contains($0.code) }
            }
        }
        if spreadsDocumentCategories && !items.contains(where: { $0.code == ElementType.nationalID.code })
            && ((valueElements & Self.nameElement != 0
                 && items.allSatisfy({ $0.code != ElementType.name.code || ($0.value >= 0 && batch.values.withPlaintext(at: Int($0.value)) { NameDetector.hasProfessionalTitle($0) }) }))
                || (valueElements & Self.nameElement == 0 && valueElements & Self.contactElements != 0 && blockHasTitledNameLine())) {
            // A mail's or a letter's clinician (`From: dr Merle Lillelo <…>`, a signature
            // `dr Merle Lillelo` · `Ida-Viru Testkliinik` · `merle.lillelo@…`): staff, whose
            // name and contacts are no data subject's. A patient's record carries a code.
            let staff: Set<UInt8> = [ElementType.name.code, ElementType.email.code, ElementType.phone.code, ElementType.postalAddress.code]
            removeItems { staff.contains($0.code) }
        }
        // A block of several persons' identifiers is emitted line by line (below).
        let splitting = blockSplit || (splitConflictingBlocks && hasConflict())
        if splitting && !blockSegments.isEmpty { addListLineNames() }
        if !blockSegments.isEmpty {
            // Records with something personal are searched; so is all of a small document (a lab
            // report's result page names no one, but its categories are its patient's).
            if !items.isEmpty || (documentSize <= Self.smallDocument && spreadsDocumentCategories) { findCategories() }
            blockText.clear()
            blockSegments.clear()
        }
        // (A split block's names and addresses are different persons': no weak keys across them.)
        if !splitting && (valueElements & Self.strongElements == 0 || (documentSize > 0 && documentSize <= Self.weakKeyDocument))
            && valueElements & Self.nameElement != 0 { addWeakKeys() }
        if valueElements == Self.nameElement && !items.contains(where: { $0.code == ElementType.name.code && $0.value >= 0 && batch.values.withPlaintext(at: Int($0.value)) { $0.contains(0x20) } }) {
            // One word and nothing else (`From: Hoitotarvikejakelu <hoitotarvikejakelu@…>`, whose
            // role mailbox is no one's): no one can be told apart by it.
            removeItems { $0.code == ElementType.name.code }
        }
        if deliveryList && items.contains(where: { Self.namesPerson($0.code) }) {
            addElementOnly(.deliveryInfo, -1, Int32(recordLine), recordOffset)
        }
        if mailMessage?.headers == true, !splitting,
           let n = items.firstIndex(where: { $0.code == ElementType.name.code && $0.value >= 0 }),
           let key = mailWriterItem(items[n], headers: true), !itemKeys.contains(key.hash) {
            // An address block of a message's headers: its writer, if the body signs this name.
            items.append(key.item)
            itemKeys.append(key.hash)
        }
        if writerColumn >= 0 && Self.onlyWritersName(items, writerColumn: writerColumn) && !holdsFormName() {
            // A writer's name alone under their closing, outside a small form: the mail's writer
            // is known from its header or its text, and this is no person of its own.
            removeItems { _ in true }
        }
        if !relativeCodes.isEmpty {
            if !splitting { splitRelatives() }
            relativeCodes.removeAll()
        }
        if splitting {
            // A text block with two different identifiers of one type is not one person's record
            // (a log, a list): fall back to one record per line.
            namingRecords += 2
            contactRecords += 2
            emitLines(through: Int32.max)
        } else if items.contains(where: { emits($0) }) || Self.joinsCategories(items) {
            if language == nil { language = guessLanguage(items) }
            if holdsFormContact() || holdsFormName() {
                heldContacts.append((recordLine, recordOffset, language, items))
            } else {
                if valueElements & (Self.nameElement | 1 << UInt32(ElementType.nationalID.code)) != 0 {
                    namingRecords += 1
                    namingRecordIndex = batch.records.count
                } else if valueElements & Self.contactElements != 0 {
                    contactRecords += 1
                    contactRecordIndex = batch.records.count
                }
                if !staffItems.isEmpty {
                    items.append(contentsOf: staffItems)
                    staffItems.clear()
                }
                emit(line: recordLine, offset: recordOffset, language: language, items: items)
            }
        }
        if !staffItems.isEmpty {
            // Staff values of a record that holds nothing else stored (or is split by line): a
            // record of their own, which no person is made of.
            emit(line: recordLine, offset: recordOffset, language: nil, items: staffItems)
            staffItems.clear()
        }
        if !relatedFields.isEmpty && !readingRelated && !genotypeColumns.isEmpty {
            let genetic = PackedItems.reasonBase + ElementType.geneticData.code
            rowGeneticReasons = items.filter { $0.code == genetic }
        }
        items.clear()
        itemKeys.clear()
        valueElements = 0
        language = nil
        blockSplit = false
        blockHasLabels = false
        if !relatedFields.isEmpty && !readingRelated { readRelatedFields(apart: true) }
        if batch.records.count >= sliceSize { flush(outcome: nil) }
    }

    /// A message's record whose prose gives a national ID as a relative's (`relativeCodes`: a
    /// parent writing about their child) and that holds the writer's e-mail or phone: the codes
    /// are a record of their own, so the writer's contacts do not join the child. (Every item
    /// of the code's value goes: a ticket's custom field repeats it.)
    private mutating func splitRelatives() {
        settle()
        guard items.contains(where: { $0.code == ElementType.email.code || $0.code == ElementType.phone.code }) else { return }
        let codes = relativeCodes
        let values = batch.values
        func isRelatives(_ item: PendingItem) -> Bool {
            item.code == ElementType.nationalID.code && item.value >= 0
                && values.withPlaintext(at: Int(item.value)) { p in codes.contains { $0.elementsEqual(p) } }
        }
        guard items.contains(where: isRelatives) else { return }
        // (The record's special categories go with the code: a parent writes about the child's
        // test or illness, `… seaduslik esindaja ja annan nõusoleku uuringu …`.)
        func moves(_ item: PendingItem) -> Bool {
            isRelatives(item) || item.isCategoryReason
        }
        let moved = items.filter(moves)
        removeItems(where: moves)
        emit(line: recordLine, offset: recordOffset, language: language, items: moved)
    }

    /// Words before a national ID in prose that give it as a relative's (`tütre`, `ребёнка`,
    /// `my daughter`), in et, ru, fi, sv, pl, en, de: within the 90 bytes before it, on its line,
    /// with no first-person word between (`… tütre ema, minu isikukood …` is the writer's own).
    static func relativeBefore(_ text: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        var start = at
        while start > 0 && at - start < 90 && text[start - 1] != 0x0A { start -= 1 }
        guard start < at else { return false }
        let before = NameDetector.lowercase(Array(text[start..<at]))
        var cue = -1
        for word in relativeWords {
            var from = 0
            while let k = CategoryMatcher.firstIndex(of: word, in: before, from: from) {
                // (A word's start: `isa` in `Luisa` is no father.)
                if k == 0 || !(ASCII.isLetter(before[k - 1]) || before[k - 1] >= 0x80) { cue = Swift.max(cue, k + word.count) }
                from = k + 1
            }
        }
        guard cue >= 0 else { return false }
        let between = Array(before[cue...])
        return !ownWords.contains { w in
            var from = 0
            while let k = CategoryMatcher.firstIndex(of: w, in: between, from: from) {
                if (k == 0 || !(ASCII.isLetter(between[k - 1]) || between[k - 1] >= 0x80))
                    && (k + w.count == between.count || !(ASCII.isLetter(between[k + w.count]) || between[k + w.count] >= 0x80)) { return true }
                from = k + 1
            }
            return false
        }
    }

    static let relativeWords: [[UInt8]] = [
        "tütar", "tütre", "poeg", "poja", "lapse", "laps ", "lapsele", "ema isikukood", "isa isikukood", "vanaema", "vanaisa",
        "abikaasa",
        "ребёнка", "ребенка", "ребёнок", "ребенок", "сына", "сын ", "дочери", "дочь", "дочки", "матери", "мамы", "отца", "мужа",
        "жены", "бабушки", "дедушки",
        "tyttäreni", "tyttären", "tytär", "poikani", "poikan", "lapseni", "lapsen", "äitini", "isäni", "puolisoni", "vaimoni",
        "mieheni",
        "dotter", "min son", "mitt barn", "barnets", "min mamma", "min pappa", "min fru", "min man", "sonens",
        "córki", "córka", "syna", "dziecka", "dziecko", "matki", "mamy", "ojca", "męża", "żony",
        "daughter", "my son", "son's", "child", "my mother", "mother's", "my father", "father's", "my wife", "my husband",
        "tochter", "sohn", "sohnes", "kind ", "kindes", "mutter", "vaters",
    ].map { Array($0.utf8) }

    static let ownWords: [[UInt8]] = [
        "minu", "mu", "mina", "мой", "мои", "моя", "я", "minun", "minä", "min", "mitt", "jag", "mój", "moja", "mój", "my",
        "mine", "i", "mein", "meine", "ich",
    ].map { Array($0.utf8) }

    /// Whether the held fields of the related `group` name someone other than the record's
    /// person: not every word of the record's name (a payer who is the patient), and, for a
    /// payment's reference, a national ID (`NIPT Merike Kask 48310052465` on Toomas Kask's
    /// transfer; on Mari-Liis Org's own `NIPT Mari-Liis Org 48804115487` the code is hers).
    private func namesAnother(_ group: Int32, byNationalID: Bool) -> Bool {
        var text: [UInt8] = []
        for f in relatedFields where f.group == group {
            text.append(contentsOf: relatedBytes[f.start..<f.end])
            text.append(0x20)
        }
        if byNationalID {
            var national = false
            text.withUnsafeBufferPointer { p in
                fieldScanner.scan(p, hint: .none, preferCountry: preferredCountry) { if $0.element == .nationalID { national = true } }
            }
            guard national else { return false }
        }
        // Words without a capital name no one (a call log's caller `asiakas itse`: the customer).
        guard String(decoding: text, as: UTF8.self).contains(where: \.isUppercase) else { return false }
        var name: [UInt8] = []
        if firstName != nil || lastName != nil {
            NameDetector.join(first: firstName != nil ? firstBytes : [], last: lastName != nil ? lastBytes : [], into: &name)
        } else if let item = items.first(where: { $0.code == ElementType.name.code && $0.value >= 0 }) {
            name = batch.values.withPlaintext(at: Int(item.value)) { Array($0) }
        }
        // Words: split at spaces and punctuation (`KASK, Merike`); a hyphen joins (`Mari-Liis`).
        func isBreak(_ b: UInt8) -> Bool { b < 0x80 && !ASCII.isAlnum(b) && b != UInt8(ascii: "-") }
        let said = Set(NameDetector.lowercase(text).split(whereSeparator: isBreak).map(Array.init))
        let words = NameDetector.lowercase(name).split(whereSeparator: isBreak).filter { $0.count >= 2 }
        return words.isEmpty || !words.allSatisfy { said.contains(Array($0)) }
    }

    /// Reads the held fields of related persons' columns (`relatedFields`): into the current
    /// record (but the groups `except`, which stay held), or `apart`, a record per group, and
    /// per repetition of a column within a group (`"guardians": [{…}, {…}]`).
    private mutating func readRelatedFields(apart: Bool, except: [Int32] = []) {
        let held = except.isEmpty ? relatedFields : relatedFields.filter { !except.contains($0.group) }
        let bytes = relatedBytes
        if except.isEmpty {
            relatedFields.removeAll(keepingCapacity: true)
            relatedBytes.removeAll(keepingCapacity: true)
        } else {
            relatedFields.removeAll { !except.contains($0.group) }  // their bytes stay until they are read
        }
        readingRelated = true
        defer { readingRelated = false }
        func read(_ f: (group: Int32, column: Int32, line: Int32, offset: Int, start: Int, end: Int)) {
            bytes.withUnsafeBufferPointer {
                let value = UnsafeBufferPointer(rebasing: $0[f.start..<f.end])
                // (A caller `asiakas itse`, the customer, is no name.)
                if hints[Int(f.column)] == .fullName && !String(decoding: value, as: UTF8.self).contains(where: \.isUppercase) { return }
                field(value, column: Int(f.column), line: Int(f.line), offset: f.offset)
            }
        }
        guard apart else { for f in held { read(f) }; return }
        var groups: [Int32] = []
        for f in held where !groups.contains(f.group) { groups.append(f.group) }
        let reasons = rowGeneticReasons
        rowGeneticReasons.removeAll()
        for g in groups {
            var seen: [Int32] = []
            var genotyped = false
            for f in held where f.group == g {
                if seen.contains(f.column) { endRecord(); seen.removeAll() }
                if !inRecord { beginRecord(line: Int(f.line), offset: f.offset) }
                seen.append(f.column)
                read(f)
                if Int(f.column) < genotypeColumns.count && genotypeColumns[Int(f.column)] && f.end > f.start { genotyped = true }
            }
            // A trio's parent with a genotype of their own (`ema_gt`: `het`) has the row's
            // genetic data (its gene and variant).
            if genotyped {
                settle()
                for r in reasons where !items.contains(where: { $0.code == r.code && $0.value == r.value }) {
                    items.append(r)
                    itemKeys.append(ValueHash(hi: UInt64(r.value), lo: UInt64(r.code)))
                }
            }
            endRecord()
        }
    }

    /// A record with something personal and no name (`Asiakkaan Marjatta Mäkelä (hetu …) osoite
    /// on muuttunut.` · `Uusi osoite: …`): the first name its free text gives after a customer or
    /// patient word (`ProseName`). Names in prose are read nowhere else.
    private mutating func addProseName() {
        var found: (name: [UInt8], line: Int32, offset: Int)?
        blockText.withUnsafeBufferPointer { all in
            for seg in blockSegments where seg.column < 0 {
                if let hit = ProseName.find(UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])) {
                    found = (hit.name, seg.line, seg.offset + hit.offset)
                    break
                }
            }
        }
        guard let found else { return }
        add(.element(.name), .name, found.name, -1, found.line, found.offset)
        settle()
    }

    /// A numbered list item that opens a block with no name of its own: in a delivery list, a
    /// stop without labels (` 3. RÄSÄNEN KEIJO` · `Koivukuja 57 C 30, 45100 KOUVOLA` ·
    /// `Puh. 040-5687103`: the name after the number, the address on the line below); in any
    /// text, `1) Anneli Heikkilä, Vaahterakuja 5 B 14, 15100 Lahti` (a capitalised name, an
    /// address after its comma). A block with several items is several people: nothing is read.
    private mutating func addListStop() {
        guard let first = blockSegments.first, first.column < 0 else { return }
        var name: (bytes: [UInt8], offset: Int)?
        var address: (bytes: [UInt8], line: Int32, offset: Int)?
        blockText.withUnsafeBufferPointer { all in
            let line = UnsafeBufferPointer(rebasing: all[first.start..<first.end])
            guard let i = Self.listItemText(line) else { return }
            // Several items in one block (`1) …` `2) …` without blank lines between) are several
            // people: the block is no one's record, so nothing is read.
            for seg in blockSegments.dropFirst() where seg.column < 0 {
                if Self.listItemText(UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])) != nil { return }
            }
            let rest = UnsafeBufferPointer(rebasing: line[i...])
            // `1) Anneli Heikkilä, Vaahterakuja 5 B 14, 15100 Lahti` (a list in a mail): a
            // capitalised name and an address after its comma, in any text.
            if let item = Self.nameBeforeComma(rest), ColumnSampler.isAddress(item.tail),
               let normal = item.tail.withUnsafeBufferPointer({ PostalAddressDetector.normalize($0) }) {
                name = (item.name, first.offset + i)
                address = (normal, first.line, first.offset + i + item.tailStart)
                return
            }
            // ` 3. RÄSÄNEN KEIJO` on a route sheet, the address on the next line.
            guard deliveryList, let n = NameDetector.normalize(rest), n.contains(0x20) else { return }
            name = (n, first.offset + i)
            guard blockSegments.count >= 2 else { return }
            let next = blockSegments[1]
            guard next.column < 0 else { return }
            let text = UnsafeBufferPointer(rebasing: all[next.start..<next.end])
            let (a, b) = Self.trimmedRange(text, from: 0)
            let trimmed = Array(text[a..<b])
            if ColumnSampler.isAddress(trimmed), let normal = trimmed.withUnsafeBufferPointer({ PostalAddressDetector.normalize($0) }) {
                address = (normal, next.line, next.offset + a)
            }
        }
        guard let name else { return }
        add(.element(.name), .name, name.bytes, -1, first.line, name.offset)
        if let address, !items.contains(where: { $0.code == ElementType.postalAddress.code }) {
            add(.element(.postalAddress), .postalAddress, address.bytes, -1, address.line, address.offset)
        }
        settle()
    }

    /// A block of several persons that is a list (`- Marja Laine, Väinölänkatu 48 A, 15520 Lahti,
    /// 046 662 4581`, one customer per line, as a mail lists them): each item line with an
    /// identifier or address of its own and no name gets the capitalised name before its first
    /// comma, and the address after it. The block is then emitted line by line.
    private mutating func addListLineNames() {
        settle()
        var found: [(name: [UInt8], address: [UInt8]?, line: Int32, offset: Int, addressOffset: Int)] = []
        blockText.withUnsafeBufferPointer { all in
            for seg in blockSegments where seg.column < 0 {
                guard !items.contains(where: { $0.line == seg.line && $0.code == ElementType.name.code }) else { continue }
                let text = UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])
                guard let i = Self.listItemText(text) ?? Self.bulletText(text) else { continue }
                guard let (n, a, tail) = Self.nameBeforeComma(UnsafeBufferPointer(rebasing: text[i...])) else { continue }
                // The item has an identifier of its own, or is a name and an address.
                guard items.contains(where: { $0.line == seg.line && Self.namesPerson($0.code) }) || ColumnSampler.isAddress(tail) else { continue }
                var address: [UInt8]?
                if !items.contains(where: { $0.line == seg.line && $0.code == ElementType.postalAddress.code }), ColumnSampler.isAddress(tail) {
                    // The address without the phone or e-mail that ends the item: trailing
                    // comma-separated parts with seven digits and no letter, or an `@`.
                    // So is a last part without a digit after a postal code and its town
                    // (`15290 Lahti, ei puhelinta`: "no phone").
                    var end = tail.count
                    while let k = tail[..<end].lastIndex(of: UInt8(ascii: ",")) {
                        let part = tail[(k + 1)..<end]
                        let digits = part.filter { ASCII.isDigit($0) }.count
                        let letters = part.contains { ASCII.isLetter($0) || $0 >= 0x80 }
                        let note = digits == 0 && Self.hasPostalCodeAndTown(tail[..<k])
                        guard (digits >= 7 && !letters) || part.contains(UInt8(ascii: "@")) || note else { break }
                        end = k
                    }
                    address = Array(tail[..<end]).withUnsafeBufferPointer { PostalAddressDetector.normalize($0) }
                }
                found.append((n, address, seg.line, seg.offset + i, seg.offset + i + a))
            }
        }
        for f in found {
            add(.element(.name), .name, f.name, -1, f.line, f.offset)
            if let address = f.address {
                add(.element(.postalAddress), .postalAddress, address, -1, f.line, f.addressOffset)
                settle()
                // Each line is its own person: its name and address make its weak key.
                addWeakKey(name: items.count - 2, other: items.count - 1, .weakNameAddress)
            }
        }
        settle()
    }

    /// A list item's capitalised name before its first comma (`Anneli Heikkilä, Vaahterakuja 5 B
    /// 14, 15100 Lahti`), and the rest after the comma, trimmed (with its offset in `item`).
    static func nameBeforeComma(_ item: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], tailStart: Int, tail: [UInt8])? {
        guard let comma = item.firstIndex(of: UInt8(ascii: ",")), comma > 0,
              let n = NameDetector.normalize(UnsafeBufferPointer(rebasing: item[..<comma])), isCapitalisedWords(n) else { return nil }
        let (a, b) = trimmedRange(item, from: comma + 1)
        return (n, a, Array(item[a..<b]))
    }

    /// Whether what follows a name and a comma in a name field (`tail`, from `tailStart` in
    /// `value`) says the name is a person's, reading it as what it is: a birth date after a
    /// word saying so (`Patsient: Jamal Campbell, sünd. 20.08.1975`), else an identifier
    /// (`Patsient: Maarja Rohusoo, ik 48308160171`, a phone). `Inkontinenssivaippa L, 28 kpl`
    /// is a product: no.
    private mutating func readsNameTail(_ value: UnsafeBufferPointer<UInt8>, tailStart: Int, tail: [UInt8],
                                        _ f: Int32, _ l: Int32, _ offset: Int) -> Bool {
        if let d = Self.birthWordEnd(tail),
           scan(UnsafeBufferPointer(rebasing: value[(tailStart + d)...]), hint: .dateOfBirth, f, l, offset + tailStart + d).any {
            return true
        }
        return scan(UnsafeBufferPointer(rebasing: value[tailStart...]), hint: .none, f, l, offset + tailStart).any
    }

    /// Where a birth date starts after a word saying it follows, at the start of `tail`
    /// (`sünd. 20.08.1975`, `born 1975-08-20`, `s. 20.8.1975`, `ur. 20.08.1975`, `geb.`, `р.`):
    /// the word, an optional `.` or `:`, and spaces. Nil otherwise.
    static func birthWordEnd(_ tail: [UInt8]) -> Int? {
        var i = 0
        while i < tail.count && (ASCII.isLetter(tail[i]) || tail[i] >= 0x80) { i += 1 }
        guard i > 0, i < tail.count, birthWords.contains(NameDetector.lowercase(Array(tail[..<i]))) else { return nil }
        if tail[i] == UInt8(ascii: ".") || tail[i] == UInt8(ascii: ":") { i += 1 }
        let wordEnd = i
        while i < tail.count && tail[i] == 0x20 { i += 1 }
        return i > wordEnd || tail[wordEnd - 1] == UInt8(ascii: ".") ? (i < tail.count ? i : nil) : nil
    }

    static let birthWords: Set<[UInt8]> = Set([
        "sünd", "sündinud", "s", "born", "b", "dob", "syntynyt", "synt", "född", "f", "ur", "urodz", "urodzony", "urodzona",
        "geb", "geboren", "р", "род", "родился", "родилась", "dz", "dzim", "gim", "gimęs", "gimusi", "født", "fødd",
    ].map { Array($0.utf8) })

    /// Whether an address's last comma-separated part is a postal code of 4–5 digits and a town
    /// (`15290 Lahti`, `00-950 Warszawa`).
    static func hasPostalCodeAndTown(_ text: ArraySlice<UInt8>) -> Bool {
        let start = text.lastIndex(of: UInt8(ascii: ",")).map { $0 + 1 } ?? text.startIndex
        let words = text[start...].split(separator: 0x20)
        guard words.count >= 2, let code = words.first else { return false }
        let digits = code.filter { ASCII.isDigit($0) }.count
        return digits >= 4 && digits <= 5 && code.allSatisfy { ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
            && words.last!.contains { ASCII.isLetter($0) || $0 >= 0x80 }
    }

    /// Where a bulleted line's text starts (`- `, `* `, `• `, after indentation), or nil.
    static func bulletText(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < line.count && (line[i] == 0x20 || line[i] == 0x09) { i += 1 }
        if i + 1 < line.count && (line[i] == UInt8(ascii: "-") || line[i] == UInt8(ascii: "*")) && line[i + 1] == 0x20 { return i + 2 }
        if i + 3 < line.count && line[i] == 0xE2 && line[i + 1] == 0x80 && line[i + 2] == 0xA2 && line[i + 3] == 0x20 { return i + 4 }
        return nil
    }

    /// Whether a value starts with a written date (`2023-09-12 12:52:00+03`, `12.09.2023`; not
    /// a product code's digits).
    static func isDate(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = trimmedRange(value, from: 0).0
        guard value[start...].prefix(11).contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") })
        else { return false }
        return DateOfBirthDetector.parse(value, start, usFormat: false) != nil
    }

    /// The bounds of `p[from...]` without spaces and tabs at either end.
    @inline(__always)
    static func trimmedRange(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Int) {
        var a = from, b = p.count
        while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
        return (a, b)
    }

    /// Removes the record's items (and their keys, kept beside them) that `drop` selects.
    private mutating func removeItems(where drop: (PendingItem) -> Bool) {
        var k = 0
        while k < items.count {
            if drop(items[k]) { items.remove(at: k); itemKeys.remove(at: k) } else { k += 1 }
        }
    }

    /// Where a list item's text starts (` 3. `, `1) `, after indentation), or nil.
    static func listItemText(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < line.count && (line[i] == 0x20 || line[i] == 0x09) { i += 1 }
        let digits = i
        while i < line.count && ASCII.isDigit(line[i]) { i += 1 }
        guard i > digits, i - digits <= 3, i < line.count, line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: ")") else { return nil }
        i += 1
        guard i < line.count, line[i] == 0x20 || line[i] == 0x09 else { return nil }
        return i
    }

    /// Two to four words, each starting with a capital (`Anneli Heikkilä`, `Mäkelä-Virta Eeva`).
    static func isCapitalisedWords(_ n: [UInt8]) -> Bool {
        let words = String(decoding: n, as: UTF8.self).split(separator: " ")
        return words.count >= 2 && words.count <= 4 && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// The record's address from its columns: the parts (`Katuosoite` · `Postinumero` ·
    /// `Postitoimipaikka`) joined in column order, with the one whole-address column beside them
    /// (`Osoite` · `Postinumero` · `Toimipaikka`: the street); two whole-address columns (home
    /// and delivery) stay two addresses. Postal codes and cities alone are no address.
    private mutating func addAddress() {
        let wholes = addressParts.filter(\.whole).count
        // A town alone (a test fixture's `Test1,Klient,,,,Tallinn`) beside no one's name or
        // identifier points at no one: no address.
        if addressParts.count == 1, !addressParts[0].whole, !addressParts[0].bytes.contains(where: ASCII.isDigit),
           waiting == nil, !items.contains(where: { Self.namesPerson($0.code) }) {
            return
        }
        if wholes == 0 || wholes == 1 && wholes < addressParts.count {
            if addressParts.contains(where: { PostalAddressDetector.hasLetter($0.bytes) }) {
                let p = addressParts[0]
                add(.element(.postalAddress), .postalAddress, PostalAddressDetector.join(addressParts.map { $0.bytes }), p.field, p.line, p.offset)
            }
            return
        }
        for p in addressParts where p.whole { add(.element(.postalAddress), .postalAddress, p.bytes, p.field, p.line, p.offset) }
        let parts = addressParts.filter { !$0.whole }
        if let p = parts.first, parts.contains(where: { PostalAddressDetector.hasLetter($0.bytes) }) {
            add(.element(.postalAddress), .postalAddress, PostalAddressDetector.join(parts.map { $0.bytes }), p.field, p.line, p.offset)
        }
    }

    /// A record with no strong identifier (a route-sheet stop, a register row with a name and an
    /// address) gets a weak key per name and postal address, and per name and date of birth, in
    /// their compared forms (`WeakKey`), so that the same person written differently elsewhere
    /// is proposed as a candidate. So does every record of a document up to `weakKeyDocument`:
    /// one system knows a person by e-mail (`Zofia Zielińska` in a shop's orders), another by
    /// national ID (`ZIELIŃSKA ZOFIA` on a lab report at the same address), and only name and
    /// address say they may be one. The dense tables of large leaks are mostly records with a
    /// strong identifier in large files: the key costs them nothing.
    /// Each name of two or more words also gets a weak key of its own (`.weakName`): a lab's
    /// patient known by PESEL and its web shop's customer known by phone, the only two to carry
    /// `Agnieszka Majewska`, are a candidate (`WeakIdentities`).
    /// Called when the record's element bits (`valueElements`) show a name.
    private mutating func addWeakKeys() {
        var names: [Int] = [], others: [(Int, ValueKind)] = []
        for k in items.indices where items[k].code == ElementType.name.code && items[k].value >= 0 && names.count < 2 { names.append(k) }
        for k in items.indices where items[k].value >= 0 && others.count < 2 {
            if items[k].code == ElementType.postalAddress.code { others.append((k, .weakNameAddress)) }
            else if items[k].code == ElementType.dateOfBirth.code { others.append((k, .weakNameBirth)) }
        }
        for n in names {
            if batch.values.withPlaintext(at: Int(items[n].value), { $0.contains(0x20) }) { addWeakKey(name: n, other: n, .weakName) }
            for (o, kind) in others { addWeakKey(name: n, other: o, kind) }
        }
    }

    /// The weak key of the name at `items[n]` and the address or birth date at `items[o]` (or of
    /// the name alone: `.weakName`), on the name's line.
    private mutating func addWeakKey(name n: Int, other o: Int, _ kind: ValueKind) {
        var material: [UInt8] = []
        swap(&material, &materialScratch)
        material.clear()
        batch.values.withPlaintext(at: Int(items[n].value)) { name in
            batch.values.withPlaintext(at: Int(items[o].value)) { WeakKey.material(kind, name: name, other: $0, into: &material) }
        }
        addKey(kind, material, at: n)
        if kind == .weakNameAddress {
            // And the key of the address's core, when the address has more than its core.
            material.clear()
            let core = batch.values.withPlaintext(at: Int(items[n].value)) { name in
                batch.values.withPlaintext(at: Int(items[o].value)) { WeakKey.coreMaterial(name: name, address: $0, into: &material) }
            }
            if core { addKey(kind, material, at: n) }
        }
        swap(&material, &materialScratch)
    }

    /// A weak key of `material` on the line of `items[n]`, unless the record has it already.
    private mutating func addKey(_ kind: ValueKind, _ material: [UInt8], at n: Int) {
        let h = hash(kind, material)
        guard !itemKeys.contains(h) else { return }
        let idx = index(h, kind, material)
        let at = items[n]
        items.append(PendingItem(value: idx, code: PendingItem.linkKeyCode, field: at.field, line: at.line, offset: at.offset))
        itemKeys.append(h)
    }

    /// Whether an item of this element code says who the record is about.
    static func namesPerson(_ code: UInt8) -> Bool {
        code == ElementType.name.code || code == ElementType.nationalID.code || code == ElementType.email.code
            || code == ElementType.phone.code || code == ElementType.postalAddress.code
    }

    /// Emits the items of lines up to `line` as one record per line and removes them.
    private mutating func emitLines(through line: Int32) {
        settle()
        var byLine: [Int32: [PendingItem]] = [:]
        var rest: [PendingItem] = [], restKeys: [ValueHash] = []
        for (it, key) in zip(items, itemKeys) {
            if it.line <= line { byLine[it.line, default: []].append(it) } else { rest.append(it); restKeys.append(key) }
        }
        for l in byLine.keys.sorted() {
            for part in splitLine(byLine[l]!) {
                guard part.contains(where: { emits($0) }) else { continue }
                emit(line: Int(l), offset: part.map(\.offset).min() ?? recordOffset, language: language ?? guessLanguage(part), items: part)
            }
        }
        items = rest
        itemKeys = restKeys
    }

    /// One line of a list can name several persons (`To: Kati Kask <kati@…>, Jaan Tamm <jaan@…>`):
    /// when it holds two different values of one identifier type, each identifier starts a part
    /// and the other items go with the identifier that follows them (a name before its address).
    private func splitLine(_ lineItems: [PendingItem]) -> [[PendingItem]] {
        var kinds: [UInt16: Int64] = [:]
        var conflict = false
        for it in lineItems where it.refersToValue {
            let kind = batch.values.kind(at: Int(it.value))
            guard kind.isStrong else { continue }
            if let other = kinds[kind.rawValue], other != it.value { conflict = true; break }
            kinds[kind.rawValue] = it.value
        }
        guard conflict else { return [lineItems] }
        var parts: [[PendingItem]] = []
        var pending: [PendingItem] = []
        for it in lineItems.sorted(by: { $0.offset < $1.offset }) {
            pending.append(it)
            if it.refersToValue && batch.values.kind(at: Int(it.value)).isStrong {
                parts.append(pending)
                pending = []
            }
        }
        if !pending.isEmpty {
            if parts.isEmpty { parts.append(pending) } else { parts[parts.count - 1].append(contentsOf: pending) }
        }
        return parts
    }

    /// A record without a language column gets a guess, marked with a leading `~` so that the
    /// resolver prefers any explicit language: from the country of a national ID, else of a phone
    /// number, else of an e-mail's country domain.
    private func guessLanguage(_ items: [PendingItem]) -> String? {
        var fromPhone: String?, fromMail: String?
        for it in items where it.refersToValue {
            let i = Int(it.value)
            let id = batch.values.kind(at: i).identifier
            if let t = id, t.isNational, let l = Self.guessedLanguageByIdentifier[Int(t.code)] { return l }
            if id == .phone, fromPhone == nil, let c = batch.values.withPlaintext(at: i, { Self.phoneCountry($0) }) { fromPhone = Self.guessedLanguageOf[c] }
            if id == .email, fromMail == nil {
                let tld: String? = batch.values.withPlaintext(at: i) { p in
                    p.lastIndex(of: UInt8(ascii: ".")).map { String(decoding: p[($0 + 1)...], as: UTF8.self).uppercased() }
                }
                if let tld { fromMail = Self.guessedLanguageOf[tld == "UK" ? "GB" : tld] }
            }
        }
        return fromPhone ?? fromMail
    }

    /// `guessedLanguageOf` for a national ID's country, by identifier code (asked once per record:
    /// a dictionary lookup by a country string cost more than the rest of the guess).
    static let guessedLanguageByIdentifier: [String?] = (0..<64).map { code in
        IdentifierType(code: UInt8(code))?.country.flatMap { guessedLanguageOf[$0] }
    }

    static let languageOf = ["EE": "et", "LT": "lt", "LV": "lv", "FI": "fi", "SE": "sv", "NO": "no", "DK": "da", "PL": "pl",
                             "GB": "en", "US": "en", "DE": "de"]
    /// `languageOf` with the guess mark: `"EE"` → `"~et"` (built once, not per record).
    static let guessedLanguageOf = languageOf.mapValues { "~" + $0 }

    /// Whether the current text block holds more than one person: two different national IDs of
    /// one scheme, or — in a block without labels (a log, a list) — two different values of one
    /// identifier type. A labelled block (a report: `Telefon:`, `Tel. kom.:`) is one person's
    /// record even with two phones or e-mails.
    private func hasConflict() -> Bool {
        assert(waiting == nil, "an add is waiting")
        // One item cannot conflict (most records of prose have none).
        guard items.count >= 2 else { return false }
        // Strong kinds have raw values below 64: one slot each on the stack (-1 = not seen).
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: 64) { seen in
            seen.initialize(repeating: -1)
            for it in items where it.refersToValue {
                let kind = batch.values.kind(at: Int(it.value))
                guard kind.isStrong else { continue }
                if blockHasLabels && !(kind.identifier?.isNational ?? false) { continue }
                // (A code the prose gives as a relative's, `законным представителем ребёнка …
                // (личный код …)`, is no second person of the block's: `splitRelatives` sets it apart.)
                if !relativeCodes.isEmpty, kind.identifier?.isNational ?? false,
                   batch.values.withPlaintext(at: Int(it.value), { p in relativeCodes.contains { $0.elementsEqual(p) } }) { continue }
                let code = Int(kind.rawValue)
                if seen[code] >= 0 && seen[code] != it.value { return true }
                seen[code] = it.value
            }
            return false
        }
    }

    private mutating func emit(line: Int, offset: Int, language: String?, items recordItems: [PendingItem]) {
        assert(waiting == nil, "an add is waiting")
        var findings = 0
        for it in recordItems where it.code < PackedItems.reasonBase { findings += 1 }
        findingCount += findings
        batch.records.append(ordinal: ordinalBase + recordCount, line: line, offset: offset, language: language, items: recordItems)
        recordCount += 1
    }

    /// Whether a free-text line of the block is a clinician's name alone (`dr Merle Lillelo`,
    /// `Dr. Lisa Jones`): the block is a signature.
    private func blockHasTitledNameLine() -> Bool {
        blockText.withUnsafeBufferPointer { all in
            blockSegments.contains { seg in
                guard seg.column < 0, seg.end - seg.start <= 60 else { return false }
                let line = UnsafeBufferPointer(rebasing: all[seg.start..<seg.end])
                guard NameDetector.hasProfessionalTitle(line), let space = line.firstIndex(of: 0x20) else { return false }
                let words = line[(space + 1)...].split(separator: 0x20)
                return words.count >= 2 && words.count <= 4 && words.allSatisfy { w in
                    guard let f = w.first else { return false }
                    return ASCII.isUpper(f) || f >= 0xC3
                }
            }
        }
    }

    /// Whether the record that just ended is a form's contact paragraph to hold: a small prose
    /// document read whole, a paragraph of one line, and nothing in it but phones and e-mails.
    /// A signature (`Marjatta Mäkelä` · `palveluohjaaja` · `p. 046 780 3042`) has more lines: its
    /// contacts are the sender's, not those of the person the mail names.
    private func holdsFormContact() -> Bool {
        guard readsForms, blockOneLine, documentSize > 0, documentSize <= Self.formDocument, ordinalBase == 0,
              valueElements & ~Self.contactElements == 0 else { return false }
        return items.allSatisfy { $0.code == ElementType.phone.code || $0.code == ElementType.email.code }
    }

    /// Whether a record holds nothing but a writer's name (and the keys made of it).
    /// (No closure over `self`: called for every record, it would copy the assembler.)
    static func onlyWritersName(_ items: [PendingItem], writerColumn: Int32) -> Bool {
        guard writerColumn >= 0 else { return false }
        return items.contains { isWriterName($0, writerColumn) }
            && items.allSatisfy { isWriterName($0, writerColumn) || $0.code == PendingItem.linkKeyCode }
    }

    /// The key of a mail message's writer (`mailMessage`, kind `ValueKind.mailWriter`) by the name at value `name`: the
    /// message's path and the name's consonant skeleton (`WeakKey.nameSkeleton`, so `Елена
    /// Иванова` in the headers meets `Elena Ivanova` under the closing). Nil for a name of one word.
    private mutating func mailWriterKey(name: Int64, message: String) -> (hash: ValueHash, index: Int64)? {
        guard name >= 0,
              let material = batch.values.withPlaintext(at: Int(name), { Self.mailWriterMaterial(name: $0, message: message) })
        else { return nil }
        let h = hash(.mailWriter, material)
        return (h, index(h, .mailWriter, material))
    }

    /// The bytes of a mail writer's key (`mailWriterKey`); nil for a name of one word.
    static func mailWriterMaterial(name: some Collection<UInt8>, message: String) -> [UInt8]? {
        let skeleton = WeakKey.nameSkeleton(name)
        guard skeleton.contains(" ") else { return nil }
        var material = Array("mail-writer".utf8)
        material.append(0)
        material.append(contentsOf: message.utf8)
        material.append(0)
        material.append(contentsOf: skeleton.utf8)
        return material
    }

    /// The writer key of a name item (`mailWriterKey`), placed where the name is, in a member of
    /// the given side of a mail message (`headers.txt` or a body); nil in any other document.
    private mutating func mailWriterItem(_ name: PendingItem, headers: Bool) -> (hash: ValueHash, item: PendingItem)? {
        guard let message = mailMessage, message.headers == headers,
              let key = mailWriterKey(name: name.value, message: message.path) else { return nil }
        return (key.hash, PendingItem(value: key.index, code: PendingItem.linkKeyCode, field: name.field, line: name.line, offset: name.offset))
    }

    /// A mail body's writer key, from the writer's signed name among `items` (`writerNameColumn`).
    private mutating func bodyWriterItem(_ items: some Sequence<PendingItem>) -> PendingItem? {
        guard mailMessage?.headers == false else { return nil }
        let column = writerColumn
        guard let writer = items.first(where: { Self.isWriterName($0, column) }) else { return nil }
        return mailWriterItem(writer, headers: false)?.item
    }

    /// Whether an item is a letter's writer's name under their closing (`writerNameColumn`).
    static func isWriterName(_ item: PendingItem, _ writerColumn: Int32) -> Bool {
        writerColumn >= 0 && item.code == ElementType.name.code && item.field == writerColumn
    }

    /// Whether held name paragraphs (their items) are the form's one person's: their names have
    /// one consonant skeleton (`WeakKey.nameSkeleton`, three consonants or more), the form's one
    /// named record's name's; or, when that record has a national ID and no name (`Kaardi omanik:
    /// …, isikukood 3760…`), the paragraphs are address blocks, or one of them is the writer's
    /// signed name (a customer's mail: `From: Елена Иванова` · `Мой личный код 4621…` · `С
    /// уважением,` · `Елена Иванова`).
    private func joinsFormsName(_ naming: [[PendingItem]]) -> Bool {
        guard namingRecords == 1, namingRecordIndex >= 0 else { return false }
        let nameCode = ElementType.name.code
        let record = batch.records[namingRecordIndex].items
        let names = Set(record.filter { $0.code == nameCode }.map(\.value))
        let skeletons = Set(naming.flatMap { $0.filter { $0.code == nameCode } }.map { item in
            batch.values.withPlaintext(at: Int(item.value)) { WeakKey.nameSkeleton($0) }
        })
        let skeleton: String
        if names.count == 1 {
            skeleton = batch.values.withPlaintext(at: Int(names.first!)) { WeakKey.nameSkeleton($0) }
        } else if names.isEmpty, Set(record.filter { $0.code == ElementType.nationalID.code }.map(\.value)).count == 1,
                  naming.allSatisfy({ $0.contains { $0.code == ElementType.postalAddress.code } })
                    || naming.contains(where: { $0.contains { Self.isWriterName($0, writerColumn) } }), skeletons.count == 1 {
            skeleton = skeletons.first!
        } else {
            return false
        }
        // Two spellings compared need three consonants to agree on; a writer's signed name alone
        // is compared with nothing.
        let compared = names.count == 1 || naming.count > 1
        return skeleton.filter { $0 != " " }.count >= (compared ? 3 : 1) && skeletons == [skeleton]
    }

    /// Whether the held name paragraphs are only the writer's signed name, in a form that names
    /// no one else and has one record of contacts, with at most one phone (no fixed line: an
    /// organisation's) and one e-mail: a customer's mail `You can call me on +372 5454 9308.` ·
    /// `Best regards,` · `Oliver Hall`. That record is the writer's.
    private func joinsWritersContacts(_ naming: [(line: Int, offset: Int, language: String?, items: [PendingItem])]) -> Bool {
        guard namingRecords == 0, contactRecords == 1, contactRecordIndex >= 0, naming.count == 1,
              Self.onlyWritersName(naming[0].items, writerColumn: writerColumn) else { return false }
        let items = batch.records[contactRecordIndex].items
        let phones = Set(items.filter { $0.code == ElementType.phone.code }.map(\.value))
        let mails = Set(items.filter { $0.code == ElementType.email.code }.map(\.value))
        return phones.count <= 1 && mails.count <= 1 && !phones.contains { phone in
            batch.values.withPlaintext(at: Int(phone)) { PhonePlans.isFixedLine($0) }
        }
    }

    /// A small form's paragraph with a name and no strong identifier (`Пациент: Наталья Васильева`
    /// under the form's Latin `Patsient: Natalja Vassiljeva`; a letter's address block
    /// `Juri Kuznetsov` · `Sõpruse pst 93-1` · `20903 Narva` over `Kaardi omanik: Juri Kuznetsov,
    /// isikukood …`): held until the document ends (`attachFormContacts`).
    private func holdsFormName() -> Bool {
        guard readsForms, documentSize > 0, documentSize <= Self.formDocument, ordinalBase == 0 else { return false }
        return valueElements & Self.nameElement != 0 && valueElements & Self.identifiers == 0
    }

    /// Elements that identify a person besides a name, an address or a birth date.
    private static let identifiers: UInt32 = [ElementType.nationalID, .email, .phone, .iban, .paymentCard]
        .reduce(0) { $0 | 1 << UInt32($1.code) }

    /// At the end of a form, its held name paragraphs join the one record that names someone when
    /// their names are one name in two scripts or spellings (`WeakKey.nameSkeleton`); if one does
    /// not, every held paragraph is a record of its own (the form names someone else too).
    /// Then its held contact paragraphs join the one record that names someone,
    /// when the form names exactly one person (one name value, at most one national ID) who has
    /// no phone (no e-mail) of their own and each held phone is no fixed line: an organisation's
    /// footer (`Tel 6 123 456`) gives a landline, and a second phone beside the person's own is
    /// someone else's. Otherwise the paragraphs are records of their own, as any other.
    private mutating func attachFormContacts() {
        var held = heldContacts
        heldContacts.removeAll()
        let nameCode = ElementType.name.code
        let naming = held.filter { h in h.items.contains { $0.code == nameCode } }
        if !naming.isEmpty {
            if joinsWritersContacts(naming) {
                var added = naming[0].items
                if let key = bodyWriterItem(added) { added.append(key) }
                batch.records.insert(items: added, intoRecord: contactRecordIndex)
                findingCount += naming[0].items.count
                held.removeAll { h in h.items.contains { $0.code == nameCode } }
                for h in held { emit(line: h.line, offset: h.offset, language: h.language, items: h.items) }
                return
            }
            guard joinsFormsName(naming.map(\.items)) else {
                // (A writer's name alone under their closing is no person of its own: the mail's
                // writer is known from its header or its text.)
                for h in held where !Self.onlyWritersName(h.items, writerColumn: writerColumn) {
                    emit(line: h.line, offset: h.offset, language: h.language, items: h.items)
                }
                return
            }
            for h in naming {
                batch.records.insert(items: h.items, intoRecord: namingRecordIndex)
                findingCount += h.items.count
            }
            if let key = bodyWriterItem(naming.lazy.flatMap(\.items)) {
                // The body's writer signs the record: the headers' block of that name is theirs.
                batch.records.insert(items: CollectionOfOne(key), intoRecord: namingRecordIndex)
            }
            held.removeAll { h in h.items.contains { $0.code == nameCode } }
            guard !held.isEmpty else { return }
        }
        if namingRecords == 1, namingRecordIndex >= 0 {
            let record = batch.records[namingRecordIndex]
            let named = Set(record.items.filter { $0.code == ElementType.name.code }.map(\.value))
            let nationals = Set(record.items.filter { $0.code == ElementType.nationalID.code }.map(\.value))
            let has = Set(record.items.map(\.code))
            let added = held.flatMap(\.items)
            let phones = Set(added.filter { $0.code == ElementType.phone.code }.map(\.value))
            let mails = Set(added.filter { $0.code == ElementType.email.code }.map(\.value))
            let fits = phones.count <= 1 && mails.count <= 1 && named.count <= 1 && nationals.count <= 1 && !named.union(nationals).isEmpty && added.allSatisfy { item in
                guard !has.contains(item.code) else { return false }
                guard item.code == ElementType.phone.code else { return true }
                return !batch.values.withPlaintext(at: Int(item.value)) { PhonePlans.isFixedLine($0) }
            }
            if fits {
                batch.records.insert(items: added, intoRecord: namingRecordIndex)
                findingCount += added.count
                return
            }
        }
        for h in held { emit(line: h.line, offset: h.offset, language: h.language, items: h.items) }
    }

    /// Ends the document's last record and settles its held form contacts, so that the record and
    /// finding counts are final before the outcome is written (`flush` does it too).
    mutating func finishDocument() {
        if inRecord { endRecord() }
        settle()
        if !heldContacts.isEmpty { attachFormContacts() }
    }

    /// Sends the current slice (and, at the end, the outcome) to the writer.
    mutating func flush(outcome: DocumentOutcome?) {
        if inRecord { endRecord() }
        settle()
        if !heldContacts.isEmpty { attachFormContacts() }
        dropTemplateReasons()
        namingRecordIndex = -1
        contactRecordIndex = -1
        batch.fields = newFields
        batch.outcome = outcome
        newFields.removeAll()
        // The next slice is sized like this one (a document's slices are alike): no regrowing.
        let sizes = (values: batch.values.count, bytes: batch.values.bytes.count, records: batch.records.count, items: batch.records.items.count)
        submit(batch)
        batch = ScanBatch(documentID: documentID)
        if outcome == nil {
            batch.values.reserveCapacity(sizes.values, bytes: sizes.bytes)
            batch.records.reserveCapacity(sizes.records, items: sizes.items)
        }
        for k in recent.indices { recent[k].index = -1 }
    }

    static let documentNamespace = "document"

    /// An identity document's number in a field (`paszport FE222750`, `FE 222750`, `№ АВ123456`):
    /// the last word with five or more digits, with a series of capitals just before it joined
    /// to it (`AB 123456`; not `pass 123456`), upper-cased. Nil when no word has five digits (`brak`, `passport`).
    static func documentNumber(_ k: [UInt8]) -> [UInt8]? {
        let words = k.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: ",") })
        guard let last = words.lastIndex(where: { w in w.reduce(0) { $0 + (ASCII.isDigit($1) ? 1 : 0) } >= 5 }) else { return nil }
        var out: [UInt8] = []
        let series = last > words.startIndex ? words[last - 1] : []
        if !series.isEmpty, series.count <= 6, series.first != 0xE2, series.allSatisfy({ ASCII.isUpper($0) || $0 >= 0x80 }), words[last].allSatisfy({ ASCII.isDigit($0) }) {
            out.append(contentsOf: series)
        }
        out.append(contentsOf: words[last].filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") })
        return out.map { ASCII.isLower($0) ? $0 & 0xDF : $0 }
    }

    /// One to four letters, then six digits or more, with spaces or dashes between groups
    /// (`KS-9500504`, `Ks 526 7350`): a lettered card code.
    static func isLetteredCardCode(_ k: [UInt8]) -> Bool {
        var i = 0
        while i < k.count && ASCII.isLetter(k[i]) { i += 1 }
        guard i >= 1 && i <= 4 else { return false }
        var digits = 0
        for b in k[i...] {
            if ASCII.isDigit(b) { digits += 1 } else if b != 0x20 && b != 0x2D { return false }
        }
        return digits >= 6
    }

    /// A card number as digits only (`4111 1111-1111 1111` → `4111111111111111`), so the same card
    /// written two ways links; other keys unchanged.
    static func cardKey(_ k: [UInt8]) -> [UInt8] {
        // All digits already: the digits are `k` itself (no copy).
        if k.allSatisfy({ ASCII.isDigit($0) }) { return k }
        // Letters, digits and separators (`LP-2459511`, `lp 2459 511`): letters upper-cased,
        // separators dropped, so that the files that write the card differently still join.
        var out: [UInt8] = []
        out.reserveCapacity(k.count)
        var digits = 0
        for b in k {
            if ASCII.isDigit(b) { out.append(b); digits += 1 }
            else if ASCII.isLetter(b) { out.append(b & ~0x20) }
            else if !(b == 0x20 || b == 0x2D || b == 0x2E || b == 0x2F) { return k }
        }
        return digits >= 6 ? out : k
    }

    /// 6–24 letters/digits (separators allowed), at least 6 digits: a card or member number, not a
    /// word or an amount.
    /// A database's record id in hex (a MongoDB ObjectId, a UUID, a Trello card's id): 16 or more
    /// hex digits and dashes, with a letter among them.
    static func isHexID(_ k: [UInt8]) -> Bool {
        guard k.count >= 16 else { return false }
        var letter = false
        for b in k {
            if let v = MailDecoder.hex(b) { if v >= 10 { letter = true } } else if b != 0x2D { return false }
        }
        return letter
    }

    static func isKeyLike(_ k: [UInt8]) -> Bool {
        guard k.count >= 6 && k.count <= 24 else { return false }
        var digits = 0
        for b in k {
            if ASCII.isDigit(b) { digits += 1 } else if !(ASCII.isLetter(b) || b == 0x20 || b == 0x2D) { return false }
        }
        return digits >= 6
    }

    /// Normalises a name field into `nameScratch`; false when it is no name.
    private mutating func normalizeName(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        nameScratch.clear()
        return NameDetector.normalize(value, into: &nameScratch)
    }

    /// `key(_:)` written into `out` (replacing its contents); false when empty.
    static func key(_ value: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.clear()
        let (s, e) = trimmedRange(value, from: 0)
        guard s < e else { return false }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: value[s..<e]))
        return true
    }

    /// Whether `key(_:)` would give a value (something besides spaces and tabs).
    static func hasKey(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.contains { $0 != 0x20 && $0 != 0x09 }
    }

    /// Whether a password column's value is a password or its hash: not empty, not a
    /// placeholder (`NULL`, `-`, `********`), not a flag (`0`, `true`) and not a date or a
    /// number (`password_changed_at`, `password_expires`).
    static func isSecret(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let (s, e) = trimmedRange(value, from: 0)
        guard e - s >= 4 else { return false }
        var letters = false, allMask = true
        for i in s..<e {
            let b = value[i]
            if b != 0x2A { allMask = false }
            if ASCII.isLetter(b) || b >= 0x80 { letters = true }
        }
        guard !allMask else { return false }
        if !letters {   // digits and separators only: a date, a time, a count
            return value[s..<e].contains { !(ASCII.isDigit($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x2F || $0 == 0x3A || $0 == 0x20 || $0 == 0x54) }
        }
        var word = [UInt8](value[s..<e])
        for k in word.indices { word[k] = ASCII.lower(word[k]) }
        return !Self.notSecrets.contains(word)
    }

    private static let notSecrets: Set<[UInt8]> = Set(["null", "none", "true", "false", "n/a", "yes", "no", "undefined", "empty",
                                                       "nil", "redacted", "hidden", "masked", "filtered", "[filtered]", "[redacted]",
                                                       "<redacted>", "[hidden]", "[masked]"].map { Array($0.utf8) })

    /// Trimmed bytes of a key-like value, or nil when empty.
    static func key(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let (s, e) = trimmedRange(value, from: 0)
        return s < e ? Array(value[s..<e]) : nil
    }

    /// Country of an E.164 number, for the countries whose national IDs can be ambiguous.
    static func phoneCountry(_ e164: some Collection<UInt8>) -> String? {
        for (prefix, country) in phonePrefixes where e164.count >= prefix.count && e164.starts(with: prefix) { return country }
        return nil
    }
    static let phonePrefixes: [([UInt8], String)] = [("+372", "EE"), ("+370", "LT"), ("+371", "LV"), ("+358", "FI"), ("+46", "SE"),
                                                     ("+47", "NO"), ("+45", "DK"), ("+48", "PL"), ("+44", "GB"), ("+49", "DE"), ("+1", "US")]
        .map { (Array($0.0.utf8), $0.1) }
}

/// The columns that the parts of one document, read in parallel, declare beyond those of its
/// first part (a JSON path first seen in a later line, a CSV row wider than the header): one id
/// per name, whichever part meets it first.
final class SharedColumns: Sendable {
    private let ids: Mutex<(byName: [String: Int], next: Int)>

    /// Ids start after the first part's `count` columns.
    init(count: Int) { ids = Mutex(([:], count)) }

    /// The id of `name`, and whether this call gave it.
    func id(for name: String) -> (id: Int, new: Bool) {
        ids.withLock { s in
            if let id = s.byName[name] { return (id, false) }
            let id = s.next
            s.next += 1
            s.byName[name] = id
            return (id, true)
        }
    }
}
