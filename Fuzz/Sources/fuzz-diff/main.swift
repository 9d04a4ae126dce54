import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  Harness.diff(UnsafeRawBufferPointer(start: start, count: count))
  return 0
}
