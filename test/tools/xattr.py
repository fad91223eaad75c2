#!/usr/bin/env python3
"""xattr.py set FILE NAME VALUE | get FILE NAME: an extended attribute,
where setfattr/getfattr may not be installed. `get` prints NAME=VALUE."""
import os
import sys

if sys.argv[1] == "set":
    os.setxattr(sys.argv[2], sys.argv[3], sys.argv[4].encode())
else:
    print("%s=%s" % (sys.argv[3], os.getxattr(sys.argv[2], sys.argv[3]).decode()))
