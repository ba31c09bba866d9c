/// Persons being built by the resolver, in flat columns: the anchor their id derives from, their
/// flags, and their record indices as one shared array with per-person offsets.
struct PersonTable {
    var anchors: [ValueHash] = []
    var flags: [Int] = []
    /// Person `p`'s records are `records[starts[p]..<starts[p + 1]]`, ascending.
    var starts: [Int32] = [0]
    var records: [Int32] = []

    var count: Int { anchors.count }

    mutating func append<S: Sequence>(anchor: ValueHash, flags: Int, records list: S) where S.Element == Int32 {
        anchors.append(anchor)
        self.flags.append(flags)
        records.append(contentsOf: list)
        starts.append(Int32(records.count))
    }

    func recordRange(_ p: Int) -> Range<Int> { Int(starts[p])..<Int(starts[p + 1]) }
    func recordCount(_ p: Int) -> Int { Int(starts[p + 1] - starts[p]) }
}
