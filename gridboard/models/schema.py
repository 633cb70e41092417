"""The file's schema as named, ordered migrations (sqlite-utils `Migrations`).

Never edit a migration that has shipped: add a new one at the end. Tests migrate a file from every
earlier version (tests/test_migrations.py).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("gridboard")

# Every table carries these, so files can later be exchanged and merged between machines.
_COMMON = """
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def run_statements(db: Database, sql: str) -> None:
    """Run `;`-separated DDL inside the caller's transaction (executescript would commit)."""
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    run_statements(
        db,
        f"""
CREATE TABLE community (
    {_COMMON},
    name TEXT NOT NULL,
    hotline TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    archived_at TEXT
);
CREATE TABLE grid (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT
);
CREATE INDEX grid_community ON grid(community_id);
CREATE TABLE building (
    {_COMMON},
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    name TEXT NOT NULL,
    number INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'apartment' CHECK (kind IN ('apartment', 'courtyard')),
    units INTEGER NOT NULL DEFAULT 1 CHECK (units BETWEEN 1 AND 50),
    floors INTEGER NOT NULL DEFAULT 1 CHECK (floors BETWEEN 1 AND 120),
    rooms_per_floor INTEGER NOT NULL DEFAULT 1 CHECK (rooms_per_floor BETWEEN 1 AND 200),
    unit_layout TEXT NOT NULL DEFAULT '{{}}',
    plan_x REAL,
    plan_y REAL,
    archived_at TEXT
);
CREATE INDEX building_grid ON building(grid_id);
CREATE TABLE household (
    {_COMMON},
    building_id INTEGER NOT NULL REFERENCES building(id),
    unit INTEGER NOT NULL DEFAULT 1,
    floor INTEGER NOT NULL DEFAULT 1,
    room TEXT NOT NULL,
    head_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 0,
    occupancy TEXT NOT NULL DEFAULT 'lived_in'
        CHECK (occupancy IN ('lived_in', 'rented_out', 'vacant')),
    notes TEXT NOT NULL DEFAULT '',
    priority_tier INTEGER NOT NULL DEFAULT 0,
    last_visit_at TEXT,
    last_outcome TEXT,
    last_reached_at TEXT,
    archived_at TEXT
);
CREATE UNIQUE INDEX household_address ON household(building_id, unit, room)
    WHERE archived_at IS NULL;
CREATE INDEX household_building_place ON household(building_id, unit, floor);
CREATE TABLE resident (
    {_COMMON},
    household_id INTEGER NOT NULL REFERENCES household(id),
    name TEXT NOT NULL,
    gender TEXT CHECK (gender IN ('M', 'F')),
    birth_year INTEGER,
    phone TEXT NOT NULL DEFAULT '',
    id_number TEXT NOT NULL DEFAULT '',
    moved_out_at TEXT,
    archived_at TEXT
);
CREATE INDEX resident_household ON resident(household_id);
CREATE INDEX resident_name ON resident(name);
CREATE TABLE tag (
    {_COMMON},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    tier INTEGER NOT NULL DEFAULT 0 CHECK (tier BETWEEN 0 AND 2),
    marker TEXT NOT NULL DEFAULT '',
    archived_at TEXT
);
CREATE TABLE resident_tag (
    {_COMMON},
    resident_id INTEGER NOT NULL REFERENCES resident(id),
    tag_id INTEGER NOT NULL REFERENCES tag(id),
    UNIQUE (resident_id, tag_id)
);
CREATE INDEX resident_tag_tag ON resident_tag(tag_id);
CREATE TABLE member (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('community_member', 'in_service', 'cadre',
        'grid_worker', 'building_head', 'unit_head', 'volunteer')),
    branch TEXT NOT NULL DEFAULT '',
    work_unit TEXT NOT NULL DEFAULT '',
    home_household_id INTEGER REFERENCES household(id),
    active INTEGER NOT NULL DEFAULT 1,
    archived_at TEXT
);
CREATE INDEX member_community ON member(community_id);
CREATE TABLE grid_role (
    {_COMMON},
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    member_id INTEGER NOT NULL REFERENCES member(id),
    role TEXT NOT NULL,
    building_id INTEGER REFERENCES building(id),
    unit INTEGER,
    started_on TEXT NOT NULL,
    ended_on TEXT
);
CREATE INDEX grid_role_grid ON grid_role(grid_id);
CREATE TABLE pairing (
    {_COMMON},
    member_id INTEGER NOT NULL REFERENCES member(id),
    household_id INTEGER NOT NULL REFERENCES household(id),
    mode TEXT NOT NULL CHECK (mode IN ('1+1', 'N+1', '1+N')),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    reason TEXT NOT NULL DEFAULT '',
    end_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pairing_household ON pairing(household_id) WHERE ended_on IS NULL;
CREATE INDEX pairing_member ON pairing(member_id);
CREATE TABLE scope (
    {_COMMON},
    member_id INTEGER NOT NULL REFERENCES member(id),
    building_id INTEGER NOT NULL REFERENCES building(id),
    unit INTEGER,
    floor INTEGER,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    reason TEXT NOT NULL DEFAULT '',
    end_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scope_building ON scope(building_id) WHERE ended_on IS NULL;
CREATE INDEX scope_member ON scope(member_id);
CREATE TABLE visit (
    {_COMMON},
    household_id INTEGER NOT NULL REFERENCES household(id),
    visited_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('in_person', 'phone', 'wechat')),
    outcome TEXT NOT NULL CHECK (outcome IN ('met', 'nobody_home', 'refused')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'paper', 'imported')),
    sheet_no TEXT,
    withdrawn_at TEXT,
    withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visit_household ON visit(household_id, visited_at);
CREATE INDEX visit_date ON visit(visited_at);
CREATE TABLE visit_member (
    {_COMMON},
    visit_id INTEGER NOT NULL REFERENCES visit(id),
    member_id INTEGER NOT NULL REFERENCES member(id),
    UNIQUE (visit_id, member_id)
);
CREATE INDEX visit_member_member ON visit_member(member_id);
CREATE TABLE request (
    {_COMMON},
    household_id INTEGER NOT NULL REFERENCES household(id),
    visit_id INTEGER REFERENCES visit(id),
    category TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
    source TEXT NOT NULL DEFAULT 'visit',
    hotline_ticket TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'collected',
    assignee_member_id INTEGER REFERENCES member(id),
    assignee_department TEXT NOT NULL DEFAULT '',
    due_at TEXT,
    resolution TEXT NOT NULL DEFAULT '',
    rating TEXT,
    collected_at TEXT NOT NULL,
    dispatched_at TEXT,
    started_at TEXT,
    resolved_at TEXT,
    followed_up_at TEXT,
    archived_at TEXT
);
CREATE INDEX request_household ON request(household_id);
CREATE INDEX request_status ON request(status, due_at);
CREATE TABLE request_step (
    {_COMMON},
    request_id INTEGER NOT NULL REFERENCES request(id),
    step TEXT NOT NULL,
    at TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_step_request ON request_step(request_id);
CREATE TABLE emergency (
    {_COMMON},
    community_id INTEGER REFERENCES community(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    ended_at TEXT,
    declared_by TEXT NOT NULL DEFAULT '',
    cycle_priority_days INTEGER NOT NULL DEFAULT 1,
    cycle_other_days INTEGER NOT NULL DEFAULT 3
);
CREATE TABLE audit_log (
    {_COMMON},
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_uid TEXT,
    old TEXT,
    new TEXT
);
CREATE INDEX audit_row ON audit_log(table_name, row_uid);
CREATE TABLE setting (
    {_COMMON},
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
)
""",
    )


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations(name="m002_builtin_tags")
def m002_builtin_tags(db: Database) -> None:
    from gridboard.models.clock import new_uid, now_iso

    stamp = now_iso()
    for code, name, tier, marker in _M002_TAGS:
        db.execute(
            "INSERT INTO tag (uid, created_at, updated_at, code, name, builtin, tier, marker)"
            " VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            [new_uid(), stamp, stamp, code, name, tier, marker],
        )


