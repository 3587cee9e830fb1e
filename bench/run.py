"""Run every benchmark in bench/ (files named bench_*.py) and print their figures."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    scripts = sorted(HERE.glob("bench_*.py"))
    if not scripts:
        print("No benchmarks yet.")
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)


if __name__ == "__main__":
    main()
