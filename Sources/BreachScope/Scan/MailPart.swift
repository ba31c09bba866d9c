/// Where one member of a mail message is and how to decode it: a byte range of a message file
/// (an `.eml`, an mbox or an extracted attachment), its content transfer encoding and declared
/// character set. `ArchiveExpander.materialize` decodes it into the temporary area just before
/// it is scanned.
public struct MailPart: Sendable, Hashable {
    /// Content-Transfer-Encoding of the part.
    public enum Transfer: Sendable, Hashable {
        /// 7bit, 8bit, binary or unknown: the bytes as they are.
        case identity
        case base64
        case quotedPrintable
    }

    /// What the member is made of.
    public enum Content: Sendable, Hashable {
        /// The header block (`offset`/`size` cover it): From/To/Cc/Bcc/Reply-To/Sender become
        /// `Name:` / `E-mail:` lines, one block per address.
        case headers
        /// A message body: text/plain, or text/html converted to text.
        case body(html: Bool)
        /// An attachment (or an mbox message), decoded but otherwise as it is.
        case raw
    }

    public var file: String
    public var offset: Int
    public var size: Int
    public var transfer: Transfer
    /// The declared charset label of a text part (nil: none or not a text part).
    public var charset: String?
    public var content: Content

    public init(file: String, offset: Int, size: Int, transfer: Transfer, charset: String?, content: Content) {
        self.file = file
        self.offset = offset
        self.size = size
        self.transfer = transfer
        self.charset = charset
        self.content = content
    }

    /// Upper bound of the decoded size (base64 shrinks to three quarters).
    var decodedSizeEstimate: Int {
        switch content {
        case .headers: return size
        default: return transfer == .base64 ? size / 4 * 3 + 3 : size
        }
    }
}
