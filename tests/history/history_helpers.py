"""What the history tests share: a JSON run of the mini pack, and a failing password rule."""

from __future__ import annotations

AUTH_FAILING = ("min_length: 14", "min_length: 8")


def run(mini, as_of, *args):
    return mini.invoke("run", "--evidence", str(mini.evidence), "--controls", str(mini.controls),
                       "--policies", str(mini.policies), "--as-of", as_of, "--fail-on", "none",
                       "--format", "json", *args)


def break_passwords(mini):
    auth = (mini.evidence / "auth.yaml").read_text()
    mini.write("evidence/auth.yaml", auth.replace(*AUTH_FAILING))
