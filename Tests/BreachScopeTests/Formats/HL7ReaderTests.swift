import Testing
@testable import BreachScope
import BreachScopeTesting

/// HL7 v2 messages: each message is its patient's record, each next of kin one of their own;
/// timestamps and providers are not read.
@Suite struct HL7ReaderTests {
    static let message = "MSH|^~\\&|GENLIMS|ASPERTEST|P151|Pärnu Lastekliinik|20230317173706||ORU^R01^ORU_R01|M004007|P|2.5\r"
        + "PID|1||49207091819^^^EE^NI~MRN084750^^^P151^MR~FE222750^^^UA^PPN||Kurekõrv^Helje^^^^^L||19920709|F|||Tamme tn 57^^Narva^^20104^EST||+37255512345^PRN^PH~^NET^Internet^helje@example.ee\r"
        + "NK1|1|Kurekõrv^Anu|MTH^Mother|Tamme tn 57^^Narva^^20104|+37259886849\r"
        + "ORC|RE|TL2742109|AB23-004007||CM||||202303171737|||D79871^Rohunurm^Märt\r"
        + "OBR|1|TL2742109|AB23-004007|GT-HFE^Hemokromatoos (HFE)^L|||202303171737\r"
        + "OBX|1|ST|GENE^Geen^L||HFE||||||F\r"
        + "OBX|2|ST|VAR^Variant^L||c.845G\\S\\A p.(Cys282Tyr)||||||F\r"
        + "DG1|1||E83.1^Raua ainevahetuse häire^ICD10\r"