# The built-in tags as this step made them (frozen; vocab.BUILTIN_TAGS is today's list): code, name,
# tier (2 high, 1 priority), map marker.
_M002_TAGS = (
    ("living_alone", "独居老人", 2, "独"),
    ("empty_nest", "空巢老人", 1, "巢"),
    ("aged_80", "高龄老人", 1, "高"),
    ("disabled", "残疾", 2, "残"),
    ("chronic", "慢性病", 2, "病"),
    ("dibao", "低保", 1, "困"),
    ("dibao_edge", "低保边缘", 1, "困"),
    ("tekun", "特困", 1, "困"),
    ("child_difficulty", "困境儿童", 2, "幼"),
    ("left_behind", "留守儿童", 1, "幼"),
    ("pregnant", "孕产妇", 1, "孕"),
    ("veteran", "退役军人", 1, "军"),
)


@migrations(name="m003_requests")
def m003_requests(db: Database) -> None:
    # Requests' full loop: reopening, who a step went to, scarce-supplies items (delivered amounts are
    # the supply_delivery rows against an item, m005), and indexes for filtering at city scale.
    run_statements(
        db,
        f"""
ALTER TABLE request ADD COLUMN reopened_at TEXT;
ALTER TABLE request ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE request_step ADD COLUMN member_id INTEGER REFERENCES member(id);
ALTER TABLE request_step ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE request_step ADD COLUMN due_at TEXT;
ALTER TABLE request_step ADD COLUMN rating TEXT;
CREATE TABLE request_item (
    {_COMMON},
    request_id INTEGER NOT NULL REFERENCES request(id),
    item TEXT NOT NULL,
    quantity REAL NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL DEFAULT '',
    archived_at TEXT
);
CREATE INDEX request_item_request ON request_item(request_id);
CREATE INDEX request_item_item ON request_item(item, unit);
CREATE INDEX request_collected ON request(collected_at);
CREATE INDEX request_resolved ON request(resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX request_category ON request(category, status);
CREATE INDEX request_assignee ON request(assignee_member_id, status)
    WHERE assignee_member_id IS NOT NULL;
CREATE INDEX request_department ON request(assignee_department, status)
    WHERE assignee_department != ''
""",
    )


