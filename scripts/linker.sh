#!/bin/sh
# The linker of Linux builds (.cargo/config.toml): the C compiler driving mold when mold is
# installed (scripts/lib.sh installs it), else the system's default linker. mold links the
# debug app and each of the ~50 test binaries several times faster than GNU ld.
if command -v mold >/dev/null 2>&1; then
  exec cc -fuse-ld=mold "$@"
fi
exec cc "$@"
