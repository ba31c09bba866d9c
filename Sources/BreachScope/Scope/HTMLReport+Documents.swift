import Foundation

/// Section 9 of the HTML report: identifier types, top documents, documents by outcome, the
/// skipped and failed documents with their reasons, counts by format and the scanned documents.
extension HTMLReport {
    static func identifiers(_ r: Report, _ m: inout HTMLMarkup) {
        guard !r.identifiers.isEmpty else { return }
        section("identifiers", "Identifier types", &m) { m in
            table(id: "identifiers-table", headers: ["Identifier type", "Distinct values", "Persons"], numeric: [1, 2], &m) { m in
                for i in r.identifiers {
                    m.tag("tr") { m in
                        labelled(identifierLabel(i.type).capitalizedFirst, code: i.type, &m)
                        m.number("td", i.values)
                        m.number("td", i.persons)
                    }
                }
            }
        }
    }

    static func topDocuments(_ r: Report, _ m: inout HTMLMarkup) {
        guard !r.topDocuments.isEmpty else { return }
        section("top-documents", "Documents with the most persons", &m) { m in
            table(id: "top-documents-table", headers: ["Document", "Persons"], numeric: [1], &m) { m in
                for d in r.topDocuments {
                    m.tag("tr") { m in
                        m.element("td", [("class", "doc")], text: d.document)
                        m.number("td", d.persons)
                    }
                }
            }
        }
    }

    static func documents(_ r: Report, _ m: inout HTMLMarkup) {
        guard r.files.total > 0 || !r.documents.isEmpty else { return }
        section("documents", "Documents", &m) { m in
            m.element("p", text: "Nothing is lost silently: every file ends as scanned, skipped (with a reason) or failed (with a reason).")
            m.raw(SVGChart.bars(id: "chart-outcomes", title: "Documents by outcome", [
                SVGChart.Bar(label: "scanned", value: r.files.scanned, cls: "s-scanned"),
                SVGChart.Bar(label: "skipped", value: r.files.skipped, cls: "s-skipped"),
                SVGChart.Bar(label: "failed", value: r.files.failed, cls: "s-failed"),
                SVGChart.Bar(label: "pending", value: r.files.pending, cls: "s-pending"),
            ]))

            let problems = r.documents.filter { $0.status == "skipped" || $0.status == "failed" }
                .sorted { $0.status != $1.status ? $0.status < $1.status : $0.document < $1.document }
            if !problems.isEmpty {
                m.element("h3", text: "Skipped and failed documents")
                table(id: "problems-table", headers: ["Document", "Outcome", "Format", "Reason", "Size", "Records kept"], numeric: [4, 5], &m) { m in
                    for d in problems {
                        m.tag("tr") { m in
                            m.element("td", [("class", "doc")], text: d.document)
                            m.element("td", [("class", "s-" + d.status)], text: d.status)
                            m.element("td", text: d.format ?? "—")
                            m.element("td", text: d.reason ?? "no reason recorded")
                            m.element("td", [("class", "n"), ("data-n", String(d.size))], text: byteCount(d.size))
                            m.number("td", d.records)
                        }
                    }
                }
            }

            if !r.documents.isEmpty {
                m.element("h3", text: "Documents by format")
                var byFormat: [String: [Int]] = [:]  // total, scanned, skipped, failed, pending
                for d in r.documents {
                    var c = byFormat[d.format ?? "unknown"] ?? [0, 0, 0, 0, 0]
                    c[0] += 1
                    switch d.status {
                    case "scanned": c[1] += 1
                    case "skipped": c[2] += 1
                    case "failed": c[3] += 1
                    default: c[4] += 1
                    }
                    byFormat[d.format ?? "unknown"] = c
                }
                table(id: "formats-table", headers: ["Format", "Documents", "Scanned", "Skipped", "Failed", "Pending"], numeric: [1, 2, 3, 4, 5], &m) { m in
                    for (format, c) in byFormat.sorted(by: { $0.value[0] != $1.value[0] ? $0.value[0] > $1.value[0] : $0.key < $1.key }) {
                        m.tag("tr") { m in
                            m.element("td", text: format)
                            for n in c { m.number("td", n, class: n == 0 ? "n muted" : "n") }
                        }
                    }
                }
            }

            let scanned = r.documents.filter { $0.status == "scanned" }.sorted { $0.document < $1.document }
            if !scanned.isEmpty {
                m.element("h3", text: "Scanned documents")
                table(id: "scanned-table", headers: ["Document", "Format", "Batch", "Size", "Records", "Findings"], numeric: [3, 4, 5], &m) { m in
                    for d in scanned.prefix(scannedRowLimit) {
                        m.tag("tr") { m in
                            m.element("td", [("class", "doc")], text: d.document)
                            m.element("td", text: [d.format, d.encoding].compactMap { $0 }.joined(separator: ", "))
                            m.element("td", text: d.batch)
                            m.element("td", [("class", "n"), ("data-n", String(d.size))], text: byteCount(d.size))
                            m.number("td", d.records)
                            m.number("td", d.findings)
                        }
                    }
                }
                if scanned.count > scannedRowLimit {
                    let more = scanned.count - scannedRowLimit
                    m.tag("p", [("class", "note more")]) { m in
                        m.element("span", [("data-n", String(more))], text: Report.grouped(more))
                        m.text(" more in the JSON report (listed here by name, the first \(scannedRowLimit) of "
                               + "\(Report.grouped(scanned.count)) scanned documents).")
                    }
                }
            }
        }
    }
}
