"""Real X input for the e2e tests, through libxdo (already installed: Tauri's menus link it).

WebDriver's keys go straight into the web view; shortcuts of the native menu (GTK
accelerators such as Ctrl+Q) only see input that comes through the X server, which this
sends with the XTEST extension.

    python3 xinput.py move X Y          # move the pointer (focus follows it without a WM)
    python3 xinput.py keys ctrl+q       # press a key sequence in the focused window
    python3 xinput.py click X Y         # move and click the left button
"""

import ctypes
import sys

CURRENTWINDOW = 0


def main(argv):
    xdo_lib = ctypes.CDLL("libxdo.so.3")
    xdo_lib.xdo_new.restype = ctypes.c_void_p
    xdo = xdo_lib.xdo_new(None)
    if not xdo:
        sys.exit("xinput: cannot open the X display (is DISPLAY set?)")
    xdo = ctypes.c_void_p(xdo)
    cmd, args = argv[0], argv[1:]
    if cmd in ("move", "click"):
        rc = xdo_lib.xdo_move_mouse(xdo, int(args[0]), int(args[1]), 0)
        if rc == 0 and cmd == "click":
            rc = xdo_lib.xdo_click_window(xdo, ctypes.c_ulong(CURRENTWINDOW), 1)
    elif cmd == "keys":
        rc = xdo_lib.xdo_send_keysequence_window(xdo, ctypes.c_ulong(CURRENTWINDOW), args[0].encode(), 12000)
    else:
        sys.exit(f"xinput: unknown command {cmd!r}")
    xdo_lib.xdo_free(xdo)
    sys.exit(1 if rc else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
