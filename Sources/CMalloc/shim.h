// glibc's malloc_trim, which gives freed heap pages back to the system (docs/ARCHITECTURE.md, "Report memory").
#if defined(__linux__)
#include <malloc.h>
#endif