@migrations(name="m004_printed_sheets")
def m004_printed_sheets(db: Database) -> None:
    # Every printed visit sheet and its rows in printed order, so a returned sheet is entered by
    # its number and each row turns into at most one visit.
    run_statements(
        db,
        f"""
CREATE TABLE printed_sheet (
    {_COMMON},
    sheet_no TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    member_id INTEGER REFERENCES member(id),
    building_id INTEGER REFERENCES building(id),
    grid_id INTEGER REFERENCES grid(id),
    period TEXT NOT NULL DEFAULT '',
    floor_order TEXT NOT NULL DEFAULT 'bottom' CHECK (floor_order IN ('top', 'bottom')),
    printed_at TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX printed_sheet_member ON printed_sheet(member_id);
CREATE TABLE printed_sheet_row (
    {_COMMON},
    sheet_id INTEGER NOT NULL REFERENCES printed_sheet(id),
    position INTEGER NOT NULL,
    household_id INTEGER NOT NULL REFERENCES household(id),
    visit_id INTEGER REFERENCES visit(id),
    UNIQUE (sheet_id, position)
);
CREATE INDEX printed_sheet_row_household ON printed_sheet_row(household_id)
""",
    )


@migrations(name="m005_emergency")
def m005_emergency(db: Database) -> None:
    # Roll-call results: one row per attempt (the latest of a day is that day's state); a wrong key
    # is withdrawn, never deleted. Each attempt also logs a visit (visit_id), so coverage agrees.
    # Rosters (1+4+N) per grid, instructions with each grid's feedback, and supply deliveries
    # (what was handed over when, against a scarce-supplies request item when there is one).
    run_statements(
        db,
        f"""
CREATE TABLE rollcall (
    {_COMMON},
    emergency_id INTEGER NOT NULL REFERENCES emergency(id),
    household_id INTEGER NOT NULL REFERENCES household(id),
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('reached_safe', 'reached_needs_help', 'unreachable', 'not_tried')),
    method TEXT NOT NULL DEFAULT 'phone',
    member_id INTEGER REFERENCES member(id),
    operator TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    visit_id INTEGER REFERENCES visit(id),
    withdrawn_at TEXT
);
CREATE INDEX rollcall_household ON rollcall(emergency_id, household_id, at);
CREATE INDEX rollcall_day ON rollcall(emergency_id, day);
CREATE TABLE emergency_roster (
    {_COMMON},
    emergency_id INTEGER NOT NULL REFERENCES emergency(id),
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    member_id INTEGER NOT NULL REFERENCES member(id),
    role TEXT NOT NULL CHECK (role IN ('temp_secretary', 'cadre_sent_down', 'community_worker',
        'grid_leader', 'building_head', 'volunteer')),
    added_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX emergency_roster_grid ON emergency_roster(emergency_id, grid_id);
CREATE TABLE emergency_instruction (
    {_COMMON},
    emergency_id INTEGER NOT NULL REFERENCES emergency(id),
    text TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT
);
CREATE INDEX emergency_instruction_emergency ON emergency_instruction(emergency_id);
CREATE TABLE emergency_feedback (
    {_COMMON},
    instruction_id INTEGER NOT NULL REFERENCES emergency_instruction(id),
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    feedback TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    answered_by TEXT NOT NULL DEFAULT '',
    UNIQUE (instruction_id, grid_id)
);
CREATE TABLE supply_delivery (
    {_COMMON},
    emergency_id INTEGER REFERENCES emergency(id),
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    item TEXT NOT NULL,
    quantity REAL NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL DEFAULT '',
    request_item_id INTEGER,
    household_id INTEGER REFERENCES household(id),
    delivered_at TEXT NOT NULL,
    delivered_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supply_delivery_grid ON supply_delivery(grid_id, item);
CREATE INDEX supply_delivery_emergency ON supply_delivery(emergency_id, delivered_at)
""",
    )


