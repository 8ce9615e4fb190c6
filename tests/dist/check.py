"""A small test runner for the distribution checks: runs every `test_*` function of the modules
named on the command line, prints each failure in full, and ends on `N passed, N failed`."""

import importlib
import sys
import traceback

passed = failed = 0
for module_name in sys.argv[1:]:
    module = importlib.import_module(module_name)
    for name in sorted(n for n in dir(module) if n.startswith("test_")):
        try:
            getattr(module, name)()
        except Exception:  # every failure is reported, and the next test still runs
            failed += 1
            print(f"FAIL {module_name}.{name}")
            traceback.print_exc()
        else:
            passed += 1
            print(f"ok   {module_name}.{name}")
print(f"dist: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
