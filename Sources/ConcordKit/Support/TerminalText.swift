extension String {
  /// The text with every control character written out (`\u{1B}`), so that nothing read
  /// from a file or a file name can drive the terminal it is printed on: C0 and C1 controls
  /// and DEL, line breaks and tabs included (a diagnostic is one line).
  public var terminalSafe: String {
    guard unicodeScalars.contains(where: Self.isControl) else { return self }
    var result = ""
    for scalar in unicodeScalars {
      if Self.isControl(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
