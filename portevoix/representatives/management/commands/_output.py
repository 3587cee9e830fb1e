"""How every import command prints its report."""

SHOWN_AT_MOST = 10


def write_report(command, report, verbosity=1):
    command.stdout.write(report.summary())
    details = list(report.details())
    shown = details if verbosity > 1 else details[:SHOWN_AT_MOST]
    for line in shown:
        command.stdout.write(line)
    if len(shown) < len(details):
        command.stdout.write(f"  … and {len(details) - len(shown)} more (use -v 2 to see them)")
