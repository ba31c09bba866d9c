import Testing
@testable import BreachScope
import BreachScopeTesting

/// HL7 v2's XML encoding is read as the pipe-encoded messages it stands for: the patient's
/// record (identifiers by their country, name, birth date, address, phones, the study's reason
/// and results), the next of kin's record with their own ID code, and no ordering doctor.
@Suite struct HL7XMLReaderTests {
    static let message = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ORU_R01 xmlns="urn:hl7-org:v2xml">
          <MSH><MSH.1>|</MSH.1><MSH.2>^~\\&amp;</MSH.2><MSH.3><HD.1>GENLIMS</HD.1></MSH.3><MSH.7><TS.1>20230515165040</TS.1></MSH.7>
            <MSH.9><MSG.1>ORU</MSG.1><MSG.2>R01</MSG.2></MSH.9><MSH.12><VID.1>2.5</VID.1></MSH.12></MSH>
          <ORU_R01.PATIENT_RESULT><ORU_R01.PATIENT>
            <PID><PID.1>1</PID.1>
              <PID.3><CX.1>39807267613</CX.1><CX.4><HD.1>LT</HD.1><HD.2>1.3.6.1.4.1.28284.6.2.4.1</HD.2><HD.3>ISO</HD.3></CX.4><CX.5>NNLTU</CX.5></PID.3>
              <PID.3><CX.1>GL646370</CX.1><CX.4><HD.1>GENLAB</HD.1></CX.4><CX.5>MR</CX.5></PID.3>
              <PID.5><XPN.1><FN.1>Mägi</FN.1></XPN.1><XPN.2>Erkki</XPN.2></PID.5>
              <PID.7><TS.1>19980726</TS.1></PID.7>
              <PID.11><XAD.1><SAD.1>Riia 60-53</SAD.1></XAD.1><XAD.3>Tartu</XAD.3><XAD.5>50105</XAD.5></PID.11>
              <PID.13><XTN.2>PRN</XTN.2><XTN.3>CP</XTN.3><XTN.12>+37253076007</XTN.12></PID.13>
            </PID>
            <NK1><NK1.1>1</NK1.1><NK1.2><XPN.1><FN.1>Mägi</FN.1></XPN.1><XPN.2>Maarja</XPN.2></NK1.2>
              <NK1.5><XTN.12>+37259881619</XTN.12></NK1.5><NK1.33><CX.1>48010150838</CX.1><CX.5>NNEST</CX.5></NK1.33></NK1>
          </ORU_R01.PATIENT>
          <ORU_R01.ORDER_OBSERVATION>
            <ORC><ORC.1>RE</ORC.1><ORC.12><XCN.1>D81802</XCN.1><XCN.2><FN.1>Toom</FN.1></XCN.2><XCN.3>Hille</XCN.3></ORC.12><ORC.14><XTN.12>+3726732938</XTN.12></ORC.14></ORC>
            <OBR><OBR.1>1</OBR.1><OBR.4><CE.1>GP-HFE</CE.1><CE.2>HFE gene analysis</CE.2></OBR.4><OBR.31><CE.1>E83.1</CE.1><CE.2>Disorder of iron | metabolism</CE.2><CE.3>I10</CE.3></OBR.31></OBR>
            <ORU_R01.OBSERVATION><OBX><OBX.1>1</OBX.1><OBX.3><CE.1>48018-6</CE.1><CE.2>Gene studied</CE.2></OBX.3><OBX.5>HFE</OBX.5></OBX></ORU_R01.OBSERVATION>
          </ORU_R01.ORDER_OBSERVATION></ORU_R01.PATIENT_RESULT>
        </ORU_R01>
        """

    @Test func messagesAreReadAsTheirPipeEncoding() {
        let doc = Array(Self.message.utf8)
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "ORU_G2023-02648.xml", prefix: $0) } == .hl7xml)
        #expect(Array("<a><b>x</b></a>".utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: "a.xml", prefix: $0) } == .xml)
        let whole = readDocument(HL7XMLReader(), doc)
        #expect(whole.error == nil)
        for size in [1, 7, 64] {
            #expect(readDocument(HL7XMLReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "PID-3 national ID (lt_asmens_kodas)=39807267613|PID-3 patient ID=GL646370|PID-5 patient name=Erkki Mägi"
                + "|PID-7 birth date=1998-07-26|PID-11 address=Riia 60-53, 50105 Tartu|PID-13 phone=+37253076007"
                + "|OBR-4 test=GP-HFE HFE gene analysis|OBR-31 diagnosis=E83.1 Disorder of iron | metabolism I10|OBX-5 Gene studied=HFE",
            "NK1-2 name=Maarja Mägi|NK1-33 national ID (ee_isikukood)=48010150838|NK1-5 phone=+37259881619",
        ], "\(whole.visitor.recordStrings)")
        let text = whole.visitor.recordStrings.joined()
        #expect(!text.contains("6732938") && !text.contains("Toom"), "the ordering doctor is staff")
    }
}
