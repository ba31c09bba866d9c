/// Reads generic XML documents, streamed through `XMLScanner`: text nodes and attribute values
/// become fields named by their element or attribute, so `<isikukood>`, `<email>` or
/// `<patient nimi="…">` work like CSV headers (`FieldClassifier`).
///
/// - A leaf element (text, no child elements) is a field whose column is its local name, or
///   the value of its `name`/`key`/`label`/`field` attribute (`<field name="isikukood">…`).
///   Under an element naming a thing the column is `parent/leaf` (`product/name`), and a
///   name or address there is hinted as not personal.
///   Other attributes are fields named by the attribute (`xmlns`, `xsi:` and `xml:` ones are
///   not). Text mixed with child elements is free text.
/// - Records: the first fields (up to 512 or 1 MB) are held until the record element is known:
///   the shallowest element that repeats as a sibling and has child elements
///   (`<patients><patient>…</patient><patient>…`), other than a purchase line (an invoice's
///   `InvoiceRow`s are its buyer's purchases). Each instance of it, with everything inside,
///   is one record; fields outside any instance form records by their parent element, or by
///   their ancestor one level above the instances' when deeper (`SellerParty` for its
///   `AccountInfo/AccountNumber` beside `ItemEntry` records). Without
///   repetition the whole document is one record (a record never exceeds 4,096 fields).
/// - Security: entities declared in a DTD are never expanded and external entities never
///   fetched (references stay as written; `note` says so); nesting deeper than
///   `ReadLimits.maxDepth` and texts or tags (attributes) longer than `maxFieldBytes` fail
///   with `.limit`; elements left open at the end fail with `.malformed` (records read are kept).
///
/// `line` is the source line where the record's first field ends; offsets are 0.
public struct XMLDocumentReader: DocumentReader {
    /// Size and depth limits.
    public let limits: ReadLimits
    /// Something worth telling about a document read in full (ignored DTD entities).
    public private(set) var note: String?

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        scanner = XMLScanner(maxTextBytes: limits.maxFieldBytes, maxTagBytes: limits.maxFieldBytes)
        scanner.collecting = true
    }

    static let sampleFields = 512, sampleBytes = 1 << 20, maxRecordFields = 4096
    /// (`N`: PowerShell's CLIXML, `<S N="DisplayName">Ryan Young</S>`; `n`: Unifaun's shipments,
    /// `<val n="name">Pesonen Liisa</val>`.)
    static let nameAttributes: [[UInt8]] = ["name", "key", "label", "field", "property", "N", "n"].map { Array($0.utf8) }

    private struct Element {
        var name: [UInt8]
        var seq: Int
        /// The name's id (`nameIDs`).
        var nameID: Int32 = 0
        var hasChildren = false
        var lastChildName: [UInt8] = []
        var lastChildCompound = false
        /// Its last child held a type–value pair and nothing else (`<ЗначениеРеквизита>`): an
        /// attribute, no record of its own however often it repeats.
        var lastChildPair = false
        /// Its children so far, and which keys of a type–value pair among them (1: the type, 2: the value).
        var childCount = 0
        var pairKeys: UInt8 = 0
        var label: [UInt8]?
        /// It or an ancestor names a clinical document's staff (`namesStaffElement`): decided
        /// once when it opens, not for each of its fields.
        var underStaff = false
        /// It names a sale's or an order's line (`namesPurchaseLine`).
        var purchaseLine = false
        /// The text of its last child when that names a type–value pair's type (`Тип`,
        /// `Наименование`, `type`): the label of the value after it.
        var pairLabel: [UInt8]?
    }

    private struct Field {
        var column: Int
        var value: [UInt8]
        var line: Int
        var path: [Int]
        /// The name ids of the elements of `path`.
        var names: [Int32]
    }

    private var scanner: XMLScanner
    private var stack: [Element] = []
    private var seq = 0
    private var line = 1
    private var rootSeen = false
    private var dtdEntities = false
    private var columns: [[UInt8]: Int] = [:]
    /// Record depth (1-based); nil while fields are held.
    private var recordDepth: Int?
    private var shallowestRepeat: Int?
    /// Elements that repeat as siblings: depth << 32 | name id.
    private var repeated = Set<Int64>()
    private var nameIDs: [[UInt8]: Int32] = [:]
    private var leafValueParents: [[UInt8]: Bool] = [:]
    private var nameFlags: [Int32: UInt8] = [:]
    private var held: [Field] = []
    private var heldBytes = 0
    private var currentKey: Int?
    private var recordFields = 0

    // MARK: DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        if !rootSeen && !dtdEntities && Self.contains(chunk, Array("<!ENTITY".utf8)) { dtdEntities = true }
        var i = 0
        var counted = 0
        while true {
            let event: XMLEvent?
            do { event = try scanner.next(chunk, at: &i) } catch {
                if error.message.hasPrefix("a cell text") { throw ReadError(.limit, "an XML text is longer than the limit of \(limits.maxFieldBytes) bytes") }
                if error.message.hasPrefix("an XML tag") { throw ReadError(.limit, "an XML tag (with its attributes) is longer than the limit of \(limits.maxFieldBytes) bytes") }
                throw error
            }
            for k in counted..<i where chunk[k] == 0x0A { line += 1 }
            counted = i
            guard let event else { break }
            let (name, isEnd) = tagName()
            if event == .start && !isEnd {
                try startElement(name, visitor: &visitor)
            } else {
                try endElement(name, visitor: &visitor)
            }
            scanner.text.clear()
        }
        for k in counted..<chunk.count where chunk[k] == 0x0A { line += 1 }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        let open = stack.count
        while !stack.isEmpty { closeTop(text: true, visitor: &visitor) }
        decide(visitor: &visitor)
        if currentKey != nil { visitor.endRecord(); currentKey = nil }
        if dtdEntities { note = "DTD entity declarations ignored (never expanded or fetched)" }
        if open > 0 || !scanner.isAtTextState {
            throw ReadError(.malformed, "truncated XML: \(Swift.max(open, 1)) element\(open == 1 ? "" : "s") not closed")
        }
    }

    // MARK: Elements

    private mutating func startElement(_ name: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        if stack.count >= limits.maxDepth { throw ReadError(.limit, "XML elements nested deeper than the limit of \(limits.maxDepth)") }
        rootSeen = true
        if let top = stack.indices.last {
            try mixedText(top, visitor: &visitor)
            stack[top].hasChildren = true
            // (An invoice's or a receipt's lines, `InvoiceRow` and `LineItem`, are the purchases of
            // the record around them, not records of their own.)
            stack[top].childCount += 1
            let childFlags = flags(nameID(name), name)
            if childFlags & Self.pairLabelFlag != 0 { stack[top].pairKeys |= 1 }
            if childFlags & Self.pairValueFlag != 0 { stack[top].pairKeys |= 2 }
            if stack[top].lastChildName == name && stack[top].lastChildCompound && !stack[top].lastChildPair
                && flags(nameID(name), name) & (Self.purchaseLineFlag | Self.contactPartFlag) == 0 {
                let depth = stack.count + 1
                repeated.insert(Int64(depth) << 32 | Int64(nameID(name)))
                if shallowestRepeat.map({ depth < $0 }) ?? true {
                    shallowestRepeat = depth
                    if recordDepth != nil { recordDepth = depth }
                }
            }
        }
        seq += 1
        var element = Element(name: name, seq: seq, nameID: nameID(name))
        let named = flags(element.nameID, name)
        // (A route plan's `<driver>`, a ticket's `<assignee>`: the staff member's, as a CDA author is.)
        element.underStaff = (stack.last?.underStaff ?? false) || Self.namesStaffElement(name) || named & Self.staffLabelFlag != 0
        element.purchaseLine = named & Self.purchaseLineFlag != 0
        let attributes = self.attributes()
        for a in attributes where a.value.count <= 64 && Self.nameAttributes.contains(a.name) && !a.value.isEmpty {
            element.label = a.value
            // IHE XDS's `<Slot name="authorPerson">`, `authorTelecommunication`: the document's author's.
            if Self.namesAuthorSlot(a.value) { element.underStaff = true }
            break
        }
        stack.append(element)
        let path = stack.map(\.seq), names = stack.map(\.nameID)
        let staff = element.underStaff
        // A coded value's name (`<code code="51969-4" displayName="Genetic analysis report"/>`).
        let coded = attributes.contains { $0.name == Array("code".utf8) || $0.name == Array("codeSystem".utf8) }
        // An attribute of a thing's element, or of an element under one (`<BusinessUnit><UnitID
        // Name="Karvik Ülemiste">`: a store's name), is the thing's.
        let thing = [element.name, stack.count >= 2 ? stack[stack.count - 2].name : nil].compactMap { $0 }.first(where: Self.namesThing)
        for a in attributes where !a.value.isEmpty && !(element.label != nil && Self.nameAttributes.contains(a.name) && a.value == element.label!)
            && !Self.qualifierAttributes.contains(a.name.map(ASCII.lower)) {
            let trimmed = a.value.withUnsafeBufferPointer { Array(OfficeZIP.trimmed($0)) }
            guard !trimmed.isEmpty else { continue }
            // (A staff member's `telecom value="mailto:…"` is a staff value.)
            // FHIR XML's `<family value="Kravchenko"/>`, `<birthDate value="1975-02-17"/>`: a `value`
            // attribute is its element's value, named by the element under its parent.
            let valueOfElement = a.name == Self.valueAttribute && element.label == nil
            if valueOfElement && !staff, let key = fhirPatientKey(trimmed, element: element.name) {
                // A FHIR patient's `<id value="pat597907"/>` and an observation's `<subject><reference
                // value="Patient/pat597907"/>`: one key, joining a bundle's entries about them.
                emit(Field(column: fhirPatientColumn(visitor: &visitor), value: key, line: line, path: path, names: names), visitor: &visitor)
                continue
            }
            let column = staff ? staffColumn(Self.telecomAttribute(a.name, element.name) ? Array("email".utf8) : valueOfElement ? element.name : a.name, visitor: &visitor)
                : coded && a.name == Array("displayName".utf8) ? codeNameColumn(visitor: &visitor)
                : valueOfElement && stack.contains(where: { $0.name == Self.fhirObservation })
                    // (An observation's values are its test's: `Observation/display` is a lab column.)
                    ? column(Self.fhirObservation + [UInt8(ascii: "/")] + element.name, visitor: &visitor)
                : valueOfElement ? column(element.name, parent: stack.count >= 2 ? stack[stack.count - 2].name : nil, visitor: &visitor)
                : column(a.name, parent: thing, visitor: &visitor)
            emit(Field(column: column, value: trimmed, line: line, path: path, names: names), visitor: &visitor)
        }
    }

    private mutating func endElement(_ name: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        guard let top = stack.indices.last else { return }
        var k = top
        if stack[top].name != name {
            // Mismatched end tag: close up to the matching element, or ignore it.
            guard let m = stack[Swift.max(0, stack.count - 64)...].lastIndex(where: { $0.name == name }) else { return }
            k = m
        }
        while stack.count - 1 > k { closeTop(text: false, visitor: &visitor) }
        closeTop(text: true, visitor: &visitor)
    }

    static let purchaseLineFlag: UInt8 = 1, staffLabelFlag: UInt8 = 2, productFlag: UInt8 = 4, contactPartFlag: UInt8 = 8
    static let pairLabelFlag: UInt8 = 16, pairValueFlag: UInt8 = 32, roleFlag: UInt8 = 64, partyFlag: UInt8 = 128

    /// A party's role key (`role`, CommerceML's `Роль`) and the roles that make it the seller.
    static let roleKeys: Set<[UInt8]> = [Array("role".utf8)]
    static let roleRu = Array("Роль".utf8)
    static let partyElements: Set<String> = ["контрагент", "party", "counterparty", "participant", "партнер"]
    static let sellerRoles: Set<String> = ["продавец", "поставщик", "исполнитель", "seller", "supplier", "vendor", "merchant"]

    /// The keys of a type–value pair (CommerceML's `Тип`/`Наименование` and `Значение`).
    static let pairLabelKeys: Set<String> = ["тип", "наименование", "вид", "type", "key", "label", "attribute", "property"]
    static let pairValueKeys: Set<String> = ["значение", "value", "val"]

    /// What an element's name says, decided once per name: a purchase line (`namesPurchaseLine`),
    /// a staff member's label (`FieldClassifier.namesStaffMember`: `assignee`), a product's
    /// field (`namesProduct`), a contact part, a type–value pair's keys, a role's key and a party.
    private mutating func flags(_ id: Int32, _ name: [UInt8]) -> UInt8 {
        if let known = nameFlags[id] { return known }
        var answer: UInt8 = Self.namesPurchaseLine(name) ? Self.purchaseLineFlag : 0
        if name.count <= 40 && FieldClassifier.namesStaffMember(String(decoding: name, as: UTF8.self)) { answer |= Self.staffLabelFlag }
        if Self.namesProduct(name) { answer |= Self.productFlag }
        if Self.namesContactPart(name) { answer |= Self.contactPartFlag }
        if name.count <= 24 {
            let key = FieldClassifier.normalize(String(decoding: name, as: UTF8.self))
            if Self.pairLabelKeys.contains(key) { answer |= Self.pairLabelFlag }
            if Self.pairValueKeys.contains(key) { answer |= Self.pairValueFlag }
            if Self.partyElements.contains(key) { answer |= Self.partyFlag }
        }
        if Self.roleKeys.contains(name.map { ASCII.lower($0) }) || name == Self.roleRu { answer |= Self.roleFlag }
        nameFlags[id] = answer
        return answer
    }

    private mutating func nameID(_ name: [UInt8]) -> Int32 {
        if let id = nameIDs[name] { return id }
        let id = Int32(nameIDs.count)
        nameIDs[name] = id
        return id
    }

    /// Pops the top element, emitting its text as a leaf field or free text.
    private mutating func closeTop(text: Bool, visitor: inout some RecordVisitor) {
        let element = stack.removeLast()
        if text {
            let value = scanner.text.withUnsafeBufferPointer { Array(OfficeZIP.trimmed($0)) }
            if !value.isEmpty {
                if element.hasChildren {
                    emit(Field(column: -1, value: value, line: line, path: stack.map(\.seq) + [element.seq],
                               names: stack.map(\.nameID) + [element.nameID]), visitor: &visitor)
                } else {
                    var parent = element.label == nil ? stack.last?.name : nil
                    // An RSS feed's `<channel><item>` is an entry (a Jira export's ticket, whose
                    // `reporter` is its customer), no thing.
                    if parent == Self.rssItem, stack.count >= 2, stack[stack.count - 2].name == Self.rssChannel { parent = nil }
                    let staff = stack.last?.underStaff ?? false
                    var name = element.label ?? element.name
                    let named = flags(element.nameID, element.name)
                    if let top = stack.indices.last {
                        if element.label == nil, named & Self.pairValueFlag != 0, let label = stack[top].pairLabel {
                            // The value of a type–value pair (CommerceML's `<Контакт><Тип>Телефон
                            // мобильный</Тип><Значение>+372 55975951</Значение>`): under its type.
                            name = label
                            parent = nil
                        }
                        stack[top].pairLabel = named & Self.pairLabelFlag != 0 && value.count <= 48 ? value : nil
                        if value.count <= 24, named & Self.roleFlag != 0, flags(stack[top].nameID, stack[top].name) & Self.partyFlag != 0,
                           Self.sellerRoles.contains(FieldClassifier.normalize(String(decoding: value, as: UTF8.self))) {
                            // A party whose role is the seller's (CommerceML's `<Контрагент>` with
                            // `<Роль>Продавец</Роль>`): its contacts after it are the organisation's.
                            // (Not a document's own `<Роль>`: the side the exchange file was written for.)
                            stack[top].underStaff = true
                        }
                    }
                    if let pid = Self.pidField(value) {
                        // An XDS registry entry's `sourcePatientInfo` (`PID-5|Toom^Andres^^^`): HL7's fields.
                        if !pid.value.isEmpty {
                            emit(Field(column: pidColumn(pid.field, pid.hint, staff: staff, visitor: &visitor), value: pid.value, line: line,
                                       path: stack.map(\.seq), names: stack.map(\.nameID)), visitor: &visitor)
                        }
                    } else {
                        let product = element.label == nil ? flags(element.nameID, name) & Self.productFlag != 0 : Self.namesProduct(name)
                        let column = !staff && stack.suffix(2).contains(where: \.purchaseLine) && product
                            ? purchaseColumn(name, visitor: &visitor)
                            : column(name, parent: parent, staff: staff, visitor: &visitor)
                        emit(Field(column: column, value: value, line: line,
                                   path: stack.map(\.seq), names: stack.map(\.nameID)), visitor: &visitor)
                    }
                }
            }
            scanner.text.clear()
        }
        if let parent = stack.indices.last {
            stack[parent].lastChildName = element.name
            stack[parent].lastChildCompound = element.hasChildren
            stack[parent].lastChildPair = element.childCount == 2 && element.pairKeys == 3
        }
    }

    /// Text of element `index` before a child element: free text.
    private mutating func mixedText(_ index: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        let value = scanner.text.withUnsafeBufferPointer { Array(OfficeZIP.trimmed($0)) }
        scanner.text.clear()
        guard !value.isEmpty else { return }
        emit(Field(column: -1, value: value, line: line, path: stack[...index].map(\.seq), names: stack[...index].map(\.nameID)), visitor: &visitor)
    }

    // MARK: Records

    private mutating func emit(_ field: Field, visitor: inout some RecordVisitor) {
        if recordDepth == nil {
            held.append(field)
            heldBytes += field.value.count + field.path.count * 8
            if held.count >= Self.sampleFields || heldBytes >= Self.sampleBytes { decide(visitor: &visitor) }
            return
        }
        deliver(field, visitor: &visitor)
    }

    /// Fixes the record depth and delivers the held fields.
    private mutating func decide(visitor: inout some RecordVisitor) {
        guard recordDepth == nil else { return }
        recordDepth = shallowestRepeat ?? 1
        let fields = held
        held = []
        heldBytes = 0
        for f in fields { deliver(f, visitor: &visitor) }
    }

    private mutating func deliver(_ field: Field, visitor: inout some RecordVisitor) {
        let depth = recordDepth ?? 1
        var key = field.path.isEmpty ? 0 : field.path[Swift.min(depth, field.path.count) - 1]
        if depth > 1 && field.path.count >= depth && !repeated.contains(Int64(depth) << 32 | Int64(field.names[depth - 1])) {
            // Outside every record instance, at or below its depth (an e-invoice's
            // `SellerParty/AccountInfo/AccountNumber` beside its `ItemEntry` records): the
            // field's record is its ancestor one level up (`SellerParty`, with its name).
            key = field.path[depth - 2]
        }
        if key != currentKey || recordFields >= Self.maxRecordFields {
            if currentKey != nil { visitor.endRecord() }
            visitor.beginRecord(line: field.line, offset: 0)
            currentKey = key
            recordFields = 0
        }
        recordFields += 1
        field.value.withUnsafeBufferPointer { visitor.field($0, column: field.column, line: field.line, offset: 0) }
    }

    /// The column of a field name. Under an element that names a thing (`<product>`, `<apteek>`)
    /// it is declared as `parent/name`, and a name or address hint becomes `.nonPersonal`.
    private mutating func column(_ name: [UInt8], parent: [UInt8]? = nil, staff: Bool = false, visitor: inout some RecordVisitor) -> Int {
        if staff { return staffColumn(name, visitor: &visitor) }
        var key = name
        var thing = false
        if let parent, Self.namesThing(parent) {
            thing = true
            key = parent + [UInt8(ascii: "/")] + name
        } else if name.count <= 48, name.contains(0x20), FieldClassifier.namesOtherEntity(String(decoding: name, as: UTF8.self)) {
            // A field labelled for another party (a LIMS sample's `<udf:field name="Physician
            // E-mail">`): its contacts are staff's, its names no one's.
            thing = true
        }
        // ISO 20022 (SEPA pain.001/pain.008, camt.053): a party's `Nm` (`<Dbtr><Nm>`) is its name
        // (and the group header's `<InitgPty><Nm>` is not: it has a key of its own).
        let party = parent.map { name.elementsEqual("Nm".utf8) && Self.paymentParties.contains($0) } ?? false
        if party { key = Array("(party)/Nm".utf8) }
        // (A generic leaf is its parent's: `DateOfBirth/Date` is not `WrittenDate/Date`.)
        if !thing, !party, let parent, name.count <= 8, namesLeafValue(parent),
           Self.parentNamedLeaves.contains(FieldClassifier.normalize(String(decoding: name, as: UTF8.self))) {
            key = parent + [UInt8(ascii: "/")] + name
        }
        if let id = columns[key] { return id }
        let label = String(decoding: name, as: UTF8.self)
        var hint = FieldClassifier.hint(forLabel: label) ?? .none
        // `<Nimi><Suku>Virtanen</Suku><Etu>Anneli</Etu></Nimi>`: a name's parts.
        if hint == .none, let parent, FieldClassifier.hint(forLabel: String(decoding: parent, as: UTF8.self)) == .fullName,
           let part = FieldClassifier.namePart(label) {
            hint = part
        }
        // A generic leaf under an element that names the value (NCPDP SCRIPT's
        // `<DateOfBirth><Date>1979-04-07</Date>`, `<Email><Value>…`): the element's.
        if hint == .none || hint == .nonPersonal, let parent, Self.genericLeaves.contains(FieldClassifier.normalize(label)),
           let p = Self.valueHint(parent) {
            hint = p
        }
        // `<address><line>…</line><city>…</city>`: the parts of an address.
        if hint == .none, let parent, [.postalAddress, .addressPart].contains(FieldClassifier.hint(forLabel: String(decoding: parent, as: UTF8.self))) {
            hint = .addressPart
        }
        if party { hint = .fullName }
        // A contact point's number (NCPDP SCRIPT's `<Communication><Number>3125550100</Number>
        // <Qualifier>TE</Qualifier>`): a phone (an e-mail there is found as any is).
        if hint == .none || hint == .nonPersonal, let parent, Self.contactNumberKeys.contains(FieldClassifier.normalize(label)),
           Self.phoneParents.contains(FieldClassifier.normalize(String(decoding: parent, as: UTF8.self))) {
            hint = .phone
        }
        if thing {
            switch hint {
            case .fullName, .firstName, .lastName, .postalAddress, .addressPart: hint = .nonPersonal
            // A store's, a clinic's or a depot's line and mailbox are no one's, wherever else they occur.
            case .phone, .email, .iban: return remember(key, staffColumn(name, visitor: &visitor))
            // A prescribed drug's code (NCPDP SCRIPT's `<DrugCoded><ProductCode>`, an NDC) is part of
            // the prescription its description gives, not a purchase.
            case .purchase where parent.map(Self.namesDrug) ?? false: hint = .nonPersonal
            default: break
            }
        }
        return remember(key, visitor.declareColumn(name: thing ? String(decoding: key, as: UTF8.self) : label, hint: hint))
    }

    /// ISO 20022 parties whose `Nm` is a name: debtors and creditors (a direct debit's payer, a
    /// refund's payee; an organisation's name among them is told apart as any other is).
    static let paymentParties: Set<[UInt8]> = Set(["Dbtr", "Cdtr", "UltmtDbtr", "UltmtCdtr", "Pty"].map { Array($0.utf8) })

    /// Keeps a declared column's id under its key (up to 65,536 keys) and returns it.
    private mutating func remember(_ key: [UInt8], _ id: Int) -> Int {
        if columns.count < 65536 { columns[key] = id }
        return id
    }

    /// A field under a clinical document's author, signer, performer or custodian (CDA's
    /// `author/assignedAuthor/assignedPerson/name`, `legalAuthenticator`): a staff member's. Their
    /// names and contacts go to the record assembler's staff columns (no one's anywhere); other
    /// fields are no one's.
    private mutating func staffColumn(_ name: [UInt8], visitor: inout some RecordVisitor) -> Int {
        let key = [UInt8]("(staff)/".utf8) + name
        if let id = columns[key] { return id }
        let id: Int
        switch FieldClassifier.hint(forLabel: String(decoding: name, as: UTF8.self)) {
        case .fullName?: id = visitor.declareColumn(name: RecordAssembler.staffNameColumn, hint: .nonPersonal)
        case .email?, .phone?, .iban?: id = visitor.declareColumn(name: RecordAssembler.staffColumn, hint: .nonPersonal)
        default: id = visitor.declareColumn(name: "(staff)/" + String(decoding: name, as: UTF8.self), hint: .nonPersonal)
        }
        return remember(key, id)
    }

    static let rssItem = Array("item".utf8), rssChannel = Array("channel".utf8), valueAttribute = Array("value".utf8)

    /// A value written as an HL7 PID field (`PID-5|Toom^Andres^^^`, `PID-7|19760526`,
    /// `PID-11|Pärnu mnt 46-41^^Pärnu^^80042^EST`, `PID-13|^PRN^PH^^^^^^^^^+37255512345`), as
    /// IHE XDS's `sourcePatientInfo` slot holds them: the field's number, its hint and its value
    /// as a name, a date, an address or a number. Fields of no person's data (`PID-8|M`) have
    /// an empty value.
    static func pidField(_ v: [UInt8]) -> (field: Int, hint: FieldHint, value: [UInt8])? {
        guard v.count > 6, v[0] == UInt8(ascii: "P"), v[1] == UInt8(ascii: "I"), v[2] == UInt8(ascii: "D"), v[3] == UInt8(ascii: "-"),
              let bar = v.prefix(8).firstIndex(of: UInt8(ascii: "|")), bar > 4, v[4..<bar].allSatisfy(ASCII.isDigit),
              let field = Int(String(decoding: v[4..<bar], as: UTF8.self)) else { return nil }
        let rest = v[(bar + 1)...]
        let repetition = rest.split(separator: UInt8(ascii: "~"), omittingEmptySubsequences: false).first ?? rest[...]
        let parts = repetition.split(separator: UInt8(ascii: "^"), omittingEmptySubsequences: false).map { Array($0) }
        switch field {
        case 3: return (field, .none, parts.first ?? [])
        case 5, 6, 9: return (field, .fullName, HL7Reader.personName(parts))
        case 7: return (field, .dateOfBirth, HL7Reader.birthDate(rest) ?? [])
        case 11: return (field, .postalAddress, HL7Reader.address(parts))
        case 13, 14:
            // XTN: the number first, or its last part (`^PRN^PH^^^^^^^^^+372…`); an e-mail in the fourth.
            if parts.count > 3, parts[3].contains(UInt8(ascii: "@")) { return (field, .email, parts[3]) }
            return (field, .phone, parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? parts.last(where: { $0.contains(where: ASCII.isDigit) }) ?? [])
        case 19: return (field, .nationalID(.usSsn), parts.first ?? [])
        default: return (field, .none, [])
        }
    }

    /// The column of a PID field's values (`PID-5`), or a staff member's.
    private mutating func pidColumn(_ field: Int, _ hint: FieldHint, staff: Bool, visitor: inout some RecordVisitor) -> Int {
        if staff { return staffColumn(Array((hint == .fullName ? "name" : hint == .email ? "email" : "phone").utf8), visitor: &visitor) }
        let key = [UInt8]("(PID)/\(field)/\(hint)".utf8)
        if let id = columns[key] { return id }
        // (One name per hint: a PID-13's e-mail is `PID-13 e-mail`, as in `HL7Reader`.)
        return remember(key, visitor.declareColumn(name: hint == .email ? "PID-\(field) e-mail" : "PID-\(field)", hint: hint))
    }

    /// The key of a FHIR patient (`Patient/pat597907`) an element's `value` names: a patient's
    /// (or a related person's) own `id`, or a `reference` to one.
    private func fhirPatientKey(_ value: [UInt8], element: [UInt8]) -> [UInt8]? {
        if element == Self.fhirReference {
            return Self.fhirPatientTypes.contains(where: { value.count > $0.count + 1 && value.starts(with: $0 + [UInt8(ascii: "/")]) }) ? value : nil
        }
        guard element == Self.fhirID, stack.count >= 2, Self.fhirPatientTypes.contains(stack[stack.count - 2].name) else { return nil }
        return stack[stack.count - 2].name + [UInt8(ascii: "/")] + value
    }

    static let fhirReference = Array("reference".utf8), fhirID = Array("id".utf8), fhirObservation = Array("Observation".utf8)
    static let fhirPatientTypes: [[UInt8]] = ["Patient", "RelatedPerson", "Person"].map { Array($0.utf8) }

    private mutating func fhirPatientColumn(visitor: inout some RecordVisitor) -> Int {
        let key = [UInt8]("(FHIR patient)".utf8)
        if let id = columns[key] { return id }
        return remember(key, visitor.declareColumn(name: "FHIR patient", hint: .linkKey(namespace: "fhir-patient")))
    }

    /// A sale's or an order's line (ARTS POSLog `<LineItem><Sale>`, `<OrderLine>`): the product
    /// named under it is what the record's person bought.
    static func namesPurchaseLine(_ name: [UInt8]) -> Bool {
        guard name.count <= 24 else { return false }
        return purchaseLines.contains(FieldClassifier.normalize(String(decoding: name, as: UTF8.self)))
    }

    /// A part of one person's contact details that a record may hold several of: an NCPDP
    /// SCRIPT patient's `<CommunicationNumbers><Communication>` (a phone and an e-mail), FHIR's
    /// `telecom`, a second `<Address>` or `<Name>`. Repeated, it is no record of its own (the
    /// person's `Name` and `Address` beside it would be split off from it).
    static func namesContactPart(_ name: [UInt8]) -> Bool {
        guard name.count <= 24 else { return false }
        return contactParts.contains(FieldClassifier.normalize(String(decoding: name, as: UTF8.self)))
    }

    /// The element's hint when it names a value its generic leaf holds: a birth date, an
    /// e-mail, a phone, an address or a national ID. (Not a name's: FHIR's `<name><text
    /// value="Мельник Оксана"/>` beside its `family` and `given` is a second writing, not the
    /// one to show.)
    static func valueHint(_ parent: [UInt8]) -> FieldHint? {
        switch FieldClassifier.hint(forLabel: String(decoding: parent, as: UTF8.self)) {
        case let p? where [.dateOfBirth, .email, .phone, .postalAddress].contains(p): return p
        case let p?: if case .nationalID = p { return p } else { return nil }
        case nil: return nil
        }
    }

    /// Whether an element's generic leaves (`Date`, `Value`, `Number`) are read as its own
    /// (`valueHint`, `phoneParents`), decided once per element name.
    private mutating func namesLeafValue(_ parent: [UInt8]) -> Bool {
        if let known = leafValueParents[parent] { return known }
        let answer = Self.valueHint(parent) != nil || Self.phoneParents.contains(FieldClassifier.normalize(String(decoding: parent, as: UTF8.self)))
        if leafValueParents.count < 4096 { leafValueParents[parent] = answer }
        return answer
    }

    static let genericLeaves: Set<String> = ["date", "value", "text", "datetime", "val",
                                             // CommerceML's address as written (`<АдресРегистрации><Представление>`).
                                             "представление", "presentation"]
    static let parentNamedLeaves = genericLeaves.union(contactNumberKeys)
    static let contactNumberKeys: Set<String> = ["number", "value", "nr", "numero", "nummer"]
    static let phoneParents: Set<String> = ["communication", "telecom", "contactpoint", "phone", "phonenumber", "telephone"]

    static let contactParts: Set<String> = [
        "communication", "communicationnumber", "telecom", "contactpoint", "contactmechanism", "phone", "phonenumber",
        "telephone", "email", "emailaddress", "address", "postaladdress", "name", "personname", "humanname",
        "identifier", "identification",
    ]

    /// (Not a bare `item`: an RSS feed's entries, a catalogue's products.)
    static let purchaseLines: Set<String> = [
        "lineitem", "sale", "saleitem", "saleline", "orderline", "orderitem", "receiptline", "purchaseline",
        "tellimuserida", "tilausrivi", "orderrad", "pozycjazamowienia",
        // An invoice's rows (Finvoice's `InvoiceRow`, UBL's `InvoiceLine`).
        "invoicerow", "invoiceline", "laskurivi",
        // A CommerceML order's goods (`<Товары><Товар>`).
        "товар",
    ]

    /// A product's name, description or code under a purchase line (`Description`, `ItemID`).
    static func namesProduct(_ name: [UInt8]) -> Bool {
        guard name.count <= 24 else { return false }
        let key = FieldClassifier.normalize(String(decoding: name, as: UTF8.self))
        return JSONReader.productNameKeys.contains(key) || productCodeKeys.contains(key)
    }

    static let productCodeKeys: Set<String> = ["itemid", "gtin", "ean", "sku", "posidentity", "articlename", "articleidentifier",
                                               "buyerarticleidentifier", "itemname", "articledescription",
                                               // CommerceML's goods (`<Товар><Наименование>`).
                                               "наименование", "название"]

    /// The column of a product under a purchase line: `(purchase)/Description`, a purchase.
    private mutating func purchaseColumn(_ name: [UInt8], visitor: inout some RecordVisitor) -> Int {
        let key = [UInt8]("(purchase)/".utf8) + name
        if let id = columns[key] { return id }
        return remember(key, visitor.declareColumn(name: String(decoding: key, as: UTF8.self), hint: .purchase))
    }

    /// The column of coded values' names (`displayName` beside a `code`): a test's, a
    /// diagnosis's or a document type's name, searched for categories, no person's.
    private mutating func codeNameColumn(visitor: inout some RecordVisitor) -> Int {
        let key = [UInt8]("(code)/displayName".utf8)
        if let id = columns[key] { return id }
        return remember(key, visitor.declareColumn(name: "code displayName", hint: .nonPersonal))
    }

    /// A `telecom`'s `value` attribute (`mailto:…`, `tel:…`): a contact.
    static func telecomAttribute(_ attribute: [UInt8], _ element: [UInt8]) -> Bool {
        attribute == Array("value".utf8) && element.map({ $0 | 0x20 }) == Array("telecom".utf8)
    }

    /// Element names (lower case) under which a clinical document names its staff.
    static let staffElements: Set<[UInt8]> = Set([
        "author", "assignedauthor", "legalauthenticator", "authenticator", "performer", "assignedentity", "custodian",
        "assignedcustodian", "informationrecipient", "intendedrecipient", "dataenterer", "responsibleparty",
        "encounterparticipant", "representedorganization", "representedcustodianorganization", "serviceprovider",
        // An invoice's seller and the payment's beneficiary: the organisation that bills, whose
        // name, account and lines are no one's (e-arve's `SellerParty`, Finvoice's
        // `SellerPartyDetails`, `SellerInformationDetails`, `EpiBeneficiaryPartyDetails`, UBL's
        // `AccountingSupplierParty`, `PayeeParty`).
        "sellerparty", "sellerpartydetails", "sellerinformationdetails", "selleraccountdetails", "sellercontactpersondetails",
        "epibeneficiarypartydetails", "accountingsupplierparty", "supplierparty", "payeeparty",
        // An e-prescription's prescriber, supervisor and dispensing pharmacy (NCPDP SCRIPT's
        // `<Prescriber>`, `<Supervisor>`, `<Pharmacy>`): their names, addresses and lines are no patient's.
        "prescriber", "supervisor", "pharmacy", "pharmacist",
        // A LIMS sample's submitter and the lab's researchers (Clarity's `<submitter>`).
        "submitter", "researcher", "technician", "analyst", "reviewer", "approver",
    ].map { Array($0.utf8) })

    /// Whether a slot's name is an IHE XDS author's (`authorPerson`, `authorInstitution`,
    /// `authorTelecommunication`): the document's author, staff.
    static func namesAuthorSlot(_ label: [UInt8]) -> Bool {
        label.count > 6 && label.starts(with: "author".utf8)
    }

    static func namesStaffElement(_ name: [UInt8]) -> Bool {
        guard name.count >= 6, name.count <= 34 else { return false }
        return staffElements.contains(name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    /// Element names of things, not people (lower-case fragments, et/en/fi/sv/pl/lv/lt).
    static let thingWords: [[UInt8]] = [
        "product", "item", "article", "drug", "medicine", "medication", "ravim", "toode", "company", "firma", "organi",
        "store", "shop", "pood", "apteek", "pharmac", "clinic", "hospital", "haigla", "department", "osakond",
        "categor", "kategoor", "document", "dokument", "manufact", "tootja", "supplier", "tarnija", "brand",
        "service", "teenus", "tuote", "yritys", "produkt", "prece", "vaist", "branch", "filiaal", "vendor", "software",
        "businessunit", "depot", "warehouse", "varasto",
        // A Windows event's `<Provider Name="Microsoft-Windows-Security-Auditing">`: the logging source.
        "provider",
    ].map { Array($0.utf8) }

    /// Attributes that say what kind of value their element holds (Finvoice's
    /// `<SellerAccountID IdentificationSchemeName="IBAN">`, UBL's `schemeID`, `currencyID`,
    /// `unitCode`, a date's `Format="CCYYMMDD"`): no one's data, whatever their names say.
    static let qualifierAttributes: Set<[UInt8]> = Set([
        "identificationschemename", "schemename", "schemeid", "schemeagencyid", "schemeversionid", "listid", "listagencyid",
        "currencyid", "amountcurrencyidentifier", "currency", "unitcode", "quantityunitcode", "format", "languageid",
        "mimecode", "encodingcode", "chargeoption",
    ].map { Array($0.utf8) })

    /// A drug's or a medication's element (`DrugCoded`, `MedicationPrescribed`).
    static func namesDrug(_ name: [UInt8]) -> Bool {
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return [Array("drug".utf8), Array("medic".utf8)].contains { w in lower.firstRange(of: w) != nil }
    }

    static func namesThing(_ name: [UInt8]) -> Bool {
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return thingWords.contains { w in
            lower.count >= w.count && (0...(lower.count - w.count)).contains { i in lower[i..<(i + w.count)].elementsEqual(w) }
        }
    }

    // MARK: Tags

    /// The current tag's local name and whether it is an end tag.
    private func tagName() -> ([UInt8], Bool) {
        XMLScanner.localName(scanner.tag)
    }

    /// The current start tag's attributes (local names, decoded values), without namespace
    /// declarations and `xsi:`/`xml:` attributes.
    private func attributes() -> [(name: [UInt8], value: [UInt8])] {
        var out: [(name: [UInt8], value: [UInt8])] = []
        let tag = scanner.tag
        tag.withUnsafeBufferPointer { t in
            var i = 0
            while i < t.count && !Self.isSpace(t[i]) { i += 1 }
            XMLScanner.forEachAttribute(t, from: i) { qualified, local, value in
                let prefix = local > qualified.lowerBound ? Array(t[qualified.lowerBound..<(local - 1)]) : []
                let name = Array(t[local..<qualified.upperBound])
                if name == Array("xmlns".utf8) || prefix == Array("xmlns".utf8) || prefix == Array("xsi".utf8) || prefix == Array("xml".utf8) { return true }
                out.append((name, Self.decode(tag[value])))
                return true
            }
        }
        return out
    }

    /// Resolves the predefined and numeric references of an attribute value; others stay as written.
    static func decode(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = v.startIndex
        while i < v.endIndex {
            if v[i] == UInt8(ascii: "&"), let end = v[i..<Swift.min(v.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")),
               let decoded = XMLScanner.decodeEntity(Array(v[(i + 1)..<end])) {
                out.append(contentsOf: decoded)
                i = end + 1
            } else {
                out.append(v[i] == 0x0A || v[i] == 0x09 || v[i] == 0x0D ? 0x20 : v[i])
                i += 1
            }
        }
        return out
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func contains(_ p: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard p.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= p.count {
            if p[i] == needle[0] {
                var k = 1
                while k < needle.count && p[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
