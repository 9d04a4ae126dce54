/// A piece of text kept, inserted or deleted.
public struct WordEdit: Hashable, Sendable {
  public enum Operation: String, Hashable, Sendable { case equal, insert, delete }

  public var operation: Operation
  public var text: String

  public init(_ operation: Operation, _ text: String) {
    self.operation = operation
    self.text = text
  }
}
