/// The lines of a document that arrives in chunks, for readers whose records are made of lines
/// (`VCardReader`, `FixedWidthReader`): a line that crosses chunks is held, up to `cap` bytes
/// (the rest of a longer line is dropped).
///
/// ```
/// var i = 0
/// while let (bytes, offset) = lines.next(in: chunk, from: &i) { … }   // every line the chunk ends
/// ```
struct ChunkLines {
    let cap: Int
    private var held: [UInt8] = []
    private var heldOffset = 0
    private var chunkOffset = 0

    init(cap: Int) { self.cap = cap }

    /// The next line `chunk` ends, from `i` on (without its LF; a CR stays), with the document
    /// offset of its first byte. Nil once the chunk is used up: its last, unended line is held.
    mutating func next(in chunk: UnsafeBufferPointer<UInt8>, from i: inout Int) -> (bytes: [UInt8], offset: Int)? {
        var j = i
        while j < chunk.count && chunk[j] != 0x0A { j += 1 }
        hold(UnsafeBufferPointer(rebasing: chunk[i..<j]))
        guard j < chunk.count else {
            i = chunk.count
            chunkOffset += chunk.count
            return nil
        }
        i = j + 1
        return take(nextOffset: chunkOffset + i)
    }

    /// The last line when the document does not end with a LF.
    mutating func rest() -> (bytes: [UInt8], offset: Int)? {
        held.isEmpty ? nil : take(nextOffset: chunkOffset)
    }

    private mutating func hold(_ p: UnsafeBufferPointer<UInt8>) {
        let room = cap - held.count
        if room > 0 { held.append(contentsOf: p.prefix(room)) }
    }

    private mutating func take(nextOffset: Int) -> (bytes: [UInt8], offset: Int) {
        var bytes: [UInt8] = []
        swap(&bytes, &held)
        defer { heldOffset = nextOffset }
        return (bytes, heldOffset)
    }
}