@migrations(name="m006_search_pinyin")
def m006_search_pinyin(db: Database) -> None:
    """Pinyin initials for searching names (zs for 张三) and indexes for phone tails, filled now."""
    run_statements(
        db,
        """
ALTER TABLE resident ADD COLUMN name_initials TEXT;
ALTER TABLE member ADD COLUMN name_initials TEXT;
CREATE INDEX resident_initials ON resident(name_initials);
CREATE INDEX member_initials ON member(name_initials);
CREATE INDEX member_name ON member(name);
CREATE INDEX resident_phone_tail ON resident(substr(phone, -4));
CREATE INDEX member_phone_tail ON member(substr(phone, -4));
CREATE INDEX household_phone_tail ON household(substr(phone, -4));
CREATE INDEX building_number ON building(number)
""",
    )
    # A renamed person's initials are recomputed on the next search (search.fill_initials).
    for table in ("resident", "member"):
        db.execute(
            f"CREATE TRIGGER {table}_renamed AFTER UPDATE OF name ON {table}"
            f" WHEN NEW.name IS NOT OLD.name BEGIN"
            f" UPDATE {table} SET name_initials = NULL WHERE id = NEW.id; END"
        )
    # The initials themselves are derived data: left empty here (a migration runs no live code) and
    # filled by `search.fill_initials` before the first search that needs them.


@migrations(name="m007_dashboard_indexes")
def m007_dashboard_indexes(db: Database) -> None:
    # The dashboard's visits-over-time figures read only this index (no row lookups across a
    # city-sized visit table): counts by day and method, and distinct households reached.
    run_statements(
        db,
        """
CREATE INDEX visit_period ON visit(visited_at, method, outcome, household_id)
    WHERE withdrawn_at IS NULL
""",
    )


@migrations(name="m008_list_indexes")
def m008_list_indexes(db: Database) -> None:
    # Measured on the city file: the requests list's default filters read these instead of every
    # request row; pairing/scope history (not only current rows) without a table scan; and the
    # board's first tree count from one covering index of lived-in households.
    run_statements(
        db,
        """
CREATE INDEX request_list ON request(status, archived_at, due_at, collected_at);
CREATE INDEX request_list_category ON request(category, status, archived_at, due_at, collected_at);
CREATE INDEX request_list_source ON request(source, status, archived_at, due_at, collected_at);
CREATE INDEX pairing_household_all ON pairing(household_id);
CREATE INDEX scope_building_all ON scope(building_id);
CREATE INDEX household_tree ON household(building_id, occupancy, priority_tier, last_reached_at)
    WHERE archived_at IS NULL
""",
    )


@migrations(name="m009_dashboard_tallies")
def m009_dashboard_tallies(db: Database) -> None:
    # The dashboard reads tallies kept by triggers instead of counting a city's rows on every look
    # (bench/bench_dashboard.py).
    # The overdue priority households list reads priority households only, without row lookups.
    db.execute(
        "CREATE INDEX household_priority_reached"
        " ON household(priority_tier, last_reached_at, occupancy, building_id, unit, room)"
        " WHERE archived_at IS NULL AND priority_tier > 0"
    )
    # The tables as they were at this step (frozen); their triggers and counts are derived data, made
    # when the file opens (tallies.ensure_current), so this step never runs live tally code.
    for statement in _M009_TALLY_TABLES:
        db.execute(statement)


