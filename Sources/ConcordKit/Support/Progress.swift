/// Told what a long-running step is doing ("read 120 files", "merging round 2"). The
/// library never prints: the command line decides whether and how to show it.
public typealias ProgressHandler = @Sendable (String) -> Void
