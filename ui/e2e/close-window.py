"""Asks the X window titled TITLE to close, as a window manager does when
the user clicks its close button: a WM_DELETE_WINDOW client message. The
app may then hold the close (to save) or refuse it.

Usage: python3 close-window.py TITLE
Exit status 0 once the message is sent, 1 when no such window is found.
"""

import ctypes
import ctypes.util
import sys

x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
Window = ctypes.c_ulong
Atom = ctypes.c_ulong
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = Window
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XInternAtom.restype = Atom
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XQueryTree.argtypes = [
    ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint),
]
x11.XFetchName.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_char_p)]
x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XFree.argtypes = [ctypes.c_void_p]


class ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("l", ctypes.c_long * 5),
    ]


class Event(ctypes.Union):
    _fields_ = [("client", ClientMessage), ("pad", ctypes.c_long * 24)]


def windows(display, parent):
    root, up = Window(), Window()
    children = ctypes.POINTER(Window)()
    count = ctypes.c_uint()
    if not x11.XQueryTree(display, parent, ctypes.byref(root), ctypes.byref(up), ctypes.byref(children), ctypes.byref(count)):
        return
    found = [children[i] for i in range(count.value)]
    if children:
        x11.XFree(children)
    for w in found:
        yield w
        yield from windows(display, w)


def main():
    title = sys.argv[1].encode()
    display = x11.XOpenDisplay(None)
    if not display:
        print("cannot open the X display", file=sys.stderr)
        return 1
    for w in windows(display, x11.XDefaultRootWindow(display)):
        name = ctypes.c_char_p()
        if x11.XFetchName(display, w, ctypes.byref(name)) and name.value == title:
            event = Event()
            event.client.type = 33  # ClientMessage
            event.client.window = w
            event.client.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
            event.client.format = 32
            event.client.l[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
            event.client.l[1] = 0  # CurrentTime
            x11.XSendEvent(display, w, 0, 0, ctypes.byref(event))
            x11.XFlush(display)
            return 0
    print(f"no window titled {sys.argv[1]!r}", file=sys.stderr)
    return 1


sys.exit(main())
