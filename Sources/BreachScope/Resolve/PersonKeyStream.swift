import Foundation
import Synchronization

/// Person keys (`Vault.personKey`, one keyed hash per person) computed on another core while the
/// resolver is still finding persons: finding them is one core's work (0.14 s for 1M persons)
/// and the keys took another 0.06 s on all cores after it. The finder publishes each person's
/// anchor in order; the other thread hashes what has been published.
final class PersonKeyStream: @unchecked Sendable {
    private let capacity: Int
    private let anchors: UnsafeMutablePointer<ValueHash>
    private let keys: UnsafeMutablePointer<UInt64>
    /// Anchors published (written by the finder only, every `step` anchors: storing it for
    /// each one bounced its cache line between the cores and doubled the finder's time).
    private let published = Atomic<Int>(0)
    private var written = 0
    private static let step = 1024
    private let closed = Atomic<Bool>(false)
    private let done = DispatchGroup()

    /// Room for `capacity` persons (at most one per record).
    init(capacity: Int, vault: Vault) {
        self.capacity = max(capacity, 1)
        anchors = .allocate(capacity: self.capacity)
        keys = .allocate(capacity: self.capacity)
        done.enter()
        Thread.detachNewThread { [self] in
            hashPublished(vault)
            done.leave()
        }
    }

    deinit {
        anchors.deallocate()
        keys.deallocate()
    }

    /// Adds the next person's anchor (from one thread only).
    func publish(_ anchor: ValueHash) {
        precondition(written < capacity, "more persons than records")
        (anchors + written).initialize(to: anchor)
        written += 1
        if written % Self.step == 0 { published.store(written, ordering: .releasing) }
    }

    /// After the last `publish`: every published person's key, in order.
    func close() -> [UInt64] {
        finish()
        return Array(UnsafeBufferPointer(start: keys, count: published.load(ordering: .acquiring)))
    }

    /// Stops the hashing thread once it has caught up (also when nobody wants the keys: the
    /// resolver calls this on every way out).
    func finish() {
        published.store(written, ordering: .releasing)
        closed.store(true, ordering: .releasing)
        done.wait()
    }

    private func hashPublished(_ vault: Vault) {
        var next = 0
        while true {
            // `closed` first: once it is set, `published` is final.
            let last = closed.load(ordering: .acquiring)
            let n = published.load(ordering: .acquiring)
            while next + 1 < n {   // two at a time (`KeyedHasher.mac2`)
                let (a, b) = vault.personKeys(anchors[next], anchors[next + 1])
                (keys + next).initialize(to: a)
                (keys + next + 1).initialize(to: b)
                next += 2
            }
            if next < n && last {
                (keys + next).initialize(to: vault.personKey(anchor: anchors[next]))
                next += 1
            }
            if last { return }
            if next == published.load(ordering: .acquiring) { usleep(50) }
        }
    }
}
