"""`truce run`: bundled samples -> SQLite -> summary, and a re-run adds nothing."""

import json
import sqlite3
from importlib import resources

from truce.cli import main


def test_bundled_samples_are_many_and_varied():
    lines = resources.files("truce").joinpath("samples/articles.jsonl").read_text().splitlines()
    arts = [json.loads(x) for x in lines if x.strip()]
    assert len(arts) >= 12
    assert len({a["id"] for a in arts}) == len(arts)


def test_run_stores_events_and_prints_summary(tmp_path, capsys):
    db = tmp_path / "t.sqlite"
    assert main(["run", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "events from 14 articles" in out and "by country" in out and "date range" in out
    con = sqlite3.connect(db)
    n = con.execute("select count(*) from events").fetchone()[0]
    assert n > 20
    assert main(["run", "--db", str(db)]) == 0
    assert con.execute("select count(*) from events").fetchone()[0] == n
    assert con.execute("select count(*) from articles").fetchone()[0] == 14
