"""An independent reader for a legacy (schema 11) Anki package: Python's zipfile, sqlite3 and
json, nothing of hyperrecall's. It checks every column, JSON key and type that Anki's
importers read, and prints {"problems": [...], "counts": {...}} as JSON.

What it checks, and where Anki reads it (ankitects/anki, read for this checker):
- rslib/src/storage/schema11.sql: the tables col, notes, cards, revlog, graves and their
  columns; col has one row.
- rslib/src/storage/upgrades/mod.rs: col.ver between 11 (SCHEMA_MIN_VERSION) and 18; the
  upgrade parses col.conf, col.models, col.decks, col.dconf and col.tags as JSON (a parse
  error fails the whole import).
- rslib/src/notetype/schema11.rs (NotetypeSchema11, NoteFieldSchema11, CardTemplateSchema11):
  a model needs id, name, type (0 standard, 1 cloze), mod, usn, sortf, did, tmpls, flds, css
  (serde has no default for them); latexPre, latexPost, latexsvg, req have defaults but are
  checked too. A field needs name, ord, sticky, rtl, font, size; a template name, ord, qfmt
  (afmt has a default, checked too).
- rslib/src/decks/schema11.rs (DeckCommonSchema11, NormalDeckSchema11): a deck needs id,
  name, usn, collapsed, dyn, lrnToday, revToday, newToday, timeToday ([day, amount]) and,
  for a normal deck, conf; mod, desc, browserCollapsed have defaults.
- rslib/src/deckconfig/schema11.rs (DeckConfSchema11, NewConfSchema11, RevConfSchema11,
  LapseConfSchema11): a preset needs id, mod, name, usn, maxTaken, autoplay, timer, new
  {delays, initialFactor, ints, order, perDay}, rev {ease4, ivlFct, maxIvl, perDay}, lapse
  {delays, leechAction, leechFails, minInt, mult}; optional desiredRetention and
  fsrsParams6 (21 numbers: FSRS-6).
- rslib/src/import_export/gather.rs: every deck's conf is a preset in dconf (or_not_found
  fails the import); no note, card or revlog id is later than a day from now (check_ids).
- rslib/src/import_export/package/apkg/import/decks.rs (add_deck_config_if_unique) and
  pylib/anki/importing/anki2.py (_did: `if "conf" in g and g["conf"] != 1`): a preset with
  id 1 is never imported, so the decks' own preset must have another id.
- rslib/src/import_export/package/apkg/import/mod.rs and rslib/src/scheduler/upgrade.rs: a
  package with scheduling runs the v1 -> v2 scheduler upgrade unless conf.schedVer is 2.
- rslib/src/import_export/package/apkg/import/cards.rs: review and day-learning due dates
  are days since crt (shifted by the collections' difference); learning due is epoch secs.
- rslib/src/storage/card/data.rs (CardData): cards.data is '' or a JSON object whose s, d,
  dr are numbers (FSRS memory), lrt whole seconds.
- rslib/src/text.rs (strip_html_preserving_media_filenames, field_checksum) and
  pylib/anki/importing/anki2.py (_importNotes, _importCards: notes and cards by column,
  guid as the key, (guid, ord) for cards, revlog rows by cid): notes.sfld is the sort field
  stripped of HTML, notes.csum the first 4 bytes of the SHA-1 of the stripped first field;
  guids unique; a note has as many fields as its model; a card's ord has a template (cloze:
  its deletion exists); revlog ease 1-4 (0 only for a manual row), type 0-5.
- the legacy `media` file: a JSON object of zip entry -> file name.
"""

import hashlib
import html
import json
import re
import sqlite3
import sys
import tempfile
import time
import zipfile

problems = []


def problem(msg):
    problems.append(msg)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


def need(obj, key, check, where):
    if not isinstance(obj, dict) or key not in obj:
        problem(f"{where}: missing {key}")
        return None
    if not check(obj[key]):
        problem(f"{where}: {key} has the wrong type or value: {obj[key]!r}")
    return obj[key]


def int_in(lo, hi):
    return lambda v: is_int(v) and lo <= v <= hi


def int_or_numeric_str(v):
    return is_int(v) or (isinstance(v, str) and v.isdigit())


def is_str(v):
    return isinstance(v, str)


def is_bool(v):
    return isinstance(v, bool)


def num_list(v):
    return isinstance(v, list) and all(is_num(x) for x in v)


def day_amount(v):
    return isinstance(v, list) and len(v) == 2 and all(is_int(x) for x in v)


MEDIA_TAG = re.compile(
    r"""<\b(?:img|audio|video|object)\b(?:[^>"']|"[^"]*?"|'[^']*?')*?\b(?:src|data)\b="""
    r"""(?:"([^"]+?)"|'([^']+?)'|([^ >]+?)).*?>""",
    re.I | re.S,
)
TAG = re.compile(r"<!--.*?-->|<style.*?</style>|<script.*?</script>|<[^>]+>", re.I | re.S)


