/// Disjoint sets over dense integer ids with path halving and union by size.
struct UnionFind {
    private(set) var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    mutating func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return x
    }

    @discardableResult
    mutating func union(_ a: Int32, _ b: Int32) -> Int32 {
        var ra = find(a), rb = find(b)
        if ra == rb { return ra }
        if size[Int(ra)] < size[Int(rb)] { swap(&ra, &rb) }
        parent[Int(rb)] = ra
        size[Int(ra)] += size[Int(rb)]
        return ra
    }
}
