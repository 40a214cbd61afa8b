extension UnsafeMutablePointer {
    /// A new buffer of `capacity` elements starting with this one's first `count`, moved there;
    /// this one is freed. How the tokenizer's raw buffers grow.
    func movedToLarger(count: Int, capacity: Int) -> UnsafeMutablePointer<Pointee> {
        let larger = UnsafeMutablePointer<Pointee>.allocate(capacity: capacity)
        larger.moveInitialize(from: self, count: count)
        deallocate()
        return larger
    }
}
