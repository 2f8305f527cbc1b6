#!/bin/sh
# Builds zstd-decoder.wasm: libzstd's decompressor (lib/common and lib/decompress only, no legacy formats,
# no dictionary builder, no compressor) and strata-zstd.c, for wasm32 with clang, lld and wasi-libc's
# malloc and string functions. The module imports nothing and exports strata-zstd.c's functions and its
# memory.
#
#   sh src/core/io/zstd/build.sh ZSTD_SOURCE_DIR
#
# ZSTD_SOURCE_DIR is a zstd source tree: the committed file was built from zstd's v1.5.6 release
# (`git archive v1.5.6 lib LICENSE` in the zstd repository), with
# Debian 12's clang 14: apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32. The same source and
# compiler give the same bytes.
set -eu
src=${1:?usage: build.sh ZSTD_SOURCE_DIR}
here=$(cd "$(dirname "$0")" && pwd)
lib=$src/lib
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# pool.c and threading.c serve the multithreaded compressor only.
for c in "$lib"/common/debug.c "$lib"/common/entropy_common.c "$lib"/common/error_private.c \
  "$lib"/common/fse_decompress.c "$lib"/common/xxhash.c "$lib"/common/zstd_common.c \
  "$lib"/decompress/*.c "$here"/strata-zstd.c; do
  clang --target=wasm32-wasi -O3 -c "$c" -o "$out/$(basename "$c" .c).o" \
    -nostdinc -isystem "$(clang -print-resource-dir)/include" -isystem /usr/include/wasm32-wasi -I"$lib" -I"$lib/common" \
    -DNDEBUG -DZSTD_DISABLE_ASM -DZSTD_LEGACY_SUPPORT=0 -DZSTD_NO_TRACE \
    -DDEBUGLEVEL=0 -mbulk-memory
done

clang --target=wasm32-wasi -O3 -nostartfiles -o "$here/zstd-decoder.wasm" "$out"/*.o \
  -Wl,--no-entry -Wl,--strip-all -Wl,--gc-sections \
  -Wl,--export=strata_open -Wl,--export=strata_close -Wl,--export=strata_input \
  -Wl,--export=strata_output -Wl,--export=strata_feed -Wl,--export=strata_pending \
  -Wl,--export=strata_decode -Wl,--export=strata_complete -Wl,--export=strata_error
cp "$src/LICENSE" "$here/LICENSE"
echo "built $here/zstd-decoder.wasm ($(wc -c <"$here/zstd-decoder.wasm") bytes)"