_M009_TALLY_TABLES = (
    """
    CREATE TABLE tally_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        since_normal TEXT NOT NULL,
        since_priority TEXT NOT NULL,
        since_high TEXT NOT NULL
    )""",
    """
    CREATE TABLE tally_member_link (
        household_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        ways INTEGER NOT NULL,
        PRIMARY KEY (household_id, member_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX tally_member_link_member ON tally_member_link(member_id)",
    """
    CREATE TABLE tally_household_tag (
        household_id INTEGER NOT NULL,
        tag_id INTEGER NOT NULL,
        residents INTEGER NOT NULL,
        PRIMARY KEY (household_id, tag_id)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_count (
        kind TEXT NOT NULL,
        subject INTEGER NOT NULL,
        grid_id INTEGER NOT NULL,
        tier INTEGER NOT NULL,
        households INTEGER NOT NULL,
        paired INTEGER NOT NULL,
        residents INTEGER NOT NULL,
        in_cycle INTEGER NOT NULL,
        PRIMARY KEY (kind, subject, grid_id, tier)
    ) WITHOUT ROWID""",
    "CREATE INDEX tally_count_grid ON tally_count(kind, grid_id)",
    """
    CREATE INDEX tally_count_behind ON tally_count(kind, households - in_cycle DESC, in_cycle * 1.0 / households, subject)
        WHERE kind = 'member_all'""",
    """
    CREATE TABLE tally_reached (
        kind TEXT NOT NULL,
        subject INTEGER NOT NULL,
        grid_id INTEGER NOT NULL,
        tier INTEGER NOT NULL,
        day TEXT NOT NULL,
        households INTEGER NOT NULL,
        PRIMARY KEY (kind, tier, day, subject, grid_id)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_visit_day (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        in_person INTEGER NOT NULL,
        phone INTEGER NOT NULL,
        wechat INTEGER NOT NULL,
        households INTEGER NOT NULL,
        week_last INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, day)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_open (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        collected_at TEXT NOT NULL,
        request_id INTEGER NOT NULL,
        due_at TEXT,
        PRIMARY KEY (area, area_id, collected_at, request_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX tally_request_open_due ON tally_request_open(area, area_id, due_at)",
    """
    CREATE TABLE tally_request_open_category (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        category TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, category)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_collected_day (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, day, category, status)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_collected_month (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, month, category, status)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_resolved_day (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, day, bucket)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_resolved_month (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, month, bucket)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_hours (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        month TEXT NOT NULL,
        hours REAL NOT NULL,
        day TEXT NOT NULL,
        request_id INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, bucket, month, hours, day, request_id)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_request_rated (
        area TEXT NOT NULL,
        area_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        rated INTEGER NOT NULL,
        satisfied INTEGER NOT NULL,
        PRIMARY KEY (area, area_id, day)
    ) WITHOUT ROWID""",
    """
    CREATE TABLE tally_supply_need (
        grid_id INTEGER NOT NULL,
        item TEXT NOT NULL,
        unit TEXT NOT NULL,
        household_id INTEGER NOT NULL,
        request_id INTEGER NOT NULL,
        request_item_id INTEGER NOT NULL UNIQUE,
        building_id INTEGER NOT NULL,
        collected_at TEXT NOT NULL,
        quantity REAL NOT NULL,
        delivered REAL NOT NULL,
        PRIMARY KEY (grid_id, item, unit, household_id, request_id, request_item_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX tally_supply_need_request ON tally_supply_need(request_id)",
    """
    CREATE TABLE tally_request_source (
        id INTEGER,
        category TEXT,
        status TEXT,
        collected_at TEXT,
        due_at TEXT,
        resolved_at TEXT,
        followed_up_at TEXT,
        reopened_at TEXT,
        rating TEXT,
        hours REAL,
        grid_id INTEGER,
        community_id INTEGER
    )""",
    "CREATE INDEX supply_delivery_request_item ON supply_delivery(request_item_id)",
)


@migrations(name="m010_ledger_structure")
def m010_ledger_structure(db: Database) -> None:
    # What real ledgers hold beyond building-unit-room (issue 13). Frozen SQL: never edit, add a step.
    for statement in (
        # 小区: two estates of one community may both have a 1号楼; the estate is part of the building's
        # identity. Its name (shown everywhere) keeps the estate before it: 幸福小区1号楼.
        "ALTER TABLE building ADD COLUMN estate TEXT NOT NULL DEFAULT ''",
        # 户号: the register's household number, which groups residents into households.
        "ALTER TABLE household ADD COLUMN register_no TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX household_register_no ON household(register_no) WHERE register_no != ''",
        # A phone written with a note (187…（女儿）) keeps the number and the note beside it.
        "ALTER TABLE household ADD COLUMN phone_note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE resident ADD COLUMN phone_note TEXT NOT NULL DEFAULT ''",
        # 残疾类别/等级 as written (肢体二级); the 残疾 tag says the resident is disabled.
        "ALTER TABLE resident ADD COLUMN disability TEXT NOT NULL DEFAULT ''",
        # Words the office chose to keep as a note rather than map to a tag.
        "ALTER TABLE resident ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
        # Two members named 王伟 are two people when their phones or IDs differ.
        "ALTER TABLE member ADD COLUMN phone_note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE member ADD COLUMN id_number TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE member ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
    ):
        db.execute(statement)


@migrations(name="m015_serve")
def m015_serve(db: Database) -> None:
    # Those who come to serve (issue 21): units paired with a community (1+N), reporting in (双报到),
    # posts and their claims, needs/resources/projects (三张清单), service records with points by an
    # editable rule table (双积分), escalations of requests (社区吹哨、部门报到), and emergency duty
    # posts/checkpoints with shifts. Frozen SQL: never edit, add a step.
    run_statements(
        db,
        f"""
CREATE TABLE org_unit (
    {_COMMON},
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'government',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    community_id INTEGER REFERENCES community(id),
    contract_terms TEXT NOT NULL DEFAULT '',
    contract_start TEXT,
    contract_end TEXT,
    notes TEXT NOT NULL DEFAULT '',
    archived_at TEXT
);
CREATE INDEX org_unit_community ON org_unit(community_id);
ALTER TABLE member ADD COLUMN unit_id INTEGER REFERENCES org_unit(id);
CREATE INDEX member_unit ON member(unit_id) WHERE unit_id IS NOT NULL;
CREATE TABLE report_in (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    unit_id INTEGER REFERENCES org_unit(id),
    member_id INTEGER REFERENCES member(id),
    reported_on TEXT NOT NULL,
    work_unit TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    available_time TEXT NOT NULL DEFAULT '',
    slip_no TEXT NOT NULL,
    received_at TEXT,
    received_by TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT,
    CHECK (unit_id IS NOT NULL OR member_id IS NOT NULL),
    UNIQUE (community_id, slip_no)  -- numbered by each community: a street file holds several BD…-001
);
CREATE INDEX report_in_member ON report_in(member_id) WHERE member_id IS NOT NULL;
CREATE INDEX report_in_unit ON report_in(unit_id);
CREATE TABLE service_post (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    grid_id INTEGER REFERENCES grid(id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    places INTEGER NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 999),
    published_on TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX service_post_community ON service_post(community_id);
CREATE TABLE post_claim (
    {_COMMON},
    post_id INTEGER NOT NULL REFERENCES service_post(id),
    member_id INTEGER NOT NULL REFERENCES member(id),
    claimed_on TEXT NOT NULL,
    ended_on TEXT
);
CREATE INDEX post_claim_post ON post_claim(post_id) WHERE ended_on IS NULL;
CREATE INDEX post_claim_member ON post_claim(member_id);
CREATE TABLE community_need (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    grid_id INTEGER REFERENCES grid(id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    raised_on TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX community_need_community ON community_need(community_id);
CREATE TABLE unit_resource (
    {_COMMON},
    unit_id INTEGER NOT NULL REFERENCES org_unit(id),
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    offered_on TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX unit_resource_unit ON unit_resource(unit_id);
CREATE TABLE service_project (
    {_COMMON},
    need_id INTEGER NOT NULL REFERENCES community_need(id),
    resource_id INTEGER NOT NULL REFERENCES unit_resource(id),
    claimed_by TEXT NOT NULL DEFAULT 'community' CHECK (claimed_by IN ('community', 'unit')),
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    started_on TEXT NOT NULL,
    finished_on TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_project_need ON service_project(need_id);
CREATE INDEX service_project_resource ON service_project(resource_id);
CREATE TABLE point_rule (
    {_COMMON},
    kind TEXT NOT NULL UNIQUE,
    points_each REAL NOT NULL DEFAULT 0 CHECK (points_each >= 0),
    points_per_hour REAL NOT NULL DEFAULT 0 CHECK (points_per_hour >= 0)
);
CREATE TABLE service_record (
    {_COMMON},
    member_id INTEGER NOT NULL REFERENCES member(id),
    unit_id INTEGER REFERENCES org_unit(id),
    community_id INTEGER NOT NULL REFERENCES community(id),
    grid_id INTEGER REFERENCES grid(id),
    kind TEXT NOT NULL,
    served_on TEXT NOT NULL,
    hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0 AND hours <= 24),
    points REAL NOT NULL DEFAULT 0,
    post_id INTEGER REFERENCES service_post(id),
    project_id INTEGER REFERENCES service_project(id),
    request_id INTEGER REFERENCES request(id),
    visit_id INTEGER REFERENCES visit(id),
    shift_id INTEGER,
    note TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT
);
CREATE INDEX service_record_member ON service_record(member_id, served_on);
CREATE INDEX service_record_unit ON service_record(unit_id, served_on);
CREATE INDEX service_record_grid ON service_record(grid_id, served_on);
CREATE INDEX service_record_day ON service_record(served_on);
CREATE TABLE escalation (
    {_COMMON},
    request_id INTEGER NOT NULL REFERENCES request(id),
    request_uid TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('community', 'street', 'district')),
    unit_id INTEGER REFERENCES org_unit(id),
    department TEXT NOT NULL DEFAULT '',
    escalated_at TEXT NOT NULL,
    answer_due_at TEXT NOT NULL,
    resolve_due_at TEXT NOT NULL,
    answered_at TEXT,
    answer TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    risen_at TEXT,
    previous_id INTEGER REFERENCES escalation(id),
    reason TEXT NOT NULL DEFAULT '',
    by_rule INTEGER NOT NULL DEFAULT 0,
    withdrawn_at TEXT
);
CREATE INDEX escalation_request ON escalation(request_id);
CREATE INDEX escalation_open ON escalation(level, resolve_due_at)
    WHERE resolved_at IS NULL AND risen_at IS NULL AND withdrawn_at IS NULL;
CREATE TABLE duty_post (
    {_COMMON},
    community_id INTEGER NOT NULL REFERENCES community(id),
    grid_id INTEGER REFERENCES grid(id),
    emergency_id INTEGER REFERENCES emergency(id),
    kind TEXT NOT NULL CHECK (kind IN ('vanguard_post', 'commando_squad', 'responsibility_zone',
        'checkpoint')),
    name TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    archived_at TEXT
);
CREATE INDEX duty_post_community ON duty_post(community_id);
CREATE TABLE duty_shift (
    {_COMMON},
    post_id INTEGER NOT NULL REFERENCES duty_post(id),
    member_id INTEGER NOT NULL REFERENCES member(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    withdrawn_at TEXT,
    CHECK (ends_at > starts_at)
);
CREATE INDEX duty_shift_post ON duty_shift(post_id, starts_at);
CREATE INDEX duty_shift_member ON duty_shift(member_id, starts_at)
""",
    )
    # Instructions in normal times too (平时信息直达、应急一键响应): the emergency desk's instruction and
    # feedback tables, rebuilt so an instruction needs no emergency and may go to grids, units or Party
    # branches, with a time to answer and an acknowledgement before the feedback. Rows are copied as
    # they are (same ids and uids); the child table is dropped before its parent.
    run_statements(
        db,
        f"""
CREATE TABLE emergency_instruction_m015 (
    {_COMMON},
    emergency_id INTEGER REFERENCES emergency(id),
    text TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL DEFAULT '',
    withdrawn_at TEXT,
    community_id INTEGER REFERENCES community(id),
    due_at TEXT
);
INSERT INTO emergency_instruction_m015 (id, uid, created_at, updated_at, emergency_id, text, issued_at, issued_by,
    withdrawn_at)
    SELECT id, uid, created_at, updated_at, emergency_id, text, issued_at, issued_by, withdrawn_at
    FROM emergency_instruction;
CREATE TABLE emergency_feedback_m015 (
    {_COMMON},
    instruction_id INTEGER NOT NULL REFERENCES emergency_instruction_m015(id),
    grid_id INTEGER REFERENCES grid(id),
    feedback TEXT NOT NULL DEFAULT '',
    answered_at TEXT,
    answered_by TEXT NOT NULL DEFAULT '',
    unit_id INTEGER REFERENCES org_unit(id),
    branch TEXT NOT NULL DEFAULT '',
    acknowledged_at TEXT,
    UNIQUE (instruction_id, grid_id),
    CHECK (grid_id IS NOT NULL OR unit_id IS NOT NULL OR branch != '')
);
INSERT INTO emergency_feedback_m015 (id, uid, created_at, updated_at, instruction_id, grid_id, feedback,
    answered_at, answered_by)
    SELECT id, uid, created_at, updated_at, instruction_id, grid_id, feedback, answered_at, answered_by
    FROM emergency_feedback;
DROP TABLE emergency_feedback;
DROP TABLE emergency_instruction;
ALTER TABLE emergency_instruction_m015 RENAME TO emergency_instruction;
ALTER TABLE emergency_feedback_m015 RENAME TO emergency_feedback;
CREATE INDEX emergency_instruction_emergency ON emergency_instruction(emergency_id);
CREATE INDEX emergency_instruction_community ON emergency_instruction(community_id, issued_at);
CREATE UNIQUE INDEX emergency_feedback_unit ON emergency_feedback(instruction_id, unit_id)
    WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX emergency_feedback_branch ON emergency_feedback(instruction_id, branch) WHERE branch != ''
""",
    )


@migrations(name="m013_travel")
def m013_travel(db: Database) -> None:
    # Files that travel (issue 17). The file's own identity (one row; a checkout, a roll-up or a
    # "save as" gets a new one), every time it met another file (merge, checkout, checkin, roll-up)
    # with when, so a later merge knows what changed on each side since, the losing values of
    # conflicts for the secretary to review, and, in a checked-out file, the references that were
    # cut because they point outside the grid. Frozen SQL: never edit, add a step.
    from gridboard.models.clock import new_uid, now_iso

    run_statements(
        db,
        f"""
CREATE TABLE file_identity (
    {_COMMON},
    made_at TEXT NOT NULL
);
CREATE TABLE travel_meeting (
    {_COMMON},
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'rollup', 'checkout', 'checkin', 'checked_out_from')),
    peer_uid TEXT NOT NULL,
    peer_name TEXT NOT NULL DEFAULT '',
    grid_uid TEXT,
    met_at TEXT NOT NULL,
    peer_mark TEXT,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    operator TEXT NOT NULL DEFAULT '',
    returned_at TEXT
);
CREATE INDEX travel_meeting_peer ON travel_meeting(peer_uid, met_at);
CREATE TABLE travel_conflict (
    {_COMMON},
    meeting_id INTEGER NOT NULL REFERENCES travel_meeting(id),
    table_name TEXT NOT NULL,
    row_uid TEXT NOT NULL,
    column_name TEXT NOT NULL,
    kept_value TEXT,
    lost_value TEXT,
    kept_updated_at TEXT,
    lost_updated_at TEXT,
    lost_side TEXT NOT NULL CHECK (lost_side IN ('here', 'there')),
    reviewed_at TEXT
);
CREATE INDEX travel_conflict_row ON travel_conflict(table_name, row_uid);
CREATE TABLE travel_cut (
    {_COMMON},
    table_name TEXT NOT NULL,
    row_uid TEXT NOT NULL,
    column_name TEXT NOT NULL,
    UNIQUE (table_name, row_uid, column_name)
)
""",
    )
    stamp = now_iso()
    db.execute(
        "INSERT INTO file_identity (uid, created_at, updated_at, made_at) VALUES (?, ?, ?, ?)",
        [new_uid(), stamp, stamp, stamp],
    )


@migrations(name="m012_operators")
def m012_operators(db: Database) -> None:
    # Issue 16: people sign in to a file with their own name and a PIN or password (an argon2 hash,
    # never the secret), with a role; a 网格员 works in the grids listed for them. Frozen SQL.
    run_statements(
        db,
        f"""
CREATE TABLE operator (
    {_COMMON},
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'worker', 'grid_worker', 'read_only')),
    secret_hash TEXT NOT NULL,
    secret_kind TEXT NOT NULL DEFAULT 'pin' CHECK (secret_kind IN ('pin', 'password')),
    last_signed_in_at TEXT,
    archived_at TEXT
);
CREATE UNIQUE INDEX operator_name ON operator(name) WHERE archived_at IS NULL;
CREATE TABLE operator_grid (
    {_COMMON},
    operator_id INTEGER NOT NULL REFERENCES operator(id),
    grid_id INTEGER NOT NULL REFERENCES grid(id),
    UNIQUE (operator_id, grid_id)
);
ALTER TABLE audit_log ADD COLUMN operator_uid TEXT;
ALTER TABLE audit_log ADD COLUMN via TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_operator ON audit_log(operator, at);
ALTER TABLE visit ADD COLUMN entered_by TEXT NOT NULL DEFAULT ''
""",
    )


@migrations(name="m014_chinese")
def m014_chinese(db: Database) -> None:
    # Frozen SQL. The empty-nest marker 空 read as 空置 (vacant, a colour of the map): it becomes 巢.
    db.execute(
        "UPDATE tag SET marker = '巢', updated_at = strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"
        " WHERE code = 'empty_nest' AND builtin = 1 AND marker = '空'"
    )


@migrations(name="m019_chinese")
def m019_chinese(db: Database) -> None:
    # Frozen SQL. A visit entered from paper whose time nobody wrote down says so (time_written 0)
    # instead of showing 00:00; every visit before this step had its time.
    db.execute("ALTER TABLE visit ADD COLUMN time_written INTEGER NOT NULL DEFAULT 1")


@migrations(name="m020_lists")
def m020_lists(db: Database) -> None:
    # Frozen SQL. The members list reads serving members in name order from these indexes alone (no
    # member row touched): one community's, or the whole file's. On the city file (70,000 members) a
    # cold read of the list went from seconds to a fraction of one; building both takes under a second.
    # Other lists of serving members by name (pickers, assignees, rosters) read them too.
    run_statements(
        db,
        """
CREATE INDEX member_list_community ON member(active, archived_at, community_id, name);
CREATE INDEX member_list_name ON member(active, archived_at, name)
""",
    )


@migrations(name="m021_ranking")
def m021_ranking(db: Database) -> None:
    # Frozen SQL. The dashboard's points ranking for a quarter reads its services from this index
    # alone, for a whole file of several communities or one of them: on the city file the two rankings
    # of a whole file took 140 ms, 60 with it.
    db.execute(
        "CREATE INDEX service_record_ranked ON service_record(served_on, community_id, grid_id, unit_id,"
        " member_id, hours, points) WHERE withdrawn_at IS NULL"
    )
