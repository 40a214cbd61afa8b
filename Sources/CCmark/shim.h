// Long names only: cmark's short aliases (NODE_TEXT, ...) would collide with Swift code.
#define CMARK_NO_SHORT_NAMES 1
#include <cmark.h>