    /// An ASTM E1394 dump (CR-ended records): each `P` record and its orders, results and
    /// comments are one patient's record; the barcode, the physician and the timestamps are not read.
    @Test func astmPatientsAreRecords() {
        let dump = "H|\\^&|||ALAB-LIS^3.2.7|||||ALINITY-CI-02|||P|1394-97|20230405060000\r"
            + "P|1||84081401105||Pawlowska^Ewa||19840814|F||ul. 3 Maja 98^Warszawa^^07-446||600629958|dr Nowak\r"
            + "O|1|1505623997||^^^FT4|R|202304050715|||||||||SER||||||||||F\r"
            + "R|1|^^^FT4|1.54|ng/dl|0.93 to 1.7|N||F||||20230405080100\r"
            + "C|1|L|Hemoliza&S&lekka|G\r"
            + "P|2||88112985613||Luczak^Mateusz||19881129|M|||ul. Długa 40^Poznan^^67-266||734560639\r"
            + "R|1|^^^CRP|18.1|mg/l|0 to 5|H||F||||20230405080200\r"
            + "L|1|N\r"
        #expect(Array(dump.utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: "ALINITY-CI-02_20230405.dat", prefix: $0) } == .hl7)
        let doc = Array(dump.utf8)
        let whole = readDocument(HL7Reader(), doc)
        #expect(whole.error == nil)
        for size in [1, 7, 64] {
            #expect(readDocument(HL7Reader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "P-4 patient ID=84081401105|P-6 patient name=Ewa Pawlowska|P-8 birth date=1984-08-14"
                + "|P-11 address=ul. 3 Maja 98, 07-446 Warszawa|P-13 phone=600629958|O-5 test=FT4|R-4 result=FT4 1.54"
                + "|C-4 comment=Hemoliza^lekka",
            "P-4 patient ID=88112985613|P-6 patient name=Mateusz Luczak|P-8 birth date=1988-11-29"
                + "|P-11 address=ul. Długa 40, 67-266 Poznan|P-13 phone=734560639|R-4 result=CRP 18.1",
        ], "\(whole.visitor.recordStrings)")
    }

    @Test func aMessageIsItsPatientsRecordAndANextOfKinIsAnother() {
        let doc = Array((Self.message + Self.message.replacingOccurrences(of: "\r", with: "\n")).utf8)
        let whole = readDocument(HL7Reader(), doc)
        #expect(whole.error == nil)
        for size in [1, 7, 64] {
            #expect(readDocument(HL7Reader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        let patient = "PID-3 national ID (ee_isikukood)=49207091819|PID-3 patient ID=MRN084750|PID-3 passport=FE222750|PID-5 patient name=Helje Kurekõrv"
            + "|PID-7 birth date=1992-07-09|PID-11 address=Tamme tn 57, 20104 Narva|PID-13 phone=+37255512345|PID-13 phone e-mail=helje@example.ee"
            + "|OBR-4 test=GT-HFE Hemokromatoos (HFE) L|OBX-5 Geen=HFE|OBX-5 Variant=c.845G^A p.(Cys282Tyr)|DG1-3 diagnosis=E83.1 Raua ainevahetuse häire ICD10"
        let mother = "NK1-2 name=Anu Kurekõrv|NK1-4 address=Tamme tn 57, 20104 Narva|NK1-5 phone=+37259886849"
        #expect(whole.visitor.recordStrings == [patient, mother, patient, mother], "\(whole.visitor.recordStrings)")
        // Neither the timestamps nor the ordering doctor are read.
        let text = whole.visitor.recordStrings.joined()
        #expect(!text.contains("20230317173706") && !text.contains("Rohunurm"))
        let hints = Dictionary(whole.visitor.events.compactMap { e -> (String, FieldHint)? in
            if case let .declare(name, hint, _) = e { return (name, hint) }; return nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(hints["PID-3 national ID (ee_isikukood)"] == .nationalID(.eeIsikukood), "the authority EE names the scheme")
        #expect(hints["PID-3 passport"] == FieldClassifier.document)
        #expect(hints["PID-5 patient name"] == .fullName)
        #expect(hints["OBX-5 Geen"] == .nonPersonal)
    }

    /// A Polish lab's batch: the identifier's type is `NN` with a country (`NNPOL`) and its
    /// authority the scheme (`PESEL`): a national ID, not a patient number; a phone written as
    /// country and number without a local part (`^PRN^CP^^48^513001920`).
    @Test func nationalIdentifiersByCountryTypeAndPhonesInTheAreaPlace() {
        let message = "FHS|^~\\&|LIS_VITA|WARSZAWA|EXPORT|CENTRALA|202309052300||||5\rBHS|^~\\&|LIS_VITA|WARSZAWA\r"
            + "MSH|^~\\&|LIS_VITA|WARSZAWA|HIS|ZLECENIODAWCA|202309051024||ORU^R01^ORU_R01|202309050000|P|2.5\r"
            + "PID|1||09303127221^^^PESEL^NNPOL~580513^^^VITA^MR||ZIELIŃSKA^Bożena||20091031|F|||ul. Kościuszki 116/62^^Katowice^^40-001^POL||^PRN^CP^^48^513001920\r"
            + "OBX|1|NM|6690-2^Leukocyty^LN||9,3|tys/µl|4,0-10,0|L|||F\r"
        let r = readDocument(HL7Reader(), Array(message.utf8))
        #expect(r.error == nil)
        let fields = r.visitor.recordStrings.joined(separator: "|")
        #expect(fields.contains("PID-3 national ID (pl_pesel)=09303127221"), "\(fields)")
        #expect(fields.contains("PID-3 patient ID=580513"))
        #expect(fields.contains("PID-13 phone=+48 513001920"))
    }

    @Test func detection() {
        func detect(_ path: String, _ text: String) -> DocumentFormat {
            Array(text.utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: path, prefix: $0) }
        }
        #expect(detect("ORU_R01_AB23-004007.hl7", Self.message) == .hl7)
        #expect(detect("message.txt", "\u{0B}" + Self.message) == .hl7)
        #expect(detect("export", Self.message) == .hl7)
        #expect(detect("notes.txt", "MSH is an abbreviation\n") == .text)
    }
}
