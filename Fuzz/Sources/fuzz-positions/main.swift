import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  Harness.positions(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}
