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


def test_an_article_past_its_time_limit_is_skipped_as_too_slow_and_the_batch_goes_on():
    import time

    from truce.records import Article, Skip
    from truce.run import Result, extract_all

    class Stuck:
        """Stands in for a parser that hangs on one pathological text."""

        def extract(self, article: Article) -> list:
            if article.id == "stuck":
                time.sleep(30)
            return []

    out = list(extract_all([Article(id="stuck", text="x"), Article(id="fine", text="y")], Stuck(), time_limit=0.2))
    assert isinstance(out[0], Skip) and out[0].reason == "too slow" and out[0].record_id == "stuck"
    assert isinstance(out[1], Result) and out[1].article.id == "fine"
