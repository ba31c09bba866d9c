extension Array {
    /// Empties the array keeping its capacity; on an empty array, without the out-of-line call
    /// `removeAll(keepingCapacity:)` makes even then (the hot loops clear small buffers per record
    /// or per person, most of them empty).
    @inline(__always) mutating func clear() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
