#ifndef FUZZ_DRIVER_C_H
#define FUZZ_DRIVER_C_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer). SwiftPM makes an
/// executable's `main` an alias of `<Module>_main`, so each target defines that and calls this
/// instead of relying on libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
