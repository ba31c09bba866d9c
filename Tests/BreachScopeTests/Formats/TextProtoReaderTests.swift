import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct TextProtoReaderTests {
    static let routePlan = """
        # proto-file: westlog/routing/v2/routeplan.proto
        # proto-message: RoutePlan
        route_id: "R-20230904-01"
        driver {
          name: "Kari Mattila"
          phone: "+358414204076"
        }
        stops {
          seq: 1
          customer_no: 4401943
          recipient: "Holmberg Lars"
          address {
            street: "Strandv\\303\\244gen 44"
            postal_code: "02600"
            city: "Esbo"
          }
          phone: "(09) 400 4261"  # landline
          window { from: "09:00" to: "12:00" }
          items { sku: "TN-4757" name: "Vuoteensuoja 60x90" qty: 4 }
        }
        stops: <
          seq: 2, recipient: "Kari Seppo " "V\\xc3\\xa4is\\xc3\\xa4nen"
          phone: "0417168222"; door_code: 'C\\'122'
          tags: ["kylmä", "ovikoodi"]
        >

        """

    /// A route plan: each repeated message (`stops`) is a record; a leaf's field name is its
    /// column; octal and hex escapes are decoded, adjacent strings joined; a `#` comment is no value;
    /// lines are the file's. Every chunking reads the same.
    @Test func repeatedMessagesAreRecords() {
        let doc = Array(Self.routePlan.utf8)
        let whole = readDocument(TextProtoReader(), doc)
        #expect(whole.error == nil)
        let records = whole.visitor.recordStrings
        #expect(records.contains { $0.contains("recipient=Holmberg Lars") && $0.contains("street=Strandvägen 44")
                && $0.contains("phone=(09) 400 4261") && !$0.contains("landline") }, "\(records)")
        #expect(records.contains { $0.contains("recipient=Kari Seppo Väisänen") && $0.contains("door_code=C'122")
                && $0.contains("tags=kylmä") && $0.contains("tags=ovikoodi") }, "\(records)")
        #expect(!records.contains { $0.contains("Holmberg") && $0.contains("Väisänen") }, "\(records)")
        let lines = whole.visitor.events.compactMap { if case let .field(value, _, line, _) = $0 { (value, line) } else { nil } }
        #expect(lines.first { $0.0 == "Holmberg Lars" }?.1 == 11, "\(lines)")
        for size in [1, 5, 64] {
            #expect(readDocument(TextProtoReader(), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
    }

    /// The format is chosen by extension; a message left open fails as malformed, keeping what was read.
    @Test func extensionsAndUnclosedMessages() {
        let doc = Array("stops {\n  recipient: \"Holmberg Lars\"\n".utf8)
        for name in ["plan.textproto", "plan.pbtxt", "plan.txtpb", "model.prototxt"] {
            #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: name, prefix: $0) } == .textproto, "\(name)")
        }
        let read = readDocument(TextProtoReader(), doc)
        #expect(read.error?.kind == .malformed)
        #expect(read.visitor.recordStrings.contains { $0.contains("recipient=Holmberg Lars") })
    }
}
