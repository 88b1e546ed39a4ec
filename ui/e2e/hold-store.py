"""Holds the write lock of an SQLite store for SECONDS, as another program
writing to it would: prints "locked" once it has the lock.

Usage: python3 hold-store.py STORE_FILE SECONDS
"""

import sqlite3
import sys
import time

conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
