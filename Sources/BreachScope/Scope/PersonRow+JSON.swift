/// The `persons --format jsonl` line, with keys in the order of `product.md` (Foundation's
/// encoder on Linux does not keep declaration order, and a stable line is diff-able).
extension PersonRow {
    public var jsonLine: String {
        var out = "{\"person\":" + JSONText.string(person)
        out += ",\"identifiers\":[" + identifiers.map { "{\"type\":\(JSONText.string($0.type)),\"value\":\(JSONText.string($0.value))}" }.joined(separator: ",") + "]"
        if let name { out += ",\"name\":" + JSONText.string(name) }
        out += ",\"elements\":" + JSONText.array(elements)
        out += ",\"controllers\":" + JSONText.array(controllers)
        out += ",\"documents\":" + JSONText.array(documents)
        out += ",\"batches\":" + JSONText.array(batches)
        if let language { out += ",\"language\":" + JSONText.string(language) }
        return out + "}"
    }
}

/// Minimal JSON text for strings and string arrays (RFC 8259 escaping).
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
    static func array(_ a: [String]) -> String { "[" + a.map(string).joined(separator: ",") + "]" }
}

extension PersonRow {
    /// The header of `persons --format csv`.
    public static let csvHeader = "person,identifiers,name,elements,controllers,documents,batches,language"

    /// One CSV line (RFC 4180 quoting); lists are `;`-joined, identifiers as `type:value`.
    public var csvLine: String {
        let ids = identifiers.map { "\($0.type):\($0.value)" }.joined(separator: ";")
        return [person, ids, name ?? "", elements.joined(separator: ";"), controllers.joined(separator: ";"),
                documents.joined(separator: ";"), batches.joined(separator: ";"), language ?? ""]
            .map(Self.csvField).joined(separator: ",")
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
