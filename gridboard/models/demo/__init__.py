"""Demo and scale data: a realistic ledger for one community, a street or a city, fast and reproducible.

`generate(path, scale)` makes a new file with `open_store`, then bulk-loads it in one transaction.
Ids are assigned here rather than by SQLite, so each grid's rows (households, visits, the households'
summary columns) are built completely in Python before they are written; at street and city size a
spawned producer process builds the next grids while this one writes. Everything comes from
`random.Random` seeded per grid (uids too: `clock.seeded_uid`), and every time is relative to
`today`: the same seed and day give the same rows. The file is written as `NAME.partial` and renamed
when complete, so a cancelled or failed run (the progress callback may raise `Cancelled`) leaves
nothing behind.

One job per module: `plan` (scales, households per grid), `rows` (columns, ids, uids, stamps),
`synthesis` (a community's grids and everything in them), `producer` (batches, in a second process
at street and city size), `load` (the bulk load and its pragmas), `serve` (those who come to serve).
"""

from __future__ import annotations

# demo.Cancelled, raised from a progress callback, stops a run: it is the one errors.Cancelled.
from gridboard.models.demo.load import CACHE_KIB as CACHE_KIB
from gridboard.models.demo.load import Progress as Progress
from gridboard.models.demo.load import generate as generate
from gridboard.models.demo.plan import HISTORY_DAYS as HISTORY_DAYS
from gridboard.models.demo.plan import SCALES as SCALES
from gridboard.models.demo.plan import SETUP_DAYS as SETUP_DAYS
from gridboard.models.demo.plan import Scale as Scale
from gridboard.models.demo.plan import plan as plan
from gridboard.models.demo.rows import COLUMNS as COLUMNS
from gridboard.models.demo.rows import TABLES as TABLES
from gridboard.models.errors import Cancelled as Cancelled
