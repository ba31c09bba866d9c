import BreachScope

/// Namespace for synthetic-data generators used by tests, examples and benchmarks.
/// Everything here is fictitious; values carry valid checksums so detectors accept them.
public enum Synthetic {}
