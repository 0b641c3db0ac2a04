#!/usr/bin/python3
# build-aux/count-tests.py — count test cases in meson's testlog.json.
# SPDX-License-Identifier: GPL-3.0-or-later
# A TAP test counts each "ok"/"not ok" line (one per GTest case); any other
# test counts once. Prints "PASSED FAILED".
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        result = json.loads(line)
        cases = [TAP_LINE.match(l) for l in (result.get("stdout") or "").splitlines()]
        cases = [c for c in cases if c]
        if cases:
            for case in cases:
                if "# SKIP" in case.group(2):
                    continue
                if case.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            # A crash after the last case leaves every line "ok" but the test failed.
            if result["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and all(c.group(1) == "ok" for c in cases):
                failed += 1
        elif result["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result["result"] != "SKIP":
            failed += 1

print(passed, failed)