def strip_html_preserving_media(text):
    text = MEDIA_TAG.sub(lambda m: f" {m.group(1) or m.group(2) or m.group(3)} ", text)
    return html.unescape(TAG.sub("", text)).replace("\u00a0", " ")


def checksum(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def check_models(models):
    for mid, m in models.items():
        w = f"model {mid}"
        if str(need(m, "id", int_or_numeric_str, w)) != mid:
            problem(f"{w}: id differs from its key")
        need(m, "name", is_str, w)
        kind = need(m, "type", lambda v: v in (0, 1), w)
        need(m, "mod", is_int, w)
        need(m, "usn", is_int, w)
        need(m, "did", lambda v: v is None or is_int(v), w)
        need(m, "css", is_str, w)
        need(m, "latexPre", is_str, w)
        need(m, "latexPost", is_str, w)
        need(m, "latexsvg", is_bool, w)
        flds = need(m, "flds", lambda v: isinstance(v, list) and len(v) > 0, w) or []
        tmpls = need(m, "tmpls", lambda v: isinstance(v, list) and len(v) > 0, w) or []
        need(m, "sortf", int_in(0, max(0, len(flds) - 1)), w)
        for i, f in enumerate(flds):
            fw = f"{w} field {i}"
            need(f, "name", lambda v: is_str(v) and v != "", fw)
            need(f, "ord", lambda v, i=i: v == i, fw)
            need(f, "sticky", is_bool, fw)
            need(f, "rtl", is_bool, fw)
            need(f, "font", is_str, fw)
            need(f, "size", int_in(0, 65535), fw)
        names = [f.get("name") for f in flds]
        if len(set(names)) != len(names):
            problem(f"{w}: field names repeat")
        fronts = []
        for i, t in enumerate(tmpls):
            tw = f"{w} template {i}"
            need(t, "name", lambda v: is_str(v) and v != "", tw)
            need(t, "ord", lambda v, i=i: v == i, tw)
            q = need(t, "qfmt", is_str, tw) or ""
            need(t, "afmt", is_str, tw)
            fronts.append(q)
            # A front that shows no field is refused (TemplateError::NoFrontField).
            shown = re.findall(r"\{\{(?:[^}:#^/]*:)*([^}#^/]+)\}\}", q)
            if not any(s.strip() in names for s in shown):
                problem(f"{tw}: its front shows no field")
            if kind == 1 and "{{cloze:" not in q:
                problem(f"{tw}: a cloze note type's front needs a cloze filter")
        if len(set(fronts)) != len(fronts):
            problem(f"{w}: two templates have the same front")
        req = need(m, "req", lambda v: isinstance(v, list), w) or []
        for r in req:
            ok = (
                isinstance(r, list)
                and len(r) == 3
                and is_int(r[0])
                and r[1] in ("any", "all", "none")
                and isinstance(r[2], list)
            )
            if not ok:
                problem(f"{w}: req entry {r!r} is not [ord, any|all|none, [field ords]]")


def check_dconf(dconf):
    for cid, c in dconf.items():
        w = f"preset {cid}"
        if str(need(c, "id", int_or_numeric_str, w)) != cid:
            problem(f"{w}: id differs from its key")
        need(c, "mod", is_int, w)
        need(c, "name", is_str, w)
        need(c, "usn", is_int, w)
        need(c, "maxTaken", is_int, w)
        need(c, "autoplay", is_bool, w)
        need(c, "timer", int_in(0, 255), w)
        need(c, "replayq", is_bool, w)
        new = need(c, "new", lambda v: isinstance(v, dict), w) or {}
        need(new, "delays", num_list, f"{w} new")
        need(new, "initialFactor", int_in(0, 65535), f"{w} new")
        need(
            new,
            "ints",
            lambda v: isinstance(v, list) and len(v) >= 2 and all(is_int(x) for x in v),
            f"{w} new",
        )
        need(new, "order", lambda v: v in (0, 1), f"{w} new")
        need(new, "perDay", int_in(0, 2**32 - 1), f"{w} new")
        rev = need(c, "rev", lambda v: isinstance(v, dict), w) or {}
        need(rev, "ease4", is_num, f"{w} rev")
        need(rev, "ivlFct", is_num, f"{w} rev")
        need(rev, "maxIvl", int_in(1, 2**32 - 1), f"{w} rev")
        need(rev, "perDay", int_in(0, 2**32 - 1), f"{w} rev")
        lapse = need(c, "lapse", lambda v: isinstance(v, dict), w) or {}
        need(lapse, "delays", num_list, f"{w} lapse")
        need(lapse, "leechAction", lambda v: v in (0, 1), f"{w} lapse")
        need(lapse, "leechFails", int_in(0, 2**32 - 1), f"{w} lapse")
        need(lapse, "minInt", int_in(0, 2**32 - 1), f"{w} lapse")
        need(lapse, "mult", is_num, f"{w} lapse")
        if "desiredRetention" in c:
            need(c, "desiredRetention", lambda v: is_num(v) and 0 < v < 1, w)
        if "fsrsParams6" in c:
            need(c, "fsrsParams6", lambda v: num_list(v) and len(v) == 21, w)


def check_decks(decks, dconf):
    for did, d in decks.items():
        w = f"deck {did}"
        if str(need(d, "id", int_or_numeric_str, w)) != did:
            problem(f"{w}: id differs from its key")
        need(d, "name", lambda v: is_str(v) and v.strip() != "", w)
        need(d, "usn", is_int, w)
        need(d, "mod", is_int, w)
        need(d, "desc", is_str, w)
        need(d, "collapsed", is_bool, w)
        dyn = need(d, "dyn", lambda v: v in (0, 1, False, True), w)
        for k in ("lrnToday", "revToday", "newToday", "timeToday"):
            need(d, k, day_amount, w)
        if not dyn:
            conf = need(d, "conf", int_or_numeric_str, w)
            if str(conf) not in dconf:
                problem(f"{w}: its preset {conf} is not in dconf")
    names = [str(d.get("name", "")).lower() for d in decks.values()]
    if len(set(names)) != len(names):
        problem("deck names repeat")


def rows(db, sql):
    return [dict(r) for r in db.execute(sql)]


def main(path):
    now_ms = int(time.time() * 1000)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "collection.anki2" not in names:
            problem("no collection.anki2 in the zip")
            return {}
        media = json.loads(z.read("media").decode("utf-8")) if "media" in names else None
        if not isinstance(media, dict) or not all(is_str(v) for v in media.values()):
            problem("media is not a JSON object of names")
        with tempfile.NamedTemporaryFile(suffix=".anki2") as tmp:
            tmp.write(z.read("collection.anki2"))
            tmp.flush()
            db = sqlite3.connect(tmp.name)
            db.row_factory = sqlite3.Row
            try:
                return check_collection(db, now_ms)
            finally:
                db.close()


COLUMNS = {
    "col": "id crt mod scm ver dty usn ls conf models decks dconf tags",
    "notes": "id guid mid mod usn tags flds sfld csum flags data",
    "cards": "id nid did ord mod usn type queue due ivl factor reps lapses left odue odid flags data",
    "revlog": "id cid usn ease ivl lastIvl factor time type",
    "graves": "usn oid type",
}


def check_collection(db, now_ms):
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problem("the SQLite file fails its integrity check")
    for table, cols in COLUMNS.items():
        have = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        if have != cols.split():
            problem(f"table {table} has columns {have}, expected {cols.split()}")
    cols = rows(db, "SELECT * FROM col")
    if len(cols) != 1:
        problem(f"col has {len(cols)} rows")
        return {}
    col = cols[0]
    if not 11 <= col["ver"] <= 18:
        problem(f"col.ver is {col['ver']}")
    if not is_int(col["crt"]) or col["crt"] <= 0:
        problem("col.crt is not a time in seconds")
    parsed = {}
    for k in ("conf", "models", "decks", "dconf", "tags"):
        try:
            parsed[k] = json.loads(col[k])
        except ValueError:
            problem(f"col.{k} is not JSON")
            parsed[k] = {}
        if not isinstance(parsed[k], dict):
            problem(f"col.{k} is not a JSON object")
            parsed[k] = {}
    conf, models, decks, dconf = (parsed[k] for k in ("conf", "models", "decks", "dconf"))
    need(conf, "schedVer", lambda v: v == 2, "conf")
    need(conf, "rollover", int_in(0, 23), "conf")
    need(conf, "nextPos", is_int, "conf")
    check_models(models)
    check_dconf(dconf)
    check_decks(decks, dconf)
    own = {d.get("conf") for d in decks.values() if d.get("id") != 1}
    if 1 in own or "1" in own:
        problem("a deck uses preset 1, which Anki never imports: its options would be lost")

    notes = rows(db, "SELECT * FROM notes")
    guids = [n["guid"] for n in notes]
    if len(set(guids)) != len(guids) or any(not g for g in guids):
        problem("note guids are empty or repeat")
    note_model = {}
    for n in notes:
        w = f"note {n['id']}"
        m = models.get(str(n["mid"]))
        if m is None:
            problem(f"{w}: model {n['mid']} is missing")
            continue
        note_model[n["id"]] = m
        fields = n["flds"].split("\x1f")
        if len(fields) != len(m.get("flds", [])):
            problem(f"{w}: {len(fields)} fields, its model has {len(m.get('flds', []))}")
            continue
        sort = strip_html_preserving_media(fields[m.get("sortf", 0)])
        if str(n["sfld"]) != sort:
            problem(f"{w}: sfld {n['sfld']!r} is not the stripped sort field {sort!r}")
        if n["csum"] != checksum(strip_html_preserving_media(fields[0])):
            problem(f"{w}: csum is not the checksum of the stripped first field")
        if n["tags"] and not (n["tags"].startswith(" ") and n["tags"].endswith(" ")):
            problem(f"{w}: tags {n['tags']!r} are not space-delimited")
        if n["id"] > now_ms + 86_400_000:
            problem(f"{w}: id is more than a day in the future")

    cards = rows(db, "SELECT * FROM cards")
    card_ids = set()
    for c in cards:
        w = f"card {c['id']}"
        card_ids.add(c["id"])
        m = note_model.get(c["nid"])
        if m is None:
            problem(f"{w}: note {c['nid']} is missing")
            continue
        if str(c["did"]) not in decks:
            problem(f"{w}: deck {c['did']} is missing")
        if m.get("type") == 1:
            text = db.execute("SELECT flds FROM notes WHERE id = ?", (c["nid"],)).fetchone()[0]
            if f"{{{{c{c['ord'] + 1}::" not in text:
                problem(f"{w}: cloze card {c['ord'] + 1} has no deletion in its note")
        elif not 0 <= c["ord"] < len(m.get("tmpls", [])):
            problem(f"{w}: ord {c['ord']} has no template")
        if c["type"] not in (0, 1, 2, 3):
            problem(f"{w}: type {c['type']}")
        if c["queue"] not in (-3, -2, -1, 0, 1, 2, 3, 4):
            problem(f"{w}: queue {c['queue']}")
        days = c["queue"] in (2, 3) or c["type"] == 2
        if days and not 0 <= c["due"] < 100_000:
            problem(f"{w}: due {c['due']} is not a day number from crt")
        if c["queue"] == 1 and c["due"] < 1_000_000_000:
            problem(f"{w}: a learning card's due {c['due']} is not in epoch seconds")
        if c["queue"] == 0 and c["type"] != 0:
            problem(f"{w}: in the new queue but not new")
        if not 0 <= c["flags"] <= 7 or c["odid"] != 0 or c["odue"] != 0:
            problem(f"{w}: flags, odid or odue out of range")
        if c["data"]:
            try:
                data = json.loads(c["data"])
            except ValueError:
                data = None
                problem(f"{w}: data is not JSON")
            if isinstance(data, dict):
                for k in ("s", "d", "dr"):
                    if k in data and not is_num(data[k]):
                        problem(f"{w}: data.{k} is not a number")
                if "d" in data and not 1 <= data["d"] <= 10:
                    problem(f"{w}: data.d {data['d']} is outside 1-10")
                if "s" in data and not data["s"] > 0:
                    problem(f"{w}: data.s {data['s']} is not positive")
                if "lrt" in data and not is_int(data["lrt"]):
                    problem(f"{w}: data.lrt is not whole seconds")
            elif data is not None:
                problem(f"{w}: data is not a JSON object")
        if c["id"] > now_ms + 86_400_000:
            problem(f"{w}: id is more than a day in the future")

    revlog = rows(db, "SELECT * FROM revlog")
    for r in revlog:
        w = f"revlog {r['id']}"
        if r["cid"] not in card_ids:
            problem(f"{w}: card {r['cid']} is missing")
        if r["type"] not in (0, 1, 2, 3, 4, 5):
            problem(f"{w}: type {r['type']}")
        if not (1 <= r["ease"] <= 4 or (r["ease"] == 0 and r["type"] in (4, 5))):
            problem(f"{w}: ease {r['ease']} with type {r['type']}")
        for k in ("ivl", "lastIvl"):
            if not -(2**31) <= r[k] < 2**31:
                problem(f"{w}: {k} out of range")
        if not 0 <= r["time"] < 2**31 or r["factor"] < 0:
            problem(f"{w}: time or factor out of range")
        if r["id"] > now_ms + 86_400_000:
            problem(f"{w}: id is more than a day in the future")

    return {
        "notes": len(notes),
        "cards": len(cards),
        "revlog": len(revlog),
        "models": sorted(m.get("name") for m in models.values()),
        "decks": sorted(d.get("name") for d in decks.values()),
        "presets": {k: v.get("name") for k, v in dconf.items()},
        "deckPresets": sorted({str(d.get("conf")) for d in decks.values() if d.get("id") != 1}),
    }


if __name__ == "__main__":
    counts = main(sys.argv[1])
    print(json.dumps({"problems": problems, "counts": counts}))
