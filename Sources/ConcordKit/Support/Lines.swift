extension Array where Element == String {
  /// The lines as one text, each ended by a newline: `joined(separator: "\n") + "\n"`, made
  /// in one buffer of the right size (a long report is neither grown by doubling nor copied
  /// again to add the last newline). No lines are one newline, as there.
  var asLines: String {
    guard !isEmpty else { return "\n" }
    var text = ""
    text.reserveCapacity(reduce(0) { $0 + $1.utf8.count + 1 })
    for line in self {
      text += line
      text += "\n"
    }
    return text
  }
}
