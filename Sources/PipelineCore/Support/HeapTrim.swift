#if os(Linux)
    import CMalloc
#endif

/// Gives the heap's free pages back to the system between the phases of a stage: glibc keeps what a
/// phase freed (in every thread's arena) as the process's own, so a later phase's memory adds to it in
/// the peak resident set instead of reusing it (docs/ARCHITECTURE.md, "Report memory").
public enum HeapTrim {
    public static func returnFreeMemory() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}
